// The graph of a topology as a file: DOT text (laid out, with positions), SVG or PNG, rendered by
// Graphviz itself. For export and the CLI; the GUI draws layout_graph()'s geometry instead.
//
// render_graph() takes Graphviz's process-wide lock (see graphviz_session.hpp); any thread may call it.
#pragma once

#include <expected>
#include <optional>
#include <string>
#include <string_view>

#include "graph/graph_options.hpp"
#include "topology/topology.hpp"

namespace isola {

enum class GraphFormat { Dot, Svg, Png };
std::string_view to_string(GraphFormat);  // "dot", "svg", "png": Graphviz's -T names and file extensions
std::optional<GraphFormat> graph_format_from_string(std::string_view);

struct RenderedGraph {
    GraphFormat format = GraphFormat::Svg;
    std::string data;  // text for Dot and Svg, bytes for Png
};

std::expected<RenderedGraph, GraphError> render_graph(const Topology& topology, const GraphOptions& options,
                                                      GraphFormat format);

// Loads what the first render of `format` in a process needs (Graphviz's plugins, and for PNG
// cairo, pango and the fonts): about 0.07 s that can be spent on another thread while the host
// is read. Optional; render_graph() is the same without it, only slower the first time.
void prepare_graph_renderer(GraphFormat format);

}  // namespace isola
