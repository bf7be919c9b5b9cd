// What the graph shows, checked without Graphviz: nodes, clusters, edges, labels.
#include <gtest/gtest.h>

#include <algorithm>

#include "graph/graph_model.hpp"
#include "graph/labels.hpp"
#include "small_hosts.hpp"

using namespace isola;
using namespace isola::testing;

namespace {

const GraphNode& node(const GraphModel& m, std::string_view id) {
    auto it = std::ranges::find(m.nodes, id, &GraphNode::id);
    if (it == m.nodes.end()) throw std::runtime_error("no node " + std::string(id));
    return *it;
}

std::size_t count_edges(const GraphModel& m, GraphEdgeKind kind) {
    return static_cast<std::size_t>(std::ranges::count(m.edges, kind, &GraphEdge::kind));
}

}  // namespace

TEST(GraphLabels, EscapesMarkupInNames) {
    EXPECT_EQ(html_escape("Foo & Bar <rev \"2\"> 'x'"), "Foo &amp; Bar &lt;rev &quot;2&quot;&gt; &#39;x&#39;");
    std::vector<std::string> lines{"A & B", "<i>"};
    EXPECT_EQ(html_label(lines), "<b>A &amp; B</b><br/>&lt;i&gt;");
}

TEST(GraphLabels, ShortensOnUtf8Boundary) {
    EXPECT_EQ(shorten("short", 10), "short");
    // "é" is two bytes; a cut at byte 4 would split it.
    EXPECT_EQ(shorten("abcéfghijk", 7), "abc…");
}

TEST(GraphLabels, DescribesGroupRanges) {
    EXPECT_EQ(describe_id_ranges({83, 20, 21, 22}), "20–22, 83");
    EXPECT_EQ(describe_id_ranges({1, 3, 5, 7, 9, 11}), "1, 3, 5, 7, …");
}

TEST(GraphLabels, DeviceLabelHasNameAddressAndDriver) {
    Topology t = gpu_behind_root_port();
    EXPECT_EQ(device_label_lines(*t.find(*Bdf::parse("01:00.1"))),
              (std::vector<std::string>{"GP104 High Definition Audio Controller", "0000:01:00.1 · 10de:10f0",
                                        "driver snd_hda_intel"}));
    EXPECT_EQ(device_label_lines(*t.find(*Bdf::parse("00:01.1")))[1], "0000:00:01.1 · root port");
}

TEST(GraphModel, RootPortWithGpuGroup) {
    GraphModel m = build_graph_model(gpu_behind_root_port(), {});
    EXPECT_EQ(node(m, "pci0000:00").kind, GraphNodeKind::RootComplex);
    EXPECT_EQ(node(m, "0000:00:01.1").kind, GraphNodeKind::Bridge);
    ASSERT_EQ(m.clusters.size(), 3u);
    EXPECT_EQ(m.clusters[2].label, "IOMMU group 14");
    EXPECT_EQ(m.clusters[2].nodes.size(), 2u);
    // pci0000:00 -> host bridge, pci0000:00 -> root port, root port -> GPU and audio.
    EXPECT_EQ(count_edges(m, GraphEdgeKind::Bus), 4u);
}

TEST(GraphModel, StatesAndHighlightComeFromOptions) {
    GraphOptions options{.states = {{14, GroupState::Assigned}}, .highlight = {*Bdf::parse("01:00.0")}};
    GraphModel m = build_graph_model(gpu_behind_root_port(), options);
    EXPECT_EQ(m.clusters[2].state, GroupState::Assigned);
    EXPECT_TRUE(m.clusters[2].highlighted);  // a highlighted member highlights its group
    EXPECT_EQ(m.clusters[1].state, GroupState::HostOnly);
    EXPECT_FALSE(m.clusters[1].highlighted);
    EXPECT_TRUE(node(m, "0000:01:00.0").highlighted);
    EXPECT_FALSE(node(m, "0000:01:00.1").highlighted);
}

TEST(GraphModel, SwitchEdgesFollowParents) {
    GraphModel m = build_graph_model(pcie_switch(), {});
    EXPECT_EQ(m.nodes.size(), 7u);
    EXPECT_EQ(m.clusters.size(), 6u);
    EXPECT_EQ(count_edges(m, GraphEdgeKind::Bus), 6u);
}

TEST(GraphModel, CollapsesVfsPerPhysicalFunction) {
    GraphModel m = build_graph_model(pf_with_vfs(64), {});
    // Root complex, root port, PF and one summary.
    ASSERT_EQ(m.nodes.size(), 4u);
    const GraphNode& vfs = node(m, "vfs-of-0000:3b:00.0");
    EXPECT_EQ(vfs.kind, GraphNodeKind::VfSummary);
    EXPECT_EQ(vfs.functions.size(), 64u);
    EXPECT_EQ(vfs.label_lines.front(), "64 × VF 8086:10ca");
    EXPECT_NE(std::ranges::find(vfs.label_lines, "groups 20–83"), vfs.label_lines.end());
    EXPECT_NE(std::ranges::find(vfs.label_lines, "drivers: ixgbevf 60, vfio-pci 4"), vfs.label_lines.end());
    // VFs in groups of their own are not clustered: only the root port's and the PF's groups are.
    EXPECT_EQ(m.clusters.size(), 2u);
    EXPECT_FALSE(vfs.group.has_value());
    EXPECT_EQ(vfs.fill_state, GroupState::HostOnly);
    EXPECT_EQ(count_edges(m, GraphEdgeKind::Virtfn), 1u);
    EXPECT_EQ(count_edges(m, GraphEdgeKind::Bus), 2u);
}

TEST(GraphModel, ExpandsVfsOnRequest) {
    GraphModel m = build_graph_model(pf_with_vfs(64), GraphOptions{.collapse_vfs = false});
    EXPECT_EQ(m.nodes.size(), 3u + 64u);
    EXPECT_EQ(m.clusters.size(), 2u + 64u);
    EXPECT_EQ(count_edges(m, GraphEdgeKind::Bus), 2u + 64u);
    EXPECT_EQ(count_edges(m, GraphEdgeKind::Virtfn), 0u);
}

TEST(GraphModel, HighlightedVfGroupHighlightsTheSummary) {
    GraphModel m = build_graph_model(pf_with_vfs(8), GraphOptions{.highlight_groups = {25}});
    EXPECT_TRUE(node(m, "vfs-of-0000:3b:00.0").highlighted);
    EXPECT_FALSE(node(m, "0000:3b:00.0").highlighted);
}

TEST(GraphModel, ListingWithoutTreeHasGroupsButNoEdges) {
    GraphModel m = build_graph_model(listing_without_tree(), GraphOptions{.title = "pasted.txt"});
    EXPECT_FALSE(m.tree_known);
    EXPECT_TRUE(m.edges.empty());
    EXPECT_EQ(m.nodes.size(), 4u);  // no root complex: the listing does not say where the roots are
    EXPECT_EQ(m.clusters.size(), 3u);
    EXPECT_EQ(m.label_lines, (std::vector<std::string>{
                                 "pasted.txt", "Bus tree not known in this source: IOMMU groups shown without connections"}));
}

TEST(GraphModel, ExpandsTheVfsOfOnePfOnRequest) {
    GraphModel m = build_graph_model(pf_with_vfs(8), GraphOptions{.expanded_pfs = {*Bdf::parse("0000:3b:00.0")}});
    EXPECT_EQ(m.nodes.size(), 3u + 8u);
    EXPECT_EQ(std::ranges::count(m.nodes, GraphNodeKind::VfSummary, &GraphNode::kind), 0);
}

// With bridges hidden, the switch's endpoints hang from the root complex; their groups stay.
TEST(GraphModel, HiddenBridgesLeaveEndpointsOnTheirRootComplex) {
    GraphModel m = build_graph_model(pcie_switch(), GraphOptions{.hide_bridges = true});
    ASSERT_EQ(m.nodes.size(), 3u);  // root complex, NVMe, NIC
    EXPECT_EQ(m.clusters.size(), 2u);
    ASSERT_EQ(m.edges.size(), 2u);
    for (const GraphEdge& e : m.edges) EXPECT_EQ(m.nodes[e.from].kind, GraphNodeKind::RootComplex);
}

TEST(GraphModel, AlikeSubtreesAreDrawnOnceAsAStack) {
    GraphModel m = build_graph_model(alike_root_ports(), {});
    // The root complex, one stacked root port with its stacked drive, the vfio-pci pair apart;
    // nodes stay in address order: pci0000:00, 00:01.0, 00:04.0, 01:00.0, 04:00.0.
    ASSERT_EQ(m.nodes.size(), 5u);
    std::vector<std::string> ids;
    for (const GraphNode& n : m.nodes) ids.push_back(n.id);
    EXPECT_EQ(ids, (std::vector<std::string>{"pci0000:00", "0000:00:01.0", "0000:00:04.0", "0000:01:00.0", "0000:04:00.0"}));
    const GraphNode& port = m.nodes[1];
    const GraphNode& drive = m.nodes[3];
    EXPECT_EQ(port.copies, 3u);
    EXPECT_EQ(drive.copies, 3u);
    EXPECT_EQ(drive.functions, (std::vector<Bdf>{*Bdf::parse("01:00.0"), *Bdf::parse("02:00.0"), *Bdf::parse("03:00.0")}));
    EXPECT_EQ(drive.label_lines.front(), "3 × NVMe SSD Controller SM981/PM981/PM983");
    EXPECT_EQ(drive.label_lines.back(), "and 2 more alike, to 0000:03:00.0");
    EXPECT_EQ(port.label_lines.back(), "and 2 more alike, to 0000:00:03.0");
    EXPECT_EQ(m.nodes[4].copies, 1u);  // on vfio-pci: not alike
    EXPECT_EQ(m.nodes[4].label_lines.front(), "NVMe SSD Controller SM981/PM981/PM983");
    // Clusters of the copies go; the kept ones name every copy's group.
    ASSERT_EQ(m.clusters.size(), 4u);
    EXPECT_EQ(m.clusters[0].label, "IOMMU groups 1, 3, 5 (3)");
    EXPECT_EQ(m.clusters[0].nodes, (std::vector<std::size_t>{1}));
    EXPECT_EQ(m.clusters[1].label, "IOMMU groups 2, 4, 6 (3)");
    EXPECT_EQ(m.clusters[1].nodes, (std::vector<std::size_t>{3}));
    EXPECT_EQ(m.clusters[2].label, "IOMMU group 7");
    EXPECT_EQ(m.clusters[3].label, "IOMMU group 8");
    // Edges renumbered: root complex -> both ports, each port -> its drive.
    EXPECT_EQ(m.edges, (std::vector<GraphEdge>{{0, 1, GraphEdgeKind::Bus}, {0, 2, GraphEdgeKind::Bus},
                                               {1, 3, GraphEdgeKind::Bus}, {2, 4, GraphEdgeKind::Bus}}));
}

TEST(GraphModel, AHighlightedDeviceIsNeverHiddenInAStack) {
    GraphModel m = build_graph_model(alike_root_ports(), {.highlight = {*Bdf::parse("02:00.0")}});
    std::size_t copies = 0;
    for (const GraphNode& n : m.nodes) copies += n.copies;
    EXPECT_EQ(copies, 9u);  // every node accounted for
    auto highlighted = std::ranges::find_if(m.nodes, &GraphNode::highlighted);
    ASSERT_NE(highlighted, m.nodes.end());
    EXPECT_EQ(highlighted->copies, 1u);
    EXPECT_EQ(highlighted->id, "0000:02:00.0");
}

TEST(GraphModel, StacksAreOffOnRequest) {
    GraphModel m = build_graph_model(alike_root_ports(), {.stack_alike = false});
    EXPECT_EQ(m.nodes.size(), 9u);
    EXPECT_EQ(m.clusters.size(), 8u);
    EXPECT_TRUE(std::ranges::all_of(m.nodes, [](const GraphNode& n) { return n.copies == 1; }));
}

TEST(GraphBadges, SayWhatTheHostUsesADeviceForMostCriticalFirst) {
    Device nic{.address = *Bdf::parse("0000:03:00.0")};
    nic.driver = Fact<std::string>::known("igb");
    nic.usage = DeviceUsage::none();
    EXPECT_TRUE(device_badges(nic).empty());
    nic.usage.net = Fact<std::vector<NetInterface>>::known({{.name = "enp3s0", .operstate = "up"}});
    EXPECT_EQ(device_badges(nic), std::vector<DeviceBadge>{DeviceBadge::InterfaceUp});
    nic.usage.net = Fact<std::vector<NetInterface>>::known({{.name = "enp3s0", .operstate = "up", .default_route_v4 = true}});
    EXPECT_EQ(device_badges(nic), std::vector<DeviceBadge>{DeviceBadge::DefaultRoute});
    EXPECT_TRUE(badge_is_critical(DeviceBadge::DefaultRoute));

    Device nvme{.address = *Bdf::parse("0000:04:00.0")};
    nvme.driver = Fact<std::string>::known("vfio-pci");
    BlockDevice disk{.name = "nvme0n1"};
    disk.partitions.push_back({.name = "nvme0n1p2", .mountpoints = {"/"}, .holds_root = true});
    disk.holders.push_back({.kind = BlockHolder::Kind::DeviceMapper, .name = "dm-0", .swap = true});
    nvme.usage.block = Fact<std::vector<BlockDevice>>::known({disk});
    EXPECT_EQ(device_badges(nvme), (std::vector<DeviceBadge>{DeviceBadge::RootFilesystem, DeviceBadge::Swap,
                                                             DeviceBadge::Stacked, DeviceBadge::Vfio}));
    EXPECT_EQ(to_string(DeviceBadge::RootFilesystem), "/");
    EXPECT_FALSE(badge_is_critical(DeviceBadge::Vfio));
}

