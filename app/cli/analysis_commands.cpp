// isolactl explain / plan: the analyses of core, printed for people or as JSON.
#include <format>
#include <iostream>

#include <nlohmann/json.hpp>

#include "commands.hpp"
#include "request_arguments.hpp"
#include "explain/explain_groups.hpp"
#include "plan/attach_plan.hpp"
#include "plan/describe_plan.hpp"
#include "text/message.hpp"
#include "topology_source.hpp"

namespace isola::cli {
namespace {

int fail(int code, const std::string& message) {
    std::cerr << "isolactl: " << message << "\n";
    return code;
}

std::string device_line(const Topology& t, const Bdf& bdf) {
    const Device* d = t.find(bdf);
    if (!d) return bdf.str();
    return std::format("{}  {}", bdf.str(), d->display_name());
}

void print_explanation(const Topology& t, const GroupExplanation& e) {
    // TRANSLATORS: {0} a group number, {1} how many functions, {2} a prediction keyword (machine word, untranslated).
    std::cout << say_n("IOMMU group {0} · {1} function · prediction {2}", "IOMMU group {0} · {1} functions · prediction {2}",
                       e.members.size(), e.group, e.members.size(), to_string(e.prediction))
              << "\n";
    for (const auto& m : e.members) std::cout << "  " << device_line(t, m) << "\n";
    for (const auto& r : e.reasons) std::cout << "  - " << r.sentence << "\n";
    if (!e.prediction_note.empty()) std::cout << "  ! " << e.prediction_note << "\n";
    std::cout << "\n";
}

}  // namespace

int run_explain(const std::vector<std::string>& raw) {
    ArgumentSpec spec{{"--json"}, {}};
    add_source_options(spec);
    auto args = parse_arguments(raw, spec);
    if (!args) return fail(kExitUsage, args.error());
    if (args->positional.size() > 1) return fail(kExitUsage, say("explain takes at most one GROUP number or device address"));
    auto loaded = load_topology(*args);
    if (!loaded) return fail(kExitNoInput, loaded.error());
    const Topology& t = loaded->topology;
    if (!t.has_groups()) {
        // TRANSLATORS: {} says the state of the host's IOMMU (a clause).
        return fail(kExitNoInput, say("there are no IOMMU groups to explain: {}", describe_iommu_state(t.host(), false)));
    }

    auto all = explain_groups(t);
    if (args->positional.size() == 1) {
        const std::string& what = args->positional.front();
        std::optional<GroupId> wanted;
        if (auto bdf = Bdf::parse(what)) {
            const Device* d = t.find(*bdf);
            if (!d) return fail(kExitNoInput, say("there is no PCI function {} here", bdf->str()));
            if (!d->iommu_group) return fail(kExitNoInput, say("{} has no IOMMU group", bdf->str()));
            wanted = d->iommu_group;
        } else if (!what.empty() && what.find_first_not_of("0123456789") == std::string::npos && what.size() < 9) {
            wanted = static_cast<GroupId>(std::stoul(what));
            if (!t.group(*wanted)) return fail(kExitNoInput, say("there is no IOMMU group {} here", what));
        } else {
            return fail(kExitUsage, say("\"{}\" is neither an IOMMU group number nor a device address", what));
        }
        std::erase_if(all, [&](const GroupExplanation& e) { return e.group != *wanted; });
    }
    if (args->has("--json")) {
        nlohmann::json j = nlohmann::json::array();
        for (const auto& e : all) {
            nlohmann::json reasons = nlohmann::json::array();
            for (const auto& r : e.reasons)
                reasons.push_back({{"device", r.device.str()}, {"kind", std::string(to_string(r.kind))},
                                   {"via", r.via ? nlohmann::json(r.via->str()) : nlohmann::json(nullptr)},
                                   {"sentence", r.sentence}});
            nlohmann::json members = nlohmann::json::array();
            for (const auto& m : e.members) members.push_back(m.str());
            j.push_back({{"group", e.group}, {"members", members}, {"reasons", reasons},
                         {"prediction", std::string(to_string(e.prediction))}, {"prediction_note", e.prediction_note}});
        }
        std::cout << j.dump(2) << "\n";
        return 0;
    }
    std::cout << demo_banner(*loaded);
    for (const auto& e : all) print_explanation(t, e);
    return 0;
}

int run_plan(const std::vector<std::string>& raw) {
    ArgumentSpec spec{{"--json"}, {"--vm", "--backend"}};
    add_source_options(spec);
    auto args = parse_arguments(raw, spec);
    if (!args) return fail(kExitUsage, args.error());
    auto parsed = parse_attach_request(*args, "plan");
    if (!parsed) return fail(kExitUsage, parsed.error());
    const AttachRequest& request = *parsed;
    auto loaded = load_topology(*args);
    if (!loaded) return fail(kExitNoInput, loaded.error());
    const Topology& t = loaded->topology;
    const AttachPlan plan = plan_attach(t, request);
    const int status = plan.refused() ? kExitBlocked : plan.needs_confirmation() ? kExitWarnings : 0;
    if (args->has("--json")) {
        std::cout << plan_to_json(plan);
        return status;
    }
    std::cout << demo_banner(*loaded);
    std::cout << describe_plan_heading(request) << "\n";
    for (GroupId g : plan.groups) {
        std::cout << say("IOMMU group {}:", g) << "\n";
        for (const auto& a : plan.actions) {
            const Device* d = t.find(a.device);
            if (!d || d->iommu_group != g) continue;
            std::cout << std::format("  {:<40}  {:<30}  {}{}\n", device_line(t, a.device).substr(0, 40), to_string(a.kind),
                                     !a.from_driver          ? say("(driver unknown)")
                                     : a.from_driver->empty() ? say("(no driver)")
                                                              : say("from {}", *a.from_driver),
                                     a.selected ? "  " + say("[selected]") : std::string());
        }
    }
    auto section = [&](Severity s, const std::string& title) {
        bool first = true;
        for (const auto& i : plan.impacts) {
            if (i.severity != s) continue;
            if (first) std::cout << title << "\n";
            first = false;
            std::cout << "  - " << describe(i) << "\n";
        }
    };
    section(Severity::Confirm, say("Needs confirmation:"));
    section(Severity::Note, say("Notes:"));
    if (plan.refused()) {
        std::cout << say("Refused:") << "\n";
        for (const auto& r : plan.refusals) {
            std::cout << "  - " << describe(r) << "\n";
            if (const std::string remedy = describe_remedy(r); !remedy.empty())
                std::cout << "    " << say("what to do: {}", remedy) << "\n";
        }
    }
    std::cout << say("Fingerprint: {}", plan.fingerprint) << "\n";
    return status;
}

}  // namespace isola::cli
