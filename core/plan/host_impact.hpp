// What the host loses when a device leaves its driver, with how serious that is. Shared by the
// plan (for a proposed attach) and the review (host-wide), so both say the same words.
#pragma once

#include <string>
#include <vector>

#include "topology/topology.hpp"

namespace isola {

enum class Severity {
    Blocker,  // Isola refuses: the host would break (root filesystem, default route, console, ...)
    Confirm,  // allowed, but only when the person confirms (a display, a sound card, no reset)
    Note,     // worth knowing (boot GPU ROM, companion function elsewhere)
};
std::string_view to_string(Severity);

enum class ImpactKind {
    RootFilesystem,
    MountedFilesystem,
    DefaultRoute,
    NetworkUp,
    NetworkDown,
    ConsoleDisplay,
    Display,
    BootGpu,
    OnlyKeyboard,
    UsbDevices,
    SoundCard,
    ChipsetFunction,
    SriovVfsInUse,
    NoReset,
    LeavesHostDriver,   // a group-mate that the host does not visibly use leaves its driver
    CompanionFunction,  // another function of a selected device, in another group
    NeedsPhysicalFunction,  // a selected SR-IOV VF lives only as long as its PF keeps driver and VF count
};
std::string_view to_string(ImpactKind);

struct HostImpact {
    Severity severity;
    ImpactKind kind;
    Bdf device;
    // What the device does for the host, as a phrase that completes "<device> ...": e.g.
    // "carries the host's default route (enp3s0)", "serves the host's sound card".
    std::string serves;
};

// Everything the host uses `device` for, most serious first. Empty: the host would not notice.
std::vector<HostImpact> host_impacts_of(const Device& device, const Topology& topology);

}  // namespace isola
