// isola-graph-bench: how long the graph of a big SR-IOV host takes, in memory (no scan).
// The bar (performance issue): lstopo --whole-io draws a 4,096-function host, VFs collapsed, to
// PNG in 0.71 s, scan included. Run: isola-graph-bench --benchmark_filter=Png
#include <benchmark/benchmark.h>

#include "graph/graph_layout.hpp"
#include "graph/graph_model.hpp"
#include "graph/graph_render.hpp"
#include "synthetic_host.hpp"

namespace {

using namespace isola;

const Topology& host_of(std::size_t functions) {
    static std::map<std::size_t, Topology> hosts;
    auto [it, made] = hosts.try_emplace(functions);
    if (made) it->second = testing::make_synthetic_host(functions);
    return it->second;
}

void report_size(benchmark::State& state, const Topology& host, const GraphOptions& options) {
    GraphModel model = build_graph_model(host, options);
    state.counters["functions"] = static_cast<double>(host.devices().size());
    state.counters["nodes"] = static_cast<double>(model.nodes.size());
    state.counters["clusters"] = static_cast<double>(model.clusters.size());
}

// What `isolactl graph -o host.png` does after the scan: one dot layout and one PNG.
void LayoutAndPng(benchmark::State& state, bool collapse_vfs) {
    const Topology& host = host_of(static_cast<std::size_t>(state.range(0)));
    GraphOptions options{.collapse_vfs = collapse_vfs};
    for (auto _ : state) {
        auto png = render_graph(host, options, GraphFormat::Png);
        if (!png) state.SkipWithError(png.error().message.c_str());
        benchmark::DoNotOptimize(png);
    }
    report_size(state, host, options);
}

// What the GUI does: one dot layout, geometry read back.
void LayoutGeometry(benchmark::State& state) {
    const Topology& host = host_of(static_cast<std::size_t>(state.range(0)));
    for (auto _ : state) {
        auto layout = layout_graph(host, {});
        if (!layout) state.SkipWithError(layout.error().message.c_str());
        benchmark::DoNotOptimize(layout);
    }
    report_size(state, host, {});
}

// Topology -> nodes, clusters, edges, labels: Isola's own share, without Graphviz.
void BuildModel(benchmark::State& state) {
    const Topology& host = host_of(static_cast<std::size_t>(state.range(0)));
    for (auto _ : state) benchmark::DoNotOptimize(build_graph_model(host, {}));
}

}  // namespace

BENCHMARK_CAPTURE(LayoutAndPng, VfsCollapsed, true)
    ->Arg(1024)->Arg(4096)->Arg(16384)
    ->Unit(benchmark::kMillisecond)->Iterations(3)->Repetitions(5)->ReportAggregatesOnly(true);
BENCHMARK(LayoutGeometry)
    ->Arg(1024)->Arg(4096)->Arg(16384)
    ->Unit(benchmark::kMillisecond)->Iterations(3)->Repetitions(5)->ReportAggregatesOnly(true);
BENCHMARK(BuildModel)
    ->Arg(1024)->Arg(4096)->Arg(16384)
    ->Unit(benchmark::kMillisecond)->Repetitions(5)->ReportAggregatesOnly(true);
// Why VFs are collapsed: every VF its own node and cluster. Only the smallest host; 4k takes minutes.
BENCHMARK_CAPTURE(LayoutAndPng, VfsExpanded, false)
    ->Arg(1024)
    ->Unit(benchmark::kMillisecond)->Iterations(1)->Repetitions(3)->ReportAggregatesOnly(true);

BENCHMARK_MAIN();
