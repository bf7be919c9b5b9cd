// The per-function facts libpci does not give: tree position, IOMMU group link, driver,
// driver_override, reset methods, boot VGA, NUMA node, SR-IOV links, PCIe link, VFIO cdev.
#pragma once

#include <vector>

#include "reader/host_roots.hpp"
#include "topology/topology.hpp"

namespace isola::detail {

void read_device_attributes(const HostRoots& roots, Device& device, std::vector<Diagnostic>& diagnostics);

// Groups under <sysfs>/kernel/iommu_groups, with type and the no-IOMMU marker.
std::vector<IommuGroup> read_iommu_groups(const HostRoots& roots, std::vector<Diagnostic>& diagnostics);

}  // namespace isola::detail
