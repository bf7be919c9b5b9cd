#include "graph/graph_layout.hpp"

#include <algorithm>

#include "graph/graph_builder.hpp"
#include "graph/graphviz_session.hpp"

namespace isola {
namespace {

// Graphviz's y axis points up with the origin at the bottom left of the graph's bounding box;
// Qt's points down from the top left.
class Flip {
public:
    explicit Flip(boxf bb) : left_(bb.LL.x), top_(bb.UR.y) {}
    [[nodiscard]] GraphPoint point(pointf p) const { return {p.x - left_, top_ - p.y}; }
    [[nodiscard]] GraphRect box(boxf b) const { return {b.LL.x - left_, top_ - b.UR.y, b.UR.x - b.LL.x, b.UR.y - b.LL.y}; }
    [[nodiscard]] GraphRect centred(pointf centre, double width, double height) const {
        GraphPoint c = point(centre);
        return {c.x - width / 2, c.y - height / 2, width, height};
    }

private:
    double left_;
    double top_;
};

EdgePath read_edge(Agedge_t* e, const GraphEdge& edge, const Flip& flip) {
    EdgePath path{.from = edge.from, .to = edge.to, .kind = edge.kind};
    const splines* spl = ED_spl(e);
    if (!spl) return path;  // dot leaves no spline when an edge could not be routed
    for (int b = 0; b < spl->size; ++b) {
        const bezier& bz = spl->list[b];
        // dot emits one Bézier per edge; should it split one, the pieces join end to start.
        for (int i = (path.points.empty() ? 0 : 1); i < bz.size; ++i) path.points.push_back(flip.point(bz.list[i]));
        if (bz.eflag) path.arrow_tip = flip.point(bz.ep);
    }
    return path;
}

// The card inside a framed node laid out with LabelUse::GeometryOnly (graph_builder.hpp): the
// label's lines are equally tall, the first is the header; the frame is the margin's outer part.
GraphRect card_inside_frame(GraphRect frame, std::size_t lines) {
    constexpr double side = NodeFrame::kBorder + NodeFrame::kPadding;
    const double line = (frame.height - 2 * kFramedMarginY) / static_cast<double>(std::max<std::size_t>(lines, 1));
    return {frame.x + side, frame.y + side + line, std::max(0.0, frame.width - 2 * side),
            std::max(0.0, frame.height - 2 * side - line)};
}

}  // namespace

std::expected<GraphLayout, GraphError> layout_graph(const Topology& topology, const GraphOptions& options) {
    GraphModel model = build_graph_model(topology, options);

    graphviz::Session session;
    graphviz::Graph graph(session, "isola");
    CgraphIndex index = build_cgraph(model, graph, LabelUse::GeometryOnly);
    if (auto laid = run_dot(graph, model); !laid) return std::unexpected(laid.error());

    const boxf bb = GD_bb(graph.get());
    const Flip flip(bb);
    GraphLayout layout{.width = bb.UR.x - bb.LL.x, .height = bb.UR.y - bb.LL.y};
    layout.nodes.reserve(model.nodes.size());
    for (std::size_t i = 0; i < model.nodes.size(); ++i) {
        Agnode_t* n = index.nodes[i];
        // ND_width/ND_height are in inches, ND_coord in points.
        layout.nodes.push_back(NodeBox{
            .node = std::move(model.nodes[i]),
            .box = flip.centred(ND_coord(n), ND_width(n) * 72.0, ND_height(n) * 72.0),
        });
    }
    for (std::size_t c = 0; c < model.clusters.size(); ++c) {
        GraphCluster& cluster = model.clusters[c];
        GraphRect box;
        if (cluster.framed_node) {
            // dot placed the frame and card as one node: the frame is its box, the card is cut out.
            NodeBox& node = layout.nodes[cluster.nodes.front()];
            box = node.box;
            node.box = card_inside_frame(box, framed_label_lines(node.node));
        } else {
            box = flip.box(GD_bb(index.clusters[c]));
        }
        layout.clusters.push_back(ClusterBox{
            .group = cluster.group,
            .state = cluster.state,
            .highlighted = cluster.highlighted,
            .label = std::move(cluster.label),
            .box = box,
            .framed_node = cluster.framed_node,
        });
    }
    for (std::size_t e = 0; e < model.edges.size(); ++e) layout.edges.push_back(read_edge(index.edges[e], model.edges[e], flip));
    layout.label_lines = std::move(model.label_lines);
    return layout;
}

}  // namespace isola
