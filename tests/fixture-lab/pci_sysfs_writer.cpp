// /sys/devices/pci*, /sys/bus/pci, /sys/kernel/iommu_groups, /sys/class/iommu, vfio module
// parameters and the /dev nodes VFIO and iommufd create.
//
// File formats follow drivers/pci/pci-sysfs.c (6.12): IDs "0x%04x\n", class "0x%06x\n",
// driver_override "%s\n" printing "(null)" when unset, resource one "0x%016llx" triple per
// resource (13 lines, 17 for bridges), link speed as pci_speed_string() + "\n".
#include "pci_sysfs_writer.hpp"

#include "config_space.hpp"

#include <format>
#include <set>

namespace isola::lab {
namespace {

// Dynamic char majors the lab kernels gave vfio's group and device nodes.
constexpr int kVfioDeviceMajor = 238;

std::string reset_methods(const PlacedFunction& f) {
    if (f.spec.reset.kind == ResetSpec::Kind::Methods) return f.spec.reset.methods;
    if (f.is_bridge) return "pm";
    std::string methods = is_pcie(f.port) ? "flr" : "pm";
    // Secondary bus reset needs a bridge above; VFs can only FLR.
    if (f.parent >= 0 && f.physfn < 0) methods += " bus";
    return methods;
}

bool has_reset_file(const PlacedFunction& f) {
    if (f.spec.reset.kind != ResetSpec::Kind::Default) return f.spec.reset.kind == ResetSpec::Kind::Methods;
    return f.spec.class_code >> 8 != 0x0600;  // host bridges support no reset: the kernel hides the file
}

std::string resource_file(const PlacedFunction& f) {
    const int lines = f.is_bridge ? 17 : 13;
    std::string out;
    out.reserve(static_cast<std::size_t>(lines) * 57);
    for (int i = 0; i < lines; ++i) out += "0x0000000000000000 0x0000000000000000 0x0000000000000000\n";
    return out;
}

std::string modalias(const DeviceSpec& s) {
    return std::format("pci:v{:08X}d{:08X}sv{:08X}sd{:08X}bc{:02X}sc{:02X}i{:02X}", s.vendor, s.device, s.subsystem_vendor,
                       s.subsystem_device, s.class_code >> 16, (s.class_code >> 8) & 0xff, s.class_code & 0xff);
}

void write_function(const FixtureFiles& out, const PlacedFunction& f, const MachineLayout& layout, IommuKind iommu) {
    const auto& s = f.spec;
    const std::string dir = "sys/" + f.sysfs_dir;
    out.dir(dir);
    out.text(dir + "/vendor", std::format("0x{:04x}\n", s.vendor));
    out.text(dir + "/device", std::format("0x{:04x}\n", s.device));
    out.text(dir + "/class", std::format("0x{:06x}\n", s.class_code));
    out.text(dir + "/revision", std::format("0x{:02x}\n", s.revision));
    out.text(dir + "/subsystem_vendor", std::format("0x{:04x}\n", s.subsystem_vendor));
    out.text(dir + "/subsystem_device", std::format("0x{:04x}\n", s.subsystem_device));
    out.text(dir + "/irq", std::format("{}\n", s.irq.value_or(0)));
    out.text(dir + "/numa_node", std::format("{}\n", s.numa_node));
    out.text(dir + "/enable", f.driver.empty() ? "0\n" : "1\n");
    out.text(dir + "/driver_override", std::format("{}\n", s.driver_override.value_or("(null)")));
    out.text(dir + "/d3cold_allowed", "1\n");
    out.text(dir + "/modalias", modalias(s) + "\n");
    out.text(dir + "/resource", resource_file(f));
    out.text(dir + "/uevent",
             std::format("{}PCI_CLASS={:X}\nPCI_ID={:04X}:{:04X}\nPCI_SUBSYS_ID={:04X}:{:04X}\nPCI_SLOT_NAME={}\nMODALIAS={}\n",
                         f.driver.empty() ? "" : "DRIVER=" + f.driver + "\n", s.class_code, s.vendor, s.device,
                         s.subsystem_vendor, s.subsystem_device, f.name, modalias(s)));
    if (has_reset_file(f)) out.text(dir + "/reset_method", reset_methods(f).empty() ? "" : reset_methods(f) + "\n");
    if (s.class_code >> 8 == 0x0300) out.text(dir + "/boot_vga", s.boot_vga ? "1\n" : "0\n");
    if (f.is_bridge) {
        out.text(dir + "/secondary_bus_number", std::format("{}\n", f.secondary_bus));
        out.text(dir + "/subordinate_bus_number", std::format("{}\n", f.subordinate_bus));
    }
    if (is_pcie(f.port)) {
        const auto link = link_settings(f);
        out.text(dir + "/current_link_speed", std::format("{}\n", link_speed_text(link.speed_code)));
        out.text(dir + "/max_link_speed", std::format("{}\n", link_speed_text(link.speed_code)));
        out.text(dir + "/current_link_width", std::format("{}\n", link.width));
        out.text(dir + "/max_link_width", std::format("{}\n", link.width));
    }
    if (s.sriov) {
        out.text(dir + "/sriov_totalvfs", std::format("{}\n", s.sriov->total_vfs));
        out.text(dir + "/sriov_numvfs", std::format("{}\n", s.sriov->num_vfs));
        out.text(dir + "/sriov_offset", std::format("{}\n", s.sriov->first_vf_offset));
        out.text(dir + "/sriov_stride", std::format("{}\n", s.sriov->vf_stride));
        out.text(dir + "/sriov_vf_device", std::format("{:x}\n", s.sriov->vf_device));
        out.text(dir + "/sriov_drivers_autoprobe", "1\n");
        for (std::size_t n = 0; n < f.virtfns.size(); ++n)
            out.link(std::format("{}/virtfn{}", dir, n), "sys/" + layout.functions[f.virtfns[n]].sysfs_dir);
    }
    if (f.physfn >= 0) out.link(dir + "/physfn", "sys/" + layout.functions[f.physfn].sysfs_dir);
    out.bytes(dir + "/config", build_config_space(f));

    out.link(dir + "/subsystem", "sys/bus/pci");
    out.link("sys/bus/pci/devices/" + f.name, dir);
    if (!f.driver.empty()) {
        out.link(dir + "/driver", "sys/bus/pci/drivers/" + f.driver);
        out.link("sys/bus/pci/drivers/" + f.driver + "/" + f.name, dir);
    }
    if (f.group) {
        const std::string group_dir = std::format("sys/kernel/iommu_groups/{}", *f.group);
        out.link(dir + "/iommu_group", group_dir);
        out.link(group_dir + "/devices/" + f.name, dir);
        if (iommu != IommuKind::None)
            out.link(dir + "/iommu", iommu == IommuKind::Intel ? "sys/devices/virtual/iommu/dmar0"
                                                               : "sys/devices/virtual/iommu/ivhd0");
    }
    if (f.vfio_device) {
        const std::string cdev = std::format("{}/vfio-dev/vfio{}", dir, *f.vfio_device);
        out.text(cdev + "/dev", std::format("{}:{}\n", kVfioDeviceMajor, *f.vfio_device));
        out.link(cdev + "/device", dir);
    }
}

}  // namespace

void write_pci_sysfs(const MachineSpec& spec, const MachineLayout& layout, const FixtureFiles& out) {
    // The PCI bus type: probe/rescan knobs, and one directory per driver with its write-only files.
    out.text("sys/bus/pci/drivers_probe", "");
    out.text("sys/bus/pci/drivers_autoprobe", "1\n");
    out.text("sys/bus/pci/rescan", "");
    out.dir("sys/bus/pci/devices");
    std::set<std::string> drivers{"pcieport"};
    bool uses_vfio = spec.noiommu_mode;
    for (const auto& f : layout.functions) {
        if (!f.driver.empty()) drivers.insert(f.driver);
        if (f.driver == "vfio-pci" || f.spec.driver_override == "vfio-pci") uses_vfio = true;
    }
    if (uses_vfio) drivers.insert("vfio-pci");
    for (const auto& d : drivers)
        for (const char* knob : {"bind", "unbind", "new_id", "remove_id", "uevent"})
            out.text(std::format("sys/bus/pci/drivers/{}/{}", d, knob), "");

    for (const auto& root : layout.root_buses) out.dir("sys/" + root);
    for (const auto& f : layout.functions) write_function(out, f, layout, spec.iommu);

    // IOMMU groups: the kset exists whenever the kernel has IOMMU support, even with no groups.
    out.dir("sys/kernel/iommu_groups");
    std::set<int> groups;
    std::set<int> vfio_groups;
    for (const auto& f : layout.functions) {
        if (!f.group) continue;
        groups.insert(*f.group);
        if (f.driver == "vfio-pci") vfio_groups.insert(*f.group);
    }
    for (int g : groups) {
        const std::string dir = std::format("sys/kernel/iommu_groups/{}", g);
        if (spec.iommu == IommuKind::None) {
            // vfio_noiommu_group_alloc() names the group; it has no default domain.
            out.text(dir + "/name", "vfio-noiommu\n");
            out.text(dir + "/type", "unknown\n");
        } else {
            auto it = spec.group_types.find(g);
            out.text(dir + "/type", (it == spec.group_types.end() ? spec.default_group_type : it->second) + "\n");
            out.text(dir + "/reserved_regions",
                     "0x00000000fee00000 0x00000000feefffff msi\n");
        }
    }
    if (spec.iommu != IommuKind::None) {
        const std::string unit = spec.iommu == IommuKind::Intel ? "dmar0" : "ivhd0";
        out.dir("sys/devices/virtual/iommu/" + unit);
        out.link("sys/class/iommu/" + unit, "sys/devices/virtual/iommu/" + unit);
    }

    // vfio is loaded when something uses it; its no-IOMMU switch is a module parameter.
    if (uses_vfio) {
        out.text("sys/module/vfio/parameters/enable_unsafe_noiommu_mode", spec.noiommu_mode ? "Y\n" : "N\n");
        out.text("dev/vfio/vfio", "");
        for (int g : vfio_groups)
            out.text(spec.iommu == IommuKind::None ? std::format("dev/vfio/noiommu-{}", g) : std::format("dev/vfio/{}", g), "");
    }
    if (spec.iommufd) out.text("dev/iommu", "");
    for (const auto& f : layout.functions)
        if (f.vfio_device)
            out.text(std::format("dev/vfio/devices/vfio{}", *f.vfio_device), "");
    out.dir("dev");
}

}  // namespace isola::lab
