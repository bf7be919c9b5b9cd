#include "review/group_states.hpp"

#include <algorithm>

#include "plan/host_impact.hpp"
#include "review/device_roles.hpp"

namespace isola {

using namespace review_detail;

namespace {

bool serves_host_critically(const Device& d, const Topology& t) {
    if (d.is_bridge()) return false;
    const auto impacts = host_impacts_of(d, t);
    return std::ranges::any_of(impacts, [](const HostImpact& i) { return i.severity == Severity::Blocker; });
}

GroupState state_of(const IommuGroup& g, const Topology& t) {
    if (g.noiommu) return GroupState::NoIommu;
    bool held = false, host = false, critical = false, all_endpoints_known_free = true, any_endpoint = false;
    for (const auto& m : g.members) {
        const Device& d = *t.find(m);
        critical = critical || serves_host_critically(d, t);
        if (d.is_bridge()) continue;
        any_endpoint = true;
        if (d.driver && holds_for_vfio(*d.driver)) held = true;
        if (on_host_driver(d)) host = true;
        // Viable needs every endpoint known to be unbound or held; an unknown driver proves nothing.
        if (!d.driver || !(d.driver->empty() || holds_for_vfio(*d.driver))) all_endpoints_known_free = false;
    }
    if (held && host) return GroupState::Mixed;
    if (critical) return GroupState::HostCritical;
    // Unbound endpoints count as free (the kernel's viability rule); a group of bridges only has
    // nothing to hand over and stays the host's.
    if (any_endpoint && all_endpoints_known_free) return GroupState::Viable;
    return GroupState::HostOnly;
}

}  // namespace

std::map<GroupId, GroupState> classify_groups(const Topology& topology) {
    std::map<GroupId, GroupState> out;
    for (const auto& g : topology.groups()) out.emplace(g.id, state_of(g, topology));
    return out;
}

}  // namespace isola
