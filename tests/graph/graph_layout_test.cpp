// The graph laid out and rendered by the real Graphviz dot.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <future>
#include <map>
#include <unistd.h>

#include "graph/graph_layout.hpp"
#include "graph/graph_render.hpp"
#include "importers/import_listing.hpp"
#include "small_hosts.hpp"
#include "synthetic_host.hpp"

using namespace isola;
using namespace isola::testing;

namespace {

GraphLayout laid_out(const Topology& t, const GraphOptions& options = {}) {
    auto layout = layout_graph(t, options);
    if (!layout) throw std::runtime_error(layout.error().message);
    return std::move(*layout);
}

std::string rendered(const Topology& t, GraphFormat format, const GraphOptions& options = {}) {
    auto out = render_graph(t, options, format);
    if (!out) throw std::runtime_error(out.error().message);
    EXPECT_EQ(out->format, format);
    return std::move(out->data);
}

// Graphviz rounds coordinates it writes to two decimals; allow for that.
GraphRect grown(GraphRect r, double by = 0.5) { return {r.x - by, r.y - by, r.width + 2 * by, r.height + 2 * by}; }

// Every node that belongs to a group lies inside that group's cluster box, and inside the drawing.
void expect_nodes_inside_their_clusters(const GraphLayout& layout) {
    std::map<GroupId, GraphRect> cluster_box;
    for (const ClusterBox& c : layout.clusters) cluster_box[c.group] = c.box;
    const GraphRect whole{0, 0, layout.width, layout.height};
    for (const NodeBox& n : layout.nodes) {
        EXPECT_TRUE(grown(whole).contains(n.box)) << n.node.id;
        if (!n.node.group) continue;
        ASSERT_TRUE(cluster_box.contains(*n.node.group)) << n.node.id;
        EXPECT_TRUE(grown(cluster_box[*n.node.group]).contains(n.box)) << n.node.id << " outside its cluster";
    }
}

// The node's box, or its group's frame when the group has only this node.
GraphRect outer_box(const GraphLayout& layout, std::size_t node) {
    const NodeBox& n = layout.nodes[node];
    for (const ClusterBox& c : layout.clusters)
        if (c.framed_node && n.node.group == c.group) return c.box;
    return n.box;
}

std::size_t index_of(const GraphLayout& layout, std::string_view id) {
    auto it = std::ranges::find(layout.nodes, id, [](const NodeBox& n) { return n.node.id; });
    if (it == layout.nodes.end()) throw std::runtime_error("no node " + std::string(id));
    return static_cast<std::size_t>(it - layout.nodes.begin());
}

}  // namespace

TEST(GraphLayout, RootPortWithGpuGroup) {
    GraphLayout layout = laid_out(gpu_behind_root_port(), GraphOptions{.states = {{14, GroupState::Viable}}});
    ASSERT_EQ(layout.clusters.size(), 3u);
    EXPECT_EQ(layout.clusters[2].group, 14u);
    EXPECT_EQ(layout.clusters[2].state, GroupState::Viable);
    EXPECT_EQ(layout.clusters[2].label, "IOMMU group 14");
    EXPECT_EQ(layout.nodes.size(), 5u);
    EXPECT_EQ(layout.edges.size(), 4u);
    expect_nodes_inside_their_clusters(layout);
    EXPECT_GT(layout.width, 0);
    EXPECT_GT(layout.height, 0);
}

TEST(GraphLayout, EdgesRunFromParentToChild) {
    GraphLayout layout = laid_out(pcie_switch());
    EXPECT_EQ(layout.clusters.size(), 6u);
    ASSERT_EQ(layout.edges.size(), 6u);
    expect_nodes_inside_their_clusters(layout);
    for (const EdgePath& e : layout.edges) {
        ASSERT_GE(e.points.size(), 4u);
        EXPECT_EQ((e.points.size() - 1) % 3, 0u) << "a start point plus three per cubic segment";
        ASSERT_TRUE(e.arrow_tip.has_value());
        // The tree grows left to right: a child's box starts right of its parent's box. A node
        // alone in its group is laid out with the group's frame, and edges meet the frame.
        const GraphRect parent = outer_box(layout, e.from);
        const GraphRect child = outer_box(layout, e.to);
        EXPECT_LT(parent.x + parent.width, child.x);
        // The path leaves near the parent and the arrow ends at the child's left side.
        EXPECT_TRUE(grown(parent, 2).contains({e.points.front().x, e.points.front().y, 0, 0}));
        EXPECT_NEAR(e.arrow_tip->x, child.x, 2.0);
    }
    auto edge_to = [&](std::string_view id) {
        return std::ranges::find(layout.edges, index_of(layout, id), &EdgePath::to);
    };
    EXPECT_EQ(layout.nodes[edge_to("0000:03:00.0")->from].node.id, "0000:02:00.0");
    EXPECT_EQ(layout.nodes[edge_to("0000:00:01.0")->from].node.id, "pci0000:00");
}

TEST(GraphLayout, SixtyFourVfsBecomeOneNode) {
    GraphLayout collapsed = laid_out(pf_with_vfs(64));
    EXPECT_EQ(collapsed.nodes.size(), 4u);
    EXPECT_EQ(collapsed.clusters.size(), 2u);
    EXPECT_EQ(collapsed.edges.size(), 3u);
    expect_nodes_inside_their_clusters(collapsed);

    GraphLayout expanded = laid_out(pf_with_vfs(64), GraphOptions{.collapse_vfs = false});
    EXPECT_EQ(expanded.nodes.size(), 67u);
    EXPECT_EQ(expanded.clusters.size(), 66u);
    EXPECT_EQ(expanded.edges.size(), 66u);
    expect_nodes_inside_their_clusters(expanded);
}

TEST(GraphLayout, ListingWithoutTreeDrawsGroupsWithoutEdges) {
    GraphLayout layout = laid_out(listing_without_tree());
    EXPECT_EQ(layout.clusters.size(), 3u);
    EXPECT_EQ(layout.nodes.size(), 4u);
    EXPECT_TRUE(layout.edges.empty());  // the grid's invisible edges are not the topology's
    expect_nodes_inside_their_clusters(layout);
    EXPECT_EQ(layout.label_lines.back(), "Bus tree not known in this source: IOMMU groups shown without connections");
}

TEST(GraphLayout, ClustersDoNotOverlap) {
    GraphLayout layout = laid_out(make_synthetic_host(SyntheticHostShape{.root_ports = 3, .vfs_per_pf = 8}));
    for (std::size_t a = 0; a < layout.clusters.size(); ++a)
        for (std::size_t b = a + 1; b < layout.clusters.size(); ++b) {
            const GraphRect& p = layout.clusters[a].box;
            const GraphRect& q = layout.clusters[b].box;
            bool apart = p.x + p.width <= q.x || q.x + q.width <= p.x || p.y + p.height <= q.y || q.y + q.height <= p.y;
            EXPECT_TRUE(apart) << "groups " << layout.clusters[a].group << " and " << layout.clusters[b].group;
        }
    expect_nodes_inside_their_clusters(layout);
}

TEST(GraphLayout, LayoutsFromManyThreadsAreSerialised) {
    std::vector<std::future<std::size_t>> runs;
    for (int i = 0; i < 4; ++i)
        runs.push_back(std::async(std::launch::async, [] { return laid_out(pcie_switch()).nodes.size(); }));
    for (auto& run : runs) EXPECT_EQ(run.get(), 7u);
}

TEST(GraphRender, LabelsAreEscapedInDotAndSvg) {
    std::string dot = rendered(gpu_behind_root_port(), GraphFormat::Dot);
    EXPECT_NE(dot.find("GP104 [GeForce GTX 1070] &amp; &lt;Founders&gt;"), std::string::npos);
    EXPECT_EQ(dot.find("<Founders>"), std::string::npos);
    EXPECT_NE(dot.find("cluster_g14"), std::string::npos);

    std::string svg = rendered(gpu_behind_root_port(), GraphFormat::Svg);
    EXPECT_TRUE(svg.starts_with("<?xml"));
    EXPECT_NE(svg.find("<svg"), std::string::npos);
    EXPECT_NE(svg.find("GP104 [GeForce GTX 1070] &amp; &lt;Founders&gt;"), std::string::npos);
    EXPECT_NE(svg.find("IOMMU group 14"), std::string::npos);
    // The bold title is markup, not text.
    EXPECT_EQ(svg.find("&lt;b&gt;"), std::string::npos);
}

TEST(GraphRender, HighlightedGroupHasThickBorder) {
    std::string dot = rendered(gpu_behind_root_port(), GraphFormat::Dot,
                               GraphOptions{.states = {{14, GroupState::Assigned}}, .highlight_groups = {14}});
    auto cluster = dot.find("subgraph cluster_g14");
    ASSERT_NE(cluster, std::string::npos);
    auto end = dot.find('}', cluster);
    std::string body = dot.substr(cluster, end - cluster);
    EXPECT_NE(body.find("penwidth=3.5"), std::string::npos) << body;
    EXPECT_NE(body.find("#dde9fb"), std::string::npos) << body;  // Assigned fill
}

TEST(GraphRender, PngHasMagicBytes) {
    std::string png = rendered(pcie_switch(), GraphFormat::Png);
    ASSERT_GT(png.size(), 8u);
    EXPECT_EQ(png.substr(0, 8), std::string("\x89PNG\r\n\x1a\n", 8));
}

TEST(GraphRender, PngDpiScalesThePicture) {
    auto width_of = [](const std::string& png) {  // IHDR width, big-endian, at byte 16
        return (std::uint32_t{static_cast<unsigned char>(png[16])} << 24) | (std::uint32_t{static_cast<unsigned char>(png[17])} << 16) |
               (std::uint32_t{static_cast<unsigned char>(png[18])} << 8) | std::uint32_t{static_cast<unsigned char>(png[19])};
    };
    const double points = laid_out(pcie_switch()).width;
    const std::uint32_t at72 = width_of(rendered(pcie_switch(), GraphFormat::Png));
    const std::uint32_t at144 = width_of(rendered(pcie_switch(), GraphFormat::Png, GraphOptions{.png_dpi = 144}));
    EXPECT_NEAR(at72, points, 10.0);  // one pixel per point (plus Graphviz's 4-point pad)
    EXPECT_NEAR(at144, 2.0 * at72, 4.0);
}

// Writes the pictures people look at when they change the styling (ISOLA_GRAPH_PICTURES=/some/dir
// keeps them there; otherwise a temporary directory), and checks that each is a PNG: real-world
// listings included, every one renders.
TEST(GraphRender, WritesPicturesOfRealListings) {
    const char* asked = std::getenv("ISOLA_GRAPH_PICTURES");
    const std::filesystem::path dir =
        asked ? std::filesystem::path(asked)
              : std::filesystem::temp_directory_path() / ("isola-graph-pictures-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    std::vector<std::filesystem::path> written;
    auto write = [&](const char* name, const Topology& t, const GraphOptions& options) {
        std::ofstream(dir / name, std::ios::binary) << rendered(t, GraphFormat::Png, options);
        written.push_back(dir / name);
    };
    write("gpu.png", gpu_behind_root_port(),
          GraphOptions{.states = {{14, GroupState::Assigned}, {0, GroupState::HostCritical}},
                       .highlight_groups = {14},
                       .png_dpi = 96,
                       .title = "gpu_behind_root_port"});
    write("switch.png", pcie_switch(), GraphOptions{.states = {{5, GroupState::Viable}, {6, GroupState::Mixed}}});
    write("vfs.png", pf_with_vfs(64), GraphOptions{.highlight = {*Bdf::parse("3b:10.1")}});
    write("listing.png", listing_without_tree(), GraphOptions{.title = "pasted.txt"});
    for (const char* listing : {"02_amd-x570-aorus-pro-wifi_dual-nvidia.txt", "07_intel-z690-asus_i9-12900ks_alderlake_tb4_3formats.txt",
                                "08_intel-raptorlake-msi_sriov-82576-vfs_plx-switch.txt"}) {
        std::ifstream in(std::string(ISOLA_TEST_DATA) + "/real-world/" + listing);
        std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        auto topology = import_listing(text, ListingFormat::Auto, listing);
        ASSERT_TRUE(topology) << listing << ": " << topology.error().message;
        write((std::string(listing).substr(0, 2) + ".png").c_str(), *topology, GraphOptions{.title = listing});
    }
    write("synthetic.png", make_synthetic_host(SyntheticHostShape{.root_ports = 2, .vfs_per_pf = 63}), {});
    for (const auto& file : written) {
        std::ifstream in(file, std::ios::binary);
        std::string magic(8, '\0');
        in.read(magic.data(), 8);
        EXPECT_EQ(magic, "\x89PNG\r\n\x1a\n") << file;
        EXPECT_GT(std::filesystem::file_size(file), 1000u) << file;
    }
    if (!asked) std::filesystem::remove_all(dir);
}
