// Small hand-built topologies for the GUI tests: a desktop with a GPU group, a NIC carrying the
// default route, the root NVMe, a USB controller with keyboard and mouse, an unnamed device
// without a driver and one whose driver is unknown.
#pragma once

#include "topology/topology.hpp"

namespace isola::gui::test {

// with_groups=false drops every IOMMU group, as on a host with the IOMMU off.
Topology sample_topology(bool with_groups = true);

// Root port 00:02.0 (group 2) -> ixgbe PF 3b:00.0 (group 30) with `vfs` VFs from 3b:10.0, each in
// a group of its own from 40 on; the first two on vfio-pci, the others on ixgbevf.
Topology sriov_topology(std::size_t vfs);

// Addresses used by the tests.
inline const Bdf kRootPort{0, 0x00, 0x01, 0};
inline const Bdf kGpu{0, 0x01, 0x00, 0};
inline const Bdf kGpuAudio{0, 0x01, 0x00, 1};
inline const Bdf kNic{0, 0x03, 0x00, 0};
inline const Bdf kNvme{0, 0x04, 0x00, 0};
inline const Bdf kUsb{0, 0x05, 0x00, 0};
inline const Bdf kUnnamed{0, 0x06, 0x00, 0};
inline const Bdf kUnknownDriver{0, 0x07, 0x00, 0};
inline const Bdf kSriovPort{0, 0x00, 0x02, 0};
inline const Bdf kPf{0, 0x3b, 0x00, 0};

}  // namespace isola::gui::test
