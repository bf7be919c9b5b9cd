// Each IOMMU group's state as far as passthrough is concerned, from the drivers and host usage of
// its members. The graph colours groups by it; the review reports it.
#pragma once

#include <map>

#include "plan/group_state.hpp"
#include "topology/topology.hpp"

namespace isola {

// HostOnly / Viable / Mixed / HostCritical / NoIommu for every group of `topology`. Assigned is
// never returned: callers set it for the groups of a plan they preview.
//
// Precedence, most urgent first: NoIommu, Mixed (broken now), HostCritical, Viable, HostOnly.
// Unknown drivers (a listing without -k) never make a group Viable or Mixed: it stays HostOnly.
std::map<GroupId, GroupState> classify_groups(const Topology& topology);

}  // namespace isola
