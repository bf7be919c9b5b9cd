// Internal to core/graph: a GraphModel as a cgraph graph with Isola's styling, ready for dot.
#pragma once

#include <expected>
#include <vector>

#include "graph/graph_model.hpp"
#include "graph/graphviz_session.hpp"

namespace isola {

// Where each model element went in the cgraph graph, to read the layout back without names.
struct CgraphIndex {
    std::vector<Agnode_t*> nodes;     // parallel to GraphModel::nodes
    std::vector<Agedge_t*> edges;     // parallel to GraphModel::edges
    std::vector<Agraph_t*> clusters;  // parallel to GraphModel::clusters
};

// A framed node (a group of one node, GraphCluster::framed_node) is one dot node whose HTML label
// is the group's frame: a border, a header line with the group's label, padding, then the card.
// In points; layout_graph() cuts the card back out of the node's box with these.
struct NodeFrame {
    static constexpr double kBorder = 1;             // the group's border
    static constexpr double kHighlightedBorder = 3;  // a plan's whole-group effect
    static constexpr double kHeader = 18;            // the "IOMMU group N" line
    static constexpr double kPadding = 5;            // between the group's border and the card
};

// What dot's labels are for. A picture Graphviz renders needs the frame of a framed node drawn as
// an HTML table; geometry for the GUI, which draws its own frames and cards, needs only their
// sizes: there a framed node's label is its header and card lines as text, with the frame in the
// margin, which dot sizes in a fraction of the time (multi-domain 4k host, 2,947 cards: HTML
// tables made the layout 1.7 s).
enum class LabelUse { Picture, GeometryOnly };

// In GeometryOnly labels, the margin around a framed node's lines (points): the card's own
// margin plus the frame's border and padding; the header is the first line of the label.
inline constexpr double kFramedMarginX = 5.76 + NodeFrame::kBorder + NodeFrame::kPadding;
inline constexpr double kFramedMarginY = 2.88 + NodeFrame::kBorder + NodeFrame::kPadding;

// The lines of a framed node's GeometryOnly label: the header, then the card's (and its badges').
inline std::size_t framed_label_lines(const GraphNode& node) {
    return 1 + node.label_lines.size() + (node.badges.empty() ? 0 : 1);
}

// Above this many nodes the trees of a forest are laid out one by one and packed (see build_cgraph).
inline constexpr std::size_t kPackAboveNodes = 1000;

// Fills the empty `graph` with the model. Call with the session's lock held (the Graph proves it).
CgraphIndex build_cgraph(const GraphModel& model, graphviz::Graph& graph, LabelUse use = LabelUse::Picture);

}  // namespace isola

namespace isola {

// Runs dot on the built graph; a failure becomes a sentence naming the graph's size and
// Graphviz's own message.
std::expected<void, GraphError> run_dot(graphviz::Graph& graph, const GraphModel& model);

}  // namespace isola
