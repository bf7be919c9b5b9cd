// Every file in tests/data/real-world imports, with the groups and functions its README lists
// (counted again by hand from each file) and the facts its header calls notable.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "importers/import_listing.hpp"

namespace isola {
namespace {

Topology import_file(const std::string& name) {
    std::ifstream in(std::string(ISOLA_TEST_DATA) + "/real-world/" + name);
    EXPECT_TRUE(in) << name;
    std::stringstream text;
    text << in.rdbuf();
    auto topology = import_listing(text.str(), ListingFormat::Auto, name);
    EXPECT_TRUE(topology.has_value()) << (topology ? "" : topology.error().message);
    return topology ? *topology : Topology{};
}

std::vector<std::string> members(const Topology& t, GroupId id) {
    std::vector<std::string> out;
    if (const IommuGroup* g = t.group(id))
        for (const auto& b : g->members) out.push_back(b.str());
    return out;
}

const Device& device(const Topology& t, std::string_view bdf) {
    const Device* d = t.find(*Bdf::parse(bdf));
    EXPECT_NE(d, nullptr) << bdf;
    static const Device none;
    return d ? *d : none;
}

struct Expected {
    std::string file;
    std::size_t groups;
    std::size_t functions;
    friend void PrintTo(const Expected& e, std::ostream* os) { *os << e.file; }
};

class RealWorldImport : public testing::TestWithParam<Expected> {};

TEST_P(RealWorldImport, HasTheListedGroupsAndFunctions) {
    const auto& e = GetParam();
    Topology t = import_file(e.file);
    EXPECT_EQ(t.source().kind, SourceKind::Listing);
    EXPECT_EQ(t.groups().size(), e.groups);
    EXPECT_EQ(t.devices().size(), e.functions);
    // Every line of every real file is understood; only notes about disagreements remain.
    for (const auto& d : t.diagnostics()) EXPECT_FALSE(d.message.starts_with("skipped")) << d.subject << ": " << d.message;
}

INSTANTIATE_TEST_SUITE_P(
    AllFiles, RealWorldImport,
    testing::Values(
        Expected{"01_amd-b550-aorus-pro_gpu-in-chipset-group.txt", 25, 40},
        Expected{"02_amd-x570-aorus-pro-wifi_dual-nvidia.txt", 39, 54},
        Expected{"04_intel-z170-asrock-itx_gtx960.txt", 14, 20},
        // README: "15 / 22 (B)". Block (B) has 21 lines (counted: groups 0-14), as does (A); the
        // 22nd address, 00:1c.7, appears only in the stale block (C) and is left out (see below).
        Expected{"05_server-fujitsu-primergy-tx1320m3_xeon-e3_c236.txt", 15, 21},
        Expected{"07_intel-z690-asus_i9-12900ks_alderlake_tb4_3formats.txt", 36, 43},
        Expected{"08_intel-raptorlake-msi_sriov-82576-vfs_plx-switch.txt", 51, 58},
        Expected{"10_hedt-threadripper3000-trx40_4-root-complexes_2xA6000.txt", 69, 85},
        Expected{"11_amd-am5-b650e-asus-strix_7600x_rx7900xt.txt", 34, 47},
        Expected{"13_laptop-msi-gf72-8re_coffeelake-h_gtx1060m.txt", 11, 17},
        Expected{"15_intel-z97-haswell_two-gpus-one-group_no-acs.txt", 23, 31},
        Expected{"17_intel-b560-rocketlake_rx7600_iommu-sh-usb-format.txt", 16, 20},
        Expected{"18_amd-b550-itx-5700g-apu_acs-override-applied.txt", 20, 28},
        Expected{"20_server-epyc-rome-supermicro-h12ssw-nt_lspci-knn-only.txt", 0, 93},
        Expected{"22_server-embedded-atom-c3558-supermicro-a2sdi_truenas.txt", 20, 24},
        Expected{"23_laptop-ivybridge-qm77_quadro-k2000m.txt", 15, 19},
        Expected{"24_amd-x370-ryzen1-two-rx580-isolated.txt", 24, 44}),
    [](const testing::TestParamInfo<Expected>& param) { return "file" + param.param.file.substr(0, 2); });

TEST(RealWorldImportFacts, File01HostGpuSharesTheChipsetGroup) {
    Topology t = import_file("01_amd-b550-aorus-pro_gpu-in-chipset-group.txt");
    auto g15 = members(t, 15);
    EXPECT_EQ(g15.size(), 8u);
    EXPECT_NE(std::ranges::find(g15, "0000:04:00.0"), g15.end());
    EXPECT_NE(std::ranges::find(g15, "0000:05:00.0"), g15.end());
    EXPECT_EQ(members(t, 18), std::vector<std::string>{"0000:08:00.0"});
    EXPECT_EQ(t.source().format, "iommu-loop");
    EXPECT_FALSE(t.source().tree_known);

    const Device& gpu = device(t, "08:00.0");
    EXPECT_EQ(gpu.vendor_id, Fact<std::uint16_t>::known(0x1002));
    EXPECT_EQ(gpu.device_id, Fact<std::uint16_t>::known(0x73a5));
    EXPECT_EQ(gpu.vendor_name, "Advanced Micro Devices, Inc. [AMD/ATI]");
    EXPECT_EQ(gpu.device_name, "Navi 21 [Radeon RX 6950 XT]");
    EXPECT_EQ(gpu.revision, Fact<std::uint8_t>::known(0xc0));
    EXPECT_EQ(gpu.class_id, Fact<std::uint16_t>::known(0x0300));
    EXPECT_FALSE(gpu.prog_if.is_known());
    EXPECT_FALSE(gpu.driver.is_known());
    EXPECT_EQ(gpu.acs.why_unknown, "not in a pasted listing");
    EXPECT_EQ(t.group(15)->type.why_unknown, "not in a pasted listing");
}

TEST(RealWorldImportFacts, File05KeepsTheCurrentGroupsAndVfioBindings) {
    Topology t = import_file("05_server-fujitsu-primergy-tx1320m3_xeon-e3_c236.txt");
    EXPECT_EQ(t.source().format, "lspci-nnk+iommu-loop+sysfs-find+lspci");
    for (auto bdf : {"00:17.0", "04:00.0", "05:00.0", "05:00.1"})
        EXPECT_EQ(device(t, bdf).driver, Fact<std::string>::known("vfio-pci")) << bdf;
    EXPECT_EQ(device(t, "03:00.0").driver, Fact<std::string>::known("igb"));
    EXPECT_EQ(device(t, "02:00.1").driver, Fact<std::string>::known(""));  // -k listing, no driver line
    EXPECT_EQ(members(t, 13), std::vector<std::string>{"0000:05:00.0"});
    EXPECT_EQ(members(t, 14), std::vector<std::string>{"0000:05:00.1"});
    EXPECT_EQ(members(t, 10), (std::vector<std::string>{"0000:02:00.0", "0000:02:00.1"}));
    EXPECT_EQ(t.find(*Bdf::parse("00:1c.7")), nullptr);
    EXPECT_EQ(device(t, "05:00.0").subsystem_vendor_id, Fact<std::uint16_t>::known(0x8086));
    EXPECT_EQ(device(t, "05:00.0").subsystem_device_id, Fact<std::uint16_t>::known(0x5002));
    EXPECT_EQ(t.host().kernel_cmdline.value_or(""),
              "BOOT_IMAGE=/boot/vmlinuz-6.5.11-8-pve root=/dev/mapper/pve-root ro quiet intel_iommu=on");
    EXPECT_EQ(t.host().kernel_parameters.relevant, std::vector<std::string>{"intel_iommu=on"});
    EXPECT_EQ(t.host().kernel_release.value_or(""), "6.5.11-8-pve");
    EXPECT_EQ(t.host().kernel_parameters.has_acs_override(), Fact<bool>::known(false));
    ASSERT_EQ(t.diagnostics().size(), 1u);
    EXPECT_EQ(t.diagnostics()[0].subject, "line 131");
    EXPECT_EQ(t.diagnostics()[0].message,
              "the IOMMU groups on lines 131-151 disagree with earlier lines for 0000:00:1c.7, 0000:05:00.1, so they "
              "describe another moment and were ignored, together with 0000:00:1c.7, which only they list");
}

TEST(RealWorldImportFacts, File07MergesThreeFormats) {
    Topology t = import_file("07_intel-z690-asus_i9-12900ks_alderlake_tb4_3formats.txt");
    EXPECT_EQ(t.source().format, "iommu-loop+lspci-nnk+lsgroup");
    EXPECT_EQ(device(t, "00:01.0").iommu_group, 1u);
    EXPECT_EQ(device(t, "00:01.1").iommu_group, 2u);
    EXPECT_EQ(device(t, "04:00.0").driver, Fact<std::string>::known("vfio-pci"));
    EXPECT_EQ(device(t, "04:00.1").driver, Fact<std::string>::known("vfio-pci"));
    EXPECT_EQ(members(t, 23), (std::vector<std::string>{"0000:04:00.0", "0000:04:00.1"}));
    const Device& usb = device(t, "00:14.0");  // unnamed in old pci.ids: "Intel Corporation Device [8086:7ae0]"
    EXPECT_EQ(usb.vendor_name, "Intel Corporation");
    EXPECT_EQ(usb.device_name, "Device");
    EXPECT_EQ(usb.device_id, Fact<std::uint16_t>::known(0x7ae0));
    EXPECT_EQ(t.host().hostname.value_or(""), "city-17-nix");
    EXPECT_TRUE(t.diagnostics().empty());
}

TEST(RealWorldImportFacts, File08FourteenVfsEachInOwnGroup) {
    Topology t = import_file("08_intel-raptorlake-msi_sriov-82576-vfs_plx-switch.txt");
    int vfs = 0;
    for (const auto& d : t.devices()) {
        if (d.pci_id() != "8086:10ca") continue;
        ++vfs;
        ASSERT_TRUE(d.iommu_group);
        EXPECT_EQ(t.group(*d.iommu_group)->members.size(), 1u) << d.address.str();
    }
    EXPECT_EQ(vfs, 14);
    EXPECT_EQ(members(t, 19).size(), 4u);
    EXPECT_EQ(device(t, "00:02.0").driver, Fact<std::string>::known("vfio-pci"));  // was inside [COLOR] tags
    EXPECT_EQ(t.host().kernel_parameters.relevant, (std::vector<std::string>{"intel_iommu=on", "vfio-pci.ids=8086:a780"}));
    EXPECT_EQ(t.host().iommu_mode, Fact<IommuMode>::known(IommuMode::Translated));
    EXPECT_EQ(t.source().format, "dmesg+iommu-loop+lspci-nnk");
}

TEST(RealWorldImportFacts, File17IommuShResetFlagsAndUsb) {
    Topology t = import_file("17_intel-b560-rocketlake_rx7600_iommu-sh-usb-format.txt");
    EXPECT_EQ(t.source().format, "iommu-sh");
    EXPECT_EQ(device(t, "03:00.1").reset_methods, Fact<std::vector<std::string>>::known({}));
    EXPECT_FALSE(device(t, "03:00.0").reset_methods.is_known());
    EXPECT_EQ(members(t, 3), (std::vector<std::string>{"0000:00:14.0", "0000:00:14.2"}));
    EXPECT_EQ(device(t, "00:14.0").usage.usb.value_or({}).size(), 2u);  // root hubs are the controller itself
    EXPECT_EQ(device(t, "01:00.0").class_id, Fact<std::uint16_t>::known(0x0604));
}

TEST(RealWorldImportFacts, File18AcsOverrideDetected) {
    Topology t = import_file("18_amd-b550-itx-5700g-apu_acs-override-applied.txt");
    EXPECT_EQ(t.host().kernel_parameters.has_acs_override(), Fact<bool>::known(true));
    EXPECT_EQ(device(t, "0000:05:00.0").iommu_group, 14u);
    ASSERT_EQ(t.diagnostics().size(), 1u);
    EXPECT_EQ(t.diagnostics()[0].message,
              "pcie_acs_override=downstream,multifunction is mentioned in a comment, not on a kernel command line; "
              "the listing is taken as captured with the ACS override, so its groups need not show real isolation");
}

TEST(RealWorldImportFacts, File20NoGroupsButDriversKnown) {
    Topology t = import_file("20_server-epyc-rome-supermicro-h12ssw-nt_lspci-knn-only.txt");
    EXPECT_FALSE(t.has_groups());
    EXPECT_EQ(t.source().format, "lspci-nnk");
    for (const auto& d : t.devices()) EXPECT_TRUE(d.driver.is_known()) << d.address.str();
    EXPECT_EQ(device(t, "41:00.0").driver, Fact<std::string>::known("megaraid_sas"));
    EXPECT_EQ(device(t, "c4:00.0").driver, Fact<std::string>::known(""));
    EXPECT_EQ(t.host().hostname.value_or(""), "moiocoiani");
    EXPECT_TRUE(t.diagnostics().empty());
}

TEST(RealWorldImportFacts, File22CmdlineWithBothIommuParameters) {
    Topology t = import_file("22_server-embedded-atom-c3558-supermicro-a2sdi_truenas.txt");
    EXPECT_EQ(t.host().kernel_parameters.relevant, (std::vector<std::string>{"amd_iommu=on", "iommu=pt", "intel_iommu=on"}));
    EXPECT_EQ(members(t, 15), (std::vector<std::string>{"0000:03:00.0", "0000:04:00.0"}));
}

TEST(RealWorldImportFacts, File15BothGpusInGroupOne) {
    Topology t = import_file("15_intel-z97-haswell_two-gpus-one-group_no-acs.txt");
    EXPECT_EQ(members(t, 1).size(), 6u);
    EXPECT_TRUE(t.diagnostics().empty());  // the lshw table is skipped quietly
}

}  // namespace
}  // namespace isola
