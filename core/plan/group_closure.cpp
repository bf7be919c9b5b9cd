#include "plan/group_closure.hpp"

#include <algorithm>

namespace isola {

GroupClosure close_over_groups(const Topology& topology, std::span<const Bdf> selected) {
    GroupClosure c;
    for (const auto& bdf : selected) {
        const Device* d = topology.find(bdf);
        if (!d) c.not_found.push_back(bdf);
        else if (!d->iommu_group) c.without_group.push_back(bdf);
        else c.groups.push_back(*d->iommu_group);
    }
    std::ranges::sort(c.groups);
    c.groups.erase(std::ranges::unique(c.groups).begin(), c.groups.end());
    for (GroupId id : c.groups) {
        const IommuGroup* g = topology.group(id);
        for (const auto& m : g->members) {
            c.members.push_back(m);
            // Bridges (root/switch ports on pcieport) may stay where they are: pcieport sets
            // driver_managed_dma, and vfio-pci refuses non-type-0 headers anyway.
            (topology.find(m)->is_bridge() ? c.bridges : c.endpoints).push_back(m);
        }
    }
    // Members of one group are sorted already (a plan of a 4,000-member group sorted them anew).
    for (auto* list : {&c.members, &c.endpoints, &c.bridges})
        if (!std::ranges::is_sorted(*list)) std::ranges::sort(*list);
    std::ranges::sort(c.not_found);
    std::ranges::sort(c.without_group);
    return c;
}

}  // namespace isola
