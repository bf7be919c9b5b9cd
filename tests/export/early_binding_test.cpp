// Early binding: by ID (kernel command line, modprobe.d) and by address (driverctl).
#include <gtest/gtest.h>

#include <algorithm>

#include "export/export_config.hpp"
#include "export_test_host.hpp"

using namespace isola;
using namespace isola::export_test;

namespace {
ExportResult render(ExportFormat f, std::initializer_list<const char*> selected) {
    auto r = export_config(test_host(), bdfs(selected), f);
    EXPECT_TRUE(r) << r.error().sentence;
    return r.value_or(ExportResult{});
}
}  // namespace

TEST(ExportKernelCmdline, IdsOfTheWholeGroupAndEarlyLoad) {
    EXPECT_EQ(render(ExportFormat::KernelCmdline, {"0b:00.0"}).text,
              "vfio-pci.ids=10de:1b80,10de:10f0 rd.driver.pre=vfio-pci\n");
}

TEST(ExportKernelCmdline, IdenticalCardElsewhereIsNamedWithTheWayOut) {
    const auto r = render(ExportFormat::KernelCmdline, {"0b:00.0"});
    EXPECT_TRUE(std::ranges::contains(r.warnings,
                                      std::string{"vfio-pci.ids=10de:1b80 also catches 0000:02:00.0 (NVIDIA GP104 "
                                                  "[GeForce GTX 1080]), which is not part of this selection; bind by "
                                                  "address with driverctl instead"}))
        << ::testing::PrintToString(r.warnings);
    EXPECT_TRUE(std::ranges::contains(r.warnings,
                                      std::string{"vfio-pci.ids=10de:10f0 also catches 0000:02:00.1 (NVIDIA GP104 High "
                                                  "Definition Audio Controller), which is not part of this selection; "
                                                  "bind by address with driverctl instead"}));
}

TEST(ExportKernelCmdline, SeveralCaughtDevicesInOneSentence) {
    const auto r = render(ExportFormat::KernelCmdline, {"06:00.0"});
    EXPECT_TRUE(std::ranges::contains(r.warnings,
                                      std::string{"vfio-pci.ids=8086:1521 also catches 0000:06:00.2 (Intel I350 "
                                                  "Gigabit Network Connection) and 0000:06:00.3 (Intel I350 Gigabit "
                                                  "Network Connection), which are not part of this selection; bind "
                                                  "by address with driverctl instead"}))
        << ::testing::PrintToString(r.warnings);
}

TEST(ExportKernelCmdline, NoCollisionNoWarning) {
    const auto r = render(ExportFormat::KernelCmdline, {"03:00.0"});
    EXPECT_EQ(r.text, "vfio-pci.ids=1912:0014 rd.driver.pre=vfio-pci\n");
    EXPECT_TRUE(std::ranges::none_of(r.warnings, [](const std::string& w) { return w.contains("also catches"); }));
}

TEST(ExportModprobeD, OptionsAndSoftdepsForTheBoundDrivers) {
    const auto text = render(ExportFormat::ModprobeD, {"0b:00.0", "03:00.0"}).text;
    EXPECT_NE(text.find("options vfio-pci ids=1912:0014,10de:1b80,10de:10f0\n"
                        "softdep xhci_pci pre: vfio-pci\n"
                        "softdep nouveau pre: vfio-pci\n"
                        "softdep snd_hda_intel pre: vfio-pci\n"),
              std::string::npos)
        << text;
    // ID binding would take the identical GTX 1080 too: the file itself says not to use it.
    EXPECT_NE(text.find("# Not recommended for this host"), std::string::npos) << text;
    EXPECT_EQ(text.find("pcieport"), std::string::npos) << text;  // the bridge in group 3 keeps its driver
}

TEST(ExportModprobeD, UnknownDriverIsSaidNotGuessed) {
    Device d = make_device({"01:00.0", 0x1002, 0x67df, 0x0300, "AMD", "Ellesmere [Radeon RX 580]", 1});
    d.driver = Fact<std::string>::unknown("not in a pasted listing");
    const Topology host({}, {}, {d}, {}, {});
    auto r = export_config(host, bdfs({"01:00.0"}), ExportFormat::ModprobeD);
    ASSERT_TRUE(r);
    EXPECT_NE(r->text.find("# The driver of 0000:01:00.0 is not known (not in a pasted listing); add a softdep line "
                           "for it if it has one.\n"),
              std::string::npos)
        << r->text;
    EXPECT_EQ(r->text.find("softdep  "), std::string::npos);
}

TEST(ExportDriverctl, OneOverridePerEndpointByAddress) {
    const auto r = render(ExportFormat::Driverctl, {"0b:00.0"});
    EXPECT_NE(r.text.find("driverctl set-override 0000:0b:00.0 vfio-pci\n"
                          "driverctl set-override 0000:0b:00.1 vfio-pci\n"),
              std::string::npos)
        << r.text;
    EXPECT_EQ(r.text.find("02:00"), std::string::npos);  // the identical card is untouched
    EXPECT_TRUE(std::ranges::none_of(r.warnings, [](const std::string& w) { return w.contains("also catches"); }));
}
