// What every format renderer works from: the validated whole-group closure of a selection, with
// devices resolved, plus the few decisions all formats share (which functions get ROM options or
// x-vga, how a slot's functions belong together, the explanatory comment lines).
// Internal to core/export.
#pragma once

#include "text/prose.hpp"

#include <string>
#include <string_view>
#include <vector>

#include "export/export_config.hpp"
#include "plan/group_closure.hpp"

namespace isola::export_detail {

struct ExportSelection {
    const Topology* topology = nullptr;
    GroupClosure closure;
    std::vector<Bdf> selected;               // as asked for: sorted, unique
    std::vector<const Device*> endpoints;    // closure.endpoints resolved, sorted by address
    std::vector<const Device*> bridges;      // closure.bridges resolved: they stay with the host
};

// The functions of one device (slot) that the closure passes through, kept together because a
// multifunction device is one card: its functions should reach the guest side by side.
struct SlotFunctions {
    std::vector<const Device*> functions;  // sorted by function number
    bool whole_slot = false;  // every function the host has in this slot is in the closure
};
std::vector<SlotFunctions> slots_of(const ExportSelection&);

bool has_rom_options(const ExportOptions&);
bool rom_applies(const ExportOptions&, const Device&);
bool xvga_applies(const ExportOptions&, const Device&);

// "0000:0b:00.0 (NVIDIA GP104 [GeForce GTX 1080])"
std::string describe(const Device&);
// "IOMMU group 14", "IOMMU groups 14 and 15", "IOMMU groups 1, 2 and 7"
std::string groups_phrase(const std::vector<GroupId>&);

// What a snippet says to people, as data: the comment lines it carries and the warnings that come
// with it. describe() (describe_export.cpp) is the one place with the words; the configuration
// itself (XML, options, command lines) is never translated.
enum class ExportNoteKind {
    // Comment lines of every format with comments.
    ClosureGroups,          // `groups`
    NoBridges,
    BridgesStay,            // `items`: the bridges' addresses
    // Common warnings.
    GroupMateIncluded,      // `device` shares `group` with the selected `other`
    NoIommuGroup,           // `group`
    RomNotEndpoint,         // `other`: the address the ROM options name
    RomNoDisplay,
    XvgaNoVga,
    XvgaSeveral,            // `count`
    NoDevIommu,
    NoVfioCdev,
    // libvirt.
    LibvirtHostdev,         // comment in each <hostdev>: `other` address, `device` name, `group`
    LibvirtCardsTogether,
    LibvirtIommufdComment,
    LibvirtIommufdWarning,
    LibvirtUnmanaged,
    LibvirtNoXvga,
    // QEMU.
    QemuMultifunction,
    QemuIommufd,
    // Proxmox VE.
    ProxmoxPcie,
    ProxmoxRomDir,          // `other`: the directory, `device`: the file
    ProxmoxRomSeparator,    // `other`: the file name
    ProxmoxIommufd,
    // modprobe.d.
    ModprobeNotRecommended,
    ModprobeDriverUnknown,  // `other`: the address, `device`: why the driver is unknown
    ModprobeInitramfs,
    // cloud-hypervisor.
    CloudHypervisorNoRomXvga,
    CloudHypervisorIommufd,
    // driverctl.
    DriverctlOverrides,
    // Kernel command line and modprobe.d: an ID that catches devices outside the selection.
    CmdlineInitramfs,
    IdCollision,            // `other`: the spelling ("vfio-pci.ids="), `device`: the ID, `items`: the devices
};

struct ExportNote {
    ExportNoteKind kind;
    std::string device;
    std::string other;
    GroupId group = 0;
    long long count = 0;
    std::vector<std::string> items;
    std::vector<GroupId> groups;
};

// The words of a note, in the user's language. Comments may span lines ("\n").
std::string describe(const ExportNote&);
// The note as comment lines: each line of it with `marker` in front ("# "), each ending in "\n".
std::string comment(const ExportNote&, std::string_view marker = "# ");

// Comment lines (without comment markers) that say why the output lists what it lists.
std::vector<std::string> closure_comment_lines(const ExportSelection&);

// Warnings every format shares: group-mates that came along, ROM/x-vga options that hit nothing,
// no-IOMMU groups, iommufd on a host without /dev/iommu.
std::vector<std::string> common_warnings(const ExportSelection&, const ExportOptions&);

}  // namespace isola::export_detail
