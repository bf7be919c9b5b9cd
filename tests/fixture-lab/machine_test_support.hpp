// Shared by the fixture lab tests: the machine files, and reading/generating them.
#pragma once

#include <unistd.h>

#include "fixture_lab.hpp"

#include <algorithm>
#include <filesystem>
#include <stdexcept>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace isola::lab::test {

inline std::vector<std::filesystem::path> machine_files() {
    std::vector<std::filesystem::path> files;
    for (const auto& e : std::filesystem::directory_iterator(ISOLA_FIXTURE_MACHINES_DIR))
        if (e.path().extension() == ".json") files.push_back(e.path());
    std::ranges::sort(files);
    return files;
}

inline std::string read_text(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

inline MachineSpec load_machine(const std::string& stem) {
    auto spec = parse_machine_spec(read_text(std::filesystem::path(ISOLA_FIXTURE_MACHINES_DIR) / (stem + ".json")));
    if (!spec) throw std::runtime_error(spec.error());
    return *spec;
}

// Generated trees live in the build directory, one per machine and test process, rewritten by
// every run: ctest runs each TEST as its own process, in parallel, so two tests writing the same
// machine into one directory would race.
inline std::filesystem::path generate(const std::string& stem) {
    const auto root = std::filesystem::path(ISOLA_FIXTURE_OUT) / std::to_string(::getpid()) / stem;
    write_fixture(load_machine(stem), root);
    return root;
}

// Removes this process's generated trees when the test program ends.
struct GeneratedTreesCleanup {
    ~GeneratedTreesCleanup() {
        std::error_code ec;
        std::filesystem::remove_all(std::filesystem::path(ISOLA_FIXTURE_OUT) / std::to_string(::getpid()), ec);
    }
};
inline GeneratedTreesCleanup generated_trees_cleanup;

}  // namespace isola::lab::test
