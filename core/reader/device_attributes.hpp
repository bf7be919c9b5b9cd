// The per-function facts libpci does not give: config-space facts, tree position, IOMMU group link, driver,
// driver_override, reset methods, boot VGA, NUMA node, SR-IOV links, PCIe link, VFIO cdev.
#pragma once

#include <vector>

#include "reader/host_roots.hpp"
#include "reader/sysfs_file.hpp"
#include "topology/topology.hpp"

namespace isola::detail {

// Config-space facts (header type, port type, ACS) and the attribute files of one function that
// libpci has filled. `devices_dir` is <sysfs>/bus/pci/devices, held open for the whole scan.
// What config space says lets it skip files the kernel cannot have created for this function.
// Safe to call for different devices from different threads.
// A runtime-suspended function's config space is read only when `wake_suspended` (ReadOptions).
void read_device_attributes(const sysfs::AttributeDir& devices_dir, Device& device,
                            std::vector<Diagnostic>& diagnostics, bool wake_suspended = false);

// Groups under <sysfs>/kernel/iommu_groups, with type and the no-IOMMU marker.
std::vector<IommuGroup> read_iommu_groups(const HostRoots& roots, std::vector<Diagnostic>& diagnostics);

}  // namespace isola::detail
