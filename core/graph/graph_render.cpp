#include "graph/graph_render.hpp"

#include <format>

#include "graph/graph_builder.hpp"
#include "graph/graphviz_session.hpp"
#include "graph/png_device.hpp"
#include "text/enum_names.hpp"

namespace isola {

namespace {

constexpr std::array kGraphFormatNames{
    EnumName<GraphFormat>{GraphFormat::Dot, "dot"},
    EnumName<GraphFormat>{GraphFormat::Svg, "svg"},
    EnumName<GraphFormat>{GraphFormat::Png, "png"},
};

}  // namespace

std::string_view to_string(GraphFormat format) { return name_of(kGraphFormatNames, format); }
std::optional<GraphFormat> graph_format_from_string(std::string_view name) {
    return value_of(kGraphFormatNames, name);
}

std::expected<RenderedGraph, GraphError> render_graph(const Topology& topology, const GraphOptions& options,
                                                      GraphFormat format) {
    GraphModel model = build_graph_model(topology, options);

    graphviz::Session session;
    graphviz::Graph graph(session, "isola");
    build_cgraph(model, graph);
    if (auto laid = run_dot(graph, model); !laid) return std::unexpected(laid.error());

    const std::string name(to_string(format));
    auto data = graph.render(format == GraphFormat::Png ? graphviz::kIsolaPngFormat : name.c_str());
    if (!data) {
        // PNG comes from the cairo plugin (libgvplugin_pango), which minimal installs may lack.
        return std::unexpected(GraphError{std::format(
            "Graphviz could not render the graph as {}: {}. Check that Graphviz's {} plugin is installed "
            "(\"dot -T?\" lists the formats it has).",
            name, data.error(), format == GraphFormat::Png ? "cairo (pango)" : "core")});
    }
    return RenderedGraph{.format = format, .data = std::move(*data)};
}

void prepare_graph_renderer(GraphFormat format) {
    // A labelled picture of nothing: the label makes pango load the fonts Isola's graphs use.
    (void)render_graph(Topology{}, GraphOptions{.title = "Isola"}, format);
}

}  // namespace isola
