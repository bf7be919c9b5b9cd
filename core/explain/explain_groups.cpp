#include "explain/explain_groups.hpp"

#include <algorithm>
#include <set>

#include "explain/describe_explanation.hpp"
#include "text/enum_names.hpp"

namespace isola {

namespace {

// The names in `isolactl explain --json` ("kind", "prediction").
constexpr std::array kReasonNames{
    EnumName<ReasonKind>{ReasonKind::Alone, "alone"},
    EnumName<ReasonKind>{ReasonKind::DmaAlias, "dma-alias"},
    EnumName<ReasonKind>{ReasonKind::AcsPath, "acs-path"},
    EnumName<ReasonKind>{ReasonKind::Multifunction, "multifunction"},
    EnumName<ReasonKind>{ReasonKind::Anchor, "anchor"},
    EnumName<ReasonKind>{ReasonKind::Unexplained, "unexplained"},
};

constexpr std::array kPredictionNames{
    EnumName<PredictionMatch>{PredictionMatch::Matches, "matches"},
    EnumName<PredictionMatch>{PredictionMatch::Differs, "differs"},
    EnumName<PredictionMatch>{PredictionMatch::Uncertain, "uncertain"},
    EnumName<PredictionMatch>{PredictionMatch::NotPossible, "not-possible"},
};

}  // namespace

std::string_view to_string(ReasonKind k) { return name_of(kReasonNames, k); }
std::string_view to_string(PredictionMatch m) { return name_of(kPredictionNames, m); }

namespace {

GroupReason said(GroupReason r) {
    r.sentence = describe(r);
    return r;
}

GroupReason reason_for(const Topology& t, const GroupingTrace& tr, const std::set<Bdf>& members,
                       const std::set<Bdf>& anchors_of_others, const std::set<Bdf>& alias_bridges_of_others) {
    if (members.size() == 1)
        return said({.kind = ReasonKind::Alone, .device = tr.device, .finding = tr.own});
    if (tr.alias_bridge && members.contains(*tr.alias_bridge) && *tr.alias_bridge != tr.device)
        return said({.kind = ReasonKind::DmaAlias, .device = tr.device, .via = tr.alias_bridge,
                     .bridge_type = t.find(*tr.alias_bridge)->port_type.value_or(PortType::Conventional)});
    if (tr.anchor != tr.device && members.contains(tr.anchor) && tr.acs_blocker)
        return said({.kind = ReasonKind::AcsPath, .device = tr.device, .via = tr.acs_blocker, .anchor = tr.anchor,
                     .finding = tr.acs_blocker_finding});
    std::vector<Bdf> partners;
    for (const auto& p : tr.function_partners)
        if (members.contains(p)) partners.push_back(p);
    if (!partners.empty())
        return said({.kind = ReasonKind::Multifunction, .device = tr.device, .via = partners.front(),
                     .partners = partners, .finding = tr.own});
    if (alias_bridges_of_others.contains(tr.device))
        return said({.kind = ReasonKind::Anchor, .device = tr.device,
                     .bridge_type = t.find(tr.device)->port_type.value_or(PortType::Conventional)});
    if (anchors_of_others.contains(tr.device))
        return said({.kind = ReasonKind::Anchor, .device = tr.device, .finding = tr.own});
    return said({.kind = ReasonKind::Unexplained, .device = tr.device});
}

// Why the kernel's group differs from the predicted one.
void disagreement(GroupExplanation& e, const Topology& t, bool kernel_split_more, bool uncertain) {
    e.note = PredictionNote::KernelGroupsMore;
    if (uncertain) {
        e.note = PredictionNote::DiffersUncertain;
    } else if (kernel_split_more) {
        e.note = PredictionNote::KernelIsolatesMore;
        if (const auto o = acs_override_of(t.host()); o.any()) {
            e.note = PredictionNote::OverrideSplit;
            e.note_parameter = o.parameter;
        }
    }
}

}  // namespace

std::vector<GroupExplanation> explain_groups(const Topology& t) {
    const GroupPrediction prediction = predict_groups(t);
    std::optional<GroupPrediction> hardware_prediction;
    if (acs_override_of(t.host()).any()) hardware_prediction = predict_groups(t, /*honour_acs_override=*/false);
    std::map<Bdf, const GroupingTrace*> trace_of;
    for (const auto& tr : prediction.traces) trace_of[tr.device] = &tr;
    // Each predicted component's functions that have a group, counted (and for the hardware's
    // prediction listed) once: comparing per group by walking every function made explaining a
    // 4,096-function host quadratic (70 ms).
    auto grouped_members = [&t](const GroupPrediction& p) {
        std::map<int, std::vector<Bdf>> of;
        for (const auto& [bdf, comp] : p.predicted_group)
            if (t.find(bdf)->iommu_group) of[comp].push_back(bdf);
        return of;
    };
    const auto component_members = grouped_members(prediction);
    const auto hardware_component_members =
        hardware_prediction ? grouped_members(*hardware_prediction) : std::map<int, std::vector<Bdf>>{};

    std::vector<GroupExplanation> out;
    for (const auto& g : t.groups()) {
        GroupExplanation e{.group = g.id, .members = g.members};
        if (!prediction.possible) {
            e.prediction = PredictionMatch::NotPossible;
            e.note = PredictionNote::NotPossible;
            e.note_parameter = prediction.why_not;
            e.prediction_note = describe_prediction_note(e);
            out.push_back(std::move(e));
            continue;
        }
        const std::set<Bdf> members(g.members.begin(), g.members.end());
        std::set<Bdf> anchors, alias_bridges;
        bool uncertain = false;
        for (const auto& m : g.members) {
            const auto* tr = trace_of.at(m);
            if (tr->anchor != m) anchors.insert(tr->anchor);
            if (tr->alias_bridge && *tr->alias_bridge != m) alias_bridges.insert(*tr->alias_bridge);
            uncertain = uncertain || tr->uncertain;
        }
        for (const auto& m : g.members)
            e.reasons.push_back(reason_for(t, *trace_of.at(m), members, anchors, alias_bridges));

        // Compare with the predicted partition: same component, and nothing else in it.
        std::set<int> components;
        for (const auto& m : g.members) components.insert(prediction.predicted_group.at(m));
        std::size_t predicted_size = 0;
        for (int comp : components)
            if (auto it = component_members.find(comp); it != component_members.end()) predicted_size += it->second.size();
        const bool matches = components.size() == 1 && predicted_size == g.members.size();
        if (matches && hardware_prediction) {
            // The patched kernel's rules agree; do the hardware's alone? If not, the boundary
            // exists only because the override says so.
            std::set<int> hw;
            for (const auto& m : g.members) hw.insert(hardware_prediction->predicted_group.at(m));
            std::vector<Bdf> joined;
            for (int comp : hw)
                if (auto it = hardware_component_members.find(comp); it != hardware_component_members.end())
                    for (const Bdf& bdf : it->second)
                        if (!members.contains(bdf)) joined.push_back(bdf);
            std::ranges::sort(joined);
            if (!joined.empty()) {
                e.prediction = PredictionMatch::Matches;
                e.note = PredictionNote::OverrideOnly;
                e.note_devices = std::move(joined);
                e.prediction_note = describe_prediction_note(e);
                out.push_back(std::move(e));
                continue;
            }
        }
        if (matches) {
            e.prediction = uncertain ? PredictionMatch::Uncertain : PredictionMatch::Matches;
            if (uncertain) e.note = PredictionNote::AgreesUncertain;
        } else {
            e.prediction = uncertain ? PredictionMatch::Uncertain : PredictionMatch::Differs;
            // The kernel split more when the predicted component holds devices outside this group.
            disagreement(e, t, predicted_size > g.members.size(), uncertain);
        }
        e.prediction_note = describe_prediction_note(e);
        out.push_back(std::move(e));
    }
    return out;
}

}  // namespace isola
