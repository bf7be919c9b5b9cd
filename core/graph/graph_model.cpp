#include "graph/graph_model.hpp"

#include <algorithm>
#include <format>
#include <map>
#include <set>

#include "graph/alike_stacks.hpp"
#include "graph/labels.hpp"

namespace isola {
namespace {

GroupState state_of(const Topology& topology, const GraphOptions& options, GroupId id) {
    if (auto it = options.states.find(id); it != options.states.end()) return it->second;
    const IommuGroup* group = topology.group(id);
    return group && group->noiommu ? GroupState::NoIommu : GroupState::HostOnly;
}

bool any_highlighted(const GraphOptions& options, std::span<const Bdf> functions,
                     std::span<const GroupId> groups) {
    return std::ranges::any_of(functions, [&](const Bdf& b) { return options.highlight.contains(b); }) ||
           std::ranges::any_of(groups, [&](GroupId g) { return options.highlight_groups.contains(g); });
}

// The VFs of each physical function, in address order, when they are to be drawn as one node.
// A lone VF is drawn as itself: "1 × VF" would hide its address and driver for no gain.
std::map<Bdf, std::vector<const Device*>> collapsible_vfs(const Topology& topology) {
    std::map<Bdf, std::vector<const Device*>> by_pf;
    for (const Device& d : topology.devices())
        if (d.sriov.physfn) by_pf[*d.sriov.physfn].push_back(&d);
    std::erase_if(by_pf, [](const auto& entry) { return entry.second.size() < 2; });
    return by_pf;
}

using RootBus = std::pair<std::uint32_t, std::uint8_t>;  // PCI domain, bus number
RootBus root_bus_of(const Device& d) { return {d.address.domain, d.address.bus}; }

class ModelBuilder {
public:
    ModelBuilder(const Topology& topology, const GraphOptions& options) : topology_(topology), options_(options) {
        model_.tree_known = topology.source().tree_known;
        model_.png_dpi = options.png_dpi;
    }

    GraphModel build() {
        if (options_.collapse_vfs) {
            summaries_ = collapsible_vfs(topology_);
            std::erase_if(summaries_, [this](const auto& entry) { return options_.expanded_pfs.contains(entry.first); });
        }
        std::map<Bdf, const Bdf*> summary_of;  // VF -> its PF's key in summaries_
        for (const auto& [pf, vfs] : summaries_)
            for (const Device* vf : vfs) summary_of[vf->address] = &pf;

        if (model_.tree_known) add_root_complexes();
        for (const Device& d : topology_.devices()) {
            auto in_summary = summary_of.find(d.address);
            if (in_summary == summary_of.end()) {
                if (!(options_.hide_bridges && d.is_bridge())) add_device(d);
            } else if (!summary_index_.contains(*in_summary->second)) {
                // The first VF met stands for the summary, so it lands next to its PF in node order.
                add_summary(*in_summary->second);
            }
        }
        add_clusters();
        if (model_.tree_known) add_edges();
        if (options_.stack_alike) stack_alike_subtrees(model_, topology_);
        add_label();
        return std::move(model_);
    }

private:
    // Root complexes are the buses of functions without a parent bridge: one per domain and root
    // bus, so a multi-socket EPYC shows pci0000:00, pci0000:20, ... as separate roots.
    void add_root_complexes() {
        std::set<RootBus> roots;
        for (const Device& d : topology_.devices())
            if (!d.parent) roots.insert(root_bus_of(d));
        for (const RootBus& key : roots) {
            std::string id = root_complex_id(key.first, key.second);
            root_index_[key] = model_.nodes.size();
            model_.nodes.push_back(GraphNode{
                .id = id,
                .kind = GraphNodeKind::RootComplex,
                .label_lines = {"Root complex", std::format("domain {:04x}, bus {:02x}", key.first, key.second)},
            });
        }
    }

    void add_device(const Device& d) {
        device_index_[d.address] = model_.nodes.size();
        model_.nodes.push_back(GraphNode{
            .id = d.address.str(),
            .kind = d.is_bridge() ? GraphNodeKind::Bridge : GraphNodeKind::Endpoint,
            .functions = {d.address},
            .label_lines = device_label_lines(d),
            .badges = device_badges(d),
            .group = d.iommu_group,
            .highlighted = any_highlighted(options_, std::span(&d.address, 1), {}),
        });
    }

    void add_summary(const Bdf& pf) {
        const std::vector<const Device*>& vfs = summaries_.at(pf);
        summary_index_[pf] = model_.nodes.size();
        GraphNode node{
            .id = "vfs-of-" + pf.str(),
            .kind = GraphNodeKind::VfSummary,
            .label_lines = vf_summary_label_lines(vfs),
        };
        std::vector<GroupId> groups;
        for (const Device* vf : vfs) {
            node.functions.push_back(vf->address);
            if (vf->iommu_group) groups.push_back(*vf->iommu_group);
        }
        // VFs that share one group (no ACS below the PF) sit in that group's cluster; VFs in
        // groups of their own get no clusters at all: the label lists the groups, and dot's time
        // grows with the number of clusters (README, "Performance").
        bool one_group = groups.size() == vfs.size() && std::ranges::all_of(groups, [&](GroupId g) { return g == groups.front(); });
        if (one_group) {
            node.group = groups.front();
        } else if (groups.size() == vfs.size()) {
            GroupState first = state_of(topology_, options_, groups.front());
            bool uniform = std::ranges::all_of(groups, [&](GroupId g) { return state_of(topology_, options_, g) == first; });
            if (uniform) node.fill_state = first;
            else node.label_lines.push_back("groups in different states");
        }
        node.highlighted = any_highlighted(options_, node.functions, groups);
        model_.nodes.push_back(std::move(node));
    }

    void add_clusters() {
        std::map<GroupId, std::vector<std::size_t>> members;
        for (std::size_t i = 0; i < model_.nodes.size(); ++i)
            if (model_.nodes[i].group) members[*model_.nodes[i].group].push_back(i);
        for (auto& [id, nodes] : members) {
            std::vector<Bdf> functions;
            if (const IommuGroup* g = topology_.group(id)) functions = g->members;
            GroupId ids[] = {id};
            const bool framed = nodes.size() == 1;
            model_.clusters.push_back(GraphCluster{
                .group = id,
                .state = state_of(topology_, options_, id),
                .highlighted = any_highlighted(options_, functions, ids),
                .label = std::format("IOMMU group {}", id),
                .nodes = std::move(nodes),
                .framed_node = framed,
            });
        }
    }

    void add_edges() {
        for (std::size_t i = 0; i < model_.nodes.size(); ++i) {
            const GraphNode& node = model_.nodes[i];
            if (node.kind == GraphNodeKind::RootComplex) continue;
            if (node.kind == GraphNodeKind::VfSummary) {
                Bdf pf = *topology_.find(node.functions.front())->sriov.physfn;
                if (auto it = device_index_.find(pf); it != device_index_.end()) {
                    model_.edges.push_back({it->second, i, GraphEdgeKind::Virtfn});
                    continue;
                }
            }
            // A summary whose PF is missing hangs where its first VF would; with bridges hidden,
            // a function hangs from its nearest drawn ancestor.
            const Device* up = topology_.find(node.functions.front());
            while (options_.hide_bridges && up->parent && !device_index_.contains(*up->parent)) {
                const Device* parent = topology_.find(*up->parent);
                if (!parent || !parent->is_bridge()) break;
                up = parent;
            }
            const Device& d = *up;
            if (!d.parent) {
                if (auto it = root_index_.find(root_bus_of(d)); it != root_index_.end())
                    model_.edges.push_back({it->second, i, GraphEdgeKind::Bus});
            } else if (auto it = device_index_.find(*d.parent); it != device_index_.end()) {
                model_.edges.push_back({it->second, i, GraphEdgeKind::Bus});
            }
            // A parent that is not in the topology gets no edge: drawing one to a root complex
            // would invent a bus link the source never showed.
        }
    }

    void add_label() {
        if (!options_.title.empty()) model_.label_lines.push_back(options_.title);
        if (!model_.tree_known)
            model_.label_lines.push_back("Bus tree not known in this source: IOMMU groups shown without connections");
        if (!topology_.has_groups())
            model_.label_lines.push_back("No IOMMU groups in this source (IOMMU off, or not recorded)");
    }

    const Topology& topology_;
    const GraphOptions& options_;
    GraphModel model_;
    std::map<Bdf, std::vector<const Device*>> summaries_;
    std::map<Bdf, std::size_t> device_index_;
    std::map<Bdf, std::size_t> summary_index_;
    std::map<RootBus, std::size_t> root_index_;
};

}  // namespace

GraphModel build_graph_model(const Topology& topology, const GraphOptions& options) {
    return ModelBuilder(topology, options).build();
}

}  // namespace isola
