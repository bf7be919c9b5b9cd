// What Isola changes on a PCI function, as it is now: the driver bound, the driver_override and
// (on an SR-IOV PF) the VF count, with the IDs that say which device sits at the address. A
// transaction records these for every device before it writes, and puts them back from the record.
#pragma once

#include <cstdint>
#include <expected>
#include <filesystem>
#include <optional>
#include <string>

#include "apply/apply_failure.hpp"
#include "topology/bdf.hpp"

namespace isola {

struct DeviceState {
    Bdf device;
    std::uint16_t vendor_id = 0;
    std::uint16_t device_id = 0;
    std::string driver;                // "" no driver bound
    std::string driver_override;       // "" none set (the kernel prints "(null)")
    std::optional<int> sriov_numvfs;   // nullopt: not an SR-IOV physical function

    [[nodiscard]] std::string pci_id() const;  // "8086:100e"
    // Same driver, override and VF count (the IDs are who, not what is changed).
    [[nodiscard]] bool same_setting(const DeviceState& other) const {
        return driver == other.driver && driver_override == other.driver_override && sriov_numvfs == other.sriov_numvfs;
    }
    friend bool operator==(const DeviceState&, const DeviceState&) = default;
};

// Reads the state of `device` under `sysfs` (/sys in production): bus/pci/devices/<bdf>/{vendor,
// device, driver, driver_override, sriov_numvfs}. A missing device is DeviceGone; a file that
// cannot be read or parsed is StateUnreadable.
std::expected<DeviceState, ApplyFailure> read_device_state(const std::filesystem::path& sysfs, const Bdf& device);

// A driver name as the kernel spells it and a path may safely contain: [A-Za-z0-9_.+-], 1..64
// characters, not "." or "..". Names read from a record are checked again before use.
bool is_driver_name(std::string_view name);

}  // namespace isola
