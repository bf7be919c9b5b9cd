// Tests of real parts (lspci, virt-xml-validate, QEMU, ...) need the real tool. Where it is
// missing, a developer's machine skips the test; CI must not: a skip there would report a real
// part as tested when it was not. So with CI=true in the environment a missing tool fails the test.
//
//   ISOLA_REQUIRE_TOOL("lspci", "pciutils");   // first statement of a TEST or of SetUp()
//
// The shell scripts' twin is tests/support/require_tool.sh; both say the same sentence.
// Skips about the machine rather than a tool (no PCI bus, an active IOMMU) stay GTEST_SKIP.
#pragma once

#include <cstdlib>
#include <filesystem>
#include <string>
#include <string_view>

#include <unistd.h>

#include <gtest/gtest.h>

namespace isola::test {

// `tool` as an absolute path, or a command name looked up on PATH as a shell would.
inline bool tool_installed(std::string_view tool) {
    if (tool.starts_with('/')) return ::access(std::string(tool).c_str(), X_OK) == 0;
    const char* path = std::getenv("PATH");
    std::string_view dirs = path ? path : "/usr/bin:/bin";
    while (!dirs.empty()) {
        const auto colon = dirs.find(':');
        const std::string_view dir = dirs.substr(0, colon);
        const auto candidate = std::filesystem::path(dir.empty() ? "." : dir) / tool;
        if (::access(candidate.c_str(), X_OK) == 0 && !std::filesystem::is_directory(candidate)) return true;
        if (colon == std::string_view::npos) break;
        dirs.remove_prefix(colon + 1);
    }
    return false;
}

// CI=true (what CI services set, and .ci/run): a missing tool is a failure.
inline bool missing_tool_fails() {
    const char* ci = std::getenv("CI");
    return ci && std::string_view(ci) == "true";
}

inline std::string missing_tool_sentence(std::string_view tool, std::string_view debian_package) {
    return std::string(tool) + " is not installed (Debian package " + std::string(debian_package) +
           (missing_tool_fails() ? "); with CI=true a test of a real part fails without its tool"
                                 : "); skipped: install it, or run the tests inside bash .ci/env");
}

}  // namespace isola::test

// A macro because both GTEST_SKIP() and FAIL() return from the calling function.
#define ISOLA_REQUIRE_TOOL(tool, debian_package)                                              \
    do {                                                                                      \
        if (::isola::test::tool_installed(tool)) break;                                       \
        if (::isola::test::missing_tool_fails()) {                                            \
            FAIL() << ::isola::test::missing_tool_sentence(tool, debian_package);             \
        } else {                                                                              \
            GTEST_SKIP() << ::isola::test::missing_tool_sentence(tool, debian_package);       \
        }                                                                                     \
    } while (false)
