// Refusals are sentences, asserted verbatim: they are what the CLI and GUI print.
#include <gtest/gtest.h>

#include "export/export_config.hpp"
#include "export_test_host.hpp"

using namespace isola;
using namespace isola::export_test;

TEST(ExportErrors, UnknownAddressIsNamed) {
    const auto r = export_config(test_host(), bdfs({"0b:00.0", "42:00.0"}), ExportFormat::LibvirtHostdev);
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().kind, ExportErrorKind::NotOnHost);
    EXPECT_EQ(r.error().sentence, "0000:42:00.0 is not a PCI function on this host");
}

TEST(ExportErrors, DeviceWithoutGroupOnHostWithoutIommu) {
    const Topology host = make_host({{"01:00.0", 0x10de, 0x1b80, 0x0300, "NVIDIA", "GP104 [GeForce GTX 1080]",
                                      std::nullopt, "nvidia"}});
    const auto r = export_config(host, bdfs({"01:00.0"}), ExportFormat::QemuArgs);
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().kind, ExportErrorKind::NoIommuGroup);
    EXPECT_EQ(r.error().sentence,
              "0000:01:00.0 (NVIDIA GP104 [GeForce GTX 1080]) has no IOMMU group because no IOMMU is active on this "
              "host, and VFIO cannot take a device without one: enable VT-d (Intel) or AMD-Vi (AMD) in the firmware "
              "setup, boot with intel_iommu=on on Intel systems, and export again");
}

TEST(ExportErrors, DeviceWithoutGroupWhereOthersHaveOne) {
    const Topology host = make_host({
        {"00:1f.3", 0x8086, 0xa170, 0x0403, "Intel", "100 Series HD Audio", 9, "snd_hda_intel"},
        {"01:00.0", 0x10de, 0x1b80, 0x0300, "NVIDIA", "GP104 [GeForce GTX 1080]", std::nullopt, "nvidia"},
    });
    const auto r = export_config(host, bdfs({"01:00.0"}), ExportFormat::QemuArgs);
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().sentence,
              "0000:01:00.0 (NVIDIA GP104 [GeForce GTX 1080]) has no IOMMU group although other devices on this host "
              "have one, so VFIO cannot take it: the IOMMU does not cover it, or the source did not record its group; "
              "read the live host again before exporting");
}

TEST(ExportErrors, NothingSelected) {
    const auto r = export_config(test_host(), {}, ExportFormat::Driverctl);
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().sentence, "nothing is selected: choose at least one PCI function to export");
}

TEST(ExportErrors, BridgeAloneInItsGroupHasNothingToPassThrough) {
    const auto r = export_config(test_host(), bdfs({"00:03.1"}), ExportFormat::Proxmox);
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().kind, ExportErrorKind::OnlyBridges);
    EXPECT_EQ(r.error().sentence,
              "0000:00:03.1 (AMD Family 17h GPP Bridge) is a PCI bridge and IOMMU group 2 holds no endpoint to pass "
              "through; bridges stay with the host, so select the devices behind it instead");
}

TEST(ExportErrors, RelativeRomFileIsRefused) {
    ExportOptions o;
    o.rom.file = "gtx1080.rom";
    const auto r = export_config(test_host(), bdfs({"0b:00.0"}), ExportFormat::QemuArgs, o);
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().sentence,
              "the ROM file \"gtx1080.rom\" is not an absolute path: libvirt requires one and QEMU would look for a "
              "relative name in its own data directory; give the full path");
}

// A listing without IDs (iommu.sh without -nn, a bare group list): binding by ID would write
// vfio-pci.ids=0000:0000, which binds nothing; it is refused and the address-based export works.
TEST(ExportErrors, BindingByIdWithoutIdsIsRefused) {
    std::vector<Device> devices = test_host().devices();
    for (auto& d : devices) {
        d.vendor_id = Fact<std::uint16_t>::unknown("not in a pasted listing");
        d.device_id = Fact<std::uint16_t>::unknown("not in a pasted listing");
        d.vendor_name.clear();
        d.device_name.clear();
        d.class_name = d.address == *Bdf::parse("0b:00.0") ? "VGA compatible controller" : "Audio device";
    }
    const Topology host({}, HostFacts{}, std::move(devices), {}, {});
    for (auto format : {ExportFormat::KernelCmdline, ExportFormat::ModprobeD}) {
        const auto r = export_config(host, bdfs({"0b:00.0"}), format);
        ASSERT_FALSE(r) << to_string(format);
        EXPECT_EQ(r.error().kind, ExportErrorKind::IdsUnknown);
        EXPECT_EQ(r.error().sentence,
                  "0000:0b:00.0 (VGA compatible controller) has no vendor and device IDs in this source, and " +
                      std::string(to_string(format)) +
                      " binds vfio-pci by ID: read the host itself, or import a listing made with lspci -nn, or bind "
                      "by address with the driverctl export");
    }
    const auto by_address = export_config(host, bdfs({"0b:00.0"}), ExportFormat::Driverctl);
    ASSERT_TRUE(by_address) << by_address.error().sentence;
    EXPECT_EQ(by_address->text.find("0000:0000"), std::string::npos) << by_address->text;
}
