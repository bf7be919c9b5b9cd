#include "load_topology.hpp"

#include "importers/import_listing.hpp"
#include "source/topology_source.hpp"

namespace isola::gui {
namespace {

TopologySource to_source(const LoadRequest& request) {
    switch (request.kind) {
        case LoadRequest::Kind::LiveHost:
            return request.roots == HostRoots{} ? TopologySource::live_host() : TopologySource::host_roots(request.roots);
        case LoadRequest::Kind::Listing: return TopologySource::listing(request.path.toStdString());
        case LoadRequest::Kind::Demo: return TopologySource::demo_host(request.path.toStdString());
        case LoadRequest::Kind::Snapshot: return TopologySource::snapshot(request.path.toStdString());
    }
    return TopologySource::live_host();
}

}  // namespace

LoadResult load_topology(const LoadRequest& request) {
    if (request.kind == LoadRequest::Kind::Listing && !request.text.isEmpty()) {
        // Pasted or dropped text: the importer isolactl import uses, on the text itself.
        auto imported = import_listing(request.text.toStdString(), ListingFormat::Auto, request.path.toStdString());
        if (!imported) return std::unexpected(QString::fromStdString(imported.error().message));
        return std::move(*imported);
    }
    // The same loader as isolactl's, so both read and refuse a source alike.
    auto loaded = isola::load_topology(to_source(request));
    if (!loaded) return std::unexpected(QString::fromStdString(loaded.error().message));
    return std::move(loaded->topology);
}

}  // namespace isola::gui
