// What the host loses when a device leaves its driver, with how serious that is. Shared by the
// plan (for a proposed attach) and the review (host-wide), so both say the same words.
#pragma once

#include <string>
#include <utility>
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
    SwapSpace,          // a disk or partition is active swap
    StackedVolume,      // device-mapper / md devices are stacked on a disk or partition
    DefaultRoute,
    NetworkUp,
    NetworkDown,
    ConsoleDisplay,
    DrmNodeOpen,        // processes hold the GPU's DRM nodes open
    DrmOpenersUnknown,  // whether a process holds them open is not known (other users' processes)
    Display,
    BootGpu,
    OnlyKeyboard,
    UsbDevices,
    SoundCard,
    ChipsetFunction,
    SriovVfsInUse,
    NoReset,
    LeavesHostDriver,   // a group-mate that the host does not visibly use leaves its driver
    UnknownDriver,      // a group member whose driver is not known (a listing without -k)
    CompanionFunction,  // another function of a selected device, in another group
    NeedsPhysicalFunction,  // a selected SR-IOV VF lives only as long as its PF keeps driver and VF count
    UsageUnknown,       // the source does not say whether the host uses it (network, storage, ...)
};
std::string_view to_string(ImpactKind);

// What the host loses, as data; describe_serves() (describe_plan.hpp) says it in words.
struct HostImpact {
    Severity severity;
    ImpactKind kind;
    Bdf device;
    std::string name;                 // interface, root filesystem's / swap's / stacked volumes' block device, chipset role, PF, group-mate name
    std::vector<std::string> items;   // DRM cards, USB device names; UsageUnknown: the categories (msgids)
    std::vector<std::pair<std::string, std::string>> mounts;  // mount point, block device
    int count = 0;                    // VFs enabled, the PF's VF count (-1 unknown), a group
    int bound = 0;                    // VFs bound to drivers
    std::string driver;               // NeedsPhysicalFunction: the PF's; LeavesHostDriver: the one it leaves
    std::string why_unknown;          // UnknownDriver, UsageUnknown, DrmOpenersUnknown: why it is not known (a msgid)
    std::vector<BlockHolder> holders; // StackedVolume: what is stacked on `name`
    std::vector<DrmOpener> openers;   // DrmNodeOpen: who holds its nodes open
};

// Everything the host uses `device` for, most serious first. Empty: the host would not notice.
std::vector<HostImpact> host_impacts_of(const Device& device, const Topology& topology);

}  // namespace isola
