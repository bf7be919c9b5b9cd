#include "reader/read_host.hpp"

#include <algorithm>
#include <format>
#include <filesystem>
#include <future>
#include <set>
#include <thread>

#include "reader/describe_read.hpp"
#include "reader/device_attributes.hpp"
#include "reader/function_queue.hpp"
#include "reader/host_facts_reader.hpp"
#include "reader/host_usage_reader.hpp"
#include "reader/libpci_scan.hpp"

namespace isola {
namespace {

using IndexedDiagnostics = std::vector<std::pair<std::size_t, Diagnostic>>;

unsigned thread_count(const ReadOptions& options) {
    return options.threads ? options.threads : std::clamp(std::thread::hardware_concurrency(), 1u, 8u);
}

// Reads the attribute files of every function the queue hands out, until it is drained.
// Diagnostics carry the function's index so that they can be put in scan order afterwards.
void read_claimed_attributes(detail::FunctionQueue& queue, const sysfs::AttributeDir& devices_dir,
                             IndexedDiagnostics& diagnostics, bool wake_suspended) {
    std::vector<Diagnostic> found;
    while (auto index = queue.claim()) {
        detail::read_device_attributes(devices_dir, queue[*index], found, wake_suspended);
        for (auto& d : found) diagnostics.emplace_back(*index, std::move(d));
        found.clear();
    }
}

// Functions that went away while they were read (VFs removed, a hot unplug) are not on the host
// any more: each is left out with one diagnostic instead of the ones its missing files gave, and
// a group that held only such functions goes too. Only functions with facts missing are looked at
// again, so a quiet host pays nothing for this.
void drop_vanished(const HostRoots& roots, std::vector<Device>& devices, std::vector<IommuGroup>& groups,
                   std::vector<Diagnostic>& diagnostics) {
    const auto devices_dir = roots.sysfs / "bus" / "pci" / "devices";
    std::set<std::string> gone;
    std::erase_if(devices, [&](const Device& d) {
        if (d.vendor_id && d.driver) return false;
        std::error_code ec;
        if (std::filesystem::exists(devices_dir / d.address.str(), ec) || ec) return false;
        gone.insert(d.address.str());
        return true;
    });
    if (gone.empty()) return;
    std::erase_if(diagnostics, [&](const Diagnostic& d) { return gone.contains(d.subject); });
    for (const auto& address : gone) diagnostics.push_back(read_diagnostic(ReadDiagnosticKind::Vanished, address));
    std::erase_if(groups, [&](const IommuGroup& g) {
        return !g.members.empty() &&
               std::ranges::all_of(g.members, [&](const Bdf& m) { return gone.contains(m.str()); });
    });
}

}  // namespace

std::expected<Topology, ReadError> read_host(const HostRoots& roots, const ReadOptions& options) {
    // The scan runs in parts side by side: libpci enumerates on this thread (it is not
    // thread-safe), the other threads read each function's config registers and attribute files
    // as soon as libpci has published it, and the IOMMU groups are read meanwhile. Which thread read what does not show
    // in the result: diagnostics are put back in scan order.
    const unsigned threads = thread_count(options);
    std::vector<Diagnostic> group_diagnostics;
    std::future<std::vector<IommuGroup>> groups_read =
        std::async(threads > 1 ? std::launch::async : std::launch::deferred,
                   [&] { return detail::read_iommu_groups(roots, group_diagnostics); });

    std::vector<Diagnostic> diagnostics;
    detail::FunctionQueue queue;
    const sysfs::AttributeDir devices_dir(roots.sysfs / "bus" / "pci" / "devices");
    std::vector<IndexedDiagnostics> attribute_diagnostics(threads);
    std::expected<void, ReadError> scanned;
    {
        std::vector<std::jthread> readers;
        for (unsigned t = 1; t < threads; ++t)
            readers.emplace_back([&, t] {
                read_claimed_attributes(queue, devices_dir, attribute_diagnostics[t], options.wake_suspended);
            });
        scanned = detail::scan_with_libpci(roots, options, queue, diagnostics);
        read_claimed_attributes(queue, devices_dir, attribute_diagnostics[0], options.wake_suspended);
    }
    std::vector<IommuGroup> groups = groups_read.get();
    if (!scanned) return std::unexpected(scanned.error());

    IndexedDiagnostics in_order;
    for (auto& part : attribute_diagnostics) std::ranges::move(part, std::back_inserter(in_order));
    std::ranges::stable_sort(in_order, {}, &IndexedDiagnostics::value_type::first);
    for (auto& [index, d] : in_order) diagnostics.push_back(std::move(d));
    std::ranges::move(group_diagnostics, std::back_inserter(diagnostics));

    std::vector<Device> devices = queue.take();
    drop_vanished(roots, devices, groups, diagnostics);

    detail::attach_host_usage(roots, devices, diagnostics);
    HostFacts host = detail::read_host_facts(roots, groups);

    Source source;
    source.kind = SourceKind::LiveHost;
    source.origin = roots.sysfs.string();
    source.captured_at = std::format("{:%FT%TZ}", std::chrono::floor<std::chrono::seconds>(options.clock()));
    source.tree_known = true;
    return Topology(std::move(source), std::move(host), std::move(devices), std::move(groups), std::move(diagnostics));
}

}  // namespace isola
