#include <gtest/gtest.h>

#include <algorithm>

#include "export/export_config.hpp"
#include "export_test_host.hpp"

using namespace isola;
using namespace isola::export_test;

namespace {
ExportResult render(std::initializer_list<const char*> selected, const ExportOptions& o = {}) {
    auto r = export_config(test_host(), bdfs(selected), ExportFormat::Proxmox, o);
    EXPECT_TRUE(r) << r.error().sentence;
    return r.value_or(ExportResult{});
}
}  // namespace

TEST(ExportProxmox, WholeCardUsesTheSlotForm) {
    ExportOptions o;
    o.primary_gpu_xvga = true;
    o.rom.bar_off = true;
    EXPECT_EQ(render({"0b:00.0"}, o).text,
              "# Isola: every endpoint of IOMMU group 14. VFIO takes whole groups, so a group-mate left out makes the "
              "VM fail to start.\n"
              "# Bridges are never passed through; these groups hold none.\n"
              "# pcie=1 needs the q35 machine type (machine: q35); remove it for i440fx.\n"
              "hostpci0: 0000:0b:00,pcie=1,x-vga=1,rombar=0\n");
}

TEST(ExportProxmox, PartOfACardUsesTheIdListForm) {
    // 06:00.0 and .1 share group 22; .2 and .3 are in group 23 and stay.
    EXPECT_NE(render({"06:00.1"}).text.find("hostpci0: 0000:06:00.0;0000:06:00.1,pcie=1\n"), std::string::npos);
}

TEST(ExportProxmox, SingleFunctionOfASplitCard) {
    EXPECT_NE(render({"05:00.1"}).text.find("hostpci0: 0000:05:00.1,pcie=1\n"), std::string::npos);
}

TEST(ExportProxmox, CardsAreNumberedFromTheFirstIndex) {
    const auto text = render({"0b:00.0", "03:00.0"}, {.proxmox_first_index = 2}).text;
    EXPECT_NE(text.find("hostpci2: 0000:03:00.0,pcie=1\nhostpci3: 0000:0b:00,pcie=1\n"), std::string::npos) << text;
}

TEST(ExportProxmox, RomFileIsNamedRelativeToUsrShareKvm) {
    ExportOptions o;
    o.rom.file = "/usr/share/kvm/gtx1080.rom";
    EXPECT_NE(render({"0b:00.0"}, o).text.find("hostpci0: 0000:0b:00,pcie=1,romfile=gtx1080.rom\n"), std::string::npos);

    o.rom.file = "/root/gtx1080.rom";
    const auto elsewhere = render({"0b:00.0"}, o);
    EXPECT_NE(elsewhere.text.find(",romfile=gtx1080.rom\n"), std::string::npos);
    EXPECT_TRUE(std::ranges::contains(elsewhere.warnings,
                                      std::string{"Proxmox VE reads romfile= from /usr/share/kvm/ only; copy "
                                                  "/root/gtx1080.rom there"}));
}

TEST(ExportProxmox, RomFileNameWithASeparatorIsFlagged) {
    ExportOptions o;
    o.rom.file = "/usr/share/kvm/gtx,1080.rom";
    EXPECT_TRUE(std::ranges::contains(render({"0b:00.0"}, o).warnings,
                                      std::string{"the ROM file name gtx,1080.rom holds a comma or semicolon, which "
                                                  "Proxmox VE reads as a separator; rename the file"}));
}
