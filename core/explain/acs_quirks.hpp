// The kernel's ACS quirks as data: devices whose isolation the kernel decides by device ID rather
// than from an ACS capability (drivers/pci/quirks.c, pci_dev_acs_enabled[]). A prediction of the
// grouping is wrong without them: 82576 functions are split although they have no ACS, Intel
// RC-integrated endpoints are isolated, most Intel PCH root ports pass (lab-ground-truth.md §3).
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

#include "topology/device.hpp"

namespace isola {

// The kernel release the table was taken from; quirks differ between releases.
inline constexpr std::string_view kAcsQuirkTableKernel = "6.12.117";

// Which devices of a matching ID a quirk applies to (mirrors the checks inside each quirk).
enum class QuirkScope {
    Any,                      // every function with the ID
    RootPort,                 // only PCIe root ports
    RootOrDownstreamPort,     // root ports and switch downstream ports
    RcIntegratedEndpoint,     // only RCiEPs
    MultifunctionOnRootBus,   // AMD SB: multifunction devices on a root bus (and an IVRS table)
};

struct AcsQuirk {
    std::uint16_t vendor;
    std::uint16_t device_first;  // inclusive range; 0x0000-0xffff for PCI_ANY_ID
    std::uint16_t device_last;
    QuirkScope scope;
    bool isolated;               // the quirk's verdict for REQ_ACS_FLAGS (SV|RR|CR|UF)
    std::string_view kernel_function;
};

std::span<const AcsQuirk> acs_quirk_table();

// The first quirk that decides for this device, as the kernel walks its table; nullopt when no
// quirk applies (the ACS capability decides). `on_root_bus`: the device has no parent bridge.
std::optional<AcsQuirk> acs_quirk_for(const Device& device, bool on_root_bus);

}  // namespace isola
