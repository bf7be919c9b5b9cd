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

// Fills the empty `graph` with the model. Call with the session's lock held (the Graph proves it).
CgraphIndex build_cgraph(const GraphModel& model, graphviz::Graph& graph);

}  // namespace isola

namespace isola {

// Runs dot on the built graph; a failure becomes a sentence naming the graph's size and
// Graphviz's own message.
std::expected<void, GraphError> run_dot(graphviz::Graph& graph, const GraphModel& model);

}  // namespace isola
