#include <algorithm>
#include <format>

#include "review/device_roles.hpp"
#include "review/group_states.hpp"
#include "review/review.hpp"
#include "review/review_findings.hpp"
#include "text/message.hpp"

namespace isola {

using namespace review_detail;

namespace {

std::string iommu_summary(const Topology& t) {
    if (!t.has_groups() && t.source().from_listing())
        return say("The listing has no IOMMU group data, so it does not say whether an IOMMU was active.");
    return describe_iommu_state(t.host(), t.has_groups());
}

std::vector<ReviewedGroup> group_table(const Topology& t, const std::map<GroupId, GroupState>& states,
                                       const std::map<Bdf, std::vector<std::string>>& claims) {
    std::vector<ReviewedGroup> out;
    for (const auto& g : t.groups()) {
        ReviewedGroup row{g.id, states.at(g.id), {}};
        for (const auto& m : g.members) {
            const Device& d = *t.find(m);
            ReviewedDevice r{m, d.display_name(), d.class_name, d.driver.value, {}};
            if (auto it = claims.find(m); it != claims.end()) r.claimed_by = it->second;
            row.members.push_back(std::move(r));
        }
        out.push_back(std::move(row));
    }
    return out;
}

}  // namespace

Review review_host(const Topology& topology, std::span<const VmDefinition> vms) {
    Review review;
    review.origin = topology.source().origin;
    review.source_kind = topology.source().kind;
    review.iommu_summary = iommu_summary(topology);

    const auto states = classify_groups(topology);
    const auto expanded = expand_vms(topology, vms);
    const auto claims = claims_by_device(expanded);
    add_host_findings(topology, states, !vms.empty(), claims, review.findings);
    add_vm_findings(topology, expanded, review.findings);
    // Blockers first; within a severity host-wide findings, then by group, in the order found.
    std::ranges::stable_sort(review.findings, {}, [](const ReviewFinding& f) {
        return std::pair{static_cast<int>(f.severity), f.group ? static_cast<long long>(*f.group) : -1LL};
    });

    review.groups = group_table(topology, states, claims);
    for (const auto& e : expanded)
        review.vm_sources.push_back(std::format("{} ({}, {})", e.key, e.definition->kind, e.definition->source_file));
    return review;
}

int review_exit_code(const Review& review) {
    int code = 0;
    for (const auto& f : review.findings) {
        if (f.severity == Severity::Blocker) return 2;
        if (f.severity == Severity::Confirm) code = 1;
    }
    return code;
}

}  // namespace isola
