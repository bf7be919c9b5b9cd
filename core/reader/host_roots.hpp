// Where a host's kernel interfaces and configuration are. Production code uses "/sys", "/proc",
// "/dev" and "/etc"; tests point the same code at a fixture tree. Never read those paths any
// other way.
#pragma once

#include <filesystem>

namespace isola {

// A root left empty is "not given": what it would tell stays unknown (no kernel command line
// without proc, no /dev/iommu answer without dev) instead of being read from this machine.
struct HostRoots {
    std::filesystem::path sysfs = "/sys";
    std::filesystem::path proc = "/proc";
    std::filesystem::path dev = "/dev";
    // The host's configuration: libvirt domains (libvirt/qemu), Proxmox VMs (pve/qemu-server) and
    // resource mappings (pve/mapping/pci.cfg). Empty: none to read — a tree given only as a sysfs
    // root must never be reviewed against this machine's VM definitions.
    std::filesystem::path etc = "/etc";

    // A fixture tree laid out as <root>/sys, <root>/proc, <root>/dev, <root>/etc.
    static HostRoots under(const std::filesystem::path& root) {
        return {root / "sys", root / "proc", root / "dev", root / "etc"};
    }
    friend bool operator==(const HostRoots&, const HostRoots&) = default;
};

}  // namespace isola
