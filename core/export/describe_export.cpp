// The words of exports: errors, the comment lines snippets carry for people and the warnings that
// come with them, said in one place from their typed values (export_config.hpp,
// export_selection.hpp), in the user's language (text/message.hpp). Only these human sentences
// are translated; the configuration itself (XML, options, command lines) never is.
#include <algorithm>

#include "export/export_config.hpp"
#include "export/export_selection.hpp"
#include "text/message.hpp"
#include "text/prose.hpp"

namespace isola {
namespace export_detail {

std::string groups_phrase(const std::vector<GroupId>& groups) {
    std::vector<std::string> ids;
    for (GroupId g : groups) ids.push_back(std::to_string(g));
    // TRANSLATORS: {} one group number, or a list of them ("14 and 15").
    return say_n("IOMMU group {}", "IOMMU groups {}", groups.size(), join_prose(ids));
}

std::string describe(const ExportNote& n) {
    switch (n.kind) {
        case ExportNoteKind::ClosureGroups:
            // TRANSLATORS: a comment in the generated configuration; {} "IOMMU group 14" or "IOMMU groups 3 and 14".
            return say("Isola: every endpoint of {}. VFIO takes whole groups, so a group-mate left out makes the VM "
                       "fail to start.",
                       groups_phrase(n.groups));
        case ExportNoteKind::NoBridges: return say("Bridges are never passed through; these groups hold none.");
        case ExportNoteKind::BridgesStay:
            // TRANSLATORS: {} the PCI addresses of the bridges ("0000:00:1c.0 and 0000:00:1c.4").
            return say_n("Bridges are never passed through: {} stays with the host on its bridge driver.",
                         "Bridges are never passed through: {} stay with the host on its bridge driver.",
                         n.items.size(), join_prose(n.items));
        case ExportNoteKind::GroupMateIncluded:
            // TRANSLATORS: {0} a device ("0000:0b:00.1 (NVIDIA ...)"), {1} a group number, {2} the selected
            // device's address.
            return say("{0} is included because it shares IOMMU group {1} with {2}, and VFIO takes whole groups; the "
                       "host loses it while the VM runs",
                       n.device, n.group, n.other);
        case ExportNoteKind::NoIommuGroup:
            return say("IOMMU group {} is a VFIO no-IOMMU group: the device gets no DMA isolation and can read and "
                       "write all host memory",
                       n.group);
        case ExportNoteKind::RomNotEndpoint:
            return say("the ROM options name {}, which is not an endpoint in this export; they are not applied to it",
                       n.other);
        case ExportNoteKind::RomNoDisplay:
            return say("the ROM options apply to display controllers by default, and this export has none; name the "
                       "functions they are for");
        case ExportNoteKind::XvgaNoVga:
            return say("x-vga applies only to VGA-compatible controllers (class 0300), and this export has none");
        case ExportNoteKind::XvgaSeveral:
            // TRANSLATORS: {} how many VGA controllers (always more than one).
            return say("x-vga is set on {} VGA controllers, but a guest has only one primary VGA device; keep it on "
                       "the one the guest boots with",
                       n.count);
        case ExportNoteKind::NoDevIommu:
            return say("this host has no /dev/iommu: its kernel lacks CONFIG_IOMMUFD, so the iommufd backend cannot "
                       "start; use the legacy container backend");
        case ExportNoteKind::NoVfioCdev:
            return say("this host has no /dev/vfio/devices: its kernel lacks CONFIG_VFIO_DEVICE_CDEV (Linux 6.6+), so "
                       "the iommufd backend cannot open the devices; use the legacy container backend");
        case ExportNoteKind::LibvirtHostdev:
            // TRANSLATORS: an XML comment in each <hostdev>: {0} a PCI address, {1} the device's name, {2} its
            // group number.
            return say("{0} {1}, IOMMU group {2}", n.other, n.device, n.group);
        case ExportNoteKind::LibvirtCardsTogether:
            return say("Functions of one card are listed together, in function order.");
        case ExportNoteKind::LibvirtIommufdComment:
            return say("<driver iommufd='yes'/> selects the IOMMUFD backend for each device; it needs libvirt 12.1.0 "
                       "or newer, and older libvirt (Debian 13 ships 11.3) rejects the attribute.");
        case ExportNoteKind::LibvirtIommufdWarning:
            return say("the iommufd form (<driver iommufd='yes'/>) needs libvirt 12.1.0 or newer; older libvirt, such "
                       "as 11.3 in Debian 13, rejects the domain XML");
        case ExportNoteKind::LibvirtUnmanaged:
            // TRANSLATORS: an XML comment followed by one "virsh nodedev-detach ..." command per device.
            return say("managed='no': libvirt will not detach the devices itself. Before starting the VM run:");
        case ExportNoteKind::LibvirtNoXvga:
            return say("libvirt's <hostdev> has no x-vga setting, so it is left out; the guest gets the GPU without "
                       "the legacy VGA ranges");
        case ExportNoteKind::QemuMultifunction:
            // TRANSLATORS: a comment in a shell snippet; each line (ended by \n) becomes a "# " line. Keep the
            // option syntax as it is.
            return say("multifunction=on marks function 0 of a card whose functions pass through together; to keep\n"
                       "them on one guest slot, add bus=<port>,addr=<slot>.<function> to each of them.");
        case ExportNoteKind::QemuIommufd:
            // TRANSLATORS: a comment in a shell snippet; each line (ended by \n) becomes a "# " line.
            return say("iommufd backend: needs QEMU 9.0+ and a host kernel with CONFIG_IOMMUFD and\n"
                       "CONFIG_VFIO_DEVICE_CDEV (Linux 6.6+). Without iommufd= QEMU uses the legacy VFIO container.");
        case ExportNoteKind::ProxmoxPcie:
            return say("pcie=1 needs the q35 machine type (machine: q35); remove it for i440fx.");
        case ExportNoteKind::ProxmoxRomDir:
            // TRANSLATORS: {0} a directory, {1} the ROM file given.
            return say("Proxmox VE reads romfile= from {0} only; copy {1} there", n.other, n.device);
        case ExportNoteKind::ProxmoxRomSeparator:
            return say("the ROM file name {} holds a comma or semicolon, which Proxmox VE reads as a separator; "
                       "rename the file",
                       n.other);
        case ExportNoteKind::ProxmoxIommufd:
            return say("Proxmox VE chooses the VFIO backend itself; the iommufd option does not change hostpci lines");
        case ExportNoteKind::ModprobeNotRecommended:
            // TRANSLATORS: a comment in /etc/modprobe.d/vfio.conf; each line (ended by \n) becomes a "# " line.
            return say("Not recommended for this host: these IDs also match devices outside the selection (see the\n"
                       "warnings). Bind by address with driverctl instead.");
        case ExportNoteKind::ModprobeDriverUnknown:
            // TRANSLATORS: {0} a PCI address, {1} why its driver is not known.
            return say("The driver of {0} is not known ({1}); add a softdep line for it if it has one.", n.other,
                       n.device);
        case ExportNoteKind::ModprobeInitramfs:
            // TRANSLATORS: a comment in /etc/modprobe.d/vfio.conf; each line (ended by \n) becomes a "# " line.
            return say("softdep does not apply to drivers built into the kernel. Afterwards rebuild the initramfs\n"
                       "(update-initramfs -u, dracut -f or mkinitcpio -P) and reboot.");
        case ExportNoteKind::CloudHypervisorNoRomXvga:
            return say("cloud-hypervisor has no ROM or x-vga settings for VFIO devices; those options are left out");
        case ExportNoteKind::CloudHypervisorIommufd:
            return say("cloud-hypervisor chooses its VFIO backend itself; the iommufd option does not change --device "
                       "arguments");
        case ExportNoteKind::DriverctlOverrides:
            // TRANSLATORS: a comment in a shell snippet; each line (ended by \n) becomes a "# " line.
            return say("Each override is stored under /etc/driverctl.d/ and applied again at every boot. It rebinds "
                       "the\ndevice at once, so the host loses it now; undo with: driverctl unset-override <address>");
        case ExportNoteKind::CmdlineInitramfs:
            return say("rd.driver.pre= is read by dracut initramfs images; with initramfs-tools (Debian, Ubuntu) also "
                       "list vfio-pci in /etc/initramfs-tools/modules and run update-initramfs -u");
        case ExportNoteKind::IdCollision:
            // TRANSLATORS: {0}{1} the binding as written ("vfio-pci.ids=" and "10de:1b80"), {2} the devices
            // outside the selection that it catches too.
            return say_n("{0}{1} also catches {2}, which is not part of this selection; bind by address with "
                         "driverctl instead",
                         "{0}{1} also catches {2}, which are not part of this selection; bind by address with "
                         "driverctl instead",
                         n.items.size(), n.other, n.device, join_prose(n.items));
    }
    return {};
}

std::string comment(const ExportNote& n, std::string_view marker) {
    const std::string text = describe(n);
    std::string out;
    for (std::size_t from = 0; from <= text.size();) {
        const auto end = std::min(text.find('\n', from), text.size());
        out.append(marker).append(text, from, end - from).append("\n");
        from = end + 1;
    }
    return out;
}

}  // namespace export_detail

std::string describe(const ExportError& e) {
    switch (e.kind) {
        case ExportErrorKind::NothingSelected:
            return say("nothing is selected: choose at least one PCI function to export");
        case ExportErrorKind::NotOnHost: return say("{} is not a PCI function on this host", e.device);
        case ExportErrorKind::NoIommuGroup:
            if (!e.host_has_groups)
                // TRANSLATORS: {} a device, "0000:01:00.0 (NVIDIA GP104 [GeForce GTX 1080])".
                return say("{} has no IOMMU group because no IOMMU is active on this host, and VFIO cannot take a "
                           "device without one: enable VT-d (Intel) or AMD-Vi (AMD) in the firmware setup, boot with "
                           "intel_iommu=on on Intel systems, and export again",
                           e.device);
            return say("{} has no IOMMU group although other devices on this host have one, so VFIO cannot take it: "
                       "the IOMMU does not cover it, or the source did not record its group; read the live host again "
                       "before exporting",
                       e.device);
        case ExportErrorKind::OnlyBridges:
            // TRANSLATORS: {0} a bridge ("0000:00:03.1 (AMD ...)"), {1} "IOMMU group 2" or "IOMMU groups 2 and 3".
            return say_n("{0} is a PCI bridge and {1} holds no endpoint to pass through; bridges stay with the host, "
                         "so select the devices behind it instead",
                         "{0} is a PCI bridge and {1} hold no endpoint to pass through; bridges stay with the host, "
                         "so select the devices behind it instead",
                         e.groups.size(), e.device, export_detail::groups_phrase(e.groups));
        case ExportErrorKind::IdsUnknown:
            // TRANSLATORS: {0} a device ("0000:0b:00.0 (VGA compatible controller)"), {1} the export format,
            // "kernel-cmdline" or "modprobe.d".
            return say("{0} has no vendor and device IDs in this source, and {1} binds vfio-pci by ID: read the host "
                       "itself, or import a listing made with lspci -nn, or bind by address with the driverctl export",
                       e.device, e.format);
        case ExportErrorKind::RomFileNotAbsolute:
            return say("the ROM file \"{}\" is not an absolute path: libvirt requires one and QEMU would look for a "
                       "relative name in its own data directory; give the full path",
                       e.rom_file);
    }
    return {};
}

}  // namespace isola
