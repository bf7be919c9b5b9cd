#include "apply/sysfs_write.hpp"

#include <array>
#include <format>

#include "text/enum_names.hpp"

namespace isola {

namespace fs = std::filesystem;

namespace {

constexpr std::array kWriteKindNames{
    EnumName<WriteKind>{WriteKind::SetVfCount, "set-vf-count"},
    EnumName<WriteKind>{WriteKind::SetOverride, "set-driver-override"},
    EnumName<WriteKind>{WriteKind::Unbind, "unbind"},
    EnumName<WriteKind>{WriteKind::Probe, "probe"},
    EnumName<WriteKind>{WriteKind::Bind, "bind"},
};

}  // namespace

std::string_view to_string(WriteKind k) { return name_of(kWriteKindNames, k); }
std::optional<WriteKind> write_kind_from_string(std::string_view s) { return value_of(kWriteKindNames, s); }

fs::path write_path(const SysfsWrite& w, const fs::path& sysfs) {
    const fs::path pci = sysfs / "bus/pci";
    switch (w.kind) {
        case WriteKind::SetVfCount: return pci / "devices" / w.device.str() / "sriov_numvfs";
        case WriteKind::SetOverride: return pci / "devices" / w.device.str() / "driver_override";
        case WriteKind::Unbind: return pci / "drivers" / w.driver / "unbind";
        case WriteKind::Probe: return pci / "drivers_probe";
        case WriteKind::Bind: return pci / "drivers" / w.driver / "bind";
    }
    return {};
}

std::string write_value(const SysfsWrite& w) {
    switch (w.kind) {
        case WriteKind::SetVfCount: return std::to_string(w.vf_count);
        // A lone newline clears the override (an empty write would be a no-op for some shells' echo).
        case WriteKind::SetOverride: return w.driver.empty() ? "\n" : w.driver;
        case WriteKind::Unbind:
        case WriteKind::Probe:
        case WriteKind::Bind: return w.device.str();
    }
    return {};
}

std::string write_as_shell(const SysfsWrite& w, const fs::path& sysfs) {
    const std::string value = write_value(w);
    // Every value is a number, a driver name or an address: nothing a shell would expand.
    return std::format("echo {} > {}", value == "\n" ? std::string("''") : value, write_path(w, sysfs).string());
}

std::vector<SysfsWrite> writes_between(std::span<const DeviceState> from, std::span<const DeviceState> to) {
    std::vector<SysfsWrite> out;
    const std::size_t n = std::min(from.size(), to.size());
    // 1. VFs off where the count must change (a count only changes through 0).
    for (std::size_t i = 0; i < n; ++i)
        if (from[i].sriov_numvfs.value_or(0) > 0 && from[i].sriov_numvfs != to[i].sriov_numvfs)
            out.push_back({.kind = WriteKind::SetVfCount, .device = from[i].device, .vf_count = 0});
    // 2. Overrides, so that nothing the kernel probes on its own lands on the wrong driver.
    for (std::size_t i = 0; i < n; ++i)
        if (from[i].driver_override != to[i].driver_override)
            out.push_back({.kind = WriteKind::SetOverride, .device = from[i].device, .driver = to[i].driver_override});
    // 3. Every unbind before any bind.
    for (std::size_t i = 0; i < n; ++i)
        if (!from[i].driver.empty() && from[i].driver != to[i].driver)
            out.push_back({.kind = WriteKind::Unbind, .device = from[i].device, .driver = from[i].driver});
    // 4. Binds: through the override when one names the driver, else to exactly the recorded driver.
    for (std::size_t i = 0; i < n; ++i)
        if (!to[i].driver.empty() && from[i].driver != to[i].driver)
            out.push_back({.kind = to[i].driver_override == to[i].driver ? WriteKind::Probe : WriteKind::Bind,
                           .device = from[i].device, .driver = to[i].driver});
    // 5. VFs back once the PF is on its driver.
    for (std::size_t i = 0; i < n; ++i)
        if (to[i].sriov_numvfs.value_or(0) > 0 && from[i].sriov_numvfs != to[i].sriov_numvfs)
            out.push_back({.kind = WriteKind::SetVfCount, .device = from[i].device, .vf_count = *to[i].sriov_numvfs});
    return out;
}

}  // namespace isola
