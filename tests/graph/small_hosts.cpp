#include "small_hosts.hpp"

namespace isola::testing {
namespace {

Device function(const char* bdf, std::optional<GroupId> group, const char* driver) {
    Device d;
    d.usage = DeviceUsage::none();  // read from a host: no use found unless set below
    d.address = *Bdf::parse(bdf);
    d.iommu_group = group;
    d.driver = Fact<std::string>::known(driver);
    return d;
}

Device port(const char* bdf, GroupId group, const char* parent, PortType type) {
    Device d = function(bdf, group, "pcieport");
    if (parent) d.parent = Bdf::parse(parent);
    d.port_type = Fact<PortType>::known(type);
    d.header_type = Fact<std::uint8_t>::known(1);
    d.vendor_id = Fact<std::uint16_t>::known(0x1022);
    d.device_id = Fact<std::uint16_t>::known(0x1483);
    d.vendor_name = "Advanced Micro Devices, Inc. [AMD]";
    d.device_name = "Starship/Matisse GPP Bridge";
    return d;
}

Device endpoint(const char* bdf, GroupId group, const char* parent, const char* driver, std::uint16_t vendor,
                std::uint16_t device, const char* name) {
    Device d = function(bdf, group, driver);
    if (parent) d.parent = Bdf::parse(parent);
    d.vendor_id = Fact<std::uint16_t>::known(vendor);
    d.device_id = Fact<std::uint16_t>::known(device);
    d.device_name = name;
    return d;
}

}  // namespace

Topology gpu_behind_root_port() {
    Device host_bridge = endpoint("00:00.0", 0, nullptr, "", 0x1022, 0x1480, "Starship/Matisse Root Complex");
    host_bridge.vendor_name = "AMD";
    Device gpu = endpoint("01:00.0", 14, "00:01.1", "nvidia", 0x10de, 0x1b80, "GP104 [GeForce GTX 1070] & <Founders>");
    gpu.vendor_name = "NVIDIA Corporation";
    Device audio = endpoint("01:00.1", 14, "00:01.1", "snd_hda_intel", 0x10de, 0x10f0, "GP104 High Definition Audio Controller");
    audio.vendor_name = "NVIDIA Corporation";
    return Topology({}, {}, {host_bridge, port("00:01.1", 1, nullptr, PortType::RootPort), gpu, audio}, {}, {});
}

Topology pcie_switch() {
    return Topology({}, {},
                    {port("00:01.0", 1, nullptr, PortType::RootPort), port("01:00.0", 2, "00:01.0", PortType::UpstreamPort),
                     port("02:00.0", 3, "01:00.0", PortType::DownstreamPort),
                     port("02:01.0", 4, "01:00.0", PortType::DownstreamPort),
                     endpoint("03:00.0", 5, "02:00.0", "nvme", 0x144d, 0xa808, "NVMe SSD Controller SM981/PM981/PM983"),
                     endpoint("04:00.0", 6, "02:01.0", "igb", 0x8086, 0x1533, "I210 Gigabit Network Connection")},
                    {}, {});
}

Topology alike_root_ports() {
    std::vector<Device> devices;
    const char* ports[] = {"00:01.0", "00:02.0", "00:03.0", "00:04.0"};
    const char* drives[] = {"01:00.0", "02:00.0", "03:00.0", "04:00.0"};
    for (GroupId i = 0; i < 4; ++i) {
        devices.push_back(port(ports[i], 2 * i + 1, nullptr, PortType::RootPort));
        devices.push_back(endpoint(drives[i], 2 * i + 2, ports[i], i == 3 ? "vfio-pci" : "nvme", 0x144d, 0xa808,
                                   "NVMe SSD Controller SM981/PM981/PM983"));
    }
    return Topology({}, {}, std::move(devices), {}, {});
}

Topology pf_with_vfs(std::size_t vfs) {
    std::vector<Device> devices{port("00:02.0", 2, nullptr, PortType::RootPort)};
    Device pf = endpoint("3b:00.0", 3, "00:02.0", "ixgbe", 0x8086, 0x10fb, "82599ES 10-Gigabit SFI/SFP+ Network Connection");
    for (std::size_t i = 0; i < vfs; ++i) {
        Device vf = endpoint("3b:10.0", static_cast<GroupId>(20 + i), "00:02.0", i < 4 ? "vfio-pci" : "ixgbevf", 0x8086,
                             0x10ca, "82576 Virtual Function");
        vf.address.device = static_cast<std::uint8_t>(0x10 + i / 8);
        vf.address.function = static_cast<std::uint8_t>(i % 8);
        vf.sriov.physfn = pf.address;
        pf.sriov.vfs.push_back(vf.address);
        devices.push_back(vf);
    }
    devices.push_back(pf);
    return Topology({}, {}, std::move(devices), {}, {});
}

Topology listing_without_tree() {
    Source source{.kind = SourceKind::Listing, .origin = "pasted.txt", .format = "iommu-loop", .tree_known = false};
    return Topology(source, {},
                    {endpoint("00:14.0", 1, nullptr, "xhci_hcd", 0x8086, 0xa36d, "Cannon Lake PCH USB 3.1 xHCI Host Controller"),
                     endpoint("00:14.2", 1, nullptr, "", 0x8086, 0xa36f, "Cannon Lake PCH Shared SRAM"),
                     endpoint("01:00.0", 7, nullptr, "vfio-pci", 0x1002, 0x744c, "Navi 31 [Radeon RX 7900 XT/7900 XTX]"),
                     endpoint("02:00.0", 9, nullptr, "nvme", 0x144d, 0xa80a, "NVMe SSD Controller PM9A1/PM9A3/980PRO")},
                    {}, {});
}

}  // namespace isola::testing
