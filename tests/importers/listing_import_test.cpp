// Each listing format from a small inline text, copy-paste damage, and the sentences users see.
#include <gtest/gtest.h>

#include "importers/import_listing.hpp"
#include "importers/printed_names.hpp"

namespace isola {
namespace {

Topology import_ok(std::string_view text, ListingFormat format = ListingFormat::Auto) {
    auto t = import_listing(text, format, "paste.txt");
    EXPECT_TRUE(t.has_value()) << (t ? "" : t.error().message);
    return t ? *t : Topology{};
}

const Device& dev(const Topology& t, std::string_view bdf) {
    static const Device none;
    const Device* d = t.find(*Bdf::parse(bdf));
    EXPECT_NE(d, nullptr) << bdf;
    return d ? *d : none;
}

TEST(ListingImport, HeaderLoopWithCrlfAndTabs) {
    Topology t = import_ok("IOMMU Group 1:\r\n\t00:01.0 PCI bridge [0604]: Intel Corporation Device [8086:1901] (rev 05)\r\n"
                           "\t01:00.0 VGA compatible controller [0300]: NVIDIA Corporation GM206 [GeForce GTX 960] "
                           "[10de:1401] (rev a1)\r\n");
    EXPECT_EQ(t.source().format, "iommu-loop");
    ASSERT_EQ(t.groups().size(), 1u);
    EXPECT_EQ(t.groups()[0].members.size(), 2u);
    EXPECT_EQ(dev(t, "01:00.0").device_name, "GM206 [GeForce GTX 960]");
    EXPECT_EQ(dev(t, "01:00.0").revision, Fact<std::uint8_t>::known(0xa1));
    EXPECT_EQ(dev(t, "00:01.0").class_id, Fact<std::uint16_t>::known(0x0604));
    EXPECT_TRUE(t.diagnostics().empty());
}

TEST(ListingImport, HeaderLoopThatLostItsIndentation) {
    Topology t = import_ok("IOMMU group 3\n00:14.0 USB controller [0c03]: Intel Corporation Device [8086:a12f]\n"
                           "00:14.2 Signal processing controller [1180]: Intel Corporation Device [8086:a131]\n");
    EXPECT_EQ(t.group(3)->members.size(), 2u);
    EXPECT_EQ(dev(t, "00:14.0").revision, Fact<std::uint8_t>::known(0));  // lspci omits "(rev 00)"
}

TEST(ListingImport, OneLinerUnsortedWithDomain) {
    Topology t = import_ok("IOMMU Group 10 0000:02:00.0 Ethernet controller [0200]: Intel Corporation I210 [8086:1533]\n"
                           "IOMMU Group 2 0000:00:02.0 VGA compatible controller [0300]: Intel Corporation HD [8086:1912]\n");
    EXPECT_EQ(t.groups().size(), 2u);
    EXPECT_EQ(t.groups()[0].id, 2u);  // sorted by id whatever the paste order
    EXPECT_FALSE(dev(t, "02:00.0").driver.is_known());
    EXPECT_EQ(dev(t, "02:00.0").driver.why_unknown, "the listing does not show drivers (lspci without -k)");
}

TEST(ListingImport, LsIommuLinesWithKernelInfo) {
    Topology t = import_ok(
        "IOMMU Group  14: 0000:0b:00.0 VGA compatible controller [0300] NVIDIA Corporation GP102 [GeForce GTX 1080 Ti] "
        "[10de:1b06] (rev a1)\n"
        "\tSubsystem: eVga.com. Corp. GP102 [GeForce GTX 1080 Ti] [3842:6696]\n"
        "\tKernel driver in use: vfio-pci\n"
        "IOMMU Group  14: 0000:0b:00.1 Audio device [0403] NVIDIA Corporation GP102 HDMI Audio Controller [10de:10ef] (rev a1)\n"
        "\tSubsystem: eVga.com. Corp. GP102 HDMI Audio Controller [3842:6696]\n");
    EXPECT_EQ(t.source().format, "ls-iommu");
    EXPECT_EQ(t.group(14)->members.size(), 2u);
    EXPECT_EQ(dev(t, "0b:00.0").driver, Fact<std::string>::known("vfio-pci"));
    EXPECT_EQ(dev(t, "0b:00.1").driver, Fact<std::string>::known(""));  // ls-iommu -k omits the line when unbound
    EXPECT_EQ(dev(t, "0b:00.0").class_id, Fact<std::uint16_t>::known(0x0300));
    EXPECT_EQ(dev(t, "0b:00.0").subsystem_vendor_id, Fact<std::uint16_t>::known(0x3842));
}

TEST(ListingImport, LspciNnkDriversAndNoGroups) {
    Topology t = import_ok("00:1f.3 Audio device [0403]: Intel Corporation Device [8086:7ad0] (rev 11)\n"
                           "\tSubsystem: ASUSTeK Computer Inc. Device [1043:882a]\n"
                           "\tKernel driver in use: snd_hda_intel\n"
                           "\tKernel modules: snd_hda_intel\n"
                           "00:1f.5 Serial bus controller [0c80]: Intel Corporation Device [8086:7aa4] (rev 11)\n"
                           "00:14.0 USB controller [0c03]: Intel Corporation Device [8086:7ae0] (rev 11) (prog-if 30 [XHCI])\n");
    EXPECT_EQ(t.source().format, "lspci-nnk");
    EXPECT_FALSE(t.has_groups());
    EXPECT_EQ(dev(t, "00:1f.3").driver, Fact<std::string>::known("snd_hda_intel"));
    EXPECT_EQ(dev(t, "00:1f.5").driver, Fact<std::string>::known(""));
    EXPECT_EQ(dev(t, "00:1f.3").subsystem_device_id, Fact<std::uint16_t>::known(0x882a));
    EXPECT_EQ(dev(t, "00:14.0").prog_if, Fact<std::uint8_t>::known(0x30));
    EXPECT_EQ(dev(t, "00:1f.3").prog_if.why_unknown, "lspci -nn prints the class [cccc] without the programming interface");
}

TEST(ListingImport, LspciNnWithoutK) {
    Topology t = import_ok("00:02.0 VGA compatible controller [0300]: Intel Corporation HD Graphics 530 [8086:1912] (rev 06)\n");
    EXPECT_EQ(t.source().format, "lspci-nn");
    EXPECT_FALSE(dev(t, "00:02.0").driver.is_known());
    EXPECT_FALSE(t.source().tree_known);
}

TEST(ListingImport, VmmRecordsWithGroups) {
    Topology t = import_ok("Slot:\t00:02.0\nClass:\tVGA compatible controller [0300]\nVendor:\tIntel Corporation [8086]\n"
                           "Device:\tHD Graphics 530 [1912]\nSVendor:\tASUSTeK Computer Inc. [1043]\nSDevice:\tDevice [8694]\n"
                           "Rev:\t06\nDriver:\ti915\nModule:\ti915\nNUMANode:\t0\nIOMMUGroup:\t2\n\n"
                           "Slot:\t00:14.0\nClass:\tUSB controller [0c03]\nVendor:\tIntel Corporation [8086]\n"
                           "Device:\tUSB 3.0 xHCI Controller [a12f]\nProgIf:\t30\nIOMMUGroup:\t3\n");
    EXPECT_EQ(t.source().format, "lspci-vmm");
    EXPECT_EQ(t.groups().size(), 2u);
    const Device& vga = dev(t, "00:02.0");
    EXPECT_EQ(vga.vendor_name, "Intel Corporation");
    EXPECT_EQ(vga.device_name, "HD Graphics 530");
    EXPECT_EQ(vga.device_id, Fact<std::uint16_t>::known(0x1912));
    EXPECT_EQ(vga.numa_node, Fact<int>::known(0));
    EXPECT_EQ(vga.driver, Fact<std::string>::known("i915"));
    EXPECT_EQ(dev(t, "00:14.0").driver, Fact<std::string>::known(""));
    EXPECT_EQ(dev(t, "00:14.0").prog_if, Fact<std::uint8_t>::known(0x30));
}

TEST(ListingImport, TreeGivesParents) {
    Topology t = import_ok("-[0000:00]-+-00.0  Intel Corporation Host Bridge\n"
                           "           +-01.0-[01]--+-00.0  NVIDIA Corporation GP104 [GeForce GTX 1080]\n"
                           "           |            \\-00.1  NVIDIA Corporation GP104 HDMI Audio\n"
                           "           +-1c.0-[02-03]----00.0-[03]----00.0  ASMedia Technology Inc. ASM1083\n"
                           "           \\-1f.3  Intel Corporation Audio\n");
    EXPECT_EQ(t.source().format, "lspci-tree");
    EXPECT_TRUE(t.source().tree_known);
    EXPECT_EQ(t.devices().size(), 8u);
    EXPECT_EQ(dev(t, "01:00.1").parent, Bdf::parse("00:01.0"));
    EXPECT_EQ(dev(t, "02:00.0").parent, Bdf::parse("00:1c.0"));
    EXPECT_EQ(dev(t, "03:00.0").parent, Bdf::parse("02:00.0"));
    EXPECT_EQ(dev(t, "00:1f.3").parent, std::nullopt);
    EXPECT_EQ(dev(t, "00:01.0").children, (std::vector<Bdf>{*Bdf::parse("01:00.0"), *Bdf::parse("01:00.1")}));
}

TEST(ListingImport, TreeMergedWithGroupListing) {
    Topology t = import_ok("IOMMU Group 1 00:01.0 PCI bridge [0604]: Intel Corporation Port [8086:1901]\n"
                           "IOMMU Group 1 01:00.0 VGA compatible controller [0300]: NVIDIA Corporation GP104 [10de:1b80]\n"
                           "-[0000:00]-+-01.0-[01]----00.0  NVIDIA Corporation GP104\n");
    EXPECT_EQ(t.source().format, "iommu-loop+lspci-tree");
    EXPECT_EQ(dev(t, "01:00.0").parent, Bdf::parse("00:01.0"));
    EXPECT_EQ(dev(t, "01:00.0").iommu_group, 1u);
}

TEST(ListingImport, SysfsFindAndKernelLog) {
    Topology t = import_ok("/sys/kernel/iommu_groups/7/devices/0000:00:1c.6\n"
                           "[    0.658060] pci 0000:00:01.0: Adding to iommu group 2\n"
                           "[    0.658061] DMAR: IOMMU feature nwfs inconsistent\n");
    EXPECT_EQ(t.source().format, "sysfs-find+dmesg");
    EXPECT_EQ(dev(t, "00:1c.6").iommu_group, 7u);
    EXPECT_EQ(dev(t, "00:01.0").iommu_group, 2u);
    EXPECT_TRUE(t.diagnostics().empty());
}

TEST(ListingImport, IommuShWithContinuationAndUsb) {
    Topology t = import_ok("Group 3:\t[8086:43ed]     00:14.0  USB controller        Tiger Lake-H xHCI\n"
                           "USB:\t\t[046d:c52b]\t\t Bus 001 Device 003     Logitech, Inc. Unifying Receiver\n"
                           "\t\t[8086:43ef] [R] 00:14.2  RAM memory            Tiger Lake-H Shared SRAM\n");
    EXPECT_EQ(t.source().format, "iommu-sh");
    EXPECT_EQ(t.group(3)->members.size(), 2u);
    ASSERT_TRUE(dev(t, "00:14.0").usage.usb);
    ASSERT_EQ(dev(t, "00:14.0").usage.usb->size(), 1u);
    EXPECT_EQ(dev(t, "00:14.0").usage.usb->at(0).name, "Logitech, Inc. Unifying Receiver");
    EXPECT_EQ(dev(t, "00:14.2").reset_methods.why_unknown, "iommu.sh marks a reset method ([R]) but not which one");
}

TEST(ListingImport, LsGroupPlainNames) {
    Topology t = import_ok("### Group 17 ###\n    00:1d.0 PCI bridge: Intel Corporation Device 7ab0 (rev 11)\n");
    EXPECT_EQ(t.source().format, "lsgroup");
    EXPECT_EQ(dev(t, "00:1d.0").iommu_group, 17u);
    EXPECT_EQ(dev(t, "00:1d.0").class_id, Fact<std::uint16_t>::known(0x0604));  // from the class name
}

TEST(ListingImport, MixedFormatsMergeByAddress) {
    Topology t = import_ok("user@host:~$ ./iommu.sh\n"
                           "IOMMU Group 5 03:00.0 Ethernet controller [0200]: Intel Corporation I210 [8086:1533] (rev 03)\n"
                           "user@host:~$ lspci -nnk\n"
                           "03:00.0 Ethernet controller [0200]: Intel Corporation I210 [8086:1533] (rev 03)\n"
                           "\tKernel driver in use: igb\n");
    EXPECT_EQ(t.source().format, "iommu-loop+lspci-nnk");
    EXPECT_EQ(t.devices().size(), 1u);
    EXPECT_EQ(dev(t, "03:00.0").iommu_group, 5u);
    EXPECT_EQ(dev(t, "03:00.0").driver, Fact<std::string>::known("igb"));
    EXPECT_EQ(t.host().hostname.value_or(""), "host");
}

TEST(ListingImport, DisagreeingIdsKeepTheGroupListingsDevice) {
    Topology t = import_ok("05:00.0 VGA compatible controller [0300]: NVIDIA Corporation GK208B [10de:128b] (rev a1)\n"
                           "\tKernel driver in use: nouveau\n"
                           "# later\n"
                           "IOMMU group 13 05:00.0 Ethernet controller [0200]: Intel Corporation I350 [8086:1521] (rev 01)\n");
    const Device& d = dev(t, "05:00.0");
    EXPECT_EQ(d.vendor_id, Fact<std::uint16_t>::known(0x8086));
    EXPECT_EQ(d.device_name, "I350");
    EXPECT_FALSE(d.driver.is_known());  // the driver line was about the other card
    ASSERT_EQ(t.diagnostics().size(), 1u);
    EXPECT_EQ(t.diagnostics()[0].subject, "0000:05:00.0");
    EXPECT_EQ(t.diagnostics()[0].message,
              "0000:05:00.0 is 8086:1521 on line 4 but 10de:128b on line 1: the listing mixes captures from different "
              "moments, so 8086:1521 from line 4 was kept");
}

TEST(ListingImport, BbcodeAndCommandPrefixesAreRemoved) {
    Topology t = import_ok("[COLOR=#ff0000]IOMMU group 0 00:02.0 Display controller [0380]: Intel Corporation Device "
                           "[8086:a780] (rev 04)[/COLOR]\n"
                           "lspci -knn: 00:02.0 Display controller [0380]: Intel Corporation Device [8086:a780] (rev 04)\n"
                           "lspci -knn: \tKernel driver in use: [COLOR=#ff0000]vfio-pci[/COLOR]\n");
    EXPECT_EQ(dev(t, "00:02.0").driver, Fact<std::string>::known("vfio-pci"));
    EXPECT_EQ(dev(t, "00:02.0").iommu_group, 0u);
}

TEST(ListingImport, CmdlineAcsOverride) {
    Topology t = import_ok("BOOT_IMAGE=/vmlinuz-6.1.0 root=/dev/sda1 ro amd_iommu=on pcie_acs_override=downstream,multifunction "
                           "vfio-pci.ids=1002:73a5,1002:ab28 quiet\n"
                           "IOMMU Group 1 00:01.0 PCI bridge [0604]: Intel Corporation Port [8086:1901]\n");
    EXPECT_EQ(t.host().kernel_parameters.has_acs_override(), Fact<bool>::known(true));
    EXPECT_EQ(t.host().kernel_parameters.relevant,
              (std::vector<std::string>{"amd_iommu=on", "pcie_acs_override=downstream,multifunction",
                                        "vfio-pci.ids=1002:73a5,1002:ab28"}));
    EXPECT_EQ(t.host().kernel_release.value_or(""), "6.1.0");
    EXPECT_TRUE(t.diagnostics().empty());
}

TEST(ListingImport, UnknownLinesBecomeDiagnostics) {
    Topology t = import_ok("IOMMU Group 1 00:01.0 PCI bridge [0604]: Intel Corporation Port [8086:1901]\n"
                           "my GPU is in slot 2, help!\n");
    ASSERT_EQ(t.diagnostics().size(), 1u);
    EXPECT_EQ(t.diagnostics()[0].subject, "line 2");
    EXPECT_EQ(t.diagnostics()[0].message,
              "skipped \"my GPU is in slot 2, help!\": it is not part of any listing format Isola knows");
}

TEST(ListingImport, NothingRecognisedIsAnError) {
    auto t = import_listing("hello\nworld\n", ListingFormat::Auto, "notes.txt");
    ASSERT_FALSE(t.has_value());
    EXPECT_EQ(t.error().message,
              "notes.txt contains no IOMMU group listing or lspci output that Isola recognises; paste the output of the "
              "IOMMU group loop or of \"lspci -nnk\" as it was printed");
}

TEST(ListingImport, ForcedFormatIgnoresOthers) {
    auto t = import_listing("IOMMU Group 1 00:01.0 PCI bridge [0604]: Intel Corporation Port [8086:1901]\n",
                            ListingFormat::LspciVmm, "groups.txt");
    ASSERT_FALSE(t.has_value());
    EXPECT_EQ(t.error().message,
              "groups.txt contains no lspci-vmm output that Isola recognises; paste the output of the IOMMU group loop "
              "or of \"lspci -nnk\" as it was printed");
}

TEST(ListingImport, FormatNamesRoundTrip) {
    for (auto f : {ListingFormat::IommuLoop, ListingFormat::LspciNnk, ListingFormat::LsIommu, ListingFormat::IommuSh})
        EXPECT_EQ(listing_format_from_string(to_string(f)), f);
}

TEST(ListingImportNames, SplitsVendorFromDevice) {
    using importers::split_printed_name;
    auto amd = split_printed_name("Advanced Micro Devices, Inc. [AMD/ATI] Navi 21 [Radeon RX 6950 XT]");
    EXPECT_EQ(amd.vendor, "Advanced Micro Devices, Inc. [AMD/ATI]");
    EXPECT_EQ(amd.device, "Navi 21 [Radeon RX 6950 XT]");
    auto phison = split_printed_name("Phison Electronics Corporation E12 NVMe Controller");
    EXPECT_EQ(phison.vendor, "Phison Electronics Corporation");
    auto unknown = split_printed_name("Acme Widgets XYZ-9 Controller");
    EXPECT_EQ(unknown.vendor, "");
    EXPECT_EQ(unknown.device, "Acme Widgets XYZ-9 Controller");
}

}  // namespace
}  // namespace isola
