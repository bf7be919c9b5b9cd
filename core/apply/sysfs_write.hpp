// One write to the kernel's PCI interface, as data: what Isola does to a host is a list of these,
// shown by --dry-run exactly as it will be written, recorded in the journal before each is made.
#pragma once

#include <chrono>
#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "apply/device_state.hpp"
#include "topology/bdf.hpp"

namespace isola {

enum class WriteKind {
    SetVfCount,   // "<n>" > devices/<bdf>/sriov_numvfs
    SetOverride,  // "<driver>" or "\n" (clear) > devices/<bdf>/driver_override
    Unbind,       // "<bdf>" > drivers/<driver>/unbind
    Probe,        // "<bdf>" > drivers_probe: the kernel binds the override (or the preferred driver)
    Bind,         // "<bdf>" > drivers/<driver>/bind: exactly the recorded driver
};
std::string_view to_string(WriteKind);
std::optional<WriteKind> write_kind_from_string(std::string_view);

struct SysfsWrite {
    WriteKind kind;
    Bdf device;
    std::string driver;  // Unbind: the driver left; Bind/Probe: the one expected; SetOverride: the new override ("" clear)
    int vf_count = 0;    // SetVfCount
    friend bool operator==(const SysfsWrite&, const SysfsWrite&) = default;
};

// The file written, under `sysfs` (/sys in production).
std::filesystem::path write_path(const SysfsWrite& write, const std::filesystem::path& sysfs);
// The bytes written.
std::string write_value(const SysfsWrite& write);
// "echo vfio-pci > /sys/bus/pci/devices/0000:02:01.0/driver_override": the write as a shell line.
std::string write_as_shell(const SysfsWrite& write, const std::filesystem::path& sysfs);

// The writes that take devices from `from` to `to` (the same devices, in the same order), in the
// order that keeps a group safe: VFs removed first (vfio-pci refuses a PF with VFs), then every
// override set, then every device unbound from its old driver, then every device bound — no
// device is bound to vfio-pci while a group-mate is still on a host driver, and no host driver is
// bound back while a group-mate is still on vfio-pci — and VF counts restored last, once the PF is
// back on its driver.
std::vector<SysfsWrite> writes_between(std::span<const DeviceState> from, std::span<const DeviceState> to);

}  // namespace isola
