// Host-wide facts: kernel, command line, IOMMU drivers and mode, VFIO interfaces.
// An empty proc or dev root (HostRoots) means "not given": what it would tell stays unknown.
#pragma once

#include <vector>

#include "reader/host_roots.hpp"
#include "topology/topology.hpp"

namespace isola::detail {

HostFacts read_host_facts(const HostRoots& roots, const std::vector<IommuGroup>& groups);

}  // namespace isola::detail
