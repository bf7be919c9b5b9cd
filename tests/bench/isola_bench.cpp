// isola-bench: Isola's work on the fixture lab's scale hosts, in process (Google Benchmark), per
// shape (vf-heavy, switch-heavy, one-group, multi-domain) at 1k, 4k and 16k functions:
//   Scan         read_host() of the written tree (libpci, sysfs attributes, config space, usage)
//   GraphPng     what `isolactl graph -o host.png` does after the scan: states, layout, PNG
//   GraphSvg     the same to SVG
//   Layout       what the GUI does: the layout's geometry, every device a card, no picture
//   Plan         plan_attach() of one device (a GPU, else a PF, else a spare NVMe drive)
//   Review       review_host() of the whole host
//   Explain      explain_groups() of every group
//   Json         `isolactl scan --json`'s document (snapshot_to_json)
// Targets (issue 12): plan <= 1 ms, review and explain <= 20 ms at 4k. Whole processes against
// lspci and lstopo: compare.sh. Names are Kind/shape/functions, e.g. --benchmark_filter='Plan/.*/4096'.
// --smoke: every benchmark once at 1k (CI), so a broken path fails without costing minutes.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstring>
#include <format>
#include <functional>
#include <string>
#include <vector>

#include "bench_hosts.hpp"
#include "explain/explain_groups.hpp"
#include "graph/graph_layout.hpp"
#include "graph/graph_render.hpp"
#include "plan/attach_plan.hpp"
#include "reader/read_host.hpp"
#include "review/group_states.hpp"
#include "review/review.hpp"
#include "snapshot/snapshot.hpp"

namespace {

using namespace isola;
using bench::bench_host;
using lab::ScaleShape;

void count(benchmark::State& state, const Topology& t) {
    state.counters["functions"] = static_cast<double>(t.devices().size());
    state.counters["groups"] = static_cast<double>(t.groups().size());
}

void Scan(benchmark::State& state, ScaleShape shape, int functions) {
    const auto& host = bench_host(shape, functions);
    for (auto _ : state) {
        auto t = read_host(host.roots, {});
        if (!t) state.SkipWithError(t.error().message.c_str());
        benchmark::DoNotOptimize(t);
    }
    count(state, host.topology);
}

void Graph(benchmark::State& state, ScaleShape shape, int functions, GraphFormat format) {
    const auto& host = bench_host(shape, functions);
    for (auto _ : state) {
        auto out = render_graph(host.topology, {.states = classify_groups(host.topology)}, format);
        if (!out) state.SkipWithError(out.error().message.c_str());
        benchmark::DoNotOptimize(out);
    }
    count(state, host.topology);
}

void Layout(benchmark::State& state, ScaleShape shape, int functions) {
    const auto& host = bench_host(shape, functions);
    for (auto _ : state) {
        // As the GUI asks for it: every device a card of its own.
        auto layout = layout_graph(host.topology, {.states = classify_groups(host.topology), .stack_alike = false});
        if (!layout) state.SkipWithError(layout.error().message.c_str());
        benchmark::DoNotOptimize(layout);
    }
    count(state, host.topology);
}

void Plan(benchmark::State& state, ScaleShape shape, int functions) {
    const auto& host = bench_host(shape, functions);
    const AttachRequest request{.devices = {bench::device_to_plan(host.topology)}, .vm = "bench"};
    for (auto _ : state) benchmark::DoNotOptimize(plan_attach(host.topology, request));
    count(state, host.topology);
}

void Review(benchmark::State& state, ScaleShape shape, int functions) {
    const auto& host = bench_host(shape, functions);
    for (auto _ : state) benchmark::DoNotOptimize(review_host(host.topology));
    count(state, host.topology);
}

void Explain(benchmark::State& state, ScaleShape shape, int functions) {
    const auto& host = bench_host(shape, functions);
    for (auto _ : state) benchmark::DoNotOptimize(explain_groups(host.topology));
    count(state, host.topology);
}

void Json(benchmark::State& state, ScaleShape shape, int functions) {
    const auto& host = bench_host(shape, functions);
    for (auto _ : state) benchmark::DoNotOptimize(snapshot_to_json(host.topology));
    count(state, host.topology);
}

void register_all(const std::vector<int>& sizes, bool smoke) {
    using Body = std::function<void(benchmark::State&, ScaleShape, int)>;
    const std::vector<std::pair<const char*, Body>> kinds{
        {"Scan", Scan},
        {"GraphPng", [](auto& s, auto shape, int n) { Graph(s, shape, n, GraphFormat::Png); }},
        {"GraphSvg", [](auto& s, auto shape, int n) { Graph(s, shape, n, GraphFormat::Svg); }},
        {"Layout", Layout},
        {"Plan", Plan},
        {"Review", Review},
        {"Explain", Explain},
        {"Json", Json},
    };
    for (const auto& [name, body] : kinds)
        for (ScaleShape shape : lab::kScaleShapes)
            for (int n : sizes) {
                auto* b = benchmark::RegisterBenchmark(std::format("{}/{}/{}", name, lab::to_string(shape), n),
                                                       [body, shape, n](benchmark::State& s) { body(s, shape, n); });
                b->Unit(benchmark::kMillisecond)->UseRealTime();
                // Medians of several runs, as the targets are stated (whole seconds at 16k: fewer).
                b->Repetitions(smoke ? 1 : n >= 16384 ? 3 : 5)->ReportAggregatesOnly(true)->ComputeStatistics(
                    "min", [](const std::vector<double>& v) { return *std::ranges::min_element(v); });
            }
}

}  // namespace

int main(int argc, char** argv) {
    bool smoke = false;
    std::vector<char*> args;
    for (int i = 0; i < argc; ++i) {
        if (std::strcmp(argv[i], "--smoke") == 0) {
            smoke = true;
            continue;
        }
        args.push_back(argv[i]);
    }
    std::string once = "--benchmark_min_time=1x";
    if (smoke) {
        register_all({1024}, true);
        args.push_back(once.data());
    } else {
        register_all({1024, 4096, 16384}, false);
    }
    int count = static_cast<int>(args.size());
    benchmark::Initialize(&count, args.data());
    if (benchmark::ReportUnrecognizedArguments(count, args.data())) return 2;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
