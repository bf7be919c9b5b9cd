// Internal to core/graph: alike sibling subtrees drawn once, as a stack ("27 × ...").
//
// A server repeats itself: 27 PCIe switches with the same 8 devices each, 200 NVMe drives each
// behind a root port of its own. Drawn one by one, such a host is a picture 20,000 pixels tall
// that takes Graphviz seconds to draw and no one reads; lstopo collapses identical devices for
// the same reason. Two siblings (children of one node, or two root complexes) are alike when
// their whole subtrees are: the same kinds of node with the same IDs, drivers, host-use badges
// and group states, in groups of the same size, none highlighted differently. Addresses and group
// numbers may differ; the stack's labels say how many it stands for and which groups.
#pragma once

#include "graph/graph_model.hpp"
#include "topology/topology.hpp"

namespace isola {

// Replaces every set of alike siblings in `model` (tree_known only) by the first of them, whose
// nodes then stand for all: GraphNode::copies, the functions of every copy, "N × " before the
// title and the other copies' first and last address; clusters of the hidden copies are dropped
// and a kept cluster names every copy's group.
void stack_alike_subtrees(GraphModel& model, const Topology& topology);

}  // namespace isola
