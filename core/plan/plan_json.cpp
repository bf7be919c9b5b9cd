// An AttachPlan as JSON, for `isolactl plan --json`, the GUI and the helper's log.
#include <nlohmann/json.hpp>

#include "plan/attach_plan.hpp"
#include "plan/describe_plan.hpp"
#include "text/message.hpp"

namespace isola {

std::string plan_to_json(const AttachPlan& p) {
    using nlohmann::json;
    json devices = json::array();
    for (const auto& b : p.request.devices) devices.push_back(b.str());
    json claims = json::array();
    for (const auto& c : p.request.existing_claims) claims.push_back({{"vm", c.vm}, {"device", c.device.str()}});
    json actions = json::array();
    for (const auto& a : p.actions)
        actions.push_back({{"device", a.device.str()}, {"action", std::string(to_string(a.kind))},
                           {"from_driver", a.from_driver ? json(*a.from_driver)
                                                         : json{{"unknown", translate(a.from_driver.why_unknown.c_str())}}},
                           {"selected", a.selected}});
    json impacts = json::array();
    for (const auto& i : p.impacts)
        impacts.push_back({{"device", i.device.str()}, {"severity", std::string(to_string(i.severity))},
                           {"kind", std::string(to_string(i.kind))}, {"sentence", describe(i)}});
    json refusals = json::array();
    for (const auto& r : p.refusals)
        refusals.push_back({{"kind", std::string(to_string(r.kind))},
                            {"device", r.device ? json(r.device->str()) : json(nullptr)},
                            {"group", r.group ? json(*r.group) : json(nullptr)},
                            {"holder", r.holder ? json(r.holder->str()) : json(nullptr)},
                            {"sentence", describe(r)},
                            {"remedy", describe_remedy(r)}});
    json j = {{"vm", p.request.vm},
              {"backend", std::string(to_string(p.request.backend))},
              {"selected", devices},
              {"existing_claims", claims},
              {"groups", p.groups},
              {"actions", actions},
              {"impacts", impacts},
              {"refusals", refusals},
              {"refused", p.refused()},
              {"needs_confirmation", p.needs_confirmation()},
              {"fingerprint", p.fingerprint}};
    return j.dump(2) + "\n";
}

}  // namespace isola
