// The CLI's text view of a Topology: devices grouped by IOMMU group, with driver, host usage
// and names. Plain text, fixed-width columns, no colour (it is often piped or pasted).
#pragma once

#include <string>

#include "topology/topology.hpp"

namespace isola::cli {

// "network enp3s0 up 192.0.2.10/24 (default route)", "storage nvme0n1 (/, /boot)", ...; empty
// when the host does not use the device (or, for a listing, when it is not known).
std::string describe_usage(const Device& device);

std::string render_group_table(const Topology& topology);
// Header lines: source, host, kernel, the IOMMU state sentence, diagnostics count.
std::string render_host_summary(const Topology& topology);

}  // namespace isola::cli
