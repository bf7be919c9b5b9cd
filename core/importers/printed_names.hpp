// Turning the names lspci prints back into fields.
//
// lspci prints "<vendor> <device>" as one string ("Advanced Micro Devices, Inc. [AMD/ATI] Navi 21
// [Radeon RX 6950 XT]"), and pci.ids names contain spaces, brackets and commas, so the boundary
// cannot be found by syntax alone. split_printed_name() uses, in order: a table of vendor names as
// pci.ids spells them; then the first run of company suffixes ("Corporation", "Co., Ltd.", "Inc.")
// plus a bracketed short name right after it ("[AMD]"); otherwise it gives up and keeps the whole
// printed string as the device name (vendor empty), so display_name() still shows what was printed.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace isola::importers {

struct PrintedName {
    std::string vendor;  // empty when the split is not reliable
    std::string device;  // never empty when the printed name was not empty
};
PrintedName split_printed_name(std::string_view printed);

// lspci's placeholder for a name pci.ids lacks: "Device", "Device 7ab0", "Device [8086:7ae0]".
bool is_placeholder_name(std::string_view device_name);

// Class code for a class name as pci.ids spells it ("PCI bridge" -> 0x0604); nullopt when the name
// is not in Isola's table. The inverse of lspci's own lookup, so exact, not a guess.
std::optional<std::uint16_t> class_id_from_name(std::string_view class_name);

}  // namespace isola::importers
