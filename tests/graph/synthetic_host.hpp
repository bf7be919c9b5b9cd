// In-memory hosts of any size for graph tests and benchmarks: root complexes with root ports,
// each behind a PCIe switch with dual-port SR-IOV NICs whose VFs each sit in their own IOMMU
// group (ACS everywhere), the shape of a big virtualisation server.
#pragma once

#include <cstddef>

#include "topology/topology.hpp"

namespace isola::testing {

struct SyntheticHostShape {
    std::size_t root_ports = 2;
    std::size_t vfs_per_pf = 63;  // at most 120 (the VFs share their PF's bus)
};

// Per root port: 1 root port + 1 upstream + 4 downstream ports + 8 PFs with their VFs; plus one
// host bridge per PCI domain (8 root ports per domain).
Topology make_synthetic_host(const SyntheticHostShape& shape);

// About `functions` functions, with 63 VFs per PF: 1024 -> 1037, 4096 -> 4145, 16384 -> 16580.
Topology make_synthetic_host(std::size_t functions);

}  // namespace isola::testing
