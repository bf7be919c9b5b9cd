// The one kernel command-line parser: typed fields, known when the line is, unknown when not,
// and partial sources (mentions) knowing only what they state.
#include <gtest/gtest.h>

#include "topology/kernel_parameters.hpp"

using namespace isola;

namespace {

constexpr const char* kBoot = "BOOT_IMAGE=/boot/vmlinuz-6.12.0 root=UUID=1234 ro quiet";

KernelParameters parse(const std::string& rest) { return parse_kernel_parameters(std::string(kBoot) + " " + rest); }

}  // namespace

TEST(KernelParameters, NothingRelevantIsKnownNotGiven) {
    const auto p = parse_kernel_parameters(kBoot);
    EXPECT_EQ(p.iommu, Fact<IommuSwitch>::known(IommuSwitch::NotGiven));
    EXPECT_EQ(p.dma_default, Fact<DmaDefault>::known(DmaDefault::NotGiven));
    EXPECT_EQ(p.acs_override, Fact<std::optional<AcsOverride>>::known(std::nullopt));
    EXPECT_EQ(p.has_acs_override(), Fact<bool>::known(false));
    EXPECT_EQ(p.id_bindings, Fact<std::vector<IdBinding>>::known({}));
    EXPECT_TRUE(p.relevant.empty());
}

TEST(KernelParameters, IommuSwitchesAndTheDmaDefault) {
    EXPECT_EQ(parse("intel_iommu=on").iommu, Fact<IommuSwitch>::known(IommuSwitch::On));
    EXPECT_EQ(parse("intel_iommu=on,igfx_off").iommu, Fact<IommuSwitch>::known(IommuSwitch::On));
    EXPECT_EQ(parse("amd_iommu=off").iommu, Fact<IommuSwitch>::known(IommuSwitch::Off));
    EXPECT_EQ(parse("iommu=off").iommu, Fact<IommuSwitch>::known(IommuSwitch::Off));
    // The last one given wins, as in the kernel.
    EXPECT_EQ(parse("intel_iommu=off intel_iommu=on").iommu, Fact<IommuSwitch>::known(IommuSwitch::On));

    EXPECT_EQ(parse("iommu=pt").dma_default, Fact<DmaDefault>::known(DmaDefault::Passthrough));
    EXPECT_EQ(parse("iommu=nopt").dma_default, Fact<DmaDefault>::known(DmaDefault::Translated));
    EXPECT_EQ(parse("iommu.passthrough=1").dma_default, Fact<DmaDefault>::known(DmaDefault::Passthrough));
    EXPECT_EQ(parse("iommu.passthrough=0").dma_default, Fact<DmaDefault>::known(DmaDefault::Translated));
    EXPECT_EQ(parse("iommu=pt iommu.passthrough=0").dma_default, Fact<DmaDefault>::known(DmaDefault::Translated));
    // "iommu=pt" switches nothing on or off.
    EXPECT_EQ(parse("iommu=pt").iommu, Fact<IommuSwitch>::known(IommuSwitch::NotGiven));
}

TEST(KernelParameters, TheAcsOverrideAddsUp) {
    const auto p = parse("pcie_acs_override=downstream pcie_acs_override=id:10de:1b80,multifunction");
    ASSERT_TRUE(p.acs_override && *p.acs_override);
    const AcsOverride& o = **p.acs_override;
    EXPECT_TRUE(o.downstream);
    EXPECT_TRUE(o.multifunction);
    EXPECT_EQ(o.ids, (std::vector<std::pair<std::uint16_t, std::uint16_t>>{{0x10de, 0x1b80}}));
    EXPECT_EQ(o.parameter, "pcie_acs_override=downstream pcie_acs_override=id:10de:1b80,multifunction");
    EXPECT_EQ(p.has_acs_override(), Fact<bool>::known(true));
    // An item the patch does not know changes nothing, but the parameter is still there.
    const auto odd = parse("pcie_acs_override=sideways");
    ASSERT_TRUE(odd.acs_override && *odd.acs_override);
    EXPECT_FALSE((*odd.acs_override)->any());
}

TEST(KernelParameters, DriversBoundById) {
    const auto p = parse("vfio-pci.ids=10de:1b80,10de:10f0:1458:3702 pci_stub.ids=8086:1533,zz:12");
    ASSERT_TRUE(p.id_bindings);
    ASSERT_EQ(p.id_bindings->size(), 2u);
    const IdBinding& vfio = p.id_bindings->at(0);
    EXPECT_EQ(vfio.module, "vfio-pci");
    EXPECT_EQ(vfio.driver, "vfio-pci");
    ASSERT_EQ(vfio.ids.size(), 2u);
    EXPECT_EQ(vfio.ids[0], (IdMatch{.text = "10de:1b80", .vendor = 0x10de, .device = 0x1b80}));
    EXPECT_EQ(vfio.ids[1], (IdMatch{.text = "10de:10f0:1458:3702", .vendor = 0x10de, .device = 0x10f0,
                                    .subsystem_vendor = 0x1458, .subsystem_device = 0x3702}));
    const IdBinding& stub = p.id_bindings->at(1);
    EXPECT_EQ(stub.module, "pci_stub");
    EXPECT_EQ(stub.driver, "pci-stub");
    EXPECT_EQ(stub.ids.size(), 1u);
    EXPECT_EQ(stub.unreadable, std::vector<std::string>{"zz:12"});
    // PCI_ANY_ID (ffffffff) for the subsystem is "any", not a value.
    const auto any = parse("vfio_pci.ids=8086:10ca:ffffffff:ffffffff");
    EXPECT_EQ(any.id_bindings->at(0).ids.at(0).subsystem_vendor, std::nullopt);
}

TEST(KernelParameters, RelevantWordsInOrderEachOnceAndQuotesKept) {
    const auto p = parse("intel_iommu=on iommu=pt intel_iommu=on dyndbg=\"file vfio.c +p\" vfio-pci.ids=10de:1b80");
    EXPECT_EQ(p.relevant, (std::vector<std::string>{"intel_iommu=on", "iommu=pt", "vfio-pci.ids=10de:1b80"}));
    EXPECT_EQ(kernel_cmdline_words("a=\"b c\" d"), (std::vector<std::string_view>{"a=\"b c\"", "d"}));
}

TEST(KernelParameters, AnUnknownCommandLineKnowsNothing) {
    const auto p = unknown_kernel_parameters("not in a pasted listing");
    EXPECT_EQ(p.has_acs_override(), Fact<bool>::unknown("not in a pasted listing"));
    EXPECT_FALSE(p.iommu.is_known());
    EXPECT_FALSE(p.dma_default.is_known());
    EXPECT_EQ(p.id_bindings.why_unknown, "not in a pasted listing");
}

TEST(KernelParameters, AMentionKnowsOnlyWhatItSays) {
    const auto p = kernel_parameters_from_mentions({"pcie_acs_override=downstream,multifunction"}, "not in a pasted listing");
    EXPECT_EQ(p.has_acs_override(), Fact<bool>::known(true));
    EXPECT_FALSE(p.iommu.is_known());
    EXPECT_FALSE(p.dma_default.is_known());
    EXPECT_FALSE(p.id_bindings.is_known());
    EXPECT_EQ(p.relevant, std::vector<std::string>{"pcie_acs_override=downstream,multifunction"});
    // No mention at all: nothing known.
    EXPECT_FALSE(kernel_parameters_from_mentions({}, "x").acs_override.is_known());
}
