// Every sentence of the review's findings and of the VM definition readers, said from typed values.
#include "review/describe_findings.hpp"

#include <format>

#include "plan/describe_plan.hpp"
#include "text/message.hpp"
#include "text/prose.hpp"

namespace isola::review_detail {
namespace {

std::string on_driver(const DeviceOnDriver& d) {
    // TRANSLATORS: {} a device ("0000:03:00.0 (Tahiti XT)") whose driver the source does not show.
    if (!d.driver) return say("{} on a driver not shown", d.device);
    if (d.driver->empty()) return say("{} on no driver", d.device);
    // TRANSLATORS: {0} a device, {1} the driver it is bound to: "0000:03:00.0 (Tahiti XT) on vfio-pci".
    return say_in("a device on its driver", "{0} on {1}", d.device, *d.driver);
}

std::string on_drivers(const std::vector<DeviceOnDriver>& devices) {
    std::vector<std::string> parts;
    for (const auto& d : devices) parts.push_back(on_driver(d));
    return join_prose(parts);
}

std::string serving(const DeviceServing& d) { return d.device + " " + describe_serves(d.impact); }

std::string ids_text(const DeviceIds& ids) {
    const std::string id = std::format("{:04x}:{:04x}", ids.vendor, ids.device);
    if (!ids.subsystem) return id;
    // TRANSLATORS: {0} vendor:device IDs, {1} the subsystem's vendor:device IDs.
    return say("{0} (subsystem {1})", id, std::format("{:04x}:{:04x}", ids.subsystem->first, ids.subsystem->second));
}

std::string acs_scope(const AcsOverride& o) {
    std::vector<std::string> what;
    if (o.downstream) what.push_back(say("root and downstream ports without ACS"));
    if (o.multifunction) what.push_back(say("functions of multifunction devices without ACS"));
    for (const auto& [v, dv] : o.ids) what.push_back(say("devices with ID {}", std::format("{:04x}:{:04x}", v, dv)));
    if (what.empty()) what.push_back(say("the devices it names"));
    return join_prose(what);
}

std::string refusal_with_remedy(const FindingDetail& f) {
    const Refusal& r = *f.refusal;
    const std::string remedy = describe_remedy(r);
    // TRANSLATORS: {0} FILE:LINE of the claim, {1} the planner's refusal, {2} what to do about it.
    if (!remedy.empty()) return say("{0}: {1}; {2}", f.at, describe(r), remedy);
    return say("{0}: {1}", f.at, describe(r));
}

}  // namespace

std::string describe(const FindingDetail& f) {
    const unsigned long n = f.devices.size();
    const GroupId group = f.group.value_or(0);
    switch (f.kind) {
        case FindingKind::NoGroupData:
            // TRANSLATORS: {} the listing's path.
            return say("{} has no IOMMU group data, so no group can be reviewed: it may come from a host with the "
                       "IOMMU off or from a command that does not print groups (lspci without -v); capture "
                       "/sys/kernel/iommu_groups/*/devices/* on that host and review again",
                       f.origin);
        case FindingKind::IommuPassthrough:
            return say("The IOMMU runs in passthrough mode (iommu=pt): DMA from the devices the host keeps is not "
                       "translated, so they can reach all host memory, but groups handed to VFIO are still isolated");
        case FindingKind::AcsOverride:
            // TRANSLATORS: {0} the kernel parameter, {1} the devices it covers ("root and downstream ports without ACS").
            return say("The ACS override ({0}) is active: the kernel treats {1} as isolated, so IOMMU groups may be "
                       "smaller than what the hardware isolates and a group boundary does not prove isolation; "
                       "devices it split apart can still reach each other by peer-to-peer DMA, so boot once without "
                       "it to see the real groups before passing devices to a VM you do not trust",
                       f.parameter, acs_scope(f.acs));
        case FindingKind::IdBindingCatchesTwins:
            // TRANSLATORS: {0} the module (vfio-pci), {1} the ID as written, {2} vendor:device, {3} the driver,
            // {4} how many devices, {5} the list of them.
            return say_n("{0}.ids={1} on the kernel command line binds every device with ID {2} to {3} at boot, and "
                         "{4} device here has it: {5}; the host cannot keep any of them, so to keep one, bind the "
                         "others by address instead (driverctl set-override ADDRESS vfio-pci) and drop the ID",
                         "{0}.ids={1} on the kernel command line binds every device with ID {2} to {3} at boot, and "
                         "{4} devices here have it: {5}; the host cannot keep any of them, so to keep one, bind the "
                         "others by address instead (driverctl set-override ADDRESS vfio-pci) and drop the ID",
                         n, f.parameter, f.entry, f.id, f.driver, n, join_prose(f.devices));
        case FindingKind::ListingLimits:
            if (f.drivers_shown)
                // TRANSLATORS: {} the listing's path.
                return say("{} is a pasted listing, which does not show what the host uses its devices for (root "
                           "filesystem, default-route network interface, console GPU): host-critical here means "
                           "chipset functions (host bridge, ISA bridge, SMBus, RAM controller) and the groups they "
                           "share; review the host itself (isolactl review) before passing devices through",
                           f.origin);
            return say("{} is a pasted listing, which does not show what the host uses its devices for (root "
                       "filesystem, default-route network interface, console GPU): host-critical here means chipset "
                       "functions (host bridge, ISA bridge, SMBus, RAM controller) and the groups they share, and it "
                       "shows no drivers, so groups that mix vfio-pci and host drivers cannot be seen; review the "
                       "host itself (isolactl review) before passing devices through",
                       f.origin);
        case FindingKind::NoIommuGroup:
            // TRANSLATORS: {0} the group's number, {1} its devices.
            return say_n("IOMMU group {0} is a VFIO no-IOMMU group: {1} has no DMA isolation at all, so a VM given it "
                         "could read and write all host memory; no-IOMMU mode is for trusted user-space drivers (such "
                         "as DPDK), never for VMs",
                         "IOMMU group {0} is a VFIO no-IOMMU group: {1} have no DMA isolation at all, so a VM given "
                         "them could read and write all host memory; no-IOMMU mode is for trusted user-space drivers "
                         "(such as DPDK), never for VMs",
                         n, group, join_prose(f.devices));
        case FindingKind::MixedGroup:
            // TRANSLATORS: {0} the group's number, {1} devices on vfio-pci, {2} devices on host drivers, {3} the
            // addresses of the first ones. "group {0} is not viable" is QEMU's error message.
            return say("IOMMU group {0} is not viable: it holds {1} next to {2}; a VM given the group fails to start "
                       "with \"group {0} is not viable\", so bind every endpoint of the group to vfio-pci, or return "
                       "{3} to the host",
                       group, on_drivers(f.held), on_drivers(f.host), join_prose(f.addresses));
        case FindingKind::CandidateWithHostCritical: {
            std::vector<std::string> critical;
            for (const auto& s : f.serving) critical.push_back(serving(s));
            // TRANSLATORS: {0} the candidate devices, {1} the group's number, {2} what the host needs in it.
            return say_n("{0} in IOMMU group {1} cannot be passed to a VM without taking what the host needs with it: "
                         "{2}; VFIO takes whole groups, so keep it on the host, or give a plug-in card a slot with its "
                         "own IOMMU group",
                         "{0} in IOMMU group {1} cannot be passed to a VM without taking what the host needs with "
                         "them: {2}; VFIO takes whole groups, so keep them on the host, or give a plug-in card a slot "
                         "with its own IOMMU group",
                         n, join_prose(f.devices), group, join_prose(critical));
        }
        case FindingKind::SharedGroup:
            if (f.others.empty())
                // TRANSLATORS: {0} the group's number, {1} the candidate devices.
                return say_n("IOMMU group {0} holds passthrough candidate {1}: VFIO takes the whole group, so these "
                             "devices can go to one VM together or stay on the host together, never split between "
                             "them",
                             "IOMMU group {0} holds passthrough candidates {1}: VFIO takes the whole group, so these "
                             "devices can go to one VM together or stay on the host together, never split between "
                             "them",
                             n, group, join_prose(f.devices));
            // TRANSLATORS: {0} the group's number, {1} the candidate devices, {2} the other devices of the group.
            return say_n("IOMMU group {0} holds passthrough candidate {1} together with {2}: VFIO takes the whole "
                         "group, so these devices can go to one VM together or stay on the host together, never split "
                         "between them",
                         "IOMMU group {0} holds passthrough candidates {1} together with {2}: VFIO takes the whole "
                         "group, so these devices can go to one VM together or stay on the host together, never split "
                         "between them",
                         n, group, join_prose(f.devices), join_prose(f.others));
        case FindingKind::HeldForVfio: {
            const std::string endpoints = on_drivers(f.held);
            // TRANSLATORS: {0} the group's number, {1} its devices and their drivers.
            if (!f.claimed_by)
                return say("IOMMU group {0} is ready for VFIO: {1}, and no endpoint of the group is on a host driver",
                           group, endpoints);
            if (f.claimed_by->empty())
                return say("IOMMU group {0} is ready for VFIO: {1}, and no endpoint of the group is on a host driver; "
                           "no VM definition claims it",
                           group, endpoints);
            std::vector<std::string> quoted;
            // TRANSLATORS: a VM's name in quotes.
            for (const auto& v : *f.claimed_by) quoted.push_back(say("\"{}\"", v));
            // TRANSLATORS: {0} the group's number, {1} its devices and their drivers, {2} the VMs.
            return say("IOMMU group {0} is ready for VFIO: {1}, and no endpoint of the group is on a host driver; "
                       "claimed by {2}",
                       group, endpoints, join_prose(quoted));
        }
        case FindingKind::BootGpu:
        case FindingKind::NoReset: return f.serving.empty() ? std::string() : serving(f.serving.front());
        case FindingKind::VmDeviceGone:
            // TRANSLATORS: {0} FILE:LINE of the claim, {1} the planner's refusal.
            return say("{0}: {1}; the card was removed or its address changed (a new card or a firmware setting can "
                       "renumber the buses), so point the definition at its current address",
                       f.at, describe(*f.refusal));
        case FindingKind::VmDeviceChanged:
            // TRANSLATORS: {0} FILE:LINE, {1} the VM, {2} the address, {3} the resource mapping's name, {4} the IDs
            // it recorded, {5} the IDs the address holds now, {6} that device's name.
            return say("{0}: {1} claims {2} through the resource mapping \"{3}\" as {4}, but that address now holds "
                       "{5} ({6}); Proxmox refuses to start the VM this way: point the mapping at the card's current "
                       "address (Datacenter → Resource Mappings), or put the card back",
                       f.at, f.vm, f.address, f.mapping, ids_text(f.expected), ids_text(f.now), f.now_name);
        case FindingKind::VmsShareGroup:
        case FindingKind::VmClaimsHostCritical:
        case FindingKind::VmClaimRefused: return refusal_with_remedy(f);
        case FindingKind::VmPartialGroupProxmox: {
            const unsigned long mates = f.others.size();
            // TRANSLATORS: {0} FILE:LINE, {1} the VM, {2} the devices it claims, {3} the group-mates it does not
            // claim, {4} the group's number.
            return say_n("{0}: {1} claims {2} but not {3} in the same IOMMU group {4}: at VM start Proxmox binds every "
                         "device of the group to vfio-pci, taking it from the host without asking, and does not give "
                         "it back when the VM stops; name it in the VM's hostpci entries so the definition says what "
                         "it takes, or give the card a slot with its own IOMMU group",
                         "{0}: {1} claims {2} but not {3} in the same IOMMU group {4}: at VM start Proxmox binds every "
                         "device of the group to vfio-pci, taking them from the host without asking, and does not give "
                         "them back when the VM stops; name them in the VM's hostpci entries so the definition says "
                         "what it takes, or give the card a slot with its own IOMMU group",
                         mates, f.at, f.vm, join_prose(f.devices), join_prose(f.others), group);
        }
        case FindingKind::VmPartialGroupLibvirt:
            // TRANSLATORS: {0} FILE:LINE, {1} the VM, {2} the devices it claims, {3} the group-mates on host
            // drivers, {4} the group's number, {5} their addresses. "group {4} is not viable" is QEMU's error.
            return say_n("{0}: {1} claims {2} but not {3} in the same IOMMU group {4}: libvirt detaches only the "
                         "devices a domain names, so QEMU fails to start it with \"group {4} is not viable\"; add {5} "
                         "to {1} as well, or bind it to vfio-pci first",
                         "{0}: {1} claims {2} but not {3} in the same IOMMU group {4}: libvirt detaches only the "
                         "devices a domain names, so QEMU fails to start it with \"group {4} is not viable\"; add {5} "
                         "to {1} as well, or bind them to vfio-pci first",
                         f.host.size(), f.at, f.vm, join_prose(f.devices), on_drivers(f.host), group,
                         join_prose(f.addresses));
        case FindingKind::VmPartialGroupUnknown:
            // TRANSLATORS: {0} FILE:LINE, {1} the VM, {2} the devices it claims, {3} the group-mates whose drivers
            // are not known, {4} the group's number, {5} their addresses.
            return say_n("{0}: {1} claims {2} but not {3} in the same IOMMU group {4}, whose driver this source does "
                         "not show: if it is on a host driver, QEMU fails to start the VM with \"group {4} is not "
                         "viable\"; add {5} to {1} as well, or bind it to vfio-pci first",
                         "{0}: {1} claims {2} but not {3} in the same IOMMU group {4}, whose drivers this source does "
                         "not show: if they are on a host driver, QEMU fails to start the VM with \"group {4} is not "
                         "viable\"; add {5} to {1} as well, or bind them to vfio-pci first",
                         f.others.size(), f.at, f.vm, join_prose(f.devices), join_prose(f.others), group,
                         join_prose(f.addresses));
        case FindingKind::VmUnmanagedOnHostDriver: {
            const std::string device = f.devices.empty() ? std::string() : f.devices.front();
            if (f.managed)
                // TRANSLATORS: {0} FILE:LINE, {1} the VM, {2} the device, {3} its host driver, {4} libvirt's name
                // of the device (pci_0000_01_00_0).
                return say("{0}: {1} claims {2} with managed='no', but it is bound to {3}: libvirt will not detach "
                           "it, so the VM fails to start until it is on vfio-pci; set managed='yes', or run virsh "
                           "nodedev-detach {4} before starting the VM",
                           f.at, f.vm, device, f.driver, f.nodedev);
            return say("{0}: {1} claims {2} without managed='yes' (libvirt's default is 'no'), but it is bound to "
                       "{3}: libvirt will not detach it, so the VM fails to start until it is on vfio-pci; set "
                       "managed='yes', or run virsh nodedev-detach {4} before starting the VM",
                       f.at, f.vm, device, f.driver, f.nodedev);
        }
    }
    return {};
}

std::string describe(const ProblemDetail& p) {
    switch (p.kind) {
        case ProblemKind::ClaimWithoutAddress:
            // TRANSLATORS: {0} the file, {1} the line, {2} the entry ("hostdev 1"), {3} the VM.
            return say("{0}:{1}: cannot read {2} of {3}: it has no <source><address>; this claim is not checked",
                       p.file, p.line, p.entry, p.vm);
        case ProblemKind::AddressWithoutPart:
            // TRANSLATORS: {0} the file, {1} the line, {2} the entry, {3} the VM, {4} the attribute (bus, slot).
            return say("{0}:{1}: cannot read {2} of {3}: its <address> has no {4} attribute; this claim is not checked",
                       p.file, p.line, p.entry, p.vm, p.name);
        case ProblemKind::AddressPartNotNumber:
            // TRANSLATORS: {0} the file, {1} the line, {2} the entry, {3} the VM, {4} the attribute, {5} its value.
            return say("{0}:{1}: cannot read {2} of {3}: {4}='{5}' is not a PCI {4} number; this claim is not checked",
                       p.file, p.line, p.entry, p.vm, p.name, p.value);
        case ProblemKind::DomainUnparsable:
            // TRANSLATORS: {0} the file, {1} the line, {2} the XML parser's error (English).
            return say("{0}:{1}: cannot read this libvirt domain: {2}; the devices it claims are not checked", p.file,
                       p.line, p.value);
        case ProblemKind::DomainWrongRoot:
            return say("{0}: cannot read this libvirt domain: its root element is <{1}>, not <domain>", p.file, p.name);
        case ProblemKind::NotASetting:
            // TRANSLATORS: {0} the file, {1} the line, {2} the start of the line.
            return say("{0}:{1}: this line is not a \"key: value\" setting (\"{2}\"); Proxmox itself rejects such a "
                       "file, and only the other lines were read",
                       p.file, p.line, p.value);
        case ProblemKind::MappingNeedsCluster:
            // TRANSLATORS: {0} the file, {1} the line, {2} the VM, {3} the mapping's name, {4} the entry (hostpci0).
            return say("{0}:{1}: {2} uses the cluster resource mapping \"{3}\" ({4}), which only the cluster's "
                       "/etc/pve/mapping/pci.cfg resolves: the review cannot tell which device it claims, so its "
                       "IOMMU group is not checked",
                       p.file, p.line, p.vm, p.name, p.entry);
        case ProblemKind::NoHostDevice:
            // TRANSLATORS: {0} the file, {1} the line, {2} the VM, {3} the entry (hostpci0), {4} its value.
            return say("{0}:{1}: {2} has a {3} without a host device (\"{4}\"); this claim is not checked", p.file,
                       p.line, p.vm, p.entry, p.value);
        case ProblemKind::NotAnAddress:
            // TRANSLATORS: {0} the file, {1} the line, {2} the VM, {3} the entry (hostpci0), {4} the ID written.
            return say("{0}:{1}: {2} has {3} \"{4}\", which is not a PCI address (BB:DD.F or BB:DD); this claim is "
                       "not checked",
                       p.file, p.line, p.vm, p.entry, p.value);
        case ProblemKind::MapLineBeforeName:
            return say("{0}:{1}: a \"map\" line before any mapping name; it is ignored", p.file, p.line);
        case ProblemKind::MappingUndefined:
            // TRANSLATORS: {0} the file, {1} the line, {2} the VM, {3} the mapping's name, {4} the entry,
            // {5} the cluster's mapping file.
            return say("{0}:{1}: {2} uses the resource mapping \"{3}\" ({4}), which {5} does not define; Proxmox "
                       "cannot start the VM this way: create the mapping or fix the name",
                       p.file, p.line, p.vm, p.name, p.entry, p.other_file);
        case ProblemKind::MappingNotOnNode:
            // TRANSLATORS: {0} the file, {1} the line, {2} the VM, {3} the mapping's name, {4} the entry,
            // {5} this host's node name.
            return say("{0}:{1}: {2} uses the resource mapping \"{3}\" ({4}), which has no device for this node "
                       "(\"{5}\"); Proxmox cannot start the VM here: add this node's device to the mapping",
                       p.file, p.line, p.vm, p.name, p.entry, p.value);
        case ProblemKind::MappingOffersSeveral:
            // TRANSLATORS: {0} the file, {1} the line, {2} the VM, {3} the mapping's name, {4} the entry,
            // {5} how many devices.
            return say_n("{0}:{1}: {2} uses the resource mapping \"{3}\" ({4}), which offers {5} device on this node; "
                         "the VM gets whichever is free when it starts, so their IOMMU groups are not checked",
                         "{0}:{1}: {2} uses the resource mapping \"{3}\" ({4}), which offers {5} devices on this node; "
                         "the VM gets whichever is free when it starts, so their IOMMU groups are not checked",
                         p.count, p.file, p.line, p.vm, p.name, p.entry, p.count);
        case ProblemKind::MappingPathNotAddress:
            // TRANSLATORS: {0} the file, {1} the line, {2} the VM, {3} the mapping's name, {4} the entry,
            // {5} the path written in the mapping, {6} the mapping file, {7} its line.
            return say("{0}:{1}: {2} uses the resource mapping \"{3}\" ({4}), whose path \"{5}\" in {6}:{7} is not a "
                       "PCI address; this claim is not checked",
                       p.file, p.line, p.vm, p.name, p.entry, p.value, p.other_file, p.other_line);
        case ProblemKind::FileUnreadable:
            // TRANSLATORS: {} a sentence saying why a file could not be read.
            return say("{}; the devices it claims are not checked", p.value);
        case ProblemKind::DirectoryUnreadable:
            // TRANSLATORS: {0} what the directory holds ("libvirt domain"), {1} the directory, {2} why (the system's
            // words).
            return say("cannot read the {0} directory {1}: {2}", translate(p.name.c_str()), p.file, p.value);
    }
    return {};
}

std::string describe_vm(const std::string& name, const std::string& proxmox_id) {
    // TRANSLATORS: a VM's name in quotes, and its Proxmox VMID.
    if (!name.empty() && !proxmox_id.empty()) return say("\"{0}\" (VM {1})", name, proxmox_id);
    if (!name.empty()) return say("\"{}\"", name);
    // TRANSLATORS: a Proxmox VM without a name, by its VMID.
    if (!proxmox_id.empty()) return say("VM {}", proxmox_id);
    return say("the VM");
}

}  // namespace isola::review_detail
