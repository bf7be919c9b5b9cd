#include "apply/device_state.hpp"

#include <algorithm>
#include <format>
#include <system_error>

#include "reader/sysfs_file.hpp"

namespace isola {

namespace fs = std::filesystem;

std::string DeviceState::pci_id() const { return std::format("{:04x}:{:04x}", vendor_id, device_id); }

bool is_driver_name(std::string_view name) {
    if (name.empty() || name.size() > 64 || name == "." || name == "..") return false;
    return std::ranges::all_of(name, [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-' ||
               c == '.' || c == '+';
    });
}

namespace {

ApplyFailure unreadable(const Bdf& device, const fs::path& file) {
    return {.kind = ApplyFailureKind::StateUnreadable, .device = device, .file = file.string()};
}

}  // namespace

std::expected<DeviceState, ApplyFailure> read_device_state(const fs::path& sysfs, const Bdf& device) {
    const fs::path dir = sysfs / "bus/pci/devices" / device.str();
    std::error_code ec;
    if (!fs::exists(dir, ec)) return std::unexpected(ApplyFailure{.kind = ApplyFailureKind::DeviceGone, .device = device});

    DeviceState s{.device = device};
    for (auto [name, out] : {std::pair{"vendor", &s.vendor_id}, std::pair{"device", &s.device_id}}) {
        auto n = sysfs::read_number(dir / name, 16);
        if (!n || *n > 0xffff) return std::unexpected(unreadable(device, dir / name));
        *out = static_cast<std::uint16_t>(*n);
    }
    // No link is no driver; a link whose name is not a driver's is a host Isola does not understand.
    if (fs::is_symlink(dir / "driver", ec)) {
        auto drv = sysfs::link_basename(dir / "driver");
        if (!drv) return std::unexpected(unreadable(device, dir / "driver"));
        if (!is_driver_name(*drv))
            return std::unexpected(ApplyFailure{.kind = ApplyFailureKind::BadDriverName, .device = device, .driver = *drv});
        s.driver = *drv;
    }
    // Kernels before 3.16 have no driver_override: Isola cannot bind by address there.
    auto override_line = sysfs::read_line(dir / "driver_override");
    if (!override_line) return std::unexpected(unreadable(device, dir / "driver_override"));
    // The kernel shows a cleared override as "(null)"; an empty line means the same.
    if (*override_line != "(null)" && !override_line->empty()) {
        if (!is_driver_name(*override_line))
            return std::unexpected(
                ApplyFailure{.kind = ApplyFailureKind::BadDriverName, .device = device, .driver = *override_line});
        s.driver_override = *override_line;
    }
    if (fs::exists(dir / "sriov_numvfs", ec)) {
        auto n = sysfs::read_number(dir / "sriov_numvfs", 10);
        if (!n || *n > 4096) return std::unexpected(unreadable(device, dir / "sriov_numvfs"));
        s.sriov_numvfs = static_cast<int>(*n);
    }
    return s;
}

}  // namespace isola
