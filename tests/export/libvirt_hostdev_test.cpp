#include <gtest/gtest.h>

#include <algorithm>

#include "export/export_config.hpp"
#include "export_test_host.hpp"

using namespace isola;
using namespace isola::export_test;

namespace {
std::string render(std::initializer_list<const char*> selected, const ExportOptions& o = {}) {
    auto r = export_config(test_host(), bdfs(selected), ExportFormat::LibvirtHostdev, o);
    EXPECT_TRUE(r) << r.error().sentence;
    return r ? r->text : "";
}
}  // namespace

TEST(ExportLibvirtHostdev, GpuBringsItsAudioFunction) {
    EXPECT_EQ(render({"0b:00.0"}),
              "<!-- Isola: every endpoint of IOMMU group 14. VFIO takes whole groups, so a group-mate left out makes "
              "the VM fail to start. -->\n"
              "<!-- Bridges are never passed through; these groups hold none. -->\n"
              "<!-- Functions of one card are listed together, in function order. -->\n"
              "<hostdev mode='subsystem' type='pci' managed='yes'>\n"
              "  <!-- 0000:0b:00.0 NVIDIA GP104 [GeForce GTX 1080], IOMMU group 14 -->\n"
              "  <source>\n"
              "    <address domain='0x0000' bus='0x0b' slot='0x00' function='0x0' />\n"
              "  </source>\n"
              "</hostdev>\n"
              "<hostdev mode='subsystem' type='pci' managed='yes'>\n"
              "  <!-- 0000:0b:00.1 NVIDIA GP104 High Definition Audio Controller, IOMMU group 14 -->\n"
              "  <source>\n"
              "    <address domain='0x0000' bus='0x0b' slot='0x00' function='0x1' />\n"
              "  </source>\n"
              "</hostdev>\n");
}

TEST(ExportLibvirtHostdev, BridgeInTheGroupStaysAndTheCommentSaysSo) {
    const std::string xml = render({"03:00.0"});
    EXPECT_NE(xml.find("<!-- Bridges are never passed through: 0000:00:1c.0 stays with the host on its bridge "
                       "driver. -->"),
              std::string::npos)
        << xml;
    EXPECT_EQ(xml.find("bus='0x00' slot='0x1c'"), std::string::npos) << xml;
}

TEST(ExportLibvirtHostdev, UnmanagedSaysHowToDetach) {
    const std::string xml = render({"0b:00.1"}, {.managed = false});
    EXPECT_NE(xml.find("managed='no'"), std::string::npos);
    EXPECT_EQ(xml.find("managed='yes'"), std::string::npos);
    EXPECT_NE(xml.find("<!-- virsh nodedev-detach pci_0000_0b_00_0 -->\n<!-- virsh nodedev-detach pci_0000_0b_00_1 -->"),
              std::string::npos)
        << xml;
}

TEST(ExportLibvirtHostdev, RomOptionsGoToTheDisplayControllerOnly) {
    ExportOptions o;
    o.rom.bar_off = true;
    o.rom.file = "/var/lib/libvirt/vbios/gtx1080.rom";
    const std::string xml = render({"0b:00.0"}, o);
    const auto rom = xml.find("<rom bar='off' file='/var/lib/libvirt/vbios/gtx1080.rom' />");
    ASSERT_NE(rom, std::string::npos) << xml;
    EXPECT_LT(rom, xml.find("function='0x1'"));  // on 0b:00.0, before the audio function's hostdev
    EXPECT_EQ(xml.find("<rom", rom + 1), std::string::npos) << xml;
}

TEST(ExportLibvirtHostdev, RomOptionsForNamedFunctions) {
    ExportOptions o;
    o.rom.bar_off = true;
    o.rom.devices = bdfs({"06:00.1"});
    const std::string xml = render({"06:00.0"}, o);
    EXPECT_NE(xml.find("function='0x1' />\n  </source>\n  <rom bar='off' />"), std::string::npos) << xml;
    EXPECT_EQ(xml.find("<rom"), xml.rfind("<rom"));
}

TEST(ExportLibvirtHostdev, IommufdFormNamesTheLibvirtVersion) {
    auto r = export_config(test_host(), bdfs({"0b:00.0"}), ExportFormat::LibvirtHostdev, {.iommufd = true});
    ASSERT_TRUE(r);
    EXPECT_NE(r->text.find("  <driver iommufd='yes' />\n  <source>"), std::string::npos) << r->text;
    EXPECT_NE(r->text.find("it needs libvirt 12.1.0 or newer"), std::string::npos) << r->text;
    EXPECT_TRUE(std::ranges::contains(r->warnings, std::string{"the iommufd form (<driver iommufd='yes'/>) needs libvirt "
                                                              "12.1.0 or newer; older libvirt, such as 11.3 in Debian "
                                                              "13, rejects the domain XML"}));
}

TEST(ExportLibvirtHostdev, CommentsNeverContainADoubleHyphen) {
    Topology host = make_host({{"01:00.0", 0x1234, 0x5678, 0x0200, "Odd", "NIC -- rev B", 1, "e1000e"}});
    auto r = export_config(host, bdfs({"01:00.0"}), ExportFormat::LibvirtHostdev);
    ASSERT_TRUE(r);
    EXPECT_NE(r->text.find("NIC - - rev B"), std::string::npos) << r->text;
}
