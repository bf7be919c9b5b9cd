#include <gtest/gtest.h>

#include "export/export_config.hpp"
#include "export_test_host.hpp"

using namespace isola;
using namespace isola::export_test;

namespace {
std::string render(std::initializer_list<const char*> selected, const ExportOptions& o = {}) {
    auto r = export_config(test_host(), bdfs(selected), ExportFormat::QemuArgs, o);
    EXPECT_TRUE(r) << r.error().sentence;
    return r ? r->text : "";
}
}  // namespace

TEST(ExportQemuArgs, LegacyContainerForGpuAndAudio) {
    ExportOptions o;
    o.primary_gpu_xvga = true;
    o.rom.bar_off = true;
    EXPECT_EQ(render({"0b:00.1"}, o),
              "# Isola: every endpoint of IOMMU group 14. VFIO takes whole groups, so a group-mate left out makes the "
              "VM fail to start.\n"
              "# Bridges are never passed through; these groups hold none.\n"
              "# multifunction=on marks function 0 of a card whose functions pass through together; to keep\n"
              "# them on one guest slot, add bus=<port>,addr=<slot>.<function> to each of them.\n"
              "-device vfio-pci,host=0000:0b:00.0,multifunction=on,x-vga=on,rombar=0 \\\n"
              "-device vfio-pci,host=0000:0b:00.1\n");
}

TEST(ExportQemuArgs, IommufdObjectOnceAndOnEveryDevice) {
    const std::string text = render({"0b:00.0", "03:00.0"}, {.iommufd = true});
    EXPECT_NE(text.find("-object iommufd,id=iommufd0 \\\n"
                        "-device vfio-pci,host=0000:03:00.0,iommufd=iommufd0 \\\n"
                        "-device vfio-pci,host=0000:0b:00.0,iommufd=iommufd0,multifunction=on \\\n"
                        "-device vfio-pci,host=0000:0b:00.1,iommufd=iommufd0\n"),
              std::string::npos)
        << text;
    EXPECT_EQ(text.find("-object iommufd"), text.rfind("-object iommufd"));
}

TEST(ExportQemuArgs, SingleFunctionCardHasNoMultifunction) {
    EXPECT_EQ(render({"05:00.0"}).find("multifunction"), std::string::npos);
}

TEST(ExportQemuArgs, RomFileCommasAreDoubledAndTheWordQuoted) {
    ExportOptions o;
    o.rom.file = "/srv/roms/gtx 1080,v2.rom";
    EXPECT_NE(render({"0b:00.0"}, o).find("-device 'vfio-pci,host=0000:0b:00.0,multifunction=on,"
                                          "romfile=/srv/roms/gtx 1080,,v2.rom' \\\n"),
              std::string::npos);
}
