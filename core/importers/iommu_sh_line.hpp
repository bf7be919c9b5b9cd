// r15ch13's "List IOMMU Groups and the connected USB Devices" script (iommu.sh):
//   "Group 3:  [8086:43ed]     00:14.0  USB controller     Tiger Lake-H USB 3.2 Gen 2x1 xHCI Host Controller"
//   "          [8086:43ef] [R] 00:14.2  RAM memory         Tiger Lake-H Shared SRAM"   (same group)
//   "USB:      [1d6b:0002]      Bus 001 Device 001         Linux Foundation 2.0 root hub"
// "[R]" marks a function that has a reset method. Names come without the vendor name.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "topology/bdf.hpp"
#include "topology/device.hpp"

namespace isola::importers {

struct IommuShDevice {
    std::optional<GroupId> group;  // nullopt on a continuation line (same group as above)
    Bdf address;
    std::uint16_t vendor_id = 0;
    std::uint16_t device_id = 0;
    bool has_reset = false;
    std::string class_name;
    std::string device_name;
};
std::optional<IommuShDevice> parse_iommu_sh_device(std::string_view text);

struct IommuShUsb {
    std::uint16_t vendor_id = 0;
    std::uint16_t product_id = 0;
    std::string bus_device;  // "Bus 001 Device 003"
    std::string name;
};
std::optional<IommuShUsb> parse_iommu_sh_usb(std::string_view text);

}  // namespace isola::importers
