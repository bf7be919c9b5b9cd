// What the graph of a host shows: each group coloured by its state (as the review classifies
// it) and, with a plan, the plan's whole-group effect — its groups assigned and highlighted, the
// devices the person chose outlined. The CLI's `graph --plan` and the GUI's plan mode both use it.
#pragma once

#include "graph/graph_options.hpp"
#include "plan/attach_plan.hpp"
#include "topology/topology.hpp"

namespace isola {

GraphOptions graph_options_for(const Topology& topology, const AttachPlan* plan = nullptr);

}  // namespace isola
