// Benchmark hosts: a server with a boot NVMe, a management NIC, and PCIe switches (Broadcom
// PEX, 8 downstream ports each) full of Intel E810 NICs running SR-IOV, every VF in its own
// group on iavf — the shape of a cloud or NFV host, where thousands of functions are normal.
#include "fixture_lab.hpp"

#include <algorithm>
#include <format>

namespace isola::lab {
namespace {

constexpr int kPortsPerSwitch = 8;

DeviceSpec function_at(std::uint8_t bus, std::uint8_t slot, std::uint8_t fn, std::uint16_t vendor, std::uint16_t device,
                       std::uint32_t class_code) {
    DeviceSpec d;
    d.address = {0, bus, slot, fn};
    d.vendor = vendor;
    d.device = device;
    d.class_code = class_code;
    d.subsystem_vendor = vendor;
    d.subsystem_device = device;
    return d;
}

}  // namespace

MachineSpec scale_machine(int functions) {
    functions = std::max(functions, 6);
    // Per PF: itself, its VFs and its downstream port; per 8 PFs a root port and an upstream port.
    int vfs_per_pf = functions >= 2048 ? 127 : 31;
    int pfs = static_cast<int>((functions - 5) / (vfs_per_pf + 2.25));
    if (pfs < 1) {
        pfs = 1;
        vfs_per_pf = std::max(0, functions - 9);
    }
    const int switches = (pfs + kPortsPerSwitch - 1) / kPortsPerSwitch;

    MachineSpec m;
    m.name = std::format("scale-{}", functions);
    m.description = std::format("benchmark host: {} E810 PFs with {} VFs each behind {} PCIe switches", pfs, vfs_per_pf,
                                switches);
    m.hostname = std::format("scale{}", functions);
    m.iommufd = true;

    m.devices.push_back(function_at(0, 0, 0, 0x8086, 0x09a2, 0x060000));  // Ice Lake-SP host bridge
    // Boot disk and management NIC, each behind its own root port.
    auto rp_nvme = function_at(0, 1, 0, 0x8086, 0x347a, 0x060400);
    auto nvme = function_at(1, 0, 0, 0x144d, 0xa80a, 0x010802);  // Samsung PM9A3
    nvme.block.push_back({"nvme0n1", {{.mount = "/boot/efi"}, {.mount = "/"}}});
    auto rp_mgmt = function_at(0, 2, 0, 0x8086, 0x347b, 0x060400);
    auto mgmt = function_at(2, 0, 0, 0x8086, 0x1521, 0x020000);  // I350 on igb
    mgmt.driver = "igb";
    NetInterfaceSpec eno1;
    eno1.name = "eno1";
    eno1.ipv4 = "10.0.0.10/24";
    eno1.gateway4 = "10.0.0.1";
    eno1.ipv6 = "2001:db8::10/64";
    eno1.gateway6 = "fe80::1";
    mgmt.net.push_back(eno1);
    for (auto* d : {&rp_nvme, &nvme, &rp_mgmt, &mgmt}) m.devices.push_back(*d);

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
            auto nic = function_at(static_cast<std::uint8_t>(up_bus + 2 + p), 0, 0, 0x8086, 0x1592, 0x020000);
            nic.driver = "ice";
            nic.numa_node = numa;
            nic.link = "16GT/s x16";
            nic.sriov = SriovSpec{.total_vfs = 256, .num_vfs = vfs_per_pf, .vf_device = 0x1889, .vf_driver = "iavf"};
            m.devices.push_back(down);
            m.devices.push_back(nic);
        }
    }
    return m;
}

}  // namespace isola::lab
