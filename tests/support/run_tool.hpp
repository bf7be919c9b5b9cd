// Running a real tool from a test: find it on PATH, run it, capture what it printed and its exit code.
#pragma once

#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>

namespace isola::test {

inline std::optional<std::filesystem::path> find_on_path(const std::string& name) {
    const char* path = std::getenv("PATH");
    std::istringstream dirs(path ? path : "/usr/bin:/bin");
    for (std::string dir; std::getline(dirs, dir, ':');) {
        auto candidate = std::filesystem::path(dir) / name;
        if (std::filesystem::exists(candidate)) return candidate;
    }
    return std::nullopt;
}

struct ToolRun {
    int exit_code = -1;
    std::string output;  // stdout and stderr together
};

// `command` is a shell command line; the caller quotes what needs quoting.
inline ToolRun run_tool(const std::string& command) {
    ToolRun run;
    FILE* pipe = ::popen((command + " 2>&1").c_str(), "r");
    if (!pipe) return run;
    std::array<char, 4096> buffer{};
    for (std::size_t n; (n = std::fread(buffer.data(), 1, buffer.size(), pipe)) > 0;) run.output.append(buffer.data(), n);
    const int status = ::pclose(pipe);
    run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return run;
}

inline std::filesystem::path write_temp_file(const std::string& name, const std::string& text) {
    auto file = std::filesystem::temp_directory_path() / name;
    std::ofstream(file) << text;
    return file;
}

}  // namespace isola::test
