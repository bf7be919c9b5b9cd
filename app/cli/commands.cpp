#include "commands.hpp"

#include <format>
#include <iostream>

#include "review/review.hpp"
#include "group_table.hpp"
#include "snapshot/snapshot.hpp"
#include "text/message.hpp"
#include "topology_source.hpp"

namespace isola::cli {
namespace {

int usage_error(const std::string& message) {
    std::cerr << "isolactl: " << message << "\n";
    return kExitUsage;
}

int input_error(const std::string& message) {
    std::cerr << "isolactl: " << message << "\n";
    return kExitNoInput;
}

void print_view(const LoadedTopology& loaded, bool json) {
    if (json) {
        std::cout << snapshot_to_json(loaded.topology);
        return;
    }
    if (loaded.demo)
        std::cout << say("Demo host: {} — a published listing of another machine, not this one.", loaded.demo->title)
                  << "\n";
    std::cout << render_host_summary(loaded.topology) << "\n" << render_group_table(loaded.topology);
}

int view_command(const std::vector<std::string>& raw, bool import_mode) {
    ArgumentSpec spec{{"--json", "--table"}, {}};
    add_source_options(spec);
    auto args = parse_arguments(raw, spec);
    if (!args) return usage_error(args.error());
    if (import_mode) {
        if (args->positional.size() != 1) return usage_error(say("import takes exactly one FILE"));
        if (args->value("--import") || args->value("--snapshot") || args->value("--demo"))
            return usage_error(say("import reads the FILE it is given; drop --import/--snapshot/--demo"));
        args->values["--import"] = args->positional.front();
    } else if (!args->positional.empty()) {
        return usage_error(say("scan takes no arguments, but was given \"{}\"", args->positional.front()));
    }
    if (args->has("--json") && args->has("--table")) return usage_error(say("choose --json or --table, not both"));
    auto loaded = load_topology(*args);
    if (!loaded) return input_error(loaded.error());
    print_view(*loaded, args->has("--json"));
    return 0;
}

}  // namespace

int run_scan(const std::vector<std::string>& args) { return view_command(args, false); }
int run_import(const std::vector<std::string>& args) { return view_command(args, true); }

int run_snapshot(const std::vector<std::string>& raw) {
    ArgumentSpec spec;
    add_source_options(spec);
    auto args = parse_arguments(raw, spec);
    if (!args) return usage_error(args.error());
    if (args->positional.size() != 2 || args->positional[0] != "save")
        return usage_error(say("usage: isolactl snapshot save FILE [source options]"));
    auto loaded = load_topology(*args);
    if (!loaded) return input_error(loaded.error());
    if (auto saved = save_snapshot(loaded->topology, args->positional[1]); !saved)
        return input_error(saved.error().message);
    // TRANSLATORS: {0} a number of PCI functions, {1} a number of IOMMU groups, {2} a file name.
    std::cout << say("Saved {0} PCI functions in {1} IOMMU groups to {2}", loaded->topology.devices().size(),
                     loaded->topology.groups().size(), args->positional[1])
              << "\n";
    return 0;
}

int run_demo(const std::vector<std::string>& args) {
    if (args.size() != 1 || args[0] != "list") return usage_error(say("usage: isolactl demo list"));
    for (const auto& d : demo_host_list()) std::cout << std::format("{:<30} {}\n", d.name, d.title);
    return 0;
}

int run_overview(const std::vector<std::string>& raw) {
    ArgumentSpec spec{{}, {"--graph"}};
    add_source_options(spec);
    auto args = parse_arguments(raw, spec);
    if (!args) return usage_error(args.error());
    auto loaded = load_topology(*args);
    if (!loaded) return input_error(loaded.error());

    // No groups here (a VM, or the IOMMU is off): after saying so, show what Isola does on a real
    // machine instead, labelled so nobody mistakes it for this host.
    const bool show_demo = !loaded->topology.has_groups() && !loaded->demo &&
                           loaded->topology.source().kind == SourceKind::LiveHost;
    print_view(*loaded, false);
    LoadedTopology shown = std::move(*loaded);
    if (show_demo) {
        const auto demo = demo_host_list().front();
        std::cout << "\n"
                  << say("This machine has no IOMMU groups, so here is Isola's view of a bundled demo host instead "
                         "(run 'isolactl demo list' for others).")
                  << "\n\n";
        auto d = isola::load_topology(TopologySource::demo_host(demo.name));
        if (!d) return input_error(d.error().message);
        shown = std::move(*d);
        print_view(shown, false);
    }
    // TRANSLATORS: put before the review of a bundled demo host, which follows right after the dash.
    std::cout << "\n" << (shown.demo ? say("Demo host — ") : std::string()) << render_review_text(review_host(shown.topology));
    if (const std::string* file = args->value("--graph")) {
        auto written = write_graph(shown.topology, *file, {}, {}, false, false);
        if (!written) return input_error(written.error());
        std::cout << "\n" << (shown.demo ? say("{} (the demo host)", *written) : *written) << "\n";
    }
    return 0;
}

}  // namespace isola::cli
