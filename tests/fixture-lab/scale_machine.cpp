// Benchmark hosts (issue 12), in four shapes that each stress another part of Isola:
//   vf-heavy      switches full of Intel E810 NICs with 127 VFs each (31 below 2k functions): a
//                 cloud or NFV host where nearly every function is a VF in a group of its own;
//   switch-heavy  a Broadcom PEX switch behind every root port, its 8 ports holding NICs (63 VFs),
//                 NVMe drives and GPUs with their audio function: hundreds of endpoint groups;
//   one-group     no ACS anywhere: two levels of switches below one root port, every NIC and VF
//                 in one IOMMU group, the way a consumer board's chipset slots look, scaled up;
//   multi-domain  an endpoint per root port, eight root buses per PCI domain (segment): over 256
//                 buses even at 1k functions, the layout of big EPYC and multi-socket servers.
// Every shape has the boot NVMe and the management NIC with the default route in domain 0, so
// review and plan find host-critical groups.
#include "fixture_lab.hpp"

#include <algorithm>
#include <array>
#include <format>

namespace isola::lab {
namespace {

constexpr int kPortsPerSwitch = 8;

DeviceSpec function_at(Address address, std::uint16_t vendor, std::uint16_t device, std::uint32_t class_code) {
    DeviceSpec d;
    d.address = address;
    d.vendor = vendor;
    d.device = device;
    d.class_code = class_code;
    d.subsystem_vendor = vendor;
    d.subsystem_device = device;
    return d;
}

DeviceSpec function_at(std::uint8_t bus, std::uint8_t slot, std::uint8_t fn, std::uint16_t vendor, std::uint16_t device,
                       std::uint32_t class_code) {
    return function_at(Address{0, bus, slot, fn}, vendor, device, class_code);
}

Address at(int domain, int bus, int slot = 0, int fn = 0) {
    return {static_cast<std::uint16_t>(domain), static_cast<std::uint8_t>(bus), static_cast<std::uint8_t>(slot),
            static_cast<std::uint8_t>(fn)};
}

// Builds a host whose bridges all name their secondary bus and whose groups are numbered in the
// order functions are added (VFs then follow, one group each unless their PF says otherwise).
class HostBuilder {
public:
    explicit HostBuilder(MachineSpec& machine) : m_(machine) {}

    DeviceSpec& add(DeviceSpec d, std::optional<int> group = std::nullopt) {
        d.group = group ? *group : next_group_++;
        m_.devices.push_back(std::move(d));
        return m_.devices.back();
    }
    DeviceSpec& bridge(Address address, std::uint16_t vendor, std::uint16_t device, int secondary,
                       std::optional<int> group = std::nullopt) {
        auto& b = add(function_at(address, vendor, device, 0x060400), group);
        b.secondary_bus = secondary;
        return b;
    }
    int new_group() { return next_group_++; }

    // The boot disk and the management NIC, each behind its own root port on bus 00 of domain 0
    // (slots 1 and 2, buses 1 and 2): the host-critical groups every shape has.
    void boot_devices() {
        add(function_at(0, 0, 0, 0x8086, 0x09a2, 0x060000));  // Ice Lake-SP host bridge
        bridge(at(0, 0, 1), 0x8086, 0x347a, 1);
        auto& nvme = add(function_at(1, 0, 0, 0x144d, 0xa80a, 0x010802));  // Samsung PM9A3
        nvme.block.push_back({"nvme0n1", {{.mount = "/boot/efi"}, {.mount = "/"}}});
        bridge(at(0, 0, 2), 0x8086, 0x347b, 2);
        auto& mgmt = add(function_at(2, 0, 0, 0x8086, 0x1521, 0x020000));  // I350 on igb
        mgmt.driver = "igb";
        NetInterfaceSpec eno1;
        eno1.name = "eno1";
        eno1.ipv4 = "10.0.0.10/24";
        eno1.gateway4 = "10.0.0.1";
        eno1.ipv6 = "2001:db8::10/64";
        eno1.gateway6 = "fe80::1";
        mgmt.net.push_back(eno1);
    }

private:
    MachineSpec& m_;
    int next_group_ = 0;
};

DeviceSpec e810(Address a, int vfs, int numa) {
    auto nic = function_at(a, 0x8086, 0x1592, 0x020000);
    nic.driver = "ice";
    nic.numa_node = numa;
    nic.link = "16GT/s x16";
    nic.sriov = SriovSpec{.total_vfs = 256, .num_vfs = vfs, .vf_device = 0x1889, .vf_driver = "iavf"};
    return nic;
}

MachineSpec named(ScaleShape shape, int functions, std::string description) {
    MachineSpec m;
    m.name = std::format("scale-{}-{}", to_string(shape), functions);
    m.description = std::move(description);
    m.hostname = std::format("scale{}", functions);
    m.iommufd = true;
    return m;
}

// The shape of sessions 1-9's benchmarks: the kernel numbers groups, the firmware numbers buses.
MachineSpec vf_heavy(int functions) {
    // Per PF: itself, its VFs and its downstream port; per 8 PFs a root port and an upstream port.
    int vfs_per_pf = functions >= 2048 ? 127 : 31;
    int pfs = static_cast<int>((functions - 5) / (vfs_per_pf + 2.25));
    if (pfs < 1) {
        pfs = 1;
        vfs_per_pf = std::max(0, functions - 9);
    }
    const int switches = (pfs + kPortsPerSwitch - 1) / kPortsPerSwitch;
    MachineSpec m = named(ScaleShape::VfHeavy, functions,
                          std::format("benchmark host: {} E810 PFs with {} VFs each behind {} PCIe switches", pfs,
                                      vfs_per_pf, switches));
    HostBuilder host(m);
    host.boot_devices();
    for (auto& d : m.devices) d.group.reset();

    int pf = 0;
    for (int s = 0; s < switches; ++s) {
        const auto numa = s < switches / 2 ? 0 : 1;
        auto root = function_at(0, static_cast<std::uint8_t>(3 + s), 0, 0x8086, 0x347c, 0x060400);
        root.numa_node = numa;
        m.devices.push_back(root);
        // Bus numbers are left to the depth-first default, as firmware assigns them.
        const int up_bus = 3 + s * (2 + kPortsPerSwitch);
        auto up = function_at(static_cast<std::uint8_t>(up_bus), 0, 0, 0x10b5, 0x8796, 0x060400);
        up.numa_node = numa;
        m.devices.push_back(up);
        for (int p = 0; p < kPortsPerSwitch && pf < pfs; ++p, ++pf) {
            auto down = function_at(static_cast<std::uint8_t>(up_bus + 1), static_cast<std::uint8_t>(p), 0, 0x10b5, 0x8796,
                                    0x060400);
            down.numa_node = numa;
            m.devices.push_back(down);
            m.devices.push_back(e810(at(0, up_bus + 2 + p), vfs_per_pf, numa));
        }
    }
    return m;
}

// What sits in a switch's 8 downstream ports: 2 NICs, 3 NVMe drives, 3 GPUs with audio.
enum class Slot { Nic, Nvme, Gpu };
constexpr std::array<Slot, kPortsPerSwitch> kSwitchSlots{Slot::Nic, Slot::Nvme, Slot::Gpu, Slot::Nvme,
                                                         Slot::Nic, Slot::Gpu,  Slot::Nvme, Slot::Gpu};
constexpr int kSwitchHeavyVfs = 63;
// Functions per switch: root port, upstream, 8 downstream, 2 NICs with their VFs, 3 NVMe, 3 x 2 GPU.
constexpr int kFunctionsPerSwitch = 10 + 2 * (1 + kSwitchHeavyVfs) + 3 + 3 * 2;

MachineSpec switch_heavy(int functions) {
    const int switches = std::max(1, (functions - 5 + kFunctionsPerSwitch / 2) / kFunctionsPerSwitch);
    MachineSpec m = named(ScaleShape::SwitchHeavy, functions,
                          std::format("benchmark host: {} root ports, each with a PCIe switch of {} ports holding "
                                      "E810 NICs ({} VFs each), NVMe drives and GPUs with audio",
                                      switches, kPortsPerSwitch, kSwitchHeavyVfs));
    HostBuilder host(m);
    host.boot_devices();
    // A switch takes 10 buses: root port's, the switch's internal bus, one per downstream port.
    // 25 fit in a domain's 256 buses (24 in domain 0, after the boot devices' buses 1 and 2).
    int domain = 0, slot = 3, bus = 3, nvme = 1;
    for (int s = 0; s < switches; ++s) {
        if (bus + 10 > 256) {
            ++domain, slot = 1, bus = 1;
            host.add(function_at(at(domain, 0), 0x8086, 0x09a2, 0x060000));
        }
        const int numa = domain % 2;
        host.bridge(at(domain, 0, slot++), 0x8086, 0x347c, bus).numa_node = numa;
        host.bridge(at(domain, bus), 0x10b5, 0x8796, bus + 1).numa_node = numa;
        for (int p = 0; p < kPortsPerSwitch; ++p) {
            const int below = bus + 2 + p;
            host.bridge(at(domain, bus + 1, p), 0x10b5, 0x8796, below).numa_node = numa;
            switch (kSwitchSlots[p]) {
            case Slot::Nic: host.add(e810(at(domain, below), kSwitchHeavyVfs, numa)); break;
            case Slot::Nvme: {
                auto& disk = host.add(function_at(at(domain, below), 0x144d, 0xa824, 0x010802));  // PM1733
                disk.numa_node = numa;
                disk.block.push_back({std::format("nvme{}n1", nvme++), {{.mount = ""}}});
                break;
            }
            case Slot::Gpu: {
                // RTX A6000 and its HDMI audio: one device, two functions, one group (no ACS between them).
                auto& gpu = host.add(function_at(at(domain, below, 0, 0), 0x10de, 0x2230, 0x030000));
                gpu.numa_node = numa;
                gpu.link = "16GT/s x16";
                const int group = *gpu.group;
                host.add(function_at(at(domain, below, 0, 1), 0x10de, 0x1aef, 0x040300), group).numa_node = numa;
                break;
            }
            }
        }
        bus += 10;
    }
    return m;
}

// Two levels of switches, 8 ports then 16 each, all without ACS: the root port and everything
// below it share one group, the VFs too (vf_group), as pci_device_group() makes it.
constexpr int kOneGroupMaxVfs = 127;

MachineSpec one_group(int functions) {
    const int pfs = std::max(1, (functions - 10 + kOneGroupMaxVfs + 1) / (kOneGroupMaxVfs + 2));
    const int leaf_switches = (pfs + 15) / 16;
    // Boot devices, root port, top upstream port, and per leaf switch its two ports above the PFs.
    const int fixed = 5 + 2 + 2 * leaf_switches;
    const int vfs = std::clamp((functions - fixed) / pfs - 2, 0, kOneGroupMaxVfs);
    MachineSpec m = named(ScaleShape::OneGroup, functions,
                          std::format("benchmark host: {} E810 PFs with {} VFs each behind {} switches below one "
                                      "root port, no ACS anywhere: one IOMMU group",
                                      pfs, vfs, leaf_switches + 1));
    HostBuilder host(m);
    host.boot_devices();
    const int group = host.new_group();
    auto no_acs = [](DeviceSpec& d) { d.acs.mode = AcsSpec::Mode::None; };
    no_acs(host.bridge(at(0, 0, 3), 0x8086, 0x347c, 3, group));
    no_acs(host.bridge(at(0, 3), 0x10b5, 0x8796, 4, group));
    int bus = 5, pf = 0;
    for (int s = 0; s < leaf_switches; ++s) {
        const int up_bus = bus;
        no_acs(host.bridge(at(0, 4, s), 0x10b5, 0x8796, up_bus, group));
        no_acs(host.bridge(at(0, up_bus), 0x10b5, 0x8733, up_bus + 1, group));
        for (int p = 0; p < 16 && pf < pfs; ++p, ++pf) {
            const int below = up_bus + 2 + p;
            no_acs(host.bridge(at(0, up_bus + 1, p), 0x10b5, 0x8733, below, group));
            auto& nic = host.add(e810(at(0, below), vfs, 0), group);
            nic.sriov->vf_group = group;
        }
        bus = up_bus + 18;
    }
    return m;
}

// Per 3 root ports: 2 NVMe drives and a ConnectX-6 Dx with 4 VFs, 10 functions on 3 buses.
constexpr int kRootPortsPerRootBus = 31;
constexpr int kRootBusesPerDomain = 8;

MachineSpec multi_domain(int functions) {
    const int ports = std::max(3, (functions - 5) * 3 / 10);
    MachineSpec m = named(ScaleShape::MultiDomain, functions,
                          std::format("benchmark host: {} root ports with an NVMe drive or a ConnectX-6 Dx (4 VFs) "
                                      "each, {} per root bus, {} root buses per PCI domain",
                                      ports, kRootPortsPerRootBus, kRootBusesPerDomain));
    HostBuilder host(m);
    host.boot_devices();
    // Domain 0, root bus 00 has the boot devices on buses 1 and 2; the others start on their root
    // bus's first port. Root bus r of a domain is 0x20 * r and owns buses 0x20 * r + 1 ... + 31.
    int port = 0, nvme = 1, root_bus_index = 0, in_root_bus = 2;
    while (port < ports) {
        if (in_root_bus == kRootPortsPerRootBus) {
            ++root_bus_index, in_root_bus = 0;
            const int domain = root_bus_index / kRootBusesPerDomain, root = 0x20 * (root_bus_index % kRootBusesPerDomain);
            host.add(function_at(at(domain, root), 0x1022, 0x14a4, 0x060000));  // EPYC Genoa root complex
        }
        const int domain = root_bus_index / kRootBusesPerDomain, root = 0x20 * (root_bus_index % kRootBusesPerDomain);
        const int numa = root_bus_index % 4, below = root + 1 + in_root_bus;
        host.bridge(at(domain, root, 1 + in_root_bus), 0x1022, 0x14a5, below).numa_node = numa;
        if (port % 3 == 2) {
            auto nic = function_at(at(domain, below), 0x15b3, 0x101d, 0x020000);
            nic.driver = "mlx5_core";
            nic.numa_node = numa;
            nic.sriov = SriovSpec{.total_vfs = 16, .num_vfs = 4, .vf_device = 0x101e, .vf_driver = "mlx5_core"};
            host.add(nic);
        } else {
            auto& disk = host.add(function_at(at(domain, below), 0x1e0f, 0x0013, 0x010802));  // Kioxia CM7
            disk.numa_node = numa;
            disk.block.push_back({std::format("nvme{}n1", nvme++), {{.mount = ""}}});
        }
        ++port, ++in_root_bus;
    }
    return m;
}

}  // namespace

std::string_view to_string(ScaleShape shape) {
    switch (shape) {
    case ScaleShape::VfHeavy: return "vf-heavy";
    case ScaleShape::SwitchHeavy: return "switch-heavy";
    case ScaleShape::OneGroup: return "one-group";
    case ScaleShape::MultiDomain: return "multi-domain";
    }
    return "?";
}

std::optional<ScaleShape> scale_shape_named(std::string_view name) {
    for (ScaleShape s : kScaleShapes)
        if (to_string(s) == name) return s;
    return std::nullopt;
}

MachineSpec scale_machine(int functions, ScaleShape shape) {
    functions = std::max(functions, 6);
    switch (shape) {
    case ScaleShape::VfHeavy: return vf_heavy(functions);
    case ScaleShape::SwitchHeavy: return switch_heavy(functions);
    case ScaleShape::OneGroup: return one_group(functions);
    case ScaleShape::MultiDomain: return multi_domain(functions);
    }
    return vf_heavy(functions);
}

}  // namespace isola::lab
