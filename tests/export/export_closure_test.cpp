// Every format covers the whole closure: all endpoints of every touched group, never a bridge.
#include <gtest/gtest.h>

#include "export/export_config.hpp"
#include "export_test_host.hpp"

using namespace isola;
using namespace isola::export_test;

TEST(ExportClosure, EveryFormatNamesEveryEndpointOfTheGroupAndNoBridge) {
    for (ExportFormat f : all_export_formats()) {
        SCOPED_TRACE(std::string{to_string(f)});
        auto r = export_config(test_host(), bdfs({"03:00.0", "0b:00.1"}), f);
        ASSERT_TRUE(r) << r.error().sentence;
        EXPECT_EQ(r->devices, bdfs({"03:00.0", "0b:00.0", "0b:00.1"}));
        if (f == ExportFormat::KernelCmdline || f == ExportFormat::ModprobeD) continue;  // by ID, checked elsewhere
        for (const char* addr : {"03:00", "0b:00"}) EXPECT_NE(r->text.find(addr), std::string::npos) << r->text;
        EXPECT_EQ(r->text.find("0000:00:1c.0 vfio"), std::string::npos);
        EXPECT_EQ(r->text.find("slot='0x1c'"), std::string::npos);
    }
}

TEST(ExportClosure, GroupMateThatCameAlongIsNamed) {
    auto r = export_config(test_host(), bdfs({"0b:00.0"}), ExportFormat::QemuArgs);
    ASSERT_TRUE(r);
    ASSERT_FALSE(r->warnings.empty());
    EXPECT_EQ(r->warnings.front(),
              "0000:0b:00.1 (NVIDIA GP104 High Definition Audio Controller) is included because it shares IOMMU "
              "group 14 with 0000:0b:00.0, and VFIO takes whole groups; the host loses it while the VM runs");
}

TEST(ExportClosure, SelectingABridgeWithEndpointsExportsTheEndpoints) {
    auto r = export_config(test_host(), bdfs({"00:1c.0"}), ExportFormat::Driverctl);
    ASSERT_TRUE(r) << r.error().sentence;
    EXPECT_EQ(r->devices, bdfs({"03:00.0"}));
}

TEST(ExportClosure, RepeatedSelectionCountsOnce) {
    auto r = export_config(test_host(), bdfs({"0b:00.0", "0b:00.0", "0b:00.1"}), ExportFormat::Driverctl);
    ASSERT_TRUE(r);
    EXPECT_EQ(r->devices, bdfs({"0b:00.0", "0b:00.1"}));
    EXPECT_TRUE(r->warnings.empty()) << ::testing::PrintToString(r->warnings);
}

TEST(ExportClosure, OptionsThatHitNothingAreSaid) {
    ExportOptions o;
    o.primary_gpu_xvga = true;
    o.rom.bar_off = true;
    auto r = export_config(test_host(), bdfs({"05:00.0"}), ExportFormat::QemuArgs, o);
    ASSERT_TRUE(r);
    EXPECT_EQ(r->warnings,
              (std::vector<std::string>{
                  "the ROM options apply to display controllers by default, and this export has none; name the "
                  "functions they are for",
                  "x-vga applies only to VGA-compatible controllers (class 0300), and this export has none"}));
}

TEST(ExportClosure, IommufdOnAHostWithoutDevIommu) {
    HostFacts facts;
    facts.dev_iommu = Fact<bool>::known(false);
    auto r = export_config(test_host(facts), bdfs({"05:00.0"}), ExportFormat::QemuArgs, {.iommufd = true});
    ASSERT_TRUE(r);
    EXPECT_EQ(r->warnings, (std::vector<std::string>{"this host has no /dev/iommu: its kernel lacks CONFIG_IOMMUFD, "
                                                     "so the iommufd backend cannot start; use the legacy container "
                                                     "backend"}));
}

TEST(ExportClosure, FormatNamesRoundTrip) {
    for (ExportFormat f : all_export_formats()) EXPECT_EQ(export_format_from_string(to_string(f)), f);
    EXPECT_EQ(export_format_from_string("virsh"), std::nullopt);
}
