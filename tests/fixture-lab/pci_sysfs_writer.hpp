// Writers for the three parts of a fixture tree; write_fixture() calls them in this order.
#pragma once

#include "fixture_files.hpp"
#include "machine_layout.hpp"

namespace isola::lab {

// sys/devices/pci*, sys/bus/pci, sys/kernel/iommu_groups, sys/class/iommu, sys/module/vfio, dev/.
void write_pci_sysfs(const MachineSpec& spec, const MachineLayout& layout, const FixtureFiles& out);

// Class devices below PCI functions (net, block, drm, graphics, sound, USB) and the proc files
// that describe their use (routes, addresses, mounts), plus kernel identity in proc.
void write_host_usage(const MachineSpec& spec, const MachineLayout& layout, const FixtureFiles& out);

}  // namespace isola::lab
