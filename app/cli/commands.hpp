// The isolactl commands. Each parses its own options and returns the process exit status.
#pragma once

#include <expected>
#include <filesystem>
#include <string>
#include <vector>

#include "topology/topology.hpp"

namespace isola::cli {

inline constexpr int kExitWarnings = 1;  // plan/review: something needs confirmation
inline constexpr int kExitBlocked = 2;   // plan/review: refused, or blockers found; apply/restore: refused before any write
inline constexpr int kExitNotApplied = 3;  // apply/restore: a write failed, and every device was put back
inline constexpr int kExitNotPutBack = 4;  // apply/restore: a device could not be put back (the journal stays)
inline constexpr int kExitProbeFailed = 5;  // probe: the kernel (or Isola, before any call) refused the attach
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
int run_graph(const std::vector<std::string>& args);
int run_apply(const std::vector<std::string>& args);
int run_restore(const std::vector<std::string>& args);
int run_status(const std::vector<std::string>& args);
int run_probe(const std::vector<std::string>& args);
int run_persist(const std::vector<std::string>& args);
int run_unpersist(const std::vector<std::string>& args);
// status, as root: an interrupted persist change under `root` ("/" for this host) put back
// first, and said so; the exit status when it could not be.
int settle_persist_under(const std::filesystem::path& root);

// The graph picture of `topology` into `file` (format from its extension), optionally highlighting
// the whole-group effect of a plan; returns the sentence to print. Shared by graph and overview.
std::expected<std::string, std::string> write_graph(const Topology& topology, const std::filesystem::path& file,
                                                    const std::vector<Bdf>& plan_devices, const std::string& vm,
                                                    bool expand_vfs, bool each_device);

}  // namespace isola::cli
