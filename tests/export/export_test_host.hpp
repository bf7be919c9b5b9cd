// A small host for the export tests, described in code:
//   00:03.1 root port (group 2) -> 0b:00.0 GTX 1080 + 0b:00.1 its HDMI audio (group 14)
//   00:03.2 root port (group 4) -> 02:00.0 a second, identical GTX 1080 + 02:00.1 audio (group 15)
//   00:1c.0 root port without ACS and 03:00.0 USB controller behind it, together in group 3
//   05:00.0 / 05:00.1 82576 NIC pair, split into groups 20 and 21 by the kernel's ACS quirk
//   06:00.0-3 four-port NIC: functions 0-1 in group 22, 2-3 in group 23
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "topology/topology.hpp"

namespace isola::export_test {

struct DeviceSpec {
    const char* address;
    std::uint16_t vendor, device, class_id;
    const char* vendor_name;
    const char* device_name;
    std::optional<GroupId> group;
    const char* driver = "";
    const char* parent = nullptr;
};

inline Device make_device(const DeviceSpec& spec) {
    Device d;
    d.usage = DeviceUsage::none();  // read from a host: no use found unless set below
    d.address = *Bdf::parse(spec.address);
    d.vendor_id = Fact<std::uint16_t>::known(spec.vendor);
    d.device_id = Fact<std::uint16_t>::known(spec.device);
    d.class_id = Fact<std::uint16_t>::known(spec.class_id);
    d.vendor_name = spec.vendor_name;
    d.device_name = spec.device_name;
    d.iommu_group = spec.group;
    d.driver = Fact<std::string>::known(spec.driver);
    const bool bridge = spec.class_id == 0x0604;
    d.header_type = Fact<std::uint8_t>::known(bridge ? 1 : 0);
    d.port_type = Fact<PortType>::known(bridge ? PortType::RootPort : PortType::Endpoint);
    if (spec.parent) d.parent = Bdf::parse(spec.parent);
    return d;
}

inline Topology make_host(const std::vector<DeviceSpec>& specs, HostFacts host = {}) {
    std::vector<Device> devices;
    for (const auto& s : specs) devices.push_back(make_device(s));
    return Topology({}, std::move(host), std::move(devices), {}, {});
}

inline Topology test_host(HostFacts host = {}) {
    return make_host(
        {
            {"00:03.1", 0x1022, 0x1453, 0x0604, "AMD", "Family 17h GPP Bridge", 2, "pcieport"},
            {"0b:00.0", 0x10de, 0x1b80, 0x0300, "NVIDIA", "GP104 [GeForce GTX 1080]", 14, "nouveau", "00:03.1"},
            {"0b:00.1", 0x10de, 0x10f0, 0x0403, "NVIDIA", "GP104 High Definition Audio Controller", 14,
             "snd_hda_intel", "00:03.1"},
            {"00:03.2", 0x1022, 0x1453, 0x0604, "AMD", "Family 17h GPP Bridge", 4, "pcieport"},
            {"02:00.0", 0x10de, 0x1b80, 0x0300, "NVIDIA", "GP104 [GeForce GTX 1080]", 15, "nvidia", "00:03.2"},
            {"02:00.1", 0x10de, 0x10f0, 0x0403, "NVIDIA", "GP104 High Definition Audio Controller", 15,
             "snd_hda_intel", "00:03.2"},
            {"00:1c.0", 0x8086, 0xa110, 0x0604, "Intel", "100 Series PCI Express Root Port", 3, "pcieport"},
            {"03:00.0", 0x1912, 0x0014, 0x0c03, "Renesas", "uPD720201 USB 3.0 Host Controller", 3, "xhci_hcd",
             "00:1c.0"},
            {"05:00.0", 0x8086, 0x10c9, 0x0200, "Intel", "82576 Gigabit Network Connection", 20, "igb"},
            {"05:00.1", 0x8086, 0x10c9, 0x0200, "Intel", "82576 Gigabit Network Connection", 21, "igb"},
            {"06:00.0", 0x8086, 0x1521, 0x0200, "Intel", "I350 Gigabit Network Connection", 22, "igb"},
            {"06:00.1", 0x8086, 0x1521, 0x0200, "Intel", "I350 Gigabit Network Connection", 22, "igb"},
            {"06:00.2", 0x8086, 0x1521, 0x0200, "Intel", "I350 Gigabit Network Connection", 23, "igb"},
            {"06:00.3", 0x8086, 0x1521, 0x0200, "Intel", "I350 Gigabit Network Connection", 23, "igb"},
        },
        std::move(host));
}

inline std::vector<Bdf> bdfs(std::initializer_list<const char*> addresses) {
    std::vector<Bdf> out;
    for (const char* a : addresses) out.push_back(*Bdf::parse(a));
    return out;
}

}  // namespace isola::export_test
