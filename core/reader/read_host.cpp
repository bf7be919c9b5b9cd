#include "reader/read_host.hpp"

#include <format>

#include "reader/device_attributes.hpp"
#include "reader/host_facts_reader.hpp"
#include "reader/host_usage_reader.hpp"
#include "reader/libpci_scan.hpp"

namespace isola {

std::expected<Topology, ReadError> read_host(const HostRoots& roots, const ReadOptions& options) {
    std::vector<Diagnostic> diagnostics;
    auto devices = detail::scan_with_libpci(roots, options, diagnostics);
    if (!devices) return std::unexpected(devices.error());

    for (auto& d : *devices) detail::read_device_attributes(roots, d, diagnostics);
    auto groups = detail::read_iommu_groups(roots, diagnostics);
    detail::attach_host_usage(roots, *devices, diagnostics);
    HostFacts host = detail::read_host_facts(roots, groups);

    Source source;
    source.kind = SourceKind::LiveHost;
    source.origin = roots.sysfs.string();
    source.captured_at = std::format("{:%FT%TZ}", std::chrono::floor<std::chrono::seconds>(options.clock()));
    source.tree_known = true;
    return Topology(std::move(source), std::move(host), std::move(*devices), std::move(groups), std::move(diagnostics));
}

}  // namespace isola
