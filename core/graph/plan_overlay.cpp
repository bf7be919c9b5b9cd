#include "graph/plan_overlay.hpp"

#include <format>

#include "review/group_states.hpp"

namespace isola {

GraphOptions graph_options_for(const Topology& topology, const AttachPlan* plan) {
    GraphOptions options;
    options.states = classify_groups(topology);
    options.title = topology.host().hostname.value_or(topology.source().origin);
    if (!plan) return options;
    for (GroupId g : plan->groups) {
        options.states[g] = GroupState::Assigned;
        options.highlight_groups.insert(g);
    }
    options.highlight.insert(plan->request.devices.begin(), plan->request.devices.end());
    options.title += std::format(" — plan: {} for \"{}\"", plan->refused() ? "refused" : "whole-group effect",
                                 plan->request.vm);
    return options;
}

}  // namespace isola
