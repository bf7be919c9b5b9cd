// Helpers for the review tests: pick a finding by code (and group), and a small host whose every
// group shows one situation the review reports.
#pragma once

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "../unit/topology_builder.hpp"
#include "review/review.hpp"

namespace isola::test {

inline std::vector<const ReviewFinding*> findings_with(const Review& r, std::string_view code) {
    std::vector<const ReviewFinding*> out;
    for (const auto& f : r.findings)
        if (f.code == code) out.push_back(&f);
    return out;
}

// The one finding with `code` (and `group`, when given); fails the test when there is not exactly one.
inline ReviewFinding only(const Review& r, std::string_view code, std::optional<GroupId> group = std::nullopt) {
    std::vector<const ReviewFinding*> hits;
    for (const auto* f : findings_with(r, code))
        if (!group || f->group == group) hits.push_back(f);
    EXPECT_EQ(hits.size(), 1u) << code << (group ? " group " + std::to_string(*group) : "") << "\n"
                               << render_review_text(r);
    return hits.empty() ? ReviewFinding{Severity::Note, "", "", {}, std::nullopt, {}} : *hits.front();
}

inline std::vector<Bdf> bdfs(std::initializer_list<const char*> list) {
    std::vector<Bdf> out;
    for (const char* s : list) out.push_back(*Bdf::parse(s));
    return out;
}

// group 0 host bridge; 1 root port + GPU (display, boot VGA) + HDMI audio (sound card); 2 NVMe
// with /; 3 GPU on vfio-pci + audio on snd_hda_intel (mixed); 4 a twin GPU + audio on vfio-pci
// (held, GPU without reset); 5 two NIC ports, one with the default route; 6 USB controller +
// SATA controller of two slots; 7 a no-IOMMU group. Command line: iommu=pt, the ACS override
// and vfio-pci.ids= naming the twin GPUs.
inline Topology review_host_fixture() {
    std::vector<Device> devs;
    devs.push_back(make_device({.bdf = "00:00.0", .vendor = 0x8086, .device = 0x1901, .class_id = 0x0600, .group = 0}));
    devs.push_back(make_device({.bdf = "00:01.0", .vendor = 0x8086, .device = 0x1905, .class_id = 0x0604,
                                .type = PortType::RootPort, .group = 1, .driver = "pcieport"}));
    auto gpu = make_device({.bdf = "01:00.0", .vendor = 0x10de, .device = 0x1b80, .class_id = 0x0300, .group = 1,
                            .parent = "00:01.0", .driver = "nouveau", .multifunction = true});
    gpu.device_name = "GP104 [GeForce GTX 1080]";
    gpu.boot_vga = Fact<bool>::known(true);
    gpu.usage.display = Fact<DisplayUse>::known({{"card0"}, false});
    devs.push_back(gpu);
    auto audio = make_device({.bdf = "01:00.1", .vendor = 0x10de, .device = 0x10f0, .class_id = 0x0403, .group = 1,
                              .parent = "00:01.0", .driver = "snd_hda_intel", .multifunction = true});
    audio.device_name = "GP104 High Definition Audio Controller";
    audio.usage.sound = Fact<std::vector<SoundCard>>::known({{"card1", "NVidia"}});
    devs.push_back(audio);
    auto nvme = make_device({.bdf = "02:00.0", .vendor = 0x144d, .device = 0xa808, .class_id = 0x0108, .group = 2,
                             .driver = "nvme"});
    nvme.device_name = "NVMe SSD Controller SM981/PM981";
    nvme.usage.block = Fact<std::vector<BlockDevice>>::known({{"nvme0n1", {}, true, {{"nvme0n1p2", {"/"}, true, {}}}}});
    devs.push_back(nvme);
    for (const char* slot : {"03", "04"}) {
        const bool held = std::string_view(slot) == "04";
        auto g = make_device({.bdf = slot == std::string_view("03") ? "03:00.0" : "04:00.0", .vendor = 0x1002,
                              .device = 0x6798, .class_id = 0x0300, .group = held ? 4u : 3u, .driver = "vfio-pci",
                              .multifunction = true});
        g.device_name = "Tahiti XT [Radeon HD 7970]";
        if (held) g.reset_methods = Fact<std::vector<std::string>>::known({});
        devs.push_back(g);
        auto a = make_device({.bdf = slot == std::string_view("03") ? "03:00.1" : "04:00.1", .vendor = 0x1002,
                              .device = 0xaaa0, .class_id = 0x0403, .group = held ? 4u : 3u,
                              .driver = held ? "vfio-pci" : "snd_hda_intel", .multifunction = true});
        a.device_name = "Tahiti XT HDMI Audio";
        devs.push_back(a);
    }
    auto nic = make_device({.bdf = "05:00.0", .device = 0x1521, .group = 5, .driver = "igb", .multifunction = true});
    nic.device_name = "I350 Gigabit Network Connection";
    nic.usage.net = Fact<std::vector<NetInterface>>::known({{"enp5s0f0", "up", {"192.0.2.10/24"}, true, false}});
    devs.push_back(nic);
    auto nic2 = make_device({.bdf = "05:00.1", .device = 0x1521, .group = 5, .driver = "igb", .multifunction = true});
    nic2.device_name = "I350 Gigabit Network Connection";
    devs.push_back(nic2);
    auto usb = make_device({.bdf = "06:00.0", .vendor = 0x1b21, .device = 0x1242, .class_id = 0x0c03, .group = 6,
                            .driver = "xhci_hcd"});
    usb.device_name = "ASM1142 USB 3.1 Host Controller";
    devs.push_back(usb);
    auto sata = make_device({.bdf = "07:00.0", .vendor = 0x1b21, .device = 0x0612, .class_id = 0x0106, .group = 6,
                             .driver = "ahci"});
    sata.device_name = "ASM1062 Serial ATA Controller";
    devs.push_back(sata);
    auto dpdk = make_device({.bdf = "08:00.0", .device = 0x10fb, .group = 7, .driver = "vfio-pci"});
    dpdk.device_name = "82599ES 10-Gigabit SFI/SFP+ Network Connection";
    devs.push_back(dpdk);

    HostFacts host;
    host.iommu_mode = Fact<IommuMode>::known(IommuMode::Passthrough);
    host.kernel_cmdline = Fact<std::string>::known(
        "BOOT_IMAGE=/vmlinuz root=/dev/nvme0n1p2 intel_iommu=on iommu=pt pcie_acs_override=downstream vfio-pci.ids=1002:6798");
    host.kernel_parameters = parse_kernel_parameters(*host.kernel_cmdline);
    host.dev_iommu = Fact<bool>::known(true);
    host.vfio_cdev_support = Fact<bool>::known(true);
    std::vector<IommuGroup> groups{{.id = 7, .type = Fact<std::string>::known("unmanaged"), .members = {}, .noiommu = true}};
    return Topology(Source{SourceKind::LiveHost, "/", "", "", true}, host, std::move(devs), std::move(groups), {});
}

}  // namespace isola::test
