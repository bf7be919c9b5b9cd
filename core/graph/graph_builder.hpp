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

// Fills the empty `graph` with the model. Call with the session's lock held (the Graph proves it).
CgraphIndex build_cgraph(const GraphModel& model, graphviz::Graph& graph);

}  // namespace isola

namespace isola {

// Runs dot on the built graph; a failure becomes a sentence naming the graph's size and
// Graphviz's own message.
std::expected<void, GraphError> run_dot(graphviz::Graph& graph, const GraphModel& model);

}  // namespace isola
