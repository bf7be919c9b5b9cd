#include "graph/badges.hpp"

#include <algorithm>

namespace isola {
namespace {

bool holder_mounted(const std::vector<BlockHolder>& holders, bool& swap) {
    bool mounted = false;
    for (const auto& h : holders) {
        swap = swap || h.swap;
        mounted = mounted || !h.mountpoints.empty() || holder_mounted(h.holders, swap);
    }
    return mounted;
}

}  // namespace

std::vector<DeviceBadge> device_badges(const Device& d) {
    std::vector<DeviceBadge> out;
    auto add = [&out](DeviceBadge b) {
        if (std::ranges::find(out, b) == out.end()) out.push_back(b);
    };
    const DeviceUsage& u = d.usage;
    if (u.block) {
        bool root = false, mounted = false, swap = false, stacked = false;
        auto visit = [&](const BlockDevice& b, auto&& self) -> void {
            root = root || b.holds_root;
            mounted = mounted || !b.mountpoints.empty();
            swap = swap || b.swap;
            stacked = stacked || !b.holders.empty();
            mounted = holder_mounted(b.holders, swap) || mounted;
            for (const auto& p : b.partitions) self(p, self);
        };
        for (const auto& b : *u.block) visit(b, visit);
        if (root) add(DeviceBadge::RootFilesystem);
        else if (mounted) add(DeviceBadge::Mounted);
        if (swap) add(DeviceBadge::Swap);
        if (stacked) add(DeviceBadge::Stacked);
    }
    if (u.net) {
        const bool route = std::ranges::any_of(*u.net, [](const NetInterface& n) { return n.default_route_v4 || n.default_route_v6; });
        if (route) add(DeviceBadge::DefaultRoute);
        else if (std::ranges::any_of(*u.net, [](const NetInterface& n) { return n.operstate == "up"; })) add(DeviceBadge::InterfaceUp);
    }
    if (u.display) {
        if (u.display->console) add(DeviceBadge::Console);
        if (u.display->openers && !u.display->openers->empty()) add(DeviceBadge::DisplayInUse);
    }
    if (u.usb && std::ranges::any_of(*u.usb, [](const UsbDevice& k) { return k.keyboard; })) add(DeviceBadge::Keyboard);
    if (d.driver && *d.driver == "vfio-pci") add(DeviceBadge::Vfio);
    return out;
}

bool badge_is_critical(DeviceBadge b) {
    switch (b) {
        case DeviceBadge::RootFilesystem:
        case DeviceBadge::Mounted:
        case DeviceBadge::Swap:
        case DeviceBadge::Stacked:
        case DeviceBadge::DefaultRoute:
        case DeviceBadge::Console:
        case DeviceBadge::DisplayInUse:
        case DeviceBadge::Keyboard: return true;
        case DeviceBadge::InterfaceUp:
        case DeviceBadge::Vfio: return false;
    }
    return false;
}

std::string_view to_string(DeviceBadge b) {
    switch (b) {
        case DeviceBadge::RootFilesystem: return "/";
        case DeviceBadge::Mounted: return "mounted";
        case DeviceBadge::Swap: return "swap";
        case DeviceBadge::Stacked: return "LVM/RAID";
        case DeviceBadge::DefaultRoute: return "default route";
        case DeviceBadge::InterfaceUp: return "up";
        case DeviceBadge::Console: return "console";
        case DeviceBadge::DisplayInUse: return "in use";
        case DeviceBadge::Keyboard: return "keyboard";
        case DeviceBadge::Vfio: return "vfio-pci";
    }
    return "?";
}

}  // namespace isola
