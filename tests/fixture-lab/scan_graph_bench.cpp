// isola-scan-graph-bench: what `isolactl graph -o host.png` costs on a 4,096-function SR-IOV host,
// split into its parts: the scan (one thread and all), the layout + PNG, and both together.
// The bar (issue 4): lstopo --whole-io draws such a host to PNG in 0.71 s, scan included.
// Run on tmpfs: isola-scan-graph-bench /dev/shm/isola-bench   (the tree is written, then removed)
#include "fixture_lab.hpp"

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <print>
#include <vector>

#include "graph/graph_render.hpp"
#include "reader/read_host.hpp"
#include "review/group_states.hpp"

namespace {

using Clock = std::chrono::steady_clock;

double median_seconds(int runs, const std::function<void()>& body) {
    std::vector<double> seconds;
    for (int i = 0; i < runs; ++i) {
        const auto start = Clock::now();
        body();
        seconds.push_back(std::chrono::duration<double>(Clock::now() - start).count());
    }
    std::ranges::sort(seconds);
    return seconds[seconds.size() / 2];
}

isola::Topology scan(const isola::HostRoots& roots, unsigned threads) {
    auto host = isola::read_host(roots, {.threads = threads});
    if (!host) {
        std::println(stderr, "{}", host.error().message);
        std::exit(1);
    }
    return std::move(*host);
}

void png(const isola::Topology& host) {
    // As `isolactl graph` does: groups coloured by their state, VFs collapsed.
    auto out = isola::render_graph(host, {.collapse_vfs = true, .states = isola::classify_groups(host)},
                                   isola::GraphFormat::Png);
    if (!out) {
        std::println(stderr, "{}", out.error().message);
        std::exit(1);
    }
}

}  // namespace

int main(int argc, char** argv) {
    const std::filesystem::path dir = argc > 1 ? argv[1] : "/dev/shm/isola-scan-graph-bench";
    constexpr int kRuns = 7;
    std::filesystem::remove_all(dir);
    isola::lab::write_fixture(isola::lab::scale_machine(4096), dir);
    const auto roots = isola::HostRoots::under(dir);

    const auto host = scan(roots, 0);
    std::println("{} functions, {} IOMMU groups; median of {} runs:", host.devices().size(), host.groups().size(), kRuns);
    const double one = median_seconds(kRuns, [&] { scan(roots, 1); });
    const double all = median_seconds(kRuns, [&] { scan(roots, 0); });
    const double draw = median_seconds(kRuns, [&] { png(host); });
    const double both = median_seconds(kRuns, [&] { png(scan(roots, 0)); });
    std::println("  scan, 1 thread      {:.3f} s", one);
    std::println("  scan, all threads   {:.3f} s  ({:.2f}x)", all, one / all);
    std::println("  layout + PNG        {:.3f} s", draw);
    std::println("  scan + layout + PNG {:.3f} s  (lstopo bar 0.71 s)", both);
    std::filesystem::remove_all(dir);
    return 0;
}
