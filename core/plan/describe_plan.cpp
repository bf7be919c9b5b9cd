#include "plan/describe_plan.hpp"

#include <algorithm>
#include <vector>

#include "text/enum_names.hpp"
#include "text/message.hpp"
#include "text/prose.hpp"

namespace isola {
namespace {

std::string reason(const Refusal& r) {
    const std::string device = r.device ? r.device->str() : std::string();
    const std::string holder = r.holder ? r.holder->str() : device;
    const unsigned group = r.group.value_or(0);
    switch (r.kind) {
        case RefusalKind::NoVmName:
        case RefusalKind::NoDevices: return {};
        case RefusalKind::NoSuchDevice: return say("there is no PCI function {} on this host", device);
        case RefusalKind::NoGroup: return say("{} has no IOMMU group, so VFIO cannot isolate it", device);
        case RefusalKind::IsBridge: return say("{} is a PCI bridge; only endpoints can be passed to a VM", device);
        case RefusalKind::NoIommuGroup:
            return say("IOMMU group {} is a VFIO no-IOMMU group, which gives the VM unrestricted DMA to all host memory",
                       group);
        case RefusalKind::HostNeedsDevice:
            // TRANSLATORS: {} completes a sentence about the device, e.g. "holds the host's root filesystem".
            return say("it {}", r.impact ? describe_serves(*r.impact) : std::string());
        case RefusalKind::GroupMateServesHost: {
            const std::string serves = r.impact ? describe_serves(*r.impact) : std::string();
            if (r.driver.empty())
                return say("{} in the same IOMMU group {} is bound to no driver and {}", holder, group, serves);
            return say("{} in the same IOMMU group {} is bound to {} and {}", holder, group, r.driver, serves);
        }
        case RefusalKind::AlreadyAssigned: return say("it is already assigned to \"{}\"", r.other_vm);
        case RefusalKind::GroupMateAssigned:
            return say("{} in the same IOMMU group {} is already assigned to \"{}\"", holder, group, r.other_vm);
        case RefusalKind::NoIommufd:
            return say("this kernel offers no iommufd (/dev/iommu) or no VFIO device cdevs (/dev/vfio/devices)");
    }
    return {};
}

std::string impact_remedy(const HostImpact& i) {
    switch (i.kind) {
        case ImpactKind::RootFilesystem: return say("the host cannot give away the disk it runs from");
        case ImpactKind::MountedFilesystem: return say("unmount those filesystems first");
        case ImpactKind::SwapSpace: return say("turn that swap space off first (swapoff /dev/{})", i.name);
        case ImpactKind::StackedVolume:
            return say("stop what uses it first: unmount its filesystems, turn off its swap and deactivate the "
                       "volumes (vgchange -an, cryptsetup close, mdadm --stop)");
        case ImpactKind::DefaultRoute: return say("move the host's default route to another interface first");
        case ImpactKind::NetworkUp: return say("bring the interface down first (ip link set dev {} down)", i.name);
        case ImpactKind::ConsoleDisplay: return say("move the console to another GPU (or a serial console) first");
        case ImpactKind::DrmNodeOpen: return say("log out of the desktop session on this GPU or stop those programs first");
        case ImpactKind::OnlyKeyboard: return say("attach a keyboard to another USB controller first");
        case ImpactKind::ChipsetFunction: return say("this group cannot be passed through on this machine");
        case ImpactKind::SriovVfsInUse:
            // TRANSLATORS: the VFs are the PF's SR-IOV virtual functions; sriov_numvfs is a sysfs file.
            return say("stop the VMs and host drivers that use its VFs and unbind them first; Isola then removes the "
                       "VFs itself (sriov_numvfs 0) and restores them later");
        default: return {};
    }
}

// "device-mapper device vg0-home (dm-1) mounted at /home", "RAID array md127 holding …".
std::string describe_holder(const BlockHolder& h) {
    std::string what;
    switch (h.kind) {
        case BlockHolder::Kind::DeviceMapper:
            what = h.label.empty() ? say("device-mapper device {}", h.name)
                                   : say("device-mapper device {0} ({1})", h.label, h.name);
            break;
        case BlockHolder::Kind::Md: what = say("RAID array {}", h.name); break;
        case BlockHolder::Kind::Other: what = h.name; break;
    }
    std::vector<std::string> uses;
    if (!h.mountpoints.empty()) uses.push_back(say("mounted at {}", join_list(h.mountpoints)));
    if (h.swap) uses.push_back(say("used as swap space"));
    if (!h.holders.empty()) {
        std::vector<std::string> above;
        for (const auto& up : h.holders) above.push_back(describe_holder(up));
        uses.push_back(say("holding {}", join_prose(above)));
    }
    if (uses.empty()) return what;
    // TRANSLATORS: {0} a stacked block device ("device-mapper device vg0-home (dm-1)"), {1} what uses
    // it ("mounted at /home", "used as swap space and holding …").
    return say_in("a stacked block device and what uses it", "{0} {1}", what, join_prose(uses));
}

// "kwin_wayland (pid 1234)", one per process, in pid order; and the nodes they hold.
std::pair<std::vector<std::string>, std::vector<std::string>> describe_openers(const std::vector<DrmOpener>& openers) {
    std::vector<std::string> processes, nodes;
    int last_pid = -1;
    for (const auto& o : openers) {
        if (o.pid != last_pid) processes.push_back(say_in("a process", "{0} (pid {1})", o.comm, o.pid));
        last_pid = o.pid;
        if (std::ranges::find(nodes, o.node) == nodes.end()) nodes.push_back(o.node);
    }
    std::ranges::sort(nodes);
    return {processes, nodes};
}

}  // namespace

namespace {

constexpr std::array kRefusalNames{
    EnumName<RefusalKind>{RefusalKind::NoVmName, "no-vm-name"},
    EnumName<RefusalKind>{RefusalKind::NoDevices, "no-devices"},
    EnumName<RefusalKind>{RefusalKind::NoSuchDevice, "no-such-device"},
    EnumName<RefusalKind>{RefusalKind::NoGroup, "no-iommu-group"},
    EnumName<RefusalKind>{RefusalKind::IsBridge, "is-bridge"},
    EnumName<RefusalKind>{RefusalKind::NoIommuGroup, "vfio-noiommu-group"},
    EnumName<RefusalKind>{RefusalKind::HostNeedsDevice, "host-needs-device"},
    EnumName<RefusalKind>{RefusalKind::GroupMateServesHost, "group-mate-serves-host"},
    EnumName<RefusalKind>{RefusalKind::AlreadyAssigned, "already-assigned"},
    EnumName<RefusalKind>{RefusalKind::GroupMateAssigned, "group-mate-assigned"},
    EnumName<RefusalKind>{RefusalKind::NoIommufd, "no-iommufd"},
};

}  // namespace

std::string_view to_string(RefusalKind k) { return name_of(kRefusalNames, k); }

std::string describe(const Refusal& r) {
    if (r.kind == RefusalKind::NoVmName) return say("cannot plan an attach without a VM name");
    if (r.kind == RefusalKind::NoDevices) return say("cannot plan an attach of no devices");
    const std::string device = r.device ? r.device->str() : std::string();
    // TRANSLATORS: {0} a PCI address, {1} the VM's name, {2} the reason (a clause).
    return say("cannot assign {0} to \"{1}\": {2}", device, r.vm, reason(r));
}

std::string describe_remedy(const Refusal& r) {
    switch (r.kind) {
        case RefusalKind::NoVmName: return say("name the target VM (--vm NAME)");
        case RefusalKind::NoDevices: return say("name at least one device address");
        case RefusalKind::NoSuchDevice: return say("check the address with 'isolactl scan'");
        case RefusalKind::NoGroup:
            return say("enable VT-d (Intel) or AMD-Vi (AMD) in the firmware and boot with the IOMMU on");
        case RefusalKind::IsBridge: return say("select the devices behind the bridge instead");
        case RefusalKind::NoIommuGroup:
            return say("enable a real IOMMU; no-IOMMU mode is for trusted user-space drivers, not VMs");
        case RefusalKind::HostNeedsDevice: return r.impact ? impact_remedy(*r.impact) : std::string();
        case RefusalKind::GroupMateServesHost:
            if (r.impact && r.impact->severity == Severity::Blocker) return impact_remedy(*r.impact);
            return say("select {} too to hand it to the VM as well, or keep the whole group on the host",
                       r.holder ? r.holder->str() : std::string());
        case RefusalKind::AlreadyAssigned: return say("remove it from \"{}\" first", r.other_vm);
        case RefusalKind::GroupMateAssigned: return say("a group can belong to only one VM at a time");
        case RefusalKind::NoIommufd:
            return say("use the legacy VFIO container backend, or a kernel with CONFIG_IOMMUFD and "
                       "CONFIG_VFIO_DEVICE_CDEV");
    }
    return {};
}

std::string describe_serves(const HostImpact& i) {
    switch (i.kind) {
        case ImpactKind::RootFilesystem: return say("holds the host's root filesystem (/ on {})", i.name);
        case ImpactKind::MountedFilesystem: {
            std::vector<std::string> mounts;
            // TRANSLATORS: {0} a mount point, {1} a block device, e.g. "/home on nvme0n1p3".
            for (const auto& [mount, block] : i.mounts)
                mounts.push_back(say_in("a mount point on its block device", "{0} on {1}", mount, block));
            return say("holds mounted filesystems ({})", join_list(mounts));
        }
        case ImpactKind::SwapSpace: return say("holds the host's swap space ({})", i.name);
        case ImpactKind::StackedVolume: {
            std::vector<std::string> holders;
            for (const auto& h : i.holders) holders.push_back(describe_holder(h));
            // TRANSLATORS: {0} a disk or partition, {1} what is stacked on it ("device-mapper device
            // vg0-home (dm-1) mounted at /home").
            return say("holds {0}, which is part of {1}", i.name, join_prose(holders));
        }
        case ImpactKind::DefaultRoute: return say("carries the host's default route ({})", i.name);
        case ImpactKind::NetworkUp: return say("is the host's network interface {}, which is up", i.name);
        case ImpactKind::NetworkDown: return say("is the host's network interface {} (down)", i.name);
        case ImpactKind::ConsoleDisplay: return say("drives the host's console");
        case ImpactKind::DrmNodeOpen: {
            const auto [processes, nodes] = describe_openers(i.openers);
            // TRANSLATORS: {0} processes ("kwin_wayland (pid 1234) and Xwayland (pid 1301)"), {1} DRM nodes.
            return say_n("is in use by {0}, which holds its DRM nodes open ({1})",
                         "is in use by {0}, which hold its DRM nodes open ({1})",
                         static_cast<unsigned long>(processes.size()), join_prose(processes), join_list(nodes));
        }
        case ImpactKind::DrmOpenersUnknown:
            return say("may be in use by a program: whether a process holds its DRM nodes open is not known ({})",
                       i.why_unknown.empty() ? say("not recorded") : translate(i.why_unknown.c_str()));
        case ImpactKind::Display: return say("is a display of the host ({})", join_list(i.items));
        case ImpactKind::BootGpu: return say("is the boot GPU: firmware initialised it, so the VM may need its ROM as a romfile");
        case ImpactKind::OnlyKeyboard: return say("has the host's only keyboard attached ({})", join_list(i.items));
        case ImpactKind::UsbDevices: return say("has USB devices attached ({})", join_list(i.items));
        case ImpactKind::SoundCard: return say("serves the host's sound card");
        case ImpactKind::ChipsetFunction: return say("is the chipset's {}", translate(i.name.c_str()));
        case ImpactKind::SriovVfsInUse:
            return say_n("has {0} SR-IOV virtual function enabled ({1} bound to a driver), which must be removed first",
                         "has {0} SR-IOV virtual functions enabled ({1} bound to drivers), which must be removed first",
                         static_cast<unsigned long>(i.count), i.count, i.bound);
        case ImpactKind::NoReset:
            return say("cannot be reset (no reset method): a VM may not start a second time without a host reboot");
        case ImpactKind::LeavesHostDriver:
            return say("is not selected but shares IOMMU group {}; it leaves {} for vfio-pci", i.count, i.driver);
        case ImpactKind::UnknownDriver:
            return say("has an unknown driver ({}); if a host driver holds it, the host loses it to vfio-pci",
                       i.why_unknown.empty() ? say("not recorded") : translate(i.why_unknown.c_str()));
        case ImpactKind::UsageUnknown: {
            std::vector<std::string> what;
            for (const auto& c : i.items) what.push_back(translate(c.c_str()));
            // TRANSLATORS: {0} what the host might use it for ("network, storage and display"), {1} why
            // that is not known ("not in a pasted listing").
            return say("may be in use by the host: whether it serves {0} is not known ({1}); check on the host "
                       "before it leaves its driver",
                       join_prose(what), i.why_unknown.empty() ? say("not recorded") : translate(i.why_unknown.c_str()));
        }
        case ImpactKind::CompanionFunction:
            return say("is another function of the same device ({}) in IOMMU group {}, not selected; the VM will not "
                       "see it",
                       i.name, i.count);
        case ImpactKind::NeedsPhysicalFunction: {
            if (i.count >= 0 && !i.driver.empty())
                return say_n("is a virtual function of {0}, which must keep its driver ({1}) and its {2} VF while the VM "
                             "uses it: unbinding that PF or changing its sriov_numvfs removes this device from the VM",
                             "is a virtual function of {0}, which must keep its driver ({1}) and its {2} VFs while the VM "
                             "uses it: unbinding that PF or changing its sriov_numvfs removes this device from the VM",
                             static_cast<unsigned long>(i.count), i.name, i.driver, i.count);
            return say("is a virtual function of {0}, which must keep its driver and its VFs while the VM uses it: "
                       "unbinding that PF or changing its sriov_numvfs removes this device from the VM",
                       i.name);
        }
    }
    return {};
}

std::string describe(const HostImpact& i) { return i.device.str() + " " + describe_serves(i); }

std::string describe_plan_heading(const AttachRequest& request) {
    std::string selected;
    for (const auto& b : request.devices) selected += (selected.empty() ? "" : ", ") + b.str();
    // TRANSLATORS: {0} PCI addresses, {1} a VM's name, {2} legacy or iommufd.
    return say("Plan: assign {0} to \"{1}\" ({2} backend)", selected, request.vm, to_string(request.backend));
}

std::string describe_action(const DeviceAction& a) {
    const bool known = static_cast<bool>(a.from_driver);
    const std::string driver = a.from_driver.value_or("");
    switch (a.kind) {
        case ActionKind::BindVfio:
            if (!known) return say("is bound to vfio-pci (the driver it has now is not known)");
            if (driver.empty()) return say("is bound to vfio-pci (it has no driver now)");
            // TRANSLATORS: {} the host driver the device leaves.
            return say("moves from {} to vfio-pci", driver);
        case ActionKind::RemoveVfsThenBind:
            // TRANSLATORS: {} the host driver the device leaves; sriov_numvfs is a sysfs file.
            return say("has its VFs removed (sriov_numvfs 0), then moves from {} to vfio-pci",
                       known && !driver.empty() ? driver : say("its driver"));
        case ActionKind::AlreadyVfio: return say("is on vfio-pci already");
        case ActionKind::KeepUnbound: return say("stays without a driver: VFIO can use it as it is");
        case ActionKind::KeepStub: return say("stays on pci-stub: the group is viable, but the VM cannot use this function");
        case ActionKind::KeepBridge:
            if (known && !driver.empty())
                // TRANSLATORS: {} the bridge's driver, usually pcieport.
                return say("stays on {}: VFIO leaves a bridge to the host", driver);
            return say("stays as it is: VFIO leaves a bridge to the host");
    }
    return {};
}

}  // namespace isola
