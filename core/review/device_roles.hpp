// What a device is to the review: held for VFIO, on a host driver, a passthrough candidate.
// Internal to core/review.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "text/prose.hpp"
#include "topology/topology.hpp"

namespace isola::review_detail {

// vfio-pci and its variant drivers (mlx5-vfio-pci, ...).
bool is_vfio_driver(std::string_view driver);
// Drivers that keep a group viable (driver_managed_dma, kernel.md §2): VFIO drivers and pci-stub.
bool holds_for_vfio(std::string_view driver);
// Known to be bound to a driver that makes the group not viable.
bool on_host_driver(const Device& d);

// GPUs (03xx), NVMe (0108), NICs (02xx) and USB controllers (0c03): what people pass to VMs.
bool is_passthrough_candidate(const Device& d);

// "0000:04:00.0 (Lexa PRO [Radeon RX 550])": the address, and the name people recognise.
std::string label(const Device& d);
// "a (x), b (y) and c (z)".
std::string labels(const Topology& t, const std::vector<Bdf>& devices);

}  // namespace isola::review_detail
