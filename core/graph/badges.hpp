// The few words a device's card carries about what the host uses it for ("/", "default route",
// "console", "keyboard") and whether VFIO holds it: what a person must see before handing the
// device to a VM, without opening the inspector. Typed, so each view words them itself (the GUI in
// the person's language, the Graphviz picture in the label line it reserves for them).
#pragma once

#include <string_view>
#include <vector>

#include "topology/device.hpp"

namespace isola {

enum class DeviceBadge {
    RootFilesystem,  // "/" is mounted from it
    Mounted,         // another filesystem is mounted from it
    Swap,            // active swap on it
    Stacked,         // device-mapper or md stacked on it (LVM, dm-crypt, RAID)
    DefaultRoute,    // one of its interfaces carries a default route
    InterfaceUp,     // an interface is up (without the default route)
    Console,         // the console / boot framebuffer is on it
    DisplayInUse,    // a process holds its DRM nodes open
    Keyboard,        // a keyboard hangs off it (a USB controller)
    Vfio,            // bound to vfio-pci
};

// In the order a person should read them: what the host would lose first.
std::vector<DeviceBadge> device_badges(const Device& device);

// The host would stop working (or lose data) without it: drawn in the warning colour.
bool badge_is_critical(DeviceBadge badge);

// The English word for the Graphviz picture ("/", "default route", ...).
std::string_view to_string(DeviceBadge badge);

}  // namespace isola
