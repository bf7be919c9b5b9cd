#include "source/topology_source.hpp"

#include <format>

#include "isola_demo_hosts.hpp"
#include "snapshot/snapshot.hpp"
#include "text/message.hpp"
#include "text/user_file.hpp"

namespace isola {
namespace {

std::expected<LoadedTopology, LoadError> from_listing(std::string_view text, ListingFormat format, std::string origin) {
    auto t = import_listing(text, format, std::move(origin));
    if (!t) return std::unexpected(LoadError{t.error().message});
    return LoadedTopology{std::move(*t), std::nullopt, std::nullopt};
}

std::expected<LoadedTopology, LoadError> load_demo(const std::string& name) {
    const DemoHost* demo = find_demo_host(name);
    if (!demo) {
        std::string known;
        for (const auto& d : demo_hosts()) known += std::string(known.empty() ? "" : ", ") + std::string(d.name);
        return std::unexpected(LoadError{say("there is no demo host \"{0}\"; the bundled ones are: {1}", name, known)});
    }
    auto loaded = from_listing(demo->listing, ListingFormat::Auto, std::format("demo host {}", demo->name));
    if (loaded) loaded->demo = DemoHostInfo{std::string(demo->name), std::string(demo->title)};
    return loaded;
}

}  // namespace

std::vector<DemoHostInfo> demo_host_list() {
    std::vector<DemoHostInfo> out;
    for (const auto& d : demo_hosts()) out.push_back({std::string(d.name), std::string(d.title)});
    return out;
}

std::expected<LoadedTopology, LoadError> load_topology(const TopologySource& source, const ReadOptions& options) {
    switch (source.kind) {
        case TopologySource::Kind::LiveHost:
        case TopologySource::Kind::Roots: {
            if (!options.pci_ids.empty())
                if (auto ok = check_user_file(options.pci_ids, kPciIdsSizeLimit, UserFileKind::PciIds); !ok)
                    return std::unexpected(LoadError{ok.error().message});
            auto t = read_host(source.roots, options);
            if (!t) return std::unexpected(LoadError{t.error().message});
            return LoadedTopology{std::move(*t), std::nullopt, source.roots};
        }
        case TopologySource::Kind::Snapshot: {
            auto t = load_snapshot(source.file);
            if (!t) return std::unexpected(LoadError{t.error().message});
            return LoadedTopology{std::move(*t), std::nullopt, std::nullopt};
        }
        case TopologySource::Kind::Listing: {
            auto text = read_user_file(source.file, kListingSizeLimit, UserFileKind::Listing);
            if (!text) return std::unexpected(LoadError{text.error().message});
            return from_listing(*text, source.format, source.file.string());
        }
        case TopologySource::Kind::Demo: return load_demo(source.demo);
    }
    return std::unexpected(LoadError{say("unknown kind of topology source")});
}

}  // namespace isola
