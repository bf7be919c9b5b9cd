// The isolactl commands. Each parses its own options and returns the process exit status.
#pragma once

#include <string>
#include <vector>

namespace isola::cli {

inline constexpr int kExitWarnings = 1;  // plan/review: something needs confirmation
inline constexpr int kExitBlocked = 2;   // plan/review: refused, or blockers found
inline constexpr int kExitUsage = 64;    // EX_USAGE: wrong options
inline constexpr int kExitNoInput = 66;  // EX_NOINPUT: a host, file or listing could not be read

int run_overview(const std::vector<std::string>& args);
int run_scan(const std::vector<std::string>& args);
int run_import(const std::vector<std::string>& args);
int run_snapshot(const std::vector<std::string>& args);
int run_demo(const std::vector<std::string>& args);
int run_explain(const std::vector<std::string>& args);
int run_plan(const std::vector<std::string>& args);
int run_export(const std::vector<std::string>& args);
int run_review(const std::vector<std::string>& args);

}  // namespace isola::cli
