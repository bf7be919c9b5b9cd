#include <gtest/gtest.h>

#include "topology/topology.hpp"

using namespace isola;

namespace {
Device dev(const char* bdf, std::optional<GroupId> group, std::optional<const char*> parent = {}) {
    Device d;
    d.address = *Bdf::parse(bdf);
    d.iommu_group = group;
    if (parent) d.parent = Bdf::parse(*parent);
    return d;
}
}  // namespace

TEST(Topology, SortsDevicesLinksChildrenAndDerivesGroupMembers) {
    IommuGroup g14{.id = 14, .type = Fact<std::string>::known("DMA"), .members = {}, .noiommu = false};
    Topology t({}, {}, {dev("0b:00.1", 14, "00:03.1"), dev("00:03.1", 2), dev("0b:00.0", 14, "00:03.1")}, {g14}, {});

    ASSERT_EQ(t.devices().size(), 3u);
    EXPECT_EQ(t.devices()[0].address.str(), "0000:00:03.1");
    EXPECT_EQ(t.find(*Bdf::parse("00:03.1"))->children,
              (std::vector<Bdf>{*Bdf::parse("0b:00.0"), *Bdf::parse("0b:00.1")}));
    ASSERT_EQ(t.groups().size(), 2u);
    const IommuGroup* g = t.group_of(*Bdf::parse("0b:00.1"));
    ASSERT_NE(g, nullptr);
    EXPECT_EQ(g->id, 14u);
    EXPECT_EQ(*g->type, "DMA");
    EXPECT_EQ(g->members.size(), 2u);
    EXPECT_FALSE(t.group(2)->type.is_known());
}

TEST(Topology, RepeatedDeviceKeepsFirstOccurrence) {
    Topology t({}, {}, {dev("01:00.0", 1), dev("01:00.0", 7)}, {}, {});
    ASSERT_EQ(t.devices().size(), 1u);
    EXPECT_EQ(t.devices()[0].iommu_group, 1u);
    EXPECT_EQ(t.find(*Bdf::parse("02:00.0")), nullptr);
}

TEST(Topology, FindsEveryFunctionAndNothingElseAcrossDomainsAndWideDomains) {
    std::vector<Device> devices;
    for (const char* a : {"0000:00:00.0", "0000:00:1f.7", "0000:01:00.0", "0000:ff:1f.7", "0001:00:00.0", "0001:40:02.1",
                          "ffff:00:00.0", "10000:e1:00.0"})
        devices.push_back(dev(a, std::nullopt));
    const Topology t({}, {}, devices, {}, {});
    for (const Device& d : devices) {
        const Device* found = t.find(d.address);
        ASSERT_NE(found, nullptr) << d.address.str();
        EXPECT_EQ(found->address, d.address);
    }
    for (const char* absent : {"0000:00:00.1", "0000:02:00.0", "0000:ff:1f.6", "0001:40:02.0", "0002:00:00.0",
                               "10000:e1:00.1", "20000:00:00.0"})
        EXPECT_EQ(t.find(*Bdf::parse(absent)), nullptr) << absent;
    EXPECT_EQ(Topology().find(*Bdf::parse("00:00.0")), nullptr);
}
