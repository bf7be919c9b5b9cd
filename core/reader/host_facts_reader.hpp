// Host-wide facts: kernel, command line, IOMMU drivers and mode, VFIO interfaces.
#pragma once

#include <string_view>
#include <vector>

#include "reader/host_roots.hpp"
#include "topology/topology.hpp"

namespace isola::detail {

HostFacts read_host_facts(const HostRoots& roots, const std::vector<IommuGroup>& groups);

// The IOMMU-related parameters of a kernel command line, in order ("intel_iommu=on", "iommu=pt",
// "pcie_acs_override=downstream", "vfio-pci.ids=10de:1b80", ...). Shared with the importers.
std::vector<std::string> iommu_parameters_of(std::string_view cmdline);

}  // namespace isola::detail
