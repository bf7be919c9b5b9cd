#include "reader/device_attributes.hpp"

#include <algorithm>
#include <charconv>
#include <format>
#include <sstream>

#include "reader/config_space.hpp"
#include "reader/describe_read.hpp"
#include "reader/sysfs_file.hpp"
#include "text/message.hpp"

namespace isola::detail {
namespace {

namespace fs = std::filesystem;

std::optional<unsigned> parse_unsigned(std::string_view s) {
    unsigned v = 0;
    auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc{} || p != s.data() + s.size() || s.empty()) return std::nullopt;
    return v;
}

// why_unknown reasons are msgids (N_()): whoever shows one passes it through translate().
template <class T>
Fact<T> missing(const char* why) {
    return Fact<T>::unknown(why);
}

std::optional<Bdf> full_bdf(std::string_view name) {
    // Only the kernel's full spelling names a PCI function directory ("0000:01:00.0").
    if (name.size() < 12) return std::nullopt;
    return Bdf::parse(std::string(name));
}

std::string_view parent_component(std::string_view target) {
    // "../../../devices/pci0000:00/0000:00:01.0/0000:01:00.0" -> "0000:00:01.0"
    if (auto slash = target.rfind('/'); slash != std::string_view::npos) target = target.substr(0, slash);
    if (auto slash = target.rfind('/'); slash != std::string_view::npos) target = target.substr(slash + 1);
    return target;
}

void read_tree_position(const sysfs::AttributeDir& devices_dir, const std::string& name, Device& d) {
    // bus/pci/devices/<bdf> links into devices/pci0000:00/0000:00:01.0/0000:01:00.0: the device
    // directory sits inside its upstream bridge's, so the parent is the link target's second-to-
    // last component, if that is a function. One readlink, not a realpath of the whole chain:
    // this runs for every function, and hosts have thousands (SR-IOV).
    if (auto target = devices_dir.link_target(name.c_str()))
        if (auto bdf = full_bdf(parent_component(*target))) d.parent = *bdf;
}

void read_driver(const sysfs::AttributeDir& dir, Device& d) {
    d.driver = Fact<std::string>::known(dir.link_basename("driver").value_or(""));

    if (auto ov = dir.read_line("driver_override"))
        d.driver_override = Fact<std::string>::known(*ov == "(null)" ? "" : *ov);
    else
        d.driver_override = missing<std::string>(N_("driver_override is not provided by this kernel"));

    // vfio-dev/vfioN exists only while bound to a VFIO driver on a kernel with VFIO_DEVICE_CDEV.
    const bool vfio_bound = d.driver->find("vfio") != std::string::npos;
    auto cdevs = vfio_bound ? dir.list("vfio-dev") : std::vector<std::string>{};
    d.vfio_cdev = Fact<std::string>::known(cdevs.empty() ? std::string() : cdevs.front());
}

bool is_vga(const Device& d) {
    // The kernel shows boot_vga only for VGA-class functions (pci_is_vga: 0x0300, or the
    // pre-class-code 0x0001 "VGA-compatible"), so other classes need not be asked.
    return !d.class_id || *d.class_id == 0x0300 || *d.class_id == 0x0001;
}

void read_reset_and_platform(const sysfs::AttributeDir& dir, Device& d) {
    if (auto rm = dir.read_line("reset_method")) {
        std::vector<std::string> methods;
        std::istringstream in(*rm);
        for (std::string m; in >> m;) methods.push_back(m);
        d.reset_methods = Fact<std::vector<std::string>>::known(std::move(methods));
    } else if (dir.has("reset")) {
        // Before reset_method (5.15) only the `reset` file said a reset exists, not which.
        d.reset_methods = Fact<std::vector<std::string>>::unknown(N_("this kernel has no reset_method; a reset exists"));
    } else {
        // Without either file the kernel found no way to reset the function.
        d.reset_methods = Fact<std::vector<std::string>>::known({});
    }

    auto vga = is_vga(d) ? dir.read_line("boot_vga") : std::nullopt;
    d.boot_vga = vga ? Fact<bool>::known(*vga == "1") : Fact<bool>::unknown(N_("not a VGA device"));

    if (auto numa = dir.read_signed("numa_node"))
        d.numa_node = Fact<int>::known(static_cast<int>(*numa));
    else
        d.numa_node = missing<int>(N_("numa_node is not provided by this kernel"));
}

void read_sriov(const sysfs::AttributeDir& dir, std::optional<bool> has_sriov_capability, Device& d) {
    // physfn and virtfnN are links to sibling directories ("../0000:01:00.0"): their names say it.
    if (auto pf = dir.link_basename("physfn"))
        if (auto bdf = full_bdf(*pf)) d.sriov.physfn = *bdf;

    // Only physical functions with an SR-IOV capability (and a driver that supports it) have these;
    // when config space showed no such capability there is nothing to ask.
    const char* not_pf = N_("not an SR-IOV physical function");
    const bool may_be_pf = has_sriov_capability.value_or(true);
    auto n = may_be_pf ? dir.read_signed("sriov_numvfs") : std::nullopt;
    auto t = may_be_pf ? dir.read_signed("sriov_totalvfs") : std::nullopt;
    d.sriov.num_vfs = n ? Fact<int>::known(static_cast<int>(*n)) : Fact<int>::unknown(not_pf);
    d.sriov.total_vfs = t ? Fact<int>::known(static_cast<int>(*t)) : Fact<int>::unknown(not_pf);
    // virtfn0 .. virtfn<numvfs-1>; reading them by number spares a directory listing per function.
    for (int i = 0; i < d.sriov.num_vfs.value_or(0); ++i)
        if (auto vf = dir.link_basename(std::format("virtfn{}", i).c_str()))
            if (auto bdf = full_bdf(*vf)) d.sriov.vfs.push_back(*bdf);
    std::ranges::sort(d.sriov.vfs);
}

void read_link(const sysfs::AttributeDir& dir, Device& d) {
    // The link attributes exist for PCIe functions only; a function known to be conventional PCI
    // (no PCIe capability in config space) is not asked.
    const bool may_be_pcie = !d.port_type || *d.port_type != PortType::Conventional;
    auto text = [&](const char* f) {
        auto v = may_be_pcie ? dir.read_line(f) : std::nullopt;
        return v ? Fact<std::string>::known(*v) : Fact<std::string>::unknown(N_("not a PCIe device"));
    };
    auto number = [&](const char* f) {
        auto v = may_be_pcie ? dir.read_signed(f) : std::nullopt;
        return v ? Fact<int>::known(static_cast<int>(*v)) : Fact<int>::unknown(N_("not a PCIe device"));
    };
    d.link.current_speed = text("current_link_speed");
    d.link.current_width = number("current_link_width");
    d.link.max_speed = text("max_link_speed");
    d.link.max_width = number("max_link_width");
}

void unreadable_directory(Device& d) {
    const std::string why = N_("its sysfs directory is not readable");
    d.header_type = Fact<std::uint8_t>::unknown(why);
    d.multifunction = Fact<bool>::unknown(why);
    d.port_type = Fact<PortType>::unknown(why);
    d.acs = Fact<std::optional<AcsCapability>>::unknown(why);
    d.driver = Fact<std::string>::unknown(why);
    d.driver_override = Fact<std::string>::unknown(why);
    d.vfio_cdev = Fact<std::string>::unknown(why);
    d.reset_methods = Fact<std::vector<std::string>>::unknown(why);
    d.boot_vga = Fact<bool>::unknown(why);
    d.numa_node = Fact<int>::unknown(why);
    d.sriov.num_vfs = Fact<int>::unknown(why);
    d.sriov.total_vfs = Fact<int>::unknown(why);
    d.link = PcieLink{Fact<std::string>::unknown(why), Fact<int>::unknown(why), Fact<std::string>::unknown(why),
                      Fact<int>::unknown(why)};
}

}  // namespace

void read_device_attributes(const sysfs::AttributeDir& devices_dir, Device& d, std::vector<Diagnostic>& diagnostics,
                            bool wake_suspended) {
    const std::string name = d.address.str();
    read_tree_position(devices_dir, name, d);
    const sysfs::AttributeDir dir(devices_dir, name.c_str());

    if (!dir.is_open()) {
        // Everything below would read as "absent": no driver, no reset, no VFs. An unreadable
        // directory tells none of that, so every fact from it is unknown.
        diagnostics.push_back(read_diagnostic(ReadDiagnosticKind::DirectoryUnreadable, name));
        unreadable_directory(d);
        return;
    }
    // The kernel resumes a runtime-suspended function to serve a read of its config file (and
    // only that file: the attributes below come from what the kernel holds). A sleeping one keeps
    // sleeping unless the caller asked for a full read.
    const bool asleep = !wake_suspended && dir.read_line("power/runtime_status") == "suspended";
    ConfigFacts config = asleep ? unread_config_facts(N_("not read: the device is asleep (runtime-suspended) and a read "
                                                        "would wake it; ask for a full read to know"))
                                : read_config_facts(dir);
    if (!asleep && !config.readable) diagnostics.push_back(read_diagnostic(ReadDiagnosticKind::ConfigUnreadable, name));
    d.header_type = std::move(config.header_type);
    d.multifunction = std::move(config.multifunction);
    d.port_type = std::move(config.port_type);
    d.acs = std::move(config.acs);

    if (auto group = dir.link_basename("iommu_group")) {
        if (auto id = parse_unsigned(*group))
            d.iommu_group = *id;
        else
            diagnostics.push_back(read_diagnostic(ReadDiagnosticKind::BadGroupLink, d.address.str(), *group));
    }
    read_driver(dir, d);
    read_reset_and_platform(dir, d);
    read_sriov(dir, config.has_sriov_capability, d);
    read_link(dir, d);
}

std::vector<IommuGroup> read_iommu_groups(const HostRoots& roots, std::vector<Diagnostic>& diagnostics) {
    std::vector<IommuGroup> groups;
    const fs::path base = roots.sysfs / "kernel" / "iommu_groups";
    for (const auto& name : sysfs::list_dir(base)) {
        auto id = parse_unsigned(name);
        if (!id) {
            diagnostics.push_back(read_diagnostic(ReadDiagnosticKind::NotAGroupDirectory, (base / name).string()));
            continue;
        }
        IommuGroup g;
        g.id = *id;
        if (auto type = sysfs::read_line(base / name / "type"))
            g.type = Fact<std::string>::known(*type);
        else
            g.type = Fact<std::string>::unknown(N_("the group type file needs Linux 5.11"));
        g.noiommu = sysfs::read_line(base / name / "name") == "vfio-noiommu";
        groups.push_back(std::move(g));
    }
    std::ranges::sort(groups, {}, &IommuGroup::id);
    return groups;
}

}  // namespace isola::detail
