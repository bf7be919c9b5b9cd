#include <gtest/gtest.h>

#include <algorithm>

#include "export/export_config.hpp"
#include "export_test_host.hpp"

using namespace isola;
using namespace isola::export_test;

TEST(ExportCloudHypervisor, OneSysfsPathPerEndpointBridgesLeftOut) {
    auto r = export_config(test_host(), bdfs({"03:00.0", "0b:00.0"}), ExportFormat::CloudHypervisor);
    ASSERT_TRUE(r) << r.error().sentence;
    EXPECT_EQ(r->text,
              "# Isola: every endpoint of IOMMU groups 3 and 14. VFIO takes whole groups, so a group-mate left out "
              "makes the VM fail to start.\n"
              "# Bridges are never passed through: 0000:00:1c.0 stays with the host on its bridge driver.\n"
              "--device path=/sys/bus/pci/devices/0000:03:00.0/ \\\n"
              "--device path=/sys/bus/pci/devices/0000:0b:00.0/ \\\n"
              "--device path=/sys/bus/pci/devices/0000:0b:00.1/\n");
}

TEST(ExportCloudHypervisor, UnsupportedOptionsAreNamedNotDropped) {
    auto r = export_config(test_host(), bdfs({"0b:00.0"}), ExportFormat::CloudHypervisor, {.primary_gpu_xvga = true});
    ASSERT_TRUE(r);
    EXPECT_TRUE(std::ranges::contains(r->warnings, std::string{"cloud-hypervisor has no ROM or x-vga settings for VFIO "
                                                               "devices; those options are left out"}));
}
