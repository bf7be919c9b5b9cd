#include "apply/describe_apply.hpp"
#include "apply/json_forms.hpp"

namespace isola {

using nlohmann::json;

namespace {

json outcomes_json(const std::vector<WriteOutcome>& outcomes, const std::filesystem::path& sysfs) {
    json out = json::array();
    for (const auto& o : outcomes) {
        json w = write_json(o.write);
        w["shell"] = write_as_shell(o.write, sysfs);
        w["errno"] = o.result.error;
        w["timed_out"] = o.result.timed_out;
        out.push_back(std::move(w));
    }
    return out;
}

json failure_json(const ApplyFailure& f) {
    return {{"kind", std::string(to_string(f.kind))},
            {"device", f.device ? json(f.device->str()) : json(nullptr)},
            {"sentence", describe(f)}};
}

}  // namespace

std::string report_to_json(const TransactionReport& r, const std::filesystem::path& sysfs) {
    json planned = json::array(), before = json::array(), after = json::array(), not_put_back = json::array(),
         forgotten = json::array();
    for (const auto& w : r.planned) {
        json j = write_json(w);
        j["shell"] = write_as_shell(w, sysfs);
        planned.push_back(std::move(j));
    }
    for (const auto& s : r.before) before.push_back(state_json(s));
    for (const auto& s : r.after) after.push_back(state_json(s));
    for (const auto& f : r.not_put_back) not_put_back.push_back(failure_json(f));
    for (const auto& b : r.forgotten) forgotten.push_back(b.str());
    json j{{"kind", std::string(to_string(r.kind))},
           {"vm", r.vm},
           {"succeeded", r.succeeded()},
           {"planned", planned},
           {"made", outcomes_json(r.made, sysfs)},
           {"failure", r.failure ? failure_json(*r.failure) : json(nullptr)},
           {"rollback", outcomes_json(r.rollback, sysfs)},
           {"not_put_back", not_put_back},
           {"before", before},
           {"after", after},
           {"forgotten", forgotten},
           {"sentences", describe_report(r)}};
    return j.dump(2) + "\n";
}

}  // namespace isola
