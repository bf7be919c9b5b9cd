// The kernel lab's ground truth (shared/reference/lab-ground-truth.md), replayed on the model:
// the prediction must match what Linux 6.12 did, and every reason is a sentence.
#include <gtest/gtest.h>

#include "explain/config_reads.hpp"
#include "explain/explain_groups.hpp"
#include "reader/config_space.hpp"
#include "topology_builder.hpp"

using namespace isola;
using namespace isola::test;

namespace {

const GroupExplanation& group(const std::vector<GroupExplanation>& all, GroupId id) {
    for (const auto& e : all)
        if (e.group == id) return e;
    throw std::runtime_error("no group");
}

const GroupReason& reason(const GroupExplanation& e, const char* bdf) {
    for (const auto& r : e.reasons)
        if (r.device == *Bdf::parse(bdf)) return r;
    throw std::runtime_error("no reason");
}

}  // namespace

TEST(Explain, SwitchDownstreamPortsWithoutAcsGroupWithTheirEndpoint) {  // lab §1
    auto t = make_topology({
        {.bdf = "00:02.0", .vendor = 0x1b36, .device = 0x000c, .class_id = 0x0604, .type = PortType::RootPort, .group = 2, .driver = "pcieport", .acs = kRootPortAcs},
        {.bdf = "01:00.0", .vendor = 0x104c, .device = 0x8232, .class_id = 0x0604, .type = PortType::UpstreamPort, .group = 4, .parent = "00:02.0", .driver = "pcieport"},
        {.bdf = "02:00.0", .vendor = 0x104c, .device = 0x8233, .class_id = 0x0604, .type = PortType::DownstreamPort, .group = 5, .parent = "01:00.0", .driver = "pcieport"},
        {.bdf = "02:01.0", .vendor = 0x104c, .device = 0x8233, .class_id = 0x0604, .type = PortType::DownstreamPort, .group = 6, .parent = "01:00.0", .driver = "pcieport"},
        {.bdf = "03:00.0", .group = 5, .parent = "02:00.0", .driver = "e1000e"},
        {.bdf = "04:00.0", .group = 6, .parent = "02:01.0", .driver = "e1000e"},
    });
    auto all = explain_groups(t);
    ASSERT_EQ(all.size(), 4u);
    for (const auto& e : all) EXPECT_EQ(e.prediction, PredictionMatch::Matches) << e.group << e.prediction_note;
    const auto& g5 = group(all, 5);
    EXPECT_EQ(reason(g5, "03:00.0").sentence,
              "0000:03:00.0 shares the group of bridge 0000:02:00.0 because the path to the root is not ACS-isolated: "
              "0000:02:00.0 has no ACS capability");
    EXPECT_EQ(reason(g5, "02:00.0").kind, ReasonKind::Anchor);
    EXPECT_EQ(reason(group(all, 4), "01:00.0").sentence,
              "0000:01:00.0 is alone in its group: its path to the root is ACS-isolated");
}

TEST(Explain, PcieToPciBridgeAliasesEverythingBelowIt) {  // lab §2a
    auto t = make_topology({
        {.bdf = "00:02.0", .vendor = 0x1b36, .device = 0x000c, .class_id = 0x0604, .type = PortType::RootPort, .group = 2, .driver = "pcieport", .acs = kRootPortAcs},
        {.bdf = "01:00.0", .vendor = 0x1b36, .device = 0x000e, .class_id = 0x0604, .type = PortType::PcieToPciBridge, .group = 4, .parent = "00:02.0"},
        {.bdf = "02:01.0", .device = 0x100e, .type = PortType::Conventional, .group = 4, .parent = "01:00.0", .driver = "e1000"},
        {.bdf = "02:02.0", .device = 0x100e, .type = PortType::Conventional, .group = 4, .parent = "01:00.0", .driver = "e1000"},
    });
    const auto all = explain_groups(t);
    const auto& g4 = group(all, 4);
    EXPECT_EQ(g4.prediction, PredictionMatch::Matches);
    EXPECT_EQ(reason(g4, "02:02.0").sentence,
              "0000:02:02.0 is behind PCIe-to-PCI bridge 0000:01:00.0, which issues DMA for everything below it under "
              "its own requester ID, so the IOMMU cannot tell them apart");
    EXPECT_EQ(reason(g4, "01:00.0").sentence,
              "0000:01:00.0 is the PCIe-to-PCI bridge whose requester ID the devices below it share");
}

TEST(Explain, MultifunctionE1000eSharesButQuirked82576IsSplit) {  // lab §3a, §3b
    auto t = make_topology({
        {.bdf = "00:02.0", .vendor = 0x1b36, .device = 0x000c, .class_id = 0x0604, .type = PortType::RootPort, .group = 2, .driver = "pcieport", .acs = kRootPortAcs},
        {.bdf = "00:03.0", .vendor = 0x1b36, .device = 0x000c, .class_id = 0x0604, .type = PortType::RootPort, .group = 3, .driver = "pcieport", .acs = kRootPortAcs},
        {.bdf = "01:00.0", .device = 0x10d3, .group = 4, .parent = "00:02.0", .driver = "e1000e", .multifunction = true},
        {.bdf = "01:00.1", .device = 0x10d3, .group = 4, .parent = "00:02.0", .driver = "e1000e", .multifunction = true},
        {.bdf = "02:00.0", .device = 0x10c9, .group = 5, .parent = "00:03.0", .driver = "igb", .multifunction = true},
        {.bdf = "02:00.1", .device = 0x10c9, .group = 6, .parent = "00:03.0", .driver = "igb", .multifunction = true},
    });
    const auto all = explain_groups(t);
    for (const auto& e : all) EXPECT_EQ(e.prediction, PredictionMatch::Matches) << e.group << e.prediction_note;
    EXPECT_EQ(reason(group(all, 4), "01:00.1").sentence,
              "0000:01:00.1 is a function of multifunction device 0000:01:00 and, like 0000:01:00.0, is not "
              "ACS-isolated: it has no ACS capability");
    EXPECT_EQ(reason(group(all, 5), "02:00.0").sentence,
              "0000:02:00.0 is alone in its group: it is isolated by the kernel quirk pci_quirk_mf_endpoint_acs "
              "(Linux 6.12.117)");
}

// QEMU sets the multifunction bit only where multifunction=on (function 0); the kernel's slot scan
// marks every later function multifunction anyway, and the lab's kernels put both in one group.
TEST(Explain, AFunctionAfterFunctionZeroIsMultifunctionToTheKernelWhateverItsHeaderSays) {  // lab fidelity §3a
    auto t = make_topology({
        {.bdf = "00:04.0", .vendor = 0x1b36, .device = 0x000c, .class_id = 0x0604, .type = PortType::RootPort, .group = 3, .driver = "pcieport", .acs = kRootPortAcs},
        {.bdf = "07:00.0", .device = 0x10d3, .group = 15, .parent = "00:04.0", .driver = "e1000e", .multifunction = true},
        {.bdf = "07:00.1", .device = 0x10d3, .group = 15, .parent = "00:04.0", .driver = "e1000e", .multifunction = false},
    });
    const auto all = explain_groups(t);
    const auto& g15 = group(all, 15);
    EXPECT_EQ(g15.prediction, PredictionMatch::Matches) << g15.prediction_note;
    EXPECT_EQ(reason(g15, "07:00.1").sentence,
              "0000:07:00.1 is a function of multifunction device 0000:07:00 and, like 0000:07:00.0, is not "
              "ACS-isolated: it has no ACS capability");
}

TEST(Explain, IntelRcIntegratedEndpointsAreIsolatedByQuirk) {  // lab §3d
    auto t = make_topology({
        {.bdf = "00:05.0", .type = PortType::RcIntegratedEndpoint, .group = 3, .driver = "e1000e", .multifunction = true},
        {.bdf = "00:05.1", .type = PortType::RcIntegratedEndpoint, .group = 4, .driver = "e1000e", .multifunction = true},
    });
    for (const auto& e : explain_groups(t)) EXPECT_EQ(e.prediction, PredictionMatch::Matches);
}

TEST(Explain, RootPortsWithoutAcsMergeIntoOneGroup) {  // lab §5d: ioh3420 ports, multifunction
    auto t = make_topology({
        {.bdf = "00:02.0", .device = 0x3420, .class_id = 0x0604, .type = PortType::RootPort, .group = 2, .driver = "pcieport", .multifunction = true},
        {.bdf = "00:02.1", .device = 0x3420, .class_id = 0x0604, .type = PortType::RootPort, .group = 2, .driver = "pcieport", .multifunction = true},
        {.bdf = "01:00.0", .group = 2, .parent = "00:02.0", .driver = "e1000e"},
        {.bdf = "02:00.0", .group = 2, .parent = "00:02.1", .driver = "e1000e"},
    });
    const auto all = explain_groups(t);
    ASSERT_EQ(all.size(), 1u);
    EXPECT_EQ(all[0].prediction, PredictionMatch::Matches) << all[0].prediction_note;
    EXPECT_EQ(reason(all[0], "00:02.1").kind, ReasonKind::Multifunction);
    EXPECT_EQ(reason(all[0], "02:00.0").kind, ReasonKind::AcsPath);
}

TEST(Explain, RootPortLackingSomeAcsControlsIsNamedWithTheMissingBits) {
    auto t = make_topology({
        {.bdf = "00:01.0", .vendor = 0x1022, .device = 0x1483, .class_id = 0x0604, .type = PortType::RootPort, .group = 1, .driver = "pcieport", .acs = AcsCapability{0x005f, 0x0001}},
        {.bdf = "01:00.0", .vendor = 0x10de, .device = 0x1b80, .class_id = 0x0300, .group = 1, .parent = "00:01.0", .driver = "nouveau"},
    });
    const auto all = explain_groups(t);
    EXPECT_EQ(reason(all[0], "01:00.0").sentence,
              "0000:01:00.0 shares the group of bridge 0000:00:01.0 because the path to the root is not ACS-isolated: "
              "0000:00:01.0 lacks Request Redirect (RR), Completion Redirect (CR), Upstream Forwarding (UF)");
}

TEST(Explain, AcsOverrideIsolationIsLabelled) {
    // The same two root ports without ACS, but the kernel split them: pcie_acs_override=downstream.
    auto t = make_topology(
        {
            {.bdf = "00:02.0", .device = 0x3420, .class_id = 0x0604, .type = PortType::RootPort, .group = 2, .driver = "pcieport", .multifunction = true},
            {.bdf = "00:02.1", .device = 0x3420, .class_id = 0x0604, .type = PortType::RootPort, .group = 3, .driver = "pcieport", .multifunction = true},
            {.bdf = "01:00.0", .group = 4, .parent = "00:02.0", .driver = "e1000e"},
            {.bdf = "02:00.0", .group = 5, .parent = "00:02.1", .driver = "e1000e"},
        },
        {"pcie_acs_override=downstream,multifunction"});
    const auto all = explain_groups(t);
    const auto& g4 = group(all, 4);
    EXPECT_EQ(g4.prediction, PredictionMatch::Matches);
    EXPECT_EQ(g4.prediction_note,
              "This group exists only because of the ACS override: by the hardware's ACS the kernel would put "
              "0000:00:02.0, 0000:00:02.1, 0000:02:00.0 in the same group, so this boundary does not prove isolation.");
}

TEST(Explain, DisagreementsAreLabelled) {
    // The kernel split two e1000e functions that carry no ACS and no known quirk.
    auto t = make_topology({
        {.bdf = "00:02.0", .vendor = 0x1b36, .device = 0x000c, .class_id = 0x0604, .type = PortType::RootPort, .group = 2, .driver = "pcieport", .acs = kRootPortAcs},
        {.bdf = "01:00.0", .group = 4, .parent = "00:02.0", .driver = "e1000e", .multifunction = true},
        {.bdf = "01:00.1", .group = 5, .parent = "00:02.0", .driver = "e1000e", .multifunction = true},
    });
    const auto all = explain_groups(t);
    const auto& g4 = group(all, 4);
    EXPECT_EQ(g4.prediction, PredictionMatch::Differs);
    EXPECT_EQ(g4.prediction_note,
              "The kernel isolates more than Isola's rules predict: a device-specific ACS quirk that Isola's table "
              "(Linux 6.12.117) does not know, or a newer kernel's grouping rules.");
}

TEST(Explain, UnreadableAcsMakesThePredictionUncertain) {
    auto t = make_topology({
        {.bdf = "00:02.0", .vendor = 0x1b36, .device = 0x000c, .class_id = 0x0604, .type = PortType::RootPort, .group = 2, .driver = "pcieport", .acs_unknown = true},
        {.bdf = "01:00.0", .group = 2, .parent = "00:02.0", .driver = "e1000e"},
    });
    const auto all = explain_groups(t);
    EXPECT_EQ(all[0].prediction, PredictionMatch::Uncertain);
    EXPECT_EQ(all[0].prediction_note,
              "The kernel's grouping differs from Isola's prediction, most likely because ACS or PCIe facts could not "
              "be read (config space past 64 bytes needs root); run the scan as root for a certain answer.");
}

TEST(Explain, ListingsWithoutATreeCannotBePredicted) {
    Device d = make_device({.bdf = "01:00.0", .group = 1});
    Topology t(Source{SourceKind::Listing, "paste.txt", "iommu-loop", "", false}, {}, {d}, {}, {});
    const auto all = explain_groups(t);
    EXPECT_EQ(all[0].prediction, PredictionMatch::NotPossible);
    EXPECT_EQ(all[0].prediction_note,
              "Isola cannot replay the kernel's grouping here: the source has no bus tree (a pasted listing), so the "
              "kernel's rules cannot be replayed.");
}

// The GUI's "read the full configuration space" path: the functions the group's explanation still
// needs, then the root's read adopted into the model, and the prediction becomes certain.
TEST(Explain, AFullConfigReadOfTheNamedFunctionsMakesThePredictionCertain) {
    auto t = make_topology({
        {.bdf = "00:00.0", .vendor = 0x8086, .device = 0x29c0, .class_id = 0x0600, .group = 0, .acs_unknown = true},
        {.bdf = "00:02.0", .vendor = 0x1b36, .device = 0x000c, .class_id = 0x0604, .type = PortType::RootPort, .group = 2, .driver = "pcieport", .acs_unknown = true},
        {.bdf = "01:00.0", .group = 2, .parent = "00:02.0", .driver = "e1000e", .acs_unknown = true},
        {.bdf = "01:00.1", .group = 2, .parent = "00:02.0", .driver = "e1000e"},
    });
    // The members, the port above them, the sibling function; not the host bridge of group 0.
    EXPECT_EQ(config_reads_for_group(t, 2), (std::vector{*Bdf::parse("00:02.0"), *Bdf::parse("01:00.0")}));
    EXPECT_TRUE(config_reads_for_group(t, 7).empty());  // no such group

    const auto no_acs = [](PortType type, std::uint8_t header) {
        return ConfigFacts{.header_type = Fact<std::uint8_t>::known(header), .multifunction = Fact<bool>::known(false),
                           .port_type = Fact<PortType>::known(type),
                           .acs = Fact<std::optional<AcsCapability>>::known(std::nullopt),
                           .has_sriov_capability = false, .readable = true};
    };
    ConfigFacts unreadable;  // a read that failed changes nothing
    unreadable.acs = Fact<std::optional<AcsCapability>>::unknown("config space unreadable");
    const Topology read = with_config_facts(t, {{*Bdf::parse("00:02.0"), no_acs(PortType::RootPort, 1)},
                                                {*Bdf::parse("01:00.0"), unreadable}});
    EXPECT_EQ(read.find(*Bdf::parse("00:02.0"))->acs, Fact<std::optional<AcsCapability>>::known(std::nullopt));
    EXPECT_EQ(read.find(*Bdf::parse("01:00.0"))->acs.why_unknown, "config space past 64 bytes needs root");
    EXPECT_EQ(read.find(*Bdf::parse("00:00.0"))->acs.why_unknown, "config space past 64 bytes needs root");
    EXPECT_EQ(config_reads_for_group(read, 2), std::vector{*Bdf::parse("01:00.0")});

    const Topology full = with_config_facts(read, {{*Bdf::parse("01:00.0"), no_acs(PortType::Endpoint, 0)}});
    EXPECT_TRUE(config_reads_for_group(full, 2).empty());
    const auto explained = explain_groups(full);
    const auto& g2 = group(explained, 2);
    EXPECT_EQ(g2.prediction, PredictionMatch::Matches) << g2.prediction_note;
    EXPECT_EQ(reason(g2, "01:00.0").sentence,
              "0000:01:00.0 shares the group of bridge 0000:00:02.0 because the path to the root is not ACS-isolated: "
              "0000:00:02.0 has no ACS capability");
}
