#include "explain/explain_groups.hpp"

#include <algorithm>
#include <format>
#include <set>

#include "explain/acs_quirks.hpp"

namespace isola {

std::string_view to_string(ReasonKind k) {
    switch (k) {
        case ReasonKind::Alone: return "alone";
        case ReasonKind::DmaAlias: return "dma-alias";
        case ReasonKind::AcsPath: return "acs-path";
        case ReasonKind::Multifunction: return "multifunction";
        case ReasonKind::Anchor: return "anchor";
        case ReasonKind::Unexplained: return "unexplained";
    }
    return "unknown";
}

std::string_view to_string(PredictionMatch m) {
    switch (m) {
        case PredictionMatch::Matches: return "matches";
        case PredictionMatch::Differs: return "differs";
        case PredictionMatch::Uncertain: return "uncertain";
        case PredictionMatch::NotPossible: return "not-possible";
    }
    return "unknown";
}

namespace {

std::string bridge_kind(const Device& b) {
    if (b.port_type && *b.port_type == PortType::PcieToPciBridge) return "PCIe-to-PCI bridge";
    if (b.port_type && *b.port_type == PortType::PciToPcieBridge) return "PCI-to-PCIe bridge";
    return "conventional PCI bridge";
}

std::string join_bdfs(const std::vector<Bdf>& v) {
    std::string out;
    for (const auto& b : v) out += (out.empty() ? "" : ", ") + b.str();
    return out;
}

GroupReason reason_for(const Topology& t, const GroupingTrace& tr, const std::set<Bdf>& members,
                       const std::set<Bdf>& anchors_of_others, const std::set<Bdf>& alias_bridges_of_others) {
    const std::string dev = tr.device.str();
    if (members.size() == 1) {
        std::string why = tr.own.by_quirk ? std::format("it {}", tr.own.reason)
                                          : std::string("its path to the root is ACS-isolated");
        if (tr.own.by_override) why = "the ACS override declares it isolated, not the hardware";
        return {ReasonKind::Alone, tr.device, std::nullopt, std::format("{} is alone in its group: {}", dev, why)};
    }
    if (tr.alias_bridge && members.contains(*tr.alias_bridge) && *tr.alias_bridge != tr.device) {
        const Device* b = t.find(*tr.alias_bridge);
        return {ReasonKind::DmaAlias, tr.device, tr.alias_bridge,
                std::format("{} is behind {} {}, which issues DMA for everything below it under its own requester "
                            "ID, so the IOMMU cannot tell them apart",
                            dev, bridge_kind(*b), tr.alias_bridge->str())};
    }
    if (tr.anchor != tr.device && members.contains(tr.anchor) && tr.acs_blocker) {
        const std::string blocker = tr.acs_blocker->str();
        std::string where = *tr.acs_blocker == tr.anchor ? std::format("{} {}", blocker, tr.acs_blocker_reason)
                                                         : std::format("{} above it {}", blocker, tr.acs_blocker_reason);
        return {ReasonKind::AcsPath, tr.device, tr.acs_blocker,
                std::format("{} shares the group of bridge {} because the path to the root is not ACS-isolated: {}",
                            dev, tr.anchor.str(), where)};
    }
    std::vector<Bdf> partners;
    for (const auto& p : tr.function_partners)
        if (members.contains(p)) partners.push_back(p);
    if (!partners.empty()) {
        return {ReasonKind::Multifunction, tr.device, partners.front(),
                std::format("{} is a function of multifunction device {} and, like {}, is not ACS-isolated: it {}",
                            dev, tr.device.slot_str(), join_bdfs(partners), tr.own.reason)};
    }
    if (alias_bridges_of_others.contains(tr.device)) {
        const Device* b = t.find(tr.device);
        return {ReasonKind::Anchor, tr.device, std::nullopt,
                std::format("{} is the {} whose requester ID the devices below it share", dev, bridge_kind(*b))};
    }
    if (anchors_of_others.contains(tr.device)) {
        std::string why = tr.own.reason.empty() ? std::string() : std::format(" ({} {})", dev, tr.own.reason);
        return {ReasonKind::Anchor, tr.device, std::nullopt,
                std::format("{} is the bridge below which devices are not isolated from each other{}; they share "
                            "its group",
                            dev, why)};
    }
    return {ReasonKind::Unexplained, tr.device, std::nullopt,
            std::format("{} is in this group although the kernel's rules, as Isola models them, would not put it "
                        "here",
                        dev)};
}

// Why the kernel's group differs from the predicted one, as a sentence.
std::string disagreement(const Topology& t, bool kernel_split_more, bool uncertain) {
    if (uncertain)
        return "The kernel's grouping differs from Isola's prediction, most likely because ACS or PCIe facts "
               "could not be read (config space past 64 bytes needs root); run the scan as root for a certain answer.";
    if (kernel_split_more) {
        for (const auto& p : t.host().iommu_parameters)
            if (p.starts_with("pcie_acs_override="))
                return std::format("The ACS override ({}) split this group: by the hardware's ACS the kernel would "
                                   "group more devices together, so this boundary does not prove isolation.",
                                   p);
        return std::format("The kernel isolates more than Isola's rules predict: a device-specific ACS quirk that "
                           "Isola's table (Linux {}) does not know, or a newer kernel's grouping rules.",
                           kAcsQuirkTableKernel);
    }
    return "The kernel groups more devices together than Isola's rules predict: a DMA alias quirk (not visible in "
           "sysfs) or a newer kernel's grouping rules.";
}

}  // namespace

std::vector<GroupExplanation> explain_groups(const Topology& t) {
    const GroupPrediction prediction = predict_groups(t);
    std::optional<GroupPrediction> hardware_prediction;
    if (acs_override_of(t.host()).any()) hardware_prediction = predict_groups(t, /*honour_acs_override=*/false);
    std::map<Bdf, const GroupingTrace*> trace_of;
    for (const auto& tr : prediction.traces) trace_of[tr.device] = &tr;

    std::vector<GroupExplanation> out;
    for (const auto& g : t.groups()) {
        GroupExplanation e{.group = g.id, .members = g.members};
        if (!prediction.possible) {
            e.prediction = PredictionMatch::NotPossible;
            e.prediction_note = "Isola cannot replay the kernel's grouping here: " + prediction.why_not + ".";
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
        for (const auto& [bdf, comp] : prediction.predicted_group)
            if (components.contains(comp) && t.find(bdf)->iommu_group) ++predicted_size;
        const bool matches = components.size() == 1 && predicted_size == g.members.size();
        if (matches && hardware_prediction) {
            // The patched kernel's rules agree; do the hardware's alone? If not, the boundary
            // exists only because the override says so.
            std::set<int> hw;
            for (const auto& m : g.members) hw.insert(hardware_prediction->predicted_group.at(m));
            std::vector<Bdf> joined;
            for (const auto& [bdf, comp] : hardware_prediction->predicted_group)
                if (hw.contains(comp) && !members.contains(bdf) && t.find(bdf)->iommu_group) joined.push_back(bdf);
            if (!joined.empty()) {
                e.prediction = PredictionMatch::Matches;
                e.prediction_note = std::format(
                    "This group exists only because of the ACS override: by the hardware's ACS the kernel would put "
                    "{} in the same group, so this boundary does not prove isolation.",
                    join_bdfs(joined));
                out.push_back(std::move(e));
                continue;
            }
        }
        if (matches) {
            e.prediction = uncertain ? PredictionMatch::Uncertain : PredictionMatch::Matches;
            if (uncertain)
                e.prediction_note = "The prediction agrees with the kernel, but rests on facts that could not be "
                                    "read (config space past 64 bytes needs root).";
        } else {
            e.prediction = uncertain ? PredictionMatch::Uncertain : PredictionMatch::Differs;
            // The kernel split more when the predicted component holds devices outside this group.
            e.prediction_note = disagreement(t, predicted_size > g.members.size(), uncertain);
        }
        out.push_back(std::move(e));
    }
    return out;
}

}  // namespace isola
