#include "export/early_binding_ids.hpp"

#include <algorithm>
#include <format>

namespace isola::export_detail {
namespace {

// export_config() refuses ID binding for a function without IDs, so only other functions (which
// cannot be matched) reach the empty string here.
std::string id_of(const Device& d) { return d.pci_id().value_or(""); }

}  // namespace

std::vector<std::string> closure_ids(const ExportSelection& s) {
    std::vector<std::string> ids;
    for (const Device* d : s.endpoints)
        if (auto id = id_of(*d); !std::ranges::contains(ids, id)) ids.push_back(std::move(id));
    return ids;
}

std::vector<std::string> id_collision_warnings(const ExportSelection& s, std::string_view spelling) {
    std::vector<std::string> warnings;
    for (const auto& id : closure_ids(s)) {
        std::vector<std::string> caught;
        for (const Device& d : s.topology->devices())
            if (!id.empty() && id_of(d) == id && !std::ranges::contains(s.closure.endpoints, d.address)) caught.push_back(describe(d));
        if (caught.empty()) continue;
        warnings.push_back(describe(ExportNote{.kind = ExportNoteKind::IdCollision, .device = id,
                                               .other = std::string(spelling), .items = std::move(caught)}));
    }
    return warnings;
}

}  // namespace isola::export_detail
