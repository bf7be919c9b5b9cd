// What the graph shows, before Graphviz places it: nodes with their label text, IOMMU-group
// clusters and tree edges. Plain values, no Graphviz; layout_graph() and render_graph() hand
// this to dot, and tests can check VF collapsing or labels without a layout.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "graph/badges.hpp"
#include "graph/graph_options.hpp"
#include "topology/topology.hpp"

namespace isola {

enum class GraphNodeKind {
    RootComplex,  // one per PCI domain and root bus, "pci0000:00"
    Bridge,       // root port, switch port, PCIe-to-PCI bridge
    Endpoint,     // any other function
    VfSummary,    // the collapsed VFs of one physical function
};

struct GraphNode {
    std::string id;                        // "0000:01:00.0", "pci0000:00", "vfs-of-0000:3b:00.0"
    GraphNodeKind kind = GraphNodeKind::Endpoint;
    std::vector<Bdf> functions;            // the function drawn, or every VF of a summary; none for a root complex
    std::vector<std::string> label_lines;  // plain text (not escaped); the first line is the title
    std::vector<DeviceBadge> badges;       // a device's host use and vfio-pci; one more label line when any
    std::optional<GroupId> group;          // the cluster the node sits in
    // A summary outside any cluster is filled with its VFs' state when they all share one.
    std::optional<GroupState> fill_state;
    bool highlighted = false;
    // How many alike nodes this one stands for (GraphOptions::stack_alike); `functions` holds all of theirs.
    std::size_t copies = 1;
    friend bool operator==(const GraphNode&, const GraphNode&) = default;
};

struct GraphCluster {
    GroupId group = 0;
    GroupState state = GroupState::HostOnly;
    bool highlighted = false;
    std::string label;                // "IOMMU group 14"
    std::vector<std::size_t> nodes;   // indices into GraphModel::nodes
    std::vector<GroupId> stacked_groups;  // with stacked nodes: every copy's group, this one's included
    // A group with one node is not a dot cluster: Isola draws its frame and label as part of the
    // node (a "framed node"), and dot lays out a plain node. Clusters cost dot time far beyond
    // their number of nodes (README, "Performance"); most groups on a server have one function.
    bool framed_node = false;
    friend bool operator==(const GraphCluster&, const GraphCluster&) = default;
};

enum class GraphEdgeKind {
    Bus,     // Device::parent -> device (or root complex -> device on a root bus)
    Virtfn,  // physical function -> the summary of its VFs (drawn dashed)
};

struct GraphEdge {
    std::size_t from = 0;  // index into GraphModel::nodes
    std::size_t to = 0;
    GraphEdgeKind kind = GraphEdgeKind::Bus;
    friend bool operator==(const GraphEdge&, const GraphEdge&) = default;
};

struct GraphModel {
    std::vector<GraphNode> nodes;
    std::vector<GraphCluster> clusters;  // sorted by group; only groups with a node to show
    std::vector<GraphEdge> edges;        // empty when the source has no bus tree
    std::vector<std::string> label_lines;  // title, then notes ("bus tree not known ...")
    bool tree_known = true;
    double png_dpi = 72;
    friend bool operator==(const GraphModel&, const GraphModel&) = default;
};

GraphModel build_graph_model(const Topology& topology, const GraphOptions& options);

}  // namespace isola
