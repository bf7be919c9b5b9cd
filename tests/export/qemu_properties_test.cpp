// The real part for QEMU: every vfio-pci property Isola can emit must exist in Debian 13's QEMU.
// First by name against `-device vfio-pci,help`, then by handing QEMU the exact arguments: it must
// get as far as looking for the (absent) host device, which it does only after accepting every
// property.
#include <gtest/gtest.h>

#include <format>
#include <string_view>
#include <set>
#include <sstream>

#include "export/export_config.hpp"
#include "export_test_host.hpp"
#include "support/run_tool.hpp"
#include "support/require_tool.hpp"

using namespace isola;
using namespace isola::export_test;
using isola::test::run_tool;
using isola::test::ToolRun;
using isola::test::write_temp_file;

namespace {

// Every option on: the output then carries every property the QEMU renderer knows.
ExportOptions everything(bool iommufd) {
    ExportOptions o;
    o.iommufd = iommufd;
    o.primary_gpu_xvga = true;
    o.rom.bar_off = true;
    o.rom.file = "/usr/share/isola/test-vbios.rom";
    return o;
}

std::string qemu_args(const Topology& host, bool iommufd) {
    auto r = export_config(host, bdfs({"0b:00.0"}), ExportFormat::QemuArgs, everything(iommufd));
    EXPECT_TRUE(r) << r.error().sentence;
    return r ? r->text : "";
}

std::set<std::string> vfio_pci_property_names(const std::string& text) {
    std::set<std::string> names;
    constexpr std::string_view kDevice = "-device vfio-pci,";
    for (std::size_t at = text.find(kDevice); at != std::string::npos; at = text.find(kDevice, at + 1)) {
        // The property list runs to the next space, backslash or line end.
        const std::size_t begin = at + kDevice.size();
        const std::size_t end = text.find_first_of(" \\\n", begin);
        std::istringstream in(text.substr(begin, end == std::string::npos ? std::string::npos : end - begin));
        for (std::string prop; std::getline(in, prop, ',');)
            if (auto eq = prop.find('='); eq != std::string::npos) names.insert(prop.substr(0, eq));
    }
    return names;
}

// The arguments without comments and line continuations, for a shell command line.
std::string joined_args(const std::string& text) {
    std::string out;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) {
        if (line.starts_with('#')) continue;
        if (line.ends_with(" \\")) line.resize(line.size() - 2);
        out += " " + line;
    }
    return out;
}

class ExportQemuProperties : public ::testing::Test {
protected:
    void SetUp() override {
        ISOLA_REQUIRE_TOOL("qemu-system-x86_64", "qemu-system-x86");
    }
};

}  // namespace

TEST_F(ExportQemuProperties, EveryEmittedPropertyIsKnownToVfioPci) {
    const auto help = run_tool("qemu-system-x86_64 -device vfio-pci,help");
    ASSERT_EQ(help.exit_code, 0) << help.output;

    auto names = vfio_pci_property_names(qemu_args(test_host(), false));
    names.merge(vfio_pci_property_names(qemu_args(test_host(), true)));
    // The renderer's whole vocabulary; if it grows, this list and the check grow with it.
    EXPECT_EQ(names, (std::set<std::string>{"host", "iommufd", "multifunction", "x-vga", "rombar", "romfile"}));
    for (const auto& name : names)
        EXPECT_NE(help.output.find("  " + name + "="), std::string::npos)
            << "vfio-pci has no property " << name << ":\n" << help.output;
}

TEST_F(ExportQemuProperties, IommufdObjectIsKnown) {
    const auto help = run_tool("qemu-system-x86_64 -object iommufd,help");
    EXPECT_EQ(help.exit_code, 0) << help.output;
    EXPECT_NE(help.output.find("iommufd options"), std::string::npos) << help.output;
}

// Domain 0x7e57 exists on no host, so QEMU's only possible complaint after parsing is the device.
TEST_F(ExportQemuProperties, QemuAcceptsTheExactArguments) {
    const Topology host = make_host({
        {"7e57:0b:00.0", 0x10de, 0x1b80, 0x0300, "NVIDIA", "GP104 [GeForce GTX 1080]", 14, "nouveau"},
        {"7e57:0b:00.1", 0x10de, 0x10f0, 0x0403, "NVIDIA", "GP104 High Definition Audio Controller", 14,
         "snd_hda_intel"},
    });
    for (bool iommufd : {false, true}) {
        auto r = export_config(host, bdfs({"7e57:0b:00.0"}), ExportFormat::QemuArgs, everything(iommufd));
        ASSERT_TRUE(r) << r.error().sentence;
        const auto run = run_tool("timeout 60 qemu-system-x86_64 -M q35 -nodefaults -display none -S" +
                                  joined_args(r->text));
        EXPECT_NE(run.exit_code, 0);
        EXPECT_NE(run.output.find("vfio /sys/bus/pci/devices/7e57:0b:00.0: no such host device"), std::string::npos)
            << "iommufd=" << iommufd << ":\n" << run.output;
        EXPECT_EQ(run.output.find("not found"), std::string::npos) << run.output;
    }
}
