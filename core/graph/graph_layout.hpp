// The graph of a topology laid out by Graphviz dot, as plain geometry for a GUI to draw with its
// own items (Graphviz itself never paints in the GUI). Coordinates are points (1/72 inch) with
// the origin at the top left and y growing downwards, as in Qt.
//
// layout_graph() takes Graphviz's process-wide lock (see graphviz_session.hpp) and may run on any
// thread; run it off the GUI thread: a host with hundreds of groups takes dot a noticeable time.
#pragma once

#include <expected>
#include <optional>
#include <string>
#include <vector>

#include "graph/graph_model.hpp"
#include "graph/graph_options.hpp"
#include "topology/topology.hpp"

namespace isola {

struct GraphPoint {
    double x = 0;
    double y = 0;
    friend bool operator==(const GraphPoint&, const GraphPoint&) = default;
};

struct GraphRect {
    double x = 0;  // left
    double y = 0;  // top
    double width = 0;
    double height = 0;
    [[nodiscard]] bool contains(const GraphRect& inner) const {
        return inner.x >= x && inner.y >= y && inner.x + inner.width <= x + width && inner.y + inner.height <= y + height;
    }
    friend bool operator==(const GraphRect&, const GraphRect&) = default;
};

struct NodeBox {
    GraphNode node;  // id, kind, functions, label lines, group, highlight
    GraphRect box;
};

struct ClusterBox {
    GroupId group = 0;
    GroupState state = GroupState::HostOnly;
    bool highlighted = false;
    std::string label;  // drawn at the top left inside the box
    GraphRect box;
    // The group has one node, laid out by dot together with this frame (GraphCluster::framed_node):
    // edges to and from that node end at the frame, not at the node's card.
    bool framed_node = false;
};

struct EdgePath {
    std::size_t from = 0;  // index into GraphLayout::nodes
    std::size_t to = 0;
    GraphEdgeKind kind = GraphEdgeKind::Bus;
    // Cubic Bézier: a start point, then three points per segment (1 + 3k points).
    std::vector<GraphPoint> points;
    // Where the arrowhead's tip is; the path ends at the arrowhead's base.
    std::optional<GraphPoint> arrow_tip;
};

struct GraphLayout {
    double width = 0;
    double height = 0;
    std::vector<NodeBox> nodes;
    std::vector<ClusterBox> clusters;
    std::vector<EdgePath> edges;
    std::vector<std::string> label_lines;  // title and notes, drawn at the top
};

std::expected<GraphLayout, GraphError> layout_graph(const Topology& topology, const GraphOptions& options);

}  // namespace isola
