// `lspci -vmm` records ("Slot:\t00:01.0", "Class:\tPCI bridge", "Vendor:\t...", one field a line,
// records separated by a blank line). -vmmnn appends "[hhhh]" to names; -vmmn prints only the
// numbers; -vmmk adds "Driver:"/"Module:"; pciutils >= 3.8 adds "IOMMUGroup:" and "NUMANode:".
// Vendor and device come as separate fields, so their names need no splitting.
#pragma once

#include <optional>
#include <string_view>

#include "importers/sighting.hpp"

namespace isola::importers {

// The address if `text` starts a record ("Slot:" field).
std::optional<Bdf> vmm_record_start(std::string_view text);

enum class VmmField { Applied, Driver, Ignored, NotAField };
// Applies one "Key: value" field of a record to `sighting`.
VmmField apply_vmm_field(std::string_view text, Sighting& sighting);

}  // namespace isola::importers
