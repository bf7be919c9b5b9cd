// The whole-group closure of a selection: VFIO takes IOMMU groups, never single devices, so
// every plan, export and graph highlight starts from this.
#pragma once

#include <span>
#include <vector>

#include "topology/topology.hpp"

namespace isola {

struct GroupClosure {
    std::vector<GroupId> groups;      // sorted, unique
    std::vector<Bdf> members;         // every function of those groups, sorted
    std::vector<Bdf> endpoints;       // members that must be handed to VFIO (not bridges), sorted
    std::vector<Bdf> bridges;         // members that stay on pcieport / no driver, sorted
    std::vector<Bdf> without_group;   // selected functions that have no IOMMU group
    std::vector<Bdf> not_found;       // selected addresses that are not on this host
};

GroupClosure close_over_groups(const Topology& topology, std::span<const Bdf> selected);

}  // namespace isola
