#include <cstring>

#include <nlohmann/json.hpp>

#include "vfio/describe_probe.hpp"
#include "vfio/probe_json.hpp"

namespace isola {

namespace {

nlohmann::json errno_json(int error) {
    if (error == 0) return nullptr;
    if (const char* name = ::strerrorname_np(error)) return name;
    return error;
}

}  // namespace

std::string probe_to_json(const AttachProbe& p) {
    nlohmann::json j;
    j["device"] = p.device.str();
    j["backend"] = std::string(to_string(p.backend));
    j["group"] = p.group ? nlohmann::json(*p.group) : nlohmann::json(nullptr);
    j["noiommu"] = p.noiommu;
    j["ok"] = p.ok();
    j["sentence"] = describe(p);
    j["steps"] = nlohmann::json::array();
    for (const auto& s : p.steps) {
        nlohmann::json step{{"step", std::string(to_string(s.step))}, {"call", std::string(call_name(s.step))},
                            {"ok", s.ok()}, {"errno", errno_json(s.error)}, {"value", s.value}};
        if (!s.path.empty()) step["path"] = s.path;
        j["steps"].push_back(std::move(step));
    }
    if (p.failure) {
        const ProbeFailure& f = *p.failure;
        nlohmann::json failure{{"kind", std::string(to_string(f.kind))},
                               {"step", f.step ? nlohmann::json(std::string(to_string(*f.step))) : nlohmann::json(nullptr)},
                               {"errno", errno_json(f.error)},
                               {"blockers", nlohmann::json::array()},
                               {"holders", nlohmann::json::array()}};
        for (const auto& b : f.blockers)
            failure["blockers"].push_back({{"device", b.device.str()}, {"name", b.name}, {"driver", b.driver}});
        for (const auto& h : f.holders)
            failure["holders"].push_back({{"pid", h.pid}, {"command", h.command}, {"node", h.node}});
        j["failure"] = std::move(failure);
    } else {
        j["failure"] = nullptr;
    }
    return j.dump(2) + "\n";
}

}  // namespace isola
