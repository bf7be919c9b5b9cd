// Where a host's kernel interfaces are. Production code uses "/sys", "/proc", "/dev"; tests
// point the same code at a fixture tree. Never read those paths any other way.
#pragma once

#include <filesystem>

namespace isola {

struct HostRoots {
    std::filesystem::path sysfs = "/sys";
    std::filesystem::path proc = "/proc";
    std::filesystem::path dev = "/dev";

    // A fixture tree laid out as <root>/sys, <root>/proc, <root>/dev.
    static HostRoots under(const std::filesystem::path& root) {
        return {root / "sys", root / "proc", root / "dev"};
    }
};

}  // namespace isola
