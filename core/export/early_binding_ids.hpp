// Early binding by vendor:device ID (vfio-pci.ids=, options vfio-pci ids=) and its trap: an ID
// names a model, not a device, so it also takes every identical card elsewhere on the host.
// Internal to core/export.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "export/export_selection.hpp"

namespace isola::export_detail {

// "10de:1b80" for each distinct vendor:device among the closure's endpoints, in address order.
std::vector<std::string> closure_ids(const ExportSelection&);

// One sentence per ID that also matches devices outside the closure, starting with how the ID is
// spelled in the output, e.g. "vfio-pci.ids=10de:1b80 also catches 0000:02:00.0 (...), which is
// not part of this selection; bind by address with driverctl instead".
std::vector<std::string> id_collision_warnings(const ExportSelection&, std::string_view spelling);

}  // namespace isola::export_detail
