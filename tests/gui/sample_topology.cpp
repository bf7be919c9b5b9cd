#include "sample_topology.hpp"

namespace isola::gui::test {
namespace {

Device device(Bdf address, std::uint16_t vendor, std::uint16_t id, std::string vendor_name, std::string name,
              std::uint16_t class_id, std::string class_name, std::optional<GroupId> group, std::string driver) {
    Device d;
    d.usage = DeviceUsage::none();  // read from a host: no use found unless set below
    d.address = address;
    d.vendor_id = Fact<std::uint16_t>::known(vendor);
    d.device_id = Fact<std::uint16_t>::known(id);
    d.vendor_name = std::move(vendor_name);
    d.device_name = std::move(name);
    d.class_id = Fact<std::uint16_t>::known(class_id);
    d.class_name = std::move(class_name);
    d.iommu_group = group;
    d.driver = Fact<std::string>::known(std::move(driver));
    d.reset_methods = Fact<std::vector<std::string>>::known({"flr", "bus"});
    d.acs = Fact<std::optional<AcsCapability>>::unknown("config space past 64 bytes needs root");
    return d;
}

}  // namespace

Topology sample_topology(bool with_groups) {
    auto g = [&](GroupId id) { return with_groups ? std::optional<GroupId>(id) : std::nullopt; };
    std::vector<Device> devices;

    devices.push_back(device(kRootPort, 0x8086, 0xa70d, "Intel Corporation", "Raptor Lake PCIe Root Port", 0x0604,
                             "PCI bridge", g(1), "pcieport"));
    auto gpu = device(kGpu, 0x1002, 0x744c, "AMD", "Navi 31 [Radeon RX 7900 XT]", 0x0300, "VGA compatible controller",
                      g(1), "amdgpu");
    gpu.parent = kRootPort;
    gpu.boot_vga = Fact<bool>::known(true);
    gpu.usage.display = Fact<DisplayUse>::known({{"card0"}, true});
    devices.push_back(gpu);
    auto audio = device(kGpuAudio, 0x1002, 0xab30, "AMD", "Navi 31 HDMI/DP Audio", 0x0403, "Audio device", g(1),
                        "snd_hda_intel");
    audio.parent = kRootPort;
    audio.usage.sound = Fact<std::vector<SoundCard>>::known({{"card1", "HDA ATI HDMI"}});
    devices.push_back(audio);

    auto nic = device(kNic, 0x8086, 0x125c, "Intel Corporation", "Ethernet Controller I226-V", 0x0200,
                      "Ethernet controller", g(14), "igc");
    nic.usage.net = Fact<std::vector<NetInterface>>::known({{"enp3s0", "up", {"192.0.2.10/24"}, true, false}});
    devices.push_back(nic);

    auto nvme = device(kNvme, 0x144d, 0xa80a, "Samsung Electronics Co Ltd", "NVMe SSD Controller PM9A1", 0x0108,
                       "Non-Volatile memory controller", g(15), "nvme");
    nvme.usage.block = Fact<std::vector<BlockDevice>>::known({{"nvme0n1", {}, true, {{"nvme0n1p2", {"/"}, true, {}}}}});
    devices.push_back(nvme);

    auto usb = device(kUsb, 0x1022, 0x43f7, "AMD", "600 Series Chipset USB 3.2 Controller", 0x0c03, "USB controller",
                      g(16), "xhci_hcd");
    usb.usage.usb = Fact<std::vector<UsbDevice>>::known({{"1-2", "Keyboard", true, false}, {"1-3", "Mouse", false, true}});
    devices.push_back(usb);

    // No names and no driver: the table falls back to [vvvv:dddd] and shows a dash for the driver.
    devices.push_back(device(kUnnamed, 0x1234, 0x5678, "", "", 0x0880, "", g(17), ""));

    auto unknown = device(kUnknownDriver, 0x10ec, 0x8125, "Realtek", "RTL8125 2.5GbE Controller", 0x0200,
                          "Ethernet controller", g(17), "");
    unknown.driver = Fact<std::string>::unknown("not in a pasted listing");
    devices.push_back(unknown);

    std::vector<IommuGroup> groups;
    if (with_groups) {
        for (GroupId id : {1u, 14u, 15u, 16u, 17u}) groups.push_back({id, Fact<std::string>::known("DMA-FQ"), {}, false});
    }
    HostFacts host;
    host.hostname = Fact<std::string>::known("testbox");
    Source source{SourceKind::LiveHost, "/", "", "2025-01-01T00:00:00Z", true};
    return Topology(source, host, std::move(devices), std::move(groups), {});
}

Topology sriov_topology(std::size_t vfs) {
    std::vector<Device> devices;
    devices.push_back(device(kSriovPort, 0x8086, 0xa70d, "Intel Corporation", "Raptor Lake PCIe Root Port", 0x0604,
                             "PCI bridge", 2, "pcieport"));
    auto pf = device(kPf, 0x8086, 0x10fb, "Intel Corporation", "82599ES 10-Gigabit SFI/SFP+", 0x0200,
                     "Ethernet controller", 30, "ixgbe");
    pf.parent = kSriovPort;
    pf.sriov.num_vfs = Fact<int>::known(static_cast<int>(vfs));
    pf.sriov.total_vfs = Fact<int>::known(64);
    devices.push_back(pf);
    std::vector<IommuGroup> groups{{2, Fact<std::string>::known("DMA"), {}, false}, {30, Fact<std::string>::known("DMA"), {}, false}};
    for (std::size_t i = 0; i < vfs; ++i) {
        const Bdf address{0, 0x3b, static_cast<std::uint8_t>(0x10 + i / 8), static_cast<std::uint8_t>(i % 8)};
        const GroupId group = static_cast<GroupId>(40 + i);
        auto vf = device(address, 0x8086, 0x10ed, "Intel Corporation", "82599 Ethernet Controller Virtual Function",
                         0x0200, "Ethernet controller", group, i < 2 ? "vfio-pci" : "ixgbevf");
        vf.parent = kSriovPort;
        vf.sriov.physfn = kPf;
        devices.push_back(vf);
        groups.push_back({group, Fact<std::string>::known("DMA"), {}, false});
    }
    HostFacts host;
    host.hostname = Fact<std::string>::known("sriovbox");
    Source source{SourceKind::LiveHost, "/", "", "2025-01-01T00:00:00Z", true};
    return Topology(source, host, std::move(devices), std::move(groups), {});
}

}  // namespace isola::gui::test
