// The fixture lab's scale hosts are the shapes the benchmarks claim, read by Isola's own reader:
// and the kernel rules Isola knows (explain's prediction) agree with every group the lab wrote.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <ranges>
#include <set>

#include "bench_hosts.hpp"
#include "explain/explain_groups.hpp"

namespace isola {
namespace {

using lab::ScaleShape;

struct Shape {
    std::size_t functions = 0, vfs = 0, groups = 0, largest_group = 0, buses = 0, domains = 0;
    std::size_t endpoint_groups = 0;  // groups whose members are non-VF, non-bridge functions only
};

Shape shape_of(const Topology& t) {
    Shape s;
    s.functions = t.devices().size();
    s.groups = t.groups().size();
    std::map<GroupId, std::size_t> members;
    std::map<GroupId, bool> only_endpoints;
    std::set<std::pair<unsigned, unsigned>> buses;
    std::set<unsigned> domains;
    for (const Device& d : t.devices()) {
        if (d.is_vf()) ++s.vfs;
        buses.emplace(d.address.domain, d.address.bus);
        domains.insert(d.address.domain);
        if (!d.iommu_group) continue;
        ++members[*d.iommu_group];
        auto [it, made] = only_endpoints.try_emplace(*d.iommu_group, true);
        if (d.is_vf() || d.is_bridge() || d.base_class() == 0x06) it->second = false;
    }
    for (const auto& [g, n] : members) s.largest_group = std::max(s.largest_group, n);
    s.endpoint_groups = static_cast<std::size_t>(std::ranges::count(only_endpoints | std::views::values, true));
    s.buses = buses.size();
    s.domains = domains.size();
    return s;
}

void expect_rules_agree(const Topology& t, ScaleShape shape) {
    for (const GroupExplanation& e : explain_groups(t))
        EXPECT_NE(e.prediction, PredictionMatch::Differs)
            << lab::to_string(shape) << ": group " << e.group << ": " << e.prediction_note;
}

TEST(ScaleShapes, VfHeavyIsNearlyAllVfsEachInItsOwnGroup) {
    const Topology& t = bench::bench_host(ScaleShape::VfHeavy, 4096).topology;
    const Shape s = shape_of(t);
    EXPECT_GE(s.functions, 3900u);
    EXPECT_GT(s.vfs * 100, s.functions * 95);
    EXPECT_EQ(s.largest_group, 1u);
    expect_rules_agree(t, ScaleShape::VfHeavy);
}

TEST(ScaleShapes, SwitchHeavyHasHundredsOfEndpointGroupsInOneDomainPerTwentyFiveSwitches) {
    const Topology& t = bench::bench_host(ScaleShape::SwitchHeavy, 4096).topology;
    const Shape s = shape_of(t);
    EXPECT_GE(s.functions, 3900u);
    EXPECT_GE(s.endpoint_groups, 200u);          // NVMe drives, NICs, GPU + audio pairs
    EXPECT_EQ(s.largest_group, 2u);              // a GPU with its audio function
    EXPECT_GE(s.functions - s.vfs, 450u);        // the host: ~490 functions that are not VFs
    EXPECT_EQ(s.domains, 2u);                    // 28 switches of 10 buses each do not fit in 256
    expect_rules_agree(t, ScaleShape::SwitchHeavy);
}

TEST(ScaleShapes, OneGroupPutsNearlyEverythingInOneGroup) {
    const Topology& t = bench::bench_host(ScaleShape::OneGroup, 4096).topology;
    const Shape s = shape_of(t);
    EXPECT_GE(s.functions, 3900u);
    EXPECT_GT(s.largest_group * 100, s.functions * 99);
    expect_rules_agree(t, ScaleShape::OneGroup);
}

TEST(ScaleShapes, MultiDomainHasMoreThan256BusesOverSeveralDomainsEvenAt1k) {
    const Topology& t = bench::bench_host(ScaleShape::MultiDomain, 1024).topology;
    const Shape s = shape_of(t);
    EXPECT_GE(s.functions, 960u);
    EXPECT_GT(s.buses, 256u);
    EXPECT_GE(s.domains, 2u);
    expect_rules_agree(t, ScaleShape::MultiDomain);
}

}  // namespace
}  // namespace isola
