#include "bench_hosts.hpp"

#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <format>
#include <map>
#include <memory>
#include <print>
#include <system_error>

#include "reader/read_host.hpp"

namespace isola::bench {
namespace {

// Owns the written trees; its destructor (at exit) removes them.
class HostCache {
public:
    ~HostCache() {
        std::error_code ec;
        if (!dir_.empty()) std::filesystem::remove_all(dir_, ec);
    }
    const BenchHost& get(lab::ScaleShape shape, int functions) {
        auto key = std::pair{shape, functions};
        if (auto it = hosts_.find(key); it != hosts_.end()) return *it->second;
        if (dir_.empty()) dir_ = scratch_directory() / std::format("isola-bench-{}", ::getpid());
        const auto root = dir_ / std::format("{}-{}", lab::to_string(shape), functions);
        std::filesystem::remove_all(root);
        lab::write_fixture(lab::scale_machine(functions, shape), root);
        auto roots = HostRoots::under(root);
        auto topology = read_host(roots, {});
        if (!topology) {
            std::println(stderr, "isola-bench: cannot read the {} host of {} functions: {}", lab::to_string(shape),
                         functions, topology.error().message);
            std::exit(1);
        }
        auto host = std::make_unique<BenchHost>(BenchHost{root, roots, std::move(*topology)});
        return *hosts_.emplace(key, std::move(host)).first->second;
    }

private:
    std::filesystem::path dir_;
    std::map<std::pair<lab::ScaleShape, int>, std::unique_ptr<BenchHost>> hosts_;
};

HostCache& cache() {
    static HostCache hosts;
    return hosts;
}

}  // namespace

const BenchHost& bench_host(lab::ScaleShape shape, int functions) { return cache().get(shape, functions); }

std::filesystem::path scratch_directory() {
    std::error_code ec;
    if (std::filesystem::is_directory("/dev/shm", ec) && ::access("/dev/shm", W_OK) == 0) return "/dev/shm";
    return std::filesystem::temp_directory_path();
}

Bdf device_to_plan(const Topology& topology) {
    const Device* pf = nullptr;
    const Device* nvme = nullptr;
    const Device* any = nullptr;
    for (const Device& d : topology.devices()) {
        if (!d.iommu_group || d.is_bridge() || d.is_vf()) continue;
        if (d.base_class() == 0x03) return d.address;
        const bool mounted = d.usage.block && std::ranges::any_of(*d.usage.block, [](const BlockDevice& b) {
                                 return !b.mountpoints.empty();
                             });
        if (!pf && d.sriov.total_vfs.value_or(0) > 0) pf = &d;
        if (!nvme && d.class_id.value_or(0) == 0x0108 && !mounted) nvme = &d;
        if (!any) any = &d;
    }
    for (const Device* d : {pf, nvme, any})
        if (d) return d->address;
    std::println(stderr, "isola-bench: the host has no device to plan");
    std::exit(1);
}

}  // namespace isola::bench
