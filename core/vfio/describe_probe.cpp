#include "vfio/describe_probe.hpp"

#include <cerrno>
#include <cstring>
#include <format>
#include <vector>

#include "text/message.hpp"
#include "text/prose.hpp"

namespace isola {

namespace {

// "EPERM": the name people search for. strerror()'s description is left out on purpose: the
// sentence around it already says what the refusal means here.
std::string errno_name(int error) {
    if (const char* name = ::strerrorname_np(error)) return name;
    return std::format("errno {}", error);
}

// "0000:02:01.0 (82540EM Gigabit Ethernet Controller)", or the address alone.
std::string who(const Bdf& device, const std::string& name) {
    return name.empty() ? device.str() : std::format("{} ({})", device.str(), name);
}
std::string who(const ProbeFailure& f) { return who(f.device, f.device_name); }

std::string group_words(const std::optional<GroupId>& group, bool noiommu) {
    if (!group) return say("its IOMMU group");
    return noiommu ? say("no-IOMMU group {}", *group) : say_in("the group a probe concerns", "IOMMU group {}", *group);
}
std::string group_words(const ProbeFailure& f) { return group_words(f.group, f.noiommu); }

// "the kernel refused VFIO_GROUP_SET_CONTAINER with EPERM", "the kernel refused open(/dev/vfio/4) with EBUSY".
std::string refused(const ProbeFailure& f) {
    std::string call = f.step ? std::string(call_name(*f.step)) : std::string("?");
    if (call == "open") call = std::format("open({})", f.path);
    return say("the kernel refused {0} with {1}", call, errno_name(f.error));
}

std::string blockers(const ProbeFailure& f) {
    std::vector<std::string> items;
    for (const auto& b : f.blockers) items.push_back(say("{0} is still on {1}", who(b.device, b.name), b.driver));
    return join_prose(items);
}

std::string holders(const ProbeFailure& f) {
    std::vector<std::string> items;
    for (const auto& h : f.holders) items.push_back(say("{0} (pid {1}) has {2} open", h.command, h.pid, h.node));
    return join_prose(items);
}

std::string not_viable(const ProbeFailure& f) {
    if (f.blockers.empty())
        return say("{0} is not viable: a device of the group is on a host driver, though Isola's reading of the host "
                   "shows none (isolactl scan shows the drivers as they are now); every device of a group must be on "
                   "vfio-pci or without a driver ({1})",
                   group_words(f), refused(f));
    // TRANSLATORS: {1} lists "0000:02:02.0 (name) is still on e1000"; NAME is a placeholder for the VM.
    return say("{0} is not viable: {1}, and every device of a group must be on vfio-pci or without a driver; move the "
               "whole group (isolactl apply {2} --vm NAME) ({3})",
               group_words(f), blockers(f), f.device.str(), refused(f));
}

std::string in_use(const ProbeFailure& f) {
    if (f.holders.empty())
        return say("{0} is in use by another VFIO user, a VM or a program with the group or a cdev of its devices open "
                   "(Isola found none it can see; root sees every process); stop it, then probe {1} again ({2})",
                   group_words(f), f.device.str(), refused(f));
    return say("{0} is in use by another VFIO user: {1}; stop that program or its VM, then probe {2} again ({3})",
               group_words(f), holders(f), f.device.str(), refused(f));
}

std::string cdev_problem(const ProbeFailure& f) {
    if (f.kind == ProbeFailureKind::CdevNotBuilt) {
        if (f.cdev.empty())
            return say("{} has no VFIO device cdev (no vfio-dev entry in sysfs): this kernel was built without "
                       "CONFIG_VFIO_DEVICE_CDEV, so iommufd cannot open it; probe with --backend legacy",
                       who(f));
        // The trap: the sysfs directory is there on kernels without the cdev.
        return say("{0} has vfio-dev/{1} in sysfs but no dev entry in it: this kernel lists the VFIO device without "
                   "building its cdev (no CONFIG_VFIO_DEVICE_CDEV), so iommufd cannot open it; probe with --backend "
                   "legacy",
                   who(f), f.cdev);
    }
    if (f.found.empty())
        return say("the cdev node {0} of {1} is missing (or not a device node), though sysfs says the device has one ({2}, device number "
                   "{3}); check that /dev is a devtmpfs, or probe with --backend legacy",
                   f.path, who(f), f.cdev, f.expected);
    return say("{0} is device {1}, but sysfs says the cdev {2} of {3} is device {4}: the node is not this device's; "
               "check /dev, or probe with --backend legacy",
               f.path, f.found, f.cdev, who(f), f.expected);
}

}  // namespace

std::string describe(const ProbeFailure& f) {
    using K = ProbeFailureKind;
    switch (f.kind) {
        case K::NoSuchDevice:
            return say("there is no PCI function {} on this host", f.device.str());
        case K::NoGroup:
            return say("{} has no IOMMU group, so there is nothing VFIO could attach; enable VT-d (Intel) or AMD-Vi "
                       "(AMD) in the firmware and boot with the IOMMU on",
                       who(f));
        case K::NotOnVfioPci:
            if (f.driver.empty())
                return say("{0} has no driver, not vfio-pci: apply it first (isolactl apply {1} --vm NAME)", who(f),
                           f.device.str());
            return say("{0} is on {1}, not vfio-pci: apply it first (isolactl apply {2} --vm NAME)", who(f), f.driver,
                       f.device.str());
        case K::NoIommuIommufd:
            return say("{0} is in {1}, which has no I/O address space for iommufd to attach; probe it with --backend "
                       "legacy",
                       who(f), group_words(f));
        case K::NoVfioContainer:
            return say("cannot probe {0}: {1} does not exist, so the kernel's VFIO is not loaded (modprobe vfio-pci) or "
                       "has no legacy container (CONFIG_VFIO_CONTAINER); try --backend iommufd",
                       who(f), f.path);
        case K::NoIommufd:
            return say("cannot probe {0} through iommufd: {1} does not exist, so this kernel has no iommufd "
                       "(CONFIG_IOMMUFD); probe with --backend legacy",
                       who(f), f.path);
        case K::NoAccess:
            if (f.error == EPERM)
                return say("cannot open {0} to probe {1}: the kernel does not permit it (a no-IOMMU group needs "
                           "CAP_SYS_RAWIO); run isolactl probe as root ({2})",
                           f.path, who(f), refused(f));
            return say("cannot open {0} to probe {1}: permission denied; run isolactl probe as root, or as a user the "
                       "VFIO nodes belong to ({2})",
                       f.path, who(f), refused(f));
        case K::ApiVersionMismatch:
            return say("cannot probe {0}: the kernel's VFIO speaks API version {1}, and Isola knows only version 0",
                       who(f), f.value);
        case K::NoIommuDriver:
            if (f.noiommu)
                return say("cannot probe {0}: the kernel's VFIO container offers no no-IOMMU mode (VFIO_CHECK_EXTENSION "
                           "said no); load vfio with enable_unsafe_noiommu_mode=1",
                           who(f));
            return say("cannot probe {0}: the kernel's VFIO container offers no type1v2 IOMMU (VFIO_CHECK_EXTENSION said "
                       "no); load it (modprobe vfio_iommu_type1), or probe with --backend iommufd",
                       who(f));
        case K::GroupNodeMissing:
            return say("{0} is on vfio-pci, but its group node {1} does not exist: this kernel may offer VFIO devices "
                       "only through cdevs (no CONFIG_VFIO_GROUP); probe with --backend iommufd",
                       who(f), f.path);
        case K::CdevNotBuilt:
        case K::CdevNodeMismatch:
            return cdev_problem(f);
        case K::GroupNotViable:
            return not_viable(f);
        case K::GroupInUse:
            return in_use(f);
        case K::CdevAlreadyBound:
            if (f.holders.empty())
                return say("{0} cannot be bound to iommufd: most likely another program has bound its cdev already (Isola "
                           "found none it can see; root sees every process), or the IOMMU does not enforce cache "
                           "coherency for it ({1})",
                           who(f), refused(f));
            return say("{0} cannot be bound to iommufd: {1}, and a device cdev binds to one iommufd at a time; stop that "
                       "program or its VM, then probe again ({2})",
                       who(f), holders(f), refused(f));
        case K::GroupMateOnOtherIoas:
            if (f.holders.empty())
                return say("{0} cannot join a new I/O address space: another device of {1} is attached to a different "
                           "one, and the devices of a group must share one ({2})",
                           who(f), group_words(f), refused(f));
            return say("{0} cannot join a new I/O address space: another device of {1} is attached to a different one "
                       "({2}), and the devices of a group must share one; attach them through the same program, or stop "
                       "the other one ({3})",
                       who(f), group_words(f), holders(f), refused(f));
        case K::DeviceNotOnVfio:
            return say("{0} opened, but VFIO does not know {1} as one of its devices: it is not on vfio-pci (any more); "
                       "apply it first (isolactl apply {2} --vm NAME) ({3})",
                       group_words(f), who(f), f.device.str(), refused(f));
        case K::InterruptsNotIsolated:
            return say("{0} in {1} cannot be attached, though no device of the group is on a host driver: the IOMMU most "
                       "likely cannot isolate its interrupts (no interrupt remapping), which VFIO accepts only with "
                       "allow_unsafe_interrupts=1 ({2})",
                       who(f), group_words(f), refused(f));
        case K::CallFailed:
            return say("cannot probe {0} in {1}: {2}", who(f), group_words(f), refused(f));
    }
    return {};
}

std::string describe_success(const AttachProbe& p) {
    const std::string device = who(p.device, p.device_name);
    const std::string group = group_words(p.group, p.noiommu);
    if (p.backend == Backend::Iommufd)
        // TRANSLATORS: {2} a cdev name (vfio0); {3}, {4}, {5} numbers the kernel gave out.
        return say("{0} in {1} attaches through iommufd: its cdev {2} bound as device {3}, attached to a new I/O address "
                   "space (IOAS {4}, page table {5}) and was detached again; everything was closed",
                   device, group, p.cdev, p.device_id, p.ioas_id, p.pt_id);
    if (p.noiommu)
        return say("{0} in {1} attaches through the legacy VFIO container in no-IOMMU mode, without any DMA isolation: "
                   "the group took the container and gave out the device; everything was closed again",
                   device, group);
    return say("{0} in {1} attaches through the legacy VFIO container: the group is viable, took the container with the "
               "type1v2 IOMMU and gave out the device; everything was closed again",
               device, group);
}

std::string describe(const AttachProbe& p) { return p.failure ? describe(*p.failure) : describe_success(p); }

}  // namespace isola
