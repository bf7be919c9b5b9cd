// Small hand-described hosts for graph tests, each the smallest case of one thing the graph must
// draw right.
#pragma once

#include <cstddef>

#include "topology/topology.hpp"

namespace isola::testing {

// pci0000:00: host bridge (group 0); root port 00:01.1 (group 1) -> GPU 01:00.0 + its HDMI audio
// 01:00.1, both in group 14. The GPU's name carries '&' and '<' to test escaping.
Topology gpu_behind_root_port();

// Root port 00:01.0 (group 1) -> switch upstream 01:00.0 (group 2) -> downstream 02:00.0 and
// 02:01.0 (groups 3, 4) -> NVMe 03:00.0 (group 5) and NIC 04:00.0 (group 6).
Topology pcie_switch();

// Root port 00:02.0 (group 2) -> PF 3b:00.0 (group 3, ixgbe) with `vfs` VFs 3b:10.0..., each in
// its own group from 20 on.
Topology pf_with_vfs(std::size_t vfs);

// Root ports 00:01.0, 00:02.0, 00:03.0 (groups 1, 3, 5), each with a Samsung NVMe drive on nvme
// (groups 2, 4, 6), and root port 00:04.0 (group 7) with the same drive on vfio-pci (group 8):
// three alike subtrees and one that differs only by its driver.
Topology alike_root_ports();

// A pasted listing: groups 1 (two functions), 7 and 9, no bus tree.
Topology listing_without_tree();

}  // namespace isola::testing
