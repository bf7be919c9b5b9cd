#include "graph/graph_builder.hpp"

#include <cmath>
#include <format>

#include "graph/group_palette.hpp"
#include "graph/labels.hpp"

namespace isola {
namespace {

using graphviz::mutable_str;
using graphviz::set;

// Generic family: fontconfig resolves it for PNG, browsers for SVG.
constexpr const char* kFont = "sans-serif";
constexpr std::string_view kNodeBorder = "#5b6470";
constexpr std::string_view kHighlightBorder = "#1f2937";

void declare(Agraph_t* g, int kind, const char* name, const char* fallback) {
    agattr(g, kind, mutable_str(name), mutable_str(fallback));
}

// Every attribute used below, with the value most objects want. Graph-kind defaults are also what
// clusters inherit, so cluster-only looks are set per cluster instead.
void declare_attributes(Agraph_t* g) {
    // The PCI tree is shallow (root, port, switch, endpoint) and wide: grow it left to right so a
    // big host scrolls down, not sideways.
    declare(g, AGRAPH, "rankdir", "LR");
    declare(g, AGRAPH, "nodesep", "0.12");
    declare(g, AGRAPH, "ranksep", "0.45");
    declare(g, AGRAPH, "fontname", kFont);
    declare(g, AGRAPH, "fontsize", "11");
    declare(g, AGRAPH, "fontcolor", "#222222");
    declare(g, AGRAPH, "bgcolor", "");
    declare(g, AGRAPH, "label", "");
    declare(g, AGRAPH, "labelloc", "t");
    declare(g, AGRAPH, "labeljust", "l");
    declare(g, AGRAPH, "style", "");
    declare(g, AGRAPH, "fillcolor", "");
    declare(g, AGRAPH, "color", "");
    declare(g, AGRAPH, "penwidth", "1");
    declare(g, AGRAPH, "margin", "");
    declare(g, AGRAPH, "dpi", "72");
    declare(g, AGRAPH, "pack", "false");

    declare(g, AGNODE, "shape", "box");
    declare(g, AGNODE, "style", "rounded,filled");
    declare(g, AGNODE, "fillcolor", "#ffffff");
    declare(g, AGNODE, "color", std::string(kNodeBorder).c_str());
    declare(g, AGNODE, "penwidth", "1");
    declare(g, AGNODE, "peripheries", "1");
    declare(g, AGNODE, "fontname", kFont);
    declare(g, AGNODE, "fontsize", "9");
    declare(g, AGNODE, "margin", "0.08,0.04");
    declare(g, AGNODE, "label", "");

    declare(g, AGEDGE, "color", "#7a828c");
    declare(g, AGEDGE, "style", "solid");
    declare(g, AGEDGE, "arrowsize", "0.6");
    declare(g, AGEDGE, "penwidth", "1");
}

// The card's text: label lines, then the badges' line, so dot makes the box big enough for them.
std::string card_label(const GraphNode& node) {
    if (node.badges.empty()) return html_label(node.label_lines);
    std::vector<std::string> lines = node.label_lines;
    std::string badges;
    for (DeviceBadge b : node.badges) badges += (badges.empty() ? "" : " · ") + std::string(to_string(b));
    lines.push_back("[" + badges + "]");
    return html_label(lines);
}

// A group of one node: the group's frame and label, and the card inside, as one HTML table, so
// that dot places one plain node and no cluster. Looks as a cluster around a card does.
void style_framed_node(Agraph_t* root, Agnode_t* n, const GraphNode& node, const GraphCluster& cluster) {
    const GroupColours group = group_colours(cluster.state);
    const int border = static_cast<int>(cluster.highlighted ? NodeFrame::kHighlightedBorder : NodeFrame::kBorder);
    std::string_view card_fill = node.kind == GraphNodeKind::Bridge ? "#f7f8fa" : "#ffffff";
    std::string_view card_border = node.highlighted ? kHighlightBorder : kNodeBorder;
    // Two lines for a stack of functions: VFs, or alike devices drawn once.
    const int card_width = node.highlighted || node.kind == GraphNodeKind::VfSummary || node.copies > 1 ? 2 : 1;
    const std::string label = std::format(
        "<table border=\"{}\" cellborder=\"0\" cellspacing=\"0\" cellpadding=\"0\" style=\"rounded\" "
        "bgcolor=\"{}\" color=\"{}\">"
        "<tr><td align=\"left\" height=\"{}\" cellpadding=\"3\"><font point-size=\"10\">{}</font></td></tr>"
        "<tr><td cellpadding=\"{}\"><table border=\"{}\" cellborder=\"0\" cellspacing=\"0\" cellpadding=\"5\" "
        "style=\"rounded\" bgcolor=\"{}\" color=\"{}\"><tr><td>{}</td></tr></table></td></tr></table>",
        border, group.fill, group.border, NodeFrame::kHeader, html_escape(cluster.label), NodeFrame::kPadding,
        card_width, card_fill, card_border, card_label(node));
    graphviz::set_html(root, n, "label", label);
    set(n, "shape", "plain");
    set(n, "style", "");
    set(n, "peripheries", "0");
}

// GeometryOnly: the same lines as text, the header first, the frame in the margin; no table.
void size_framed_node(Agraph_t* root, Agnode_t* n, const GraphNode& node, const GraphCluster& cluster) {
    graphviz::set_html(root, n, "label", html_escape(cluster.label) + "<br/>" + card_label(node));
    set(n, "shape", "box");
    set(n, "style", "");
    set(n, "margin", std::format("{:.4f},{:.4f}", kFramedMarginX / 72.0, kFramedMarginY / 72.0));
}

void style_node(Agraph_t* root, Agnode_t* n, const GraphNode& node, bool clusters_drawn) {
    graphviz::set_html(root, n, "label", card_label(node));
    switch (node.kind) {
        case GraphNodeKind::RootComplex:
            set(n, "style", "filled");
            set(n, "fillcolor", "#d9dee5");
            set(n, "color", "#4b5563");
            break;
        case GraphNodeKind::Bridge:
            set(n, "fillcolor", "#f7f8fa");
            break;
        case GraphNodeKind::Endpoint:
            break;
        case GraphNodeKind::VfSummary:
            // A double border reads as "a stack of functions"; rounded corners do not support it.
            set(n, "style", "filled");
            set(n, "peripheries", "2");
            if (node.fill_state) {
                GroupColours c = group_colours(*node.fill_state);
                set(n, "fillcolor", c.fill);
                set(n, "color", c.border);
            }
            break;
    }
    if (node.copies > 1) {
        set(n, "style", "filled");
        set(n, "peripheries", "2");
    }
    // Outside any cluster on a host that has groups: the function has no IOMMU group at all.
    if (clusters_drawn && !node.group && node.kind != GraphNodeKind::RootComplex && !node.fill_state)
        set(n, "style", node.kind == GraphNodeKind::VfSummary ? "filled,dashed" : "rounded,filled,dashed");
    if (node.highlighted) {
        set(n, "penwidth", "2.5");
        set(n, "color", kHighlightBorder);
    }
}

void style_cluster(Agraph_t* sub, const GraphCluster& cluster) {
    GroupColours c = group_colours(cluster.state);
    set(sub, "label", cluster.label);
    set(sub, "style", "filled,rounded");
    set(sub, "fillcolor", c.fill);
    set(sub, "color", c.border);
    set(sub, "fontsize", "10");
    set(sub, "margin", "6");
    // The plan's whole-group effect: thick, but in the state's own hue, so a highlighted
    // host-critical group still reads as red.
    set(sub, "penwidth", cluster.highlighted ? "3.5" : "1.2");
}

// Without a bus tree nothing ranks the groups, and dot would put every group in one column.
// Invisible edges chain the groups of each grid row (reading order: 0 1 2 3 / 4 5 6 7), so ranks
// are the grid's columns and the rows stack top-down, roughly square overall.
void add_grid_edges(Agraph_t* root, const GraphModel& model, const CgraphIndex& index) {
    std::vector<Agnode_t*> units;  // one representative per cluster, then lone nodes
    for (std::size_t c = 0; c < model.clusters.size(); ++c) units.push_back(index.nodes[model.clusters[c].nodes.front()]);
    for (std::size_t i = 0; i < model.nodes.size(); ++i)
        if (!model.nodes[i].group) units.push_back(index.nodes[i]);
    // Boxes are about 4x wider than tall, so a square picture has ~2.5x more rows than columns.
    const double n = static_cast<double>(units.size());
    const auto columns = std::max<std::size_t>(1, static_cast<std::size_t>(std::ceil(std::sqrt(n / 2.5))));
    for (std::size_t i = 0; i + 1 < units.size(); ++i) {
        if ((i + 1) % columns == 0) continue;  // the end of a row
        Agedge_t* e = agedge(root, units[i], units[i + 1], nullptr, 1);
        set(e, "style", "invis");
    }
}

}  // namespace

CgraphIndex build_cgraph(const GraphModel& model, graphviz::Graph& graph, LabelUse use) {
    Agraph_t* root = graph.get();
    declare_attributes(root);

    CgraphIndex index;
    index.nodes.resize(model.nodes.size(), nullptr);
    index.clusters.resize(model.clusters.size(), nullptr);
    // Clusters first, so each member is created inside its subgraph (agnode in a subgraph also
    // puts it in the root graph). With rankdir=LR, dot stacks clusters that no edge orders
    // bottom-up in creation order; create them in reverse then, so group 0 ends up on top.
    std::vector<const GraphCluster*> frame_of(model.nodes.size(), nullptr);
    for (std::size_t k = 0; k < model.clusters.size(); ++k) {
        const std::size_t c = model.tree_known ? k : model.clusters.size() - 1 - k;
        const GraphCluster& cluster = model.clusters[c];
        if (cluster.framed_node) {
            frame_of[cluster.nodes.front()] = &cluster;
            continue;
        }
        std::string name = std::format("cluster_g{}", cluster.group);
        Agraph_t* sub = agsubg(root, name.data(), 1);
        style_cluster(sub, cluster);
        index.clusters[c] = sub;
        for (std::size_t i : cluster.nodes) index.nodes[i] = agnode(sub, mutable_str(model.nodes[i].id.c_str()), 1);
    }
    for (std::size_t i = 0; i < model.nodes.size(); ++i) {
        if (!index.nodes[i]) index.nodes[i] = agnode(root, mutable_str(model.nodes[i].id.c_str()), 1);
        if (frame_of[i] && use == LabelUse::GeometryOnly)
            size_framed_node(root, index.nodes[i], model.nodes[i], *frame_of[i]);
        else if (frame_of[i])
            style_framed_node(root, index.nodes[i], model.nodes[i], *frame_of[i]);
        else
            style_node(root, index.nodes[i], model.nodes[i], !model.clusters.empty());
    }
    for (const GraphEdge& edge : model.edges) {
        Agedge_t* e = agedge(root, index.nodes[edge.from], index.nodes[edge.to], nullptr, 1);
        if (edge.kind == GraphEdgeKind::Virtfn) set(e, "style", "dashed");
        index.edges.push_back(e);
    }
    if (!model.tree_known) add_grid_edges(root, model, index);

    // Last: setting a root-graph attribute also changes the default later subgraphs inherit.
    if (!model.label_lines.empty()) graphviz::set_html(root, root, "label", html_label(model.label_lines, LineAlign::Left));
    set(root, "bgcolor", "#ffffff");
    // Big forests (many root complexes, each its own tree) are laid out tree by tree and packed:
    // one dot layout of all made ranks of over a thousand nodes, whose placement grows with the
    // square of their width (multi-domain 4k host, 2,947 cards: 2.4 s as one, 0.6 s packed, and a
    // picture about square instead of 100,000 points tall). Small hosts keep their single column.
    if (model.tree_known && model.nodes.size() > kPackAboveNodes) set(root, "pack", "true");
    set(root, "dpi", std::format("{}", model.png_dpi));
    return index;
}

}  // namespace isola

namespace isola {

std::expected<void, GraphError> run_dot(graphviz::Graph& graph, const GraphModel& model) {
    if (auto laid = graph.layout("dot"); !laid) {
        return std::unexpected(GraphError{std::format(
            "Graphviz could not lay out the graph ({} nodes, {} IOMMU groups): {}. Check that Graphviz's "
            "plugins are registered (run \"dot -c\" as root).",
            model.nodes.size(), model.clusters.size(), laid.error())});
    }
    return {};
}

}  // namespace isola
