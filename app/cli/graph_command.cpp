// isolactl graph: the Graphviz picture of a host, optionally with a plan's whole-group effect.
#include <filesystem>
#include <future>
#include <optional>
#include <format>
#include <fstream>
#include <iostream>

#include "commands.hpp"
#include "request_arguments.hpp"
#include "graph/graph_render.hpp"
#include "plan/attach_plan.hpp"
#include "graph/plan_overlay.hpp"
#include "text/message.hpp"
#include "topology_source.hpp"

namespace isola::cli {

namespace {

std::optional<GraphFormat> graph_format_of(const std::filesystem::path& file) {
    // The format's name is its file extension; ".gv" is Graphviz's other one for DOT.
    const auto ext = file.extension().string();
    if (ext == ".gv") return GraphFormat::Dot;
    if (!ext.starts_with('.')) return std::nullopt;
    return graph_format_from_string(std::string_view(ext).substr(1));
}

}  // namespace

std::expected<std::string, std::string> write_graph(const Topology& topology, const std::filesystem::path& file,
                                                    const std::vector<Bdf>& plan_devices, const std::string& vm,
                                                    bool expand_vfs, bool each_device) {
    const std::optional<GraphFormat> format = graph_format_of(file);
    if (!format)
        return std::unexpected(say("cannot tell the picture format of \"{}\": name it .svg, .png or .dot", file.string()));
    std::optional<AttachPlan> plan;
    if (!plan_devices.empty()) plan = plan_attach(topology, AttachRequest{.devices = plan_devices, .vm = vm});
    GraphOptions options = graph_options_for(topology, plan ? &*plan : nullptr);
    options.collapse_vfs = !expand_vfs;
    options.stack_alike = !each_device;
    auto rendered = render_graph(topology, options, *format);
    if (!rendered) return std::unexpected(rendered.error().message);
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    if (!out || !out.write(rendered->data.data(), static_cast<std::streamsize>(rendered->data.size())))
        return std::unexpected(say("cannot write {}: check the directory exists and is writable", file.string()));
    // TRANSLATORS: {0} a number of PCI functions, {1} a number of IOMMU groups, {2} a file name.
    return say("Wrote the graph of {0} PCI functions in {1} IOMMU groups to {2}", topology.devices().size(),
               topology.groups().size(), file.string());
}

int run_graph(const std::vector<std::string>& raw) {
    ArgumentSpec spec{{"--expand-vfs", "--each-device"}, {"-o", "--output", "--vm"}, {"--plan"}};
    add_source_options(spec);
    // "-o FILE" is the conventional spelling; the parser knows only long options, so map it.
    std::vector<std::string> args_in = raw;
    for (auto& a : args_in)
        if (a == "-o") a = "--output";
    auto args = parse_arguments(args_in, spec);
    if (!args) return std::cerr << "isolactl: " << args.error() << "\n", kExitUsage;
    const std::string* output = args->value("--output");
    if (!output) return std::cerr << "isolactl: " << say("graph needs an output file: -o FILE.svg|FILE.png|FILE.dot") << "\n", kExitUsage;
    auto named = parse_addresses(args->lists["--plan"]);
    if (!named) return std::cerr << "isolactl: " << named.error() << "\n", kExitUsage;
    const std::vector<Bdf>& plan_devices = *named;
    const std::string vm = args->value("--vm") ? *args->value("--vm") : std::string("vm");
    // Graphviz's first render loads plugins and fonts; that happens meanwhile on another thread.
    auto renderer_ready = std::async(std::launch::async, [format = graph_format_of(*output)] {
        if (format) prepare_graph_renderer(*format);
    });
    auto loaded = load_topology(*args);
    if (!loaded) return std::cerr << "isolactl: " << loaded.error() << "\n", kExitNoInput;
    auto written = write_graph(loaded->topology, *output, plan_devices, vm, args->has("--expand-vfs"),
                               args->has("--each-device"));
    if (!written) return std::cerr << "isolactl: " << written.error() << "\n", kExitNoInput;
    std::cout << *written << "\n";
    return 0;
}

}  // namespace isola::cli
