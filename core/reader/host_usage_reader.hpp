// What the host uses each PCI function for: network, storage, display, USB input, sound.
// Each class device is attributed to the nearest PCI function above it in sysfs.
#pragma once

#include <map>
#include <vector>

#include "reader/host_roots.hpp"
#include "topology/topology.hpp"

namespace isola::detail {

using UsageByDevice = std::map<Bdf, DeviceUsage>;

void read_network_usage(const HostRoots& roots, UsageByDevice& usage, std::vector<Diagnostic>& diagnostics);
void read_block_usage(const HostRoots& roots, UsageByDevice& usage, std::vector<Diagnostic>& diagnostics);
void read_display_usage(const HostRoots& roots, UsageByDevice& usage);
void read_sound_usage(const HostRoots& roots, UsageByDevice& usage);
void read_usb_usage(const HostRoots& roots, const std::vector<Device>& devices, UsageByDevice& usage);

// All of the above, stored into each Device::usage.
void attach_host_usage(const HostRoots& roots, std::vector<Device>& devices, std::vector<Diagnostic>& diagnostics);

}  // namespace isola::detail
