// The real part: exported <hostdev> elements inside a minimal q35 KVM domain, checked by libvirt's
// own RelaxNG schema through virt-xml-validate (package libvirt-clients).
#include <gtest/gtest.h>

#include <unistd.h>

#include <format>
#include <iostream>
#include <string_view>

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

std::string domain_with(const std::string& hostdevs) {
    return "<domain type='kvm'>\n"
           "  <name>isola-export-test</name>\n"
           "  <memory unit='MiB'>1024</memory>\n"
           "  <os>\n"
           "    <type arch='x86_64' machine='q35'>hvm</type>\n"
           "  </os>\n"
           "  <devices>\n" +
           hostdevs +
           "  </devices>\n"
           "</domain>\n";
}

ToolRun validate(const std::string& name, const std::string& domain_xml) {
    const auto file = write_temp_file(std::format("isola-export-{}-{}.xml", name, ::getpid()), domain_xml);
    ToolRun run = run_tool(std::format("virt-xml-validate '{}' domain", file.string()));
    std::filesystem::remove(file);
    return run;
}

std::string hostdevs(const ExportOptions& o) {
    // GPU + HDMI audio (group 14), the USB controller behind a bridge (group 3), half a 4-port NIC.
    auto r = export_config(test_host(), bdfs({"0b:00.0", "03:00.0", "06:00.0"}), ExportFormat::LibvirtHostdev, o);
    EXPECT_TRUE(r) << r.error().sentence;
    return r ? r->text : "";
}

class ExportLibvirtSchema : public ::testing::Test {
protected:
    void SetUp() override {
        ISOLA_REQUIRE_TOOL("virt-xml-validate", "libvirt-clients");
    }
};

}  // namespace

TEST_F(ExportLibvirtSchema, ManagedYesValidates) {
    const auto run = validate("managed", domain_with(hostdevs({.managed = true})));
    EXPECT_EQ(run.exit_code, 0) << run.output;
}

TEST_F(ExportLibvirtSchema, ManagedNoValidates) {
    const auto run = validate("unmanaged", domain_with(hostdevs({.managed = false})));
    EXPECT_EQ(run.exit_code, 0) << run.output;
}

TEST_F(ExportLibvirtSchema, RomOptionsValidate) {
    ExportOptions o;
    o.rom.bar_off = true;
    o.rom.file = "/var/lib/libvirt/vbios/gtx1080.rom";
    const std::string xml = domain_with(hostdevs(o));
    ASSERT_NE(xml.find("<rom bar='off' file='/var/lib/libvirt/vbios/gtx1080.rom'"), std::string::npos) << xml;
    const auto run = validate("rom", xml);
    EXPECT_EQ(run.exit_code, 0) << run.output;
}

// <driver iommufd='yes'/> is libvirt 12.1.0+. Debian 13 ships libvirt 11.3, whose schema may not
// know the attribute: then the validator must reject that attribute and nothing else, which we
// prove by validating the same document with only the attribute removed.
TEST_F(ExportLibvirtSchema, IommufdFormValidatesOrIsRejectedOnlyForTheAttribute) {
    ExportOptions o;
    o.iommufd = true;
    o.rom.bar_off = true;
    const std::string xml = domain_with(hostdevs(o));
    ASSERT_NE(xml.find("<driver iommufd='yes'"), std::string::npos) << xml;

    const auto with_attribute = validate("iommufd", xml);
    if (with_attribute.exit_code == 0) SUCCEED() << "this libvirt's schema knows <driver iommufd='yes'/>";
    else {
        std::string without = xml;
        for (std::size_t at; (at = without.find(" iommufd='yes'")) != std::string::npos;)
            without.erase(at, std::string_view(" iommufd='yes'").size());
        const auto without_attribute = validate("iommufd-stripped", without);
        EXPECT_EQ(without_attribute.exit_code, 0) << without_attribute.output;
        // libxml2's RelaxNG reports an interleave mismatch on <devices>, not the attribute itself,
        // so the proof that only the attribute is at fault is the stripped document above.
        EXPECT_NE(with_attribute.output.find("fails to validate"), std::string::npos) << with_attribute.output;
        const auto version = run_tool("virt-xml-validate --version");
        std::cout << "[ REPORT   ] libvirt schema (virt-xml-validate " << version.output.substr(0, version.output.find('\n'))
                  << ") rejects <driver iommufd='yes'/> and accepts the same domain without that attribute:\n"
                  << with_attribute.output;
    }
}
