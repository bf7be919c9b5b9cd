// What the host uses each PCI function for: network, storage, display, USB input, sound.
// Each class device is attributed to the nearest PCI function above it in sysfs.
#pragma once

#include <map>
#include <vector>

#include "reader/host_roots.hpp"
#include "topology/topology.hpp"

namespace isola::detail {

// What the readers found per function, before attach_host_usage() makes Facts of it: a category
// the host lets us read is known for every function, empty where nothing was found.
struct FoundUsage {
    std::vector<NetInterface> net;
    std::vector<BlockDevice> block;
    DisplayUse display;
    std::vector<UsbDevice> usb;
    std::vector<SoundCard> sound;
};
using UsageByDevice = std::map<Bdf, FoundUsage>;

void read_network_usage(const HostRoots& roots, UsageByDevice& usage, std::vector<Diagnostic>& diagnostics);
void read_block_usage(const HostRoots& roots, UsageByDevice& usage, std::vector<Diagnostic>& diagnostics);
void read_display_usage(const HostRoots& roots, UsageByDevice& usage);
void read_sound_usage(const HostRoots& roots, UsageByDevice& usage);
void read_usb_usage(const HostRoots& roots, const std::vector<Device>& devices, UsageByDevice& usage);

// All of the above, stored into each Device::usage. Network (routes, addresses) and storage
// (mounts) need the proc root: without one they stay unknown.
void attach_host_usage(const HostRoots& roots, std::vector<Device>& devices, std::vector<Diagnostic>& diagnostics);

}  // namespace isola::detail
