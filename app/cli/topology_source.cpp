#include "topology_source.hpp"

#include <format>
#include <fstream>
#include <sstream>

#include "isola_demo_hosts.hpp"
#include "importers/import_listing.hpp"
#include "reader/read_host.hpp"
#include "snapshot/snapshot.hpp"

namespace isola::cli {

void add_source_options(ArgumentSpec& spec) {
    spec.with_value.insert({"--sysfs-root", "--proc-root", "--dev-root", "--pci-ids", "--snapshot", "--import",
                            "--format", "--demo"});
}

std::expected<LoadedTopology, std::string> load_demo(const std::string& name) {
    const DemoHost* demo = find_demo_host(name);
    if (!demo) {
        std::string known;
        for (const auto& d : demo_hosts()) known += std::string(known.empty() ? "" : ", ") + std::string(d.name);
        return std::unexpected(std::format("there is no demo host \"{}\"; the bundled ones are: {}", name, known));
    }
    auto t = import_listing(demo->listing, ListingFormat::Auto, std::format("demo host {}", demo->name));
    if (!t) return std::unexpected(t.error().message);
    return LoadedTopology{std::move(*t), std::string(demo->title)};
}

std::expected<LoadedTopology, std::string> load_topology(const Arguments& args) {
    const int sources = (args.value("--snapshot") ? 1 : 0) + (args.value("--import") ? 1 : 0) +
                        (args.value("--demo") ? 1 : 0);
    const bool roots = args.value("--sysfs-root") || args.value("--proc-root") || args.value("--dev-root");
    if (sources > 1 || (sources == 1 && roots))
        return std::unexpected(std::string(
            "choose one source: the live host (optionally --sysfs-root/--proc-root/--dev-root), --snapshot FILE, "
            "--import FILE or --demo NAME"));
    if (args.value("--format") && !args.value("--import"))
        return std::unexpected(std::string("--format applies only to --import FILE"));

    if (auto* file = args.value("--snapshot")) {
        auto t = load_snapshot(*file);
        if (!t) return std::unexpected(t.error().message);
        return LoadedTopology{std::move(*t), {}};
    }
    if (auto* file = args.value("--import")) {
        auto format = ListingFormat::Auto;
        if (auto* f = args.value("--format")) {
            auto parsed = listing_format_from_string(*f);
            if (!parsed) return std::unexpected(std::format("unknown listing format \"{}\"", *f));
            format = *parsed;
        }
        std::ifstream in(*file, std::ios::binary);
        if (!in) return std::unexpected(std::format("cannot open listing {}: no such file or not readable", *file));
        std::stringstream text;
        text << in.rdbuf();
        auto t = import_listing(text.str(), format, *file);
        if (!t) return std::unexpected(t.error().message);
        return LoadedTopology{std::move(*t), {}};
    }
    if (auto* name = args.value("--demo")) return load_demo(*name);

    HostRoots r;
    if (auto* v = args.value("--sysfs-root")) r.sysfs = *v;
    if (auto* v = args.value("--proc-root")) r.proc = *v;
    if (auto* v = args.value("--dev-root")) r.dev = *v;
    ReadOptions options;
    if (auto* v = args.value("--pci-ids")) options.pci_ids = *v;
    auto t = read_host(r, options);
    if (!t) return std::unexpected(t.error().message);
    return LoadedTopology{std::move(*t), {}};
}

}  // namespace isola::cli
