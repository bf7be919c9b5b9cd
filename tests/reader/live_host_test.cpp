// The reader on the machine the tests run on: whatever it is, Isola and lspci must agree.
#include <gtest/gtest.h>

#include <filesystem>
#include <format>

#include "lspci_output.hpp"
#include "reader/read_host.hpp"
#include "support/require_tool.hpp"

using namespace isola;

TEST(LiveHost, ReadsEveryFunctionLspciSeesWithTheSameIdsDriversAndGroups) {
    if (!std::filesystem::is_directory("/sys/bus/pci/devices")) GTEST_SKIP() << "this machine has no PCI bus";
    ISOLA_REQUIRE_TOOL("lspci", "pciutils");
    auto lspci = test::lspci_records("");
    ASSERT_TRUE(lspci) << "lspci -vmmnk failed on this machine";

    auto topology = read_host(HostRoots{});
    ASSERT_TRUE(topology) << topology.error().message;
    ASSERT_EQ(topology->devices().size(), lspci->size());
    for (const auto& d : topology->devices()) {
        auto it = lspci->find(d.address.str());
        ASSERT_NE(it, lspci->end()) << d.address.str();
        EXPECT_EQ(d.pci_id().value_or("unknown"), it->second.ids) << d.address.str();
        EXPECT_EQ(d.driver.value_or("?"), it->second.driver) << d.address.str();
        EXPECT_EQ(d.iommu_group ? std::to_string(*d.iommu_group) : "", it->second.group) << d.address.str();
    }
}

TEST(LiveHost, StatesPlainlyWhenNoIommuIsActive) {
    if (!std::filesystem::is_directory("/sys/bus/pci/devices")) GTEST_SKIP() << "this machine has no PCI bus";
    auto topology = read_host(HostRoots{});
    ASSERT_TRUE(topology) << topology.error().message;
    if (std::filesystem::exists("/sys/kernel/iommu_groups/0")) GTEST_SKIP() << "this machine has an active IOMMU";
    EXPECT_FALSE(topology->has_groups());
    EXPECT_EQ(*topology->host().iommu_mode, IommuMode::Off);
    EXPECT_EQ(describe_iommu_state(topology->host(), topology->has_groups()),
              "No IOMMU is active on this host, so no device can be isolated for VFIO: enable VT-d (Intel) or "
              "AMD-Vi/IOMMU (AMD) in the firmware setup and boot with intel_iommu=on on Intel systems; inside a "
              "virtual machine, give the VM a virtual IOMMU first.");
}
