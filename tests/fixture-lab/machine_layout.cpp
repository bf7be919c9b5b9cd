// Decides every default of a MachineSpec the way firmware and Linux would have: bus numbers
// depth-first, VFs at PF routing ID + offset + stride * n, port types from position, drivers
// from class, a group per function unless the spec says otherwise.
#include "machine_layout.hpp"

#include <algorithm>
#include <format>
#include <functional>
#include <map>
#include <set>

namespace isola::lab {
namespace {

using BusKey = std::pair<int, int>;  // domain, bus

bool is_bridge_class(std::uint32_t class_code) {
    const auto base_sub = class_code >> 8;
    return base_sub == 0x0604 || base_sub == 0x0609;  // PCI-to-PCI, semi-transparent PCI-to-PCI
}

bool is_host_bridge_class(std::uint32_t class_code) { return class_code >> 8 == 0x0600; }

// Most SR-IOV PF drivers have a separate VF driver; a few (mlx5_core, bnxt_en) drive both.
std::string usual_vf_driver(const std::string& pf_driver) {
    static const std::map<std::string, std::string> vf_driver_of = {
        {"ice", "iavf"}, {"i40e", "iavf"}, {"igb", "igbvf"}, {"ixgbe", "ixgbevf"},
        {"mlx5_core", "mlx5_core"}, {"bnxt_en", "bnxt_en"}, {"qede", "qede"}, {"nvme", "nvme"},
    };
    auto it = vf_driver_of.find(pf_driver);
    return it == vf_driver_of.end() ? std::string{} : it->second;
}

struct Builder {
    const MachineSpec& spec;
    MachineLayout layout;
    std::map<Address, int> index_of;
    std::map<BusKey, std::vector<int>> on_bus;   // functions sitting on each bus, by address
    std::map<BusKey, int> bridge_to_bus;         // secondary bus -> bridge index
    std::set<BusKey> root_buses;

    std::expected<void, std::string> collect_functions() {
        for (const auto& d : spec.devices) {
            PlacedFunction f;
            f.spec = d;
            layout.functions.push_back(std::move(f));
        }
        std::vector<PlacedFunction> vfs;
        for (std::size_t i = 0; i < layout.functions.size(); ++i) {
            const auto& pf = layout.functions[i].spec;
            if (!pf.sriov || pf.sriov->num_vfs == 0) continue;
            const auto& sr = *pf.sriov;
            for (int n = 0; n < sr.num_vfs; ++n) {
                const int rid = pf.address.routing_id() + sr.first_vf_offset + sr.vf_stride * n;
                if (rid > 0xffff)
                    return std::unexpected(std::format(
                        "device {} cannot have {} VFs at offset {} stride {}: VF {} would be past bus ff",
                        pf.address.to_string(), sr.num_vfs, sr.first_vf_offset, sr.vf_stride, n));
                DeviceSpec vf;
                vf.address = {pf.address.domain, static_cast<std::uint8_t>(rid >> 8),
                              static_cast<std::uint8_t>((rid >> 3) & 0x1f), static_cast<std::uint8_t>(rid & 7)};
                vf.vendor = pf.vendor;
                vf.device = sr.vf_device;
                vf.class_code = pf.class_code;
                vf.revision = pf.revision;
                vf.subsystem_vendor = pf.subsystem_vendor;
                vf.subsystem_device = pf.subsystem_device;
                vf.numa_node = pf.numa_node;
                vf.link = pf.link;
                vf.driver = sr.vf_driver;
                vf.group = sr.vf_group;
                if (!vf.driver) {
                    const auto pf_driver = pf.driver.value_or(usual_driver(pf.class_code, pf.vendor, PortType::Endpoint));
                    vf.driver = usual_vf_driver(pf_driver);
                }
                // VFs have no INTx (interrupt pin is 0 per the SR-IOV spec).
                vf.irq = 0;
                PlacedFunction placed;
                placed.spec = std::move(vf);
                placed.physfn = static_cast<int>(i);
                placed.vf_index = n;
                vfs.push_back(std::move(placed));
            }
        }
        for (auto& vf : vfs) layout.functions.push_back(std::move(vf));

        // Sort by address, keeping PF/VF cross references valid.
        std::vector<int> order(layout.functions.size());
        for (std::size_t i = 0; i < order.size(); ++i) order[i] = static_cast<int>(i);
        std::ranges::sort(order, {}, [&](int i) { return layout.functions[i].spec.address; });
        std::vector<int> new_index(order.size());
        for (std::size_t pos = 0; pos < order.size(); ++pos) new_index[order[pos]] = static_cast<int>(pos);
        std::vector<PlacedFunction> sorted;
        sorted.reserve(order.size());
        for (int i : order) sorted.push_back(std::move(layout.functions[i]));
        layout.functions = std::move(sorted);
        for (std::size_t i = 0; i < layout.functions.size(); ++i) {
            auto& f = layout.functions[i];
            if (f.physfn >= 0) {
                f.physfn = new_index[f.physfn];
                auto& pf = layout.functions[f.physfn];
                if (pf.virtfns.size() <= static_cast<std::size_t>(f.vf_index)) pf.virtfns.resize(f.vf_index + 1, -1);
                pf.virtfns[f.vf_index] = static_cast<int>(i);
            }
        }

        for (std::size_t i = 0; i < layout.functions.size(); ++i) {
            auto& f = layout.functions[i];
            f.name = f.spec.address.to_string();
            auto [it, inserted] = index_of.emplace(f.spec.address, static_cast<int>(i));
            if (!inserted) {
                const bool vf_clash = f.physfn >= 0 || layout.functions[it->second].physfn >= 0;
                return std::unexpected(std::format("device {} is listed twice{}", f.name,
                                                   vf_clash ? " (a VF of an SR-IOV device lands on it)" : ""));
            }
            f.is_bridge = is_bridge_class(f.spec.class_code);
            on_bus[{f.spec.address.domain, f.spec.address.bus}].push_back(static_cast<int>(i));
        }
        return {};
    }

    // Firmware numbers buses depth-first: each bridge gets the next free bus, then its subtree is
    // numbered before its next sibling. SR-IOV PFs reserve the extra buses their VFs spill onto.
    std::expected<void, std::string> number_buses() {
        std::set<BusKey> claimed;
        for (const auto& f : layout.functions)
            if (f.is_bridge && f.spec.secondary_bus) {
                BusKey key{f.spec.address.domain, *f.spec.secondary_bus};
                if (!claimed.insert(key).second)
                    return std::unexpected(std::format("two bridges claim bus {:02x} as their secondary bus (one is {})",
                                                       *f.spec.secondary_bus, f.name));
            }
        auto holds_host_bridge = [&](const BusKey& bus) {
            auto it = on_bus.find(bus);
            return it != on_bus.end() && std::ranges::any_of(it->second, [&](int i) {
                       return is_host_bridge_class(layout.functions[i].spec.class_code);
                   });
        };
        for (const auto& [bus, members] : on_bus)
            if (!claimed.contains(bus) && (bus.second == 0 || holds_host_bridge(bus))) root_buses.insert(bus);

        std::function<std::expected<int, std::string>(BusKey, int, int)> number_below =
            [&](BusKey bus, int next, int depth) -> std::expected<int, std::string> {
            if (depth > 64) return std::unexpected(std::format("bus {:02x} is its own ancestor", bus.second));
            auto it = on_bus.find(bus);
            if (it == on_bus.end()) return next;
            for (int i : it->second) {
                auto& f = layout.functions[i];
                for (int vf : f.virtfns)
                    next = std::max(next, static_cast<int>(layout.functions[vf].spec.address.bus) + 1);
                if (!f.is_bridge) continue;
                int secondary = 0;
                if (f.spec.secondary_bus) {
                    secondary = *f.spec.secondary_bus;
                } else {
                    while (claimed.contains({bus.first, next}) || root_buses.contains({bus.first, next})) ++next;
                    secondary = next;
                    claimed.insert({bus.first, secondary});
                }
                if (secondary <= bus.second || secondary > 0xff)
                    return std::unexpected(std::format("bridge {} cannot have secondary bus {:02x}: it must be above "
                                                       "its own bus {:02x} and at most ff",
                                                       f.name, secondary, bus.second));
                f.secondary_bus = secondary;
                bridge_to_bus[{bus.first, secondary}] = i;
                auto after = number_below({bus.first, secondary}, std::max(next, secondary + 1), depth + 1);
                if (!after) return after;
                next = *after;
            }
            return next;
        };
        for (const auto& root : root_buses) {
            auto done = number_below(root, root.second + 1, 0);
            if (!done) return std::unexpected(done.error());
        }
        return {};
    }

    std::expected<void, std::string> link_parents() {
        for (std::size_t i = 0; i < layout.functions.size(); ++i) {
            auto& f = layout.functions[i];
            const BusKey bus{f.spec.address.domain, f.spec.address.bus};
            if (f.physfn >= 0) {
                f.parent = layout.functions[f.physfn].parent;  // PFs come first in this loop's needs
                continue;
            }
            if (f.spec.parent) {
                auto it = index_of.find(*f.spec.parent);
                if (it == index_of.end())
                    return std::unexpected(std::format("device {} names parent {}, which is not in the machine", f.name,
                                                       f.spec.parent->to_string()));
                if (layout.functions[it->second].secondary_bus != f.spec.address.bus)
                    return std::unexpected(std::format(
                        "device {} names parent {}, but that bridge's secondary bus is {:02x}, not {:02x}", f.name,
                        f.spec.parent->to_string(), layout.functions[it->second].secondary_bus, f.spec.address.bus));
                f.parent = it->second;
            } else if (root_buses.contains(bus)) {
                f.parent = -1;
            } else if (auto it = bridge_to_bus.find(bus); it != bridge_to_bus.end()) {
                f.parent = it->second;
            } else {
                return std::unexpected(std::format(
                    "device {} is on bus {:02x}, which no bridge leads to: give a bridge \"secondary\": \"{:02x}\" "
                    "or the device a \"parent\"",
                    f.name, f.spec.address.bus, f.spec.address.bus));
            }
        }
        // VFs were linked before their PF when the PF sorts after... it never does (VF routing ID is
        // above the PF's), but resolve again so the order of this loop does not matter.
        for (auto& f : layout.functions)
            if (f.physfn >= 0) f.parent = layout.functions[f.physfn].parent;
        for (std::size_t i = 0; i < layout.functions.size(); ++i)
            if (int p = layout.functions[i].parent; p >= 0) layout.functions[p].children.push_back(static_cast<int>(i));
        return {};
    }

    PortType derive_port(const PlacedFunction& f) const {
        if (f.spec.port) return *f.spec.port;
        if (f.physfn >= 0) return layout.functions[f.physfn].port;
        if (f.parent < 0) {
            if (f.is_bridge) return PortType::RootPort;
            if (is_host_bridge_class(f.spec.class_code)) return PortType::Conventional;
            return PortType::RootComplexIntegratedEndpoint;
        }
        const auto above = layout.functions[f.parent].port;
        if (above == PortType::PcieToPciBridge || above == PortType::Conventional) return PortType::Conventional;
        if (!f.is_bridge) return PortType::Endpoint;
        return above == PortType::UpstreamPort ? PortType::DownstreamPort : PortType::UpstreamPort;
    }

    std::expected<void, std::string> walk_tree() {
        std::vector<bool> seen(layout.functions.size());
        std::function<int(int, const std::string&)> visit = [&](int i, const std::string& dir) -> int {
            auto& f = layout.functions[i];
            seen[i] = true;
            f.sysfs_dir = dir + "/" + f.name;
            f.port = derive_port(f);
            int highest = f.spec.address.bus;
            if (f.is_bridge) highest = std::max(highest, f.secondary_bus);
            for (int c : f.children) highest = std::max(highest, visit(c, f.sysfs_dir));
            if (f.is_bridge) f.subordinate_bus = highest;
            return highest;
        };
        for (const auto& root : root_buses) {
            const auto dir = std::format("devices/pci{:04x}:{:02x}", root.first, root.second);
            layout.root_buses.push_back(dir);
            for (int i : on_bus[root]) {
                if (layout.functions[i].parent >= 0) continue;
                // PFs before their VFs: VFs have the PF's parent, so they are visited as siblings.
                visit(i, dir);
            }
        }
        for (std::size_t i = 0; i < seen.size(); ++i)
            if (!seen[i])
                return std::unexpected(std::format("device {} is not reachable from any root bus (a bridge loop?)",
                                                   layout.functions[i].name));
        return {};
    }

    std::expected<void, std::string> decide_groups_and_drivers() {
        int next_group = 0;
        for (const auto& f : layout.functions)
            if (f.spec.group) next_group = std::max(next_group, *f.spec.group + 1);
        for (auto& f : layout.functions) {
            f.driver = f.spec.driver ? *f.spec.driver : usual_driver(f.spec.class_code, f.spec.vendor, f.port);
            if (f.spec.group) {
                f.group = f.spec.group;
            } else if (spec.iommu != IommuKind::None) {
                f.group = next_group++;
            }
            if (f.group && spec.iommu == IommuKind::None && !spec.noiommu_mode)
                return std::unexpected(std::format(
                    "device {} is in group {}, but the machine has no IOMMU: groups then exist only in vfio "
                    "no-IOMMU mode; set \"noiommu_mode\": true",
                    f.name, *f.group));
            if (f.spec.boot_vga && f.spec.class_code >> 8 != 0x0300)
                return std::unexpected(std::format(
                    "device {} has boot_vga, but only VGA-class (0300) devices have that file", f.name));
        }
        std::map<int, int> group_size;
        for (const auto& f : layout.functions)
            if (f.group) ++group_size[*f.group];
        int next_vfio = 0;
        for (const auto& f : layout.functions)
            if (f.spec.vfio_device) next_vfio = std::max(next_vfio, *f.spec.vfio_device + 1);
        for (auto& f : layout.functions) {
            const bool alone = !f.group || group_size[*f.group] == 1;
            switch (f.spec.acs.mode) {
            case AcsSpec::Mode::Explicit:
                f.acs_present = true;
                f.acs_capability = f.spec.acs.capability;
                f.acs_control = f.spec.acs.control;
                break;
            case AcsSpec::Mode::None: break;
            case AcsSpec::Mode::Auto:
                // QEMU's pcie-root-port: CAP SV|TB|RR|CR|UF|DT, the kernel enables SV|RR|CR|UF.
                if ((f.port == PortType::RootPort || f.port == PortType::DownstreamPort) && alone) {
                    f.acs_present = true;
                    f.acs_capability = 0x005f;
                    f.acs_control = 0x001d;
                }
                break;
            }
            if (f.spec.vfio_device) {
                f.vfio_device = f.spec.vfio_device;
            } else if (spec.iommufd && f.driver == "vfio-pci") {
                f.vfio_device = next_vfio++;
            }
        }
        // Header type bit 7: another (non-VF) function in the same slot.
        std::map<std::tuple<int, int, int>, int> per_slot;
        for (const auto& f : layout.functions)
            if (f.physfn < 0) ++per_slot[{f.spec.address.domain, f.spec.address.bus, f.spec.address.slot}];
        for (auto& f : layout.functions)
            f.multifunction = f.physfn < 0 &&
                              per_slot[{f.spec.address.domain, f.spec.address.bus, f.spec.address.slot}] > 1;
        return {};
    }
};

}  // namespace

bool is_pcie(PortType port) { return port != PortType::Conventional; }

std::string usual_driver(std::uint32_t class_code, std::uint16_t vendor, PortType port) {
    const auto base_sub = class_code >> 8;
    const auto prog_if = class_code & 0xff;
    switch (base_sub) {
    case 0x0604:
        // pcieport binds to root and switch ports only; PCIe-to-PCI bridges have no driver.
        return port == PortType::RootPort || port == PortType::UpstreamPort || port == PortType::DownstreamPort
                   ? "pcieport" : "";
    case 0x0300:
    case 0x0302:
    case 0x0380:
        switch (vendor) {
        case 0x1002: return "amdgpu";
        case 0x10de: return "nouveau";
        case 0x8086: return "i915";
        case 0x1a03: return "ast";
        case 0x102b: return "mgag200";
        case 0x1234: return "bochs";
        default: return "";
        }
    case 0x0403: return "snd_hda_intel";
    case 0x0c03:
        switch (prog_if) {
        case 0x30: return "xhci_hcd";
        case 0x20: return "ehci-pci";
        case 0x10: return "ohci-pci";
        case 0x00: return "uhci_hcd";
        default: return "";
        }
    case 0x0106: return "ahci";
    case 0x0108: return "nvme";
    case 0x0104: return vendor == 0x1000 ? "megaraid_sas" : "";
    case 0x0c05: return vendor == 0x8086 ? "i801_smbus" : vendor == 0x1022 ? "piix4_smbus" : "";
    case 0x0780: return vendor == 0x8086 ? "mei_me" : "";
    case 0x0200:
        switch (vendor) {
        case 0x8086: return "e1000e";
        case 0x10ec: return "r8169";
        case 0x1969: return "alx";
        case 0x14e4: return "tg3";
        case 0x15b3: return "mlx5_core";
        case 0x1d6a: return "atlantic";
        case 0x1af4: return "virtio-pci";
        default: return "";
        }
    case 0x0280:
        switch (vendor) {
        case 0x8086: return "iwlwifi";
        case 0x168c: return "ath10k_pci";
        case 0x14c3: return "mt7921e";
        case 0x10ec: return "rtw88_8822ce";
        default: return "";
        }
    case 0x1180: return vendor == 0x8086 ? "intel_pch_thermal" : "";
    case 0x1080: return vendor == 0x1022 ? "ccp" : "";
    case 0x0c80: return vendor == 0x8086 ? "intel-spi" : "";
    default: return "";
    }
}

std::expected<MachineLayout, std::string> lay_out_machine(const MachineSpec& spec) {
    Builder b{spec, {}, {}, {}, {}, {}};
    if (auto r = b.collect_functions(); !r) return std::unexpected(r.error());
    if (auto r = b.number_buses(); !r) return std::unexpected(r.error());
    if (auto r = b.link_parents(); !r) return std::unexpected(r.error());
    if (auto r = b.walk_tree(); !r) return std::unexpected(r.error());
    if (auto r = b.decide_groups_and_drivers(); !r) return std::unexpected(r.error());
    return std::move(b.layout);
}

std::optional<std::string> validate_machine_spec(const MachineSpec& spec) {
    auto layout = lay_out_machine(spec);
    if (!layout) return layout.error();
    return std::nullopt;
}

int function_count(const MachineSpec& spec) {
    int n = 0;
    for (const auto& d : spec.devices) n += 1 + (d.sriov ? d.sriov->num_vfs : 0);
    return n;
}

}  // namespace isola::lab
