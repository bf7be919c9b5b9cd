// The review for scripts: every finding with its stable code, and the per-group table.
#include <nlohmann/json.hpp>

#include "review/review.hpp"

namespace isola {

std::string render_review_json(const Review& r) {
    using nlohmann::json;
    json findings = json::array();
    int counts[3] = {0, 0, 0};
    for (const auto& f : r.findings) {
        ++counts[static_cast<int>(f.severity)];
        json devices = json::array();
        for (const auto& d : f.devices) devices.push_back(d.str());
        findings.push_back({{"severity", to_string(f.severity)},
                            {"code", f.code},
                            {"sentence", f.sentence},
                            {"devices", devices},
                            {"group", f.group ? json(*f.group) : json(nullptr)},
                            {"vms", f.vms}});
    }
    json groups = json::array();
    for (const auto& g : r.groups) {
        json members = json::array();
        for (const auto& m : g.members)
            members.push_back({{"address", m.address.str()},
                               {"name", m.name},
                               {"class", m.class_name},
                               {"driver", m.driver ? json(*m.driver) : json(nullptr)},
                               {"claimed_by", m.claimed_by}});
        groups.push_back({{"id", g.id}, {"state", to_string(g.state)}, {"members", members}});
    }
    const json doc = {{"schema", "isola-review/1"},
                      {"origin", r.origin},
                      {"source", to_string(r.source_kind)},
                      {"iommu", r.iommu_summary},
                      {"exit_code", review_exit_code(r)},
                      {"counts", {{"blocker", counts[0]}, {"needs-confirmation", counts[1]}, {"note", counts[2]}}},
                      {"vm_definitions", r.vm_sources},
                      {"findings", findings},
                      {"groups", groups}};
    // Names come from pasted text: replace invalid UTF-8 rather than throw.
    return doc.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

}  // namespace isola
