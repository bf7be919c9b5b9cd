#include "topology_source.hpp"

#include <format>

#include "text/message.hpp"

namespace isola::cli {

void add_source_options(ArgumentSpec& spec) {
    spec.flags.insert("--wake");
    spec.with_value.insert({"--root", "--sysfs-root", "--proc-root", "--dev-root", "--etc-root", "--pci-ids",
                            "--snapshot", "--import", "--format", "--demo"});
}

std::expected<TopologySource, std::string> source_from_arguments(const Arguments& args) {
    const int sources = (args.value("--snapshot") ? 1 : 0) + (args.value("--import") ? 1 : 0) +
                        (args.value("--demo") ? 1 : 0);
    const bool single_roots = args.value("--sysfs-root") || args.value("--proc-root") || args.value("--dev-root") ||
                              args.value("--etc-root");
    const bool roots = single_roots || args.value("--root");
    if (sources > 1 || (sources == 1 && roots))
        return std::unexpected(
            say("choose one source: the live host (optionally --root DIR or --sysfs-root/--proc-root/--dev-root/--etc-root), "
                "--snapshot FILE, --import FILE or --demo NAME"));
    if (args.value("--root") && single_roots)
        return std::unexpected(say("--root DIR names every root; drop --sysfs-root/--proc-root/--dev-root/--etc-root"));
    if (args.value("--format") && !args.value("--import"))
        return std::unexpected(say("--format applies only to --import FILE"));

    if (auto* file = args.value("--snapshot")) return TopologySource::snapshot(*file);
    if (auto* file = args.value("--import")) {
        auto format = ListingFormat::Auto;
        if (auto* f = args.value("--format")) {
            auto parsed = listing_format_from_string(*f);
            if (!parsed) return std::unexpected(say("unknown listing format \"{}\"", *f));
            format = *parsed;
        }
        return TopologySource::listing(*file, format);
    }
    if (auto* name = args.value("--demo")) return TopologySource::demo_host(*name);
    if (auto* root = args.value("--root")) return TopologySource::host_roots(HostRoots::under(*root));
    if (!roots) return TopologySource::live_host();

    // Roots given one by one describe another tree: what it does not name is not this machine's.
    // An empty root is "not given" and what it would tell stays unknown (core/reader/host_roots.hpp).
    auto root = [&](const char* option, const char* own) {
        if (auto* v = args.value(option)) return std::filesystem::path(*v);
        return args.value("--sysfs-root") ? std::filesystem::path() : std::filesystem::path(own);
    };
    HostRoots r;
    r.sysfs = root("--sysfs-root", "/sys");
    r.proc = root("--proc-root", "/proc");
    r.dev = root("--dev-root", "/dev");
    r.etc = args.value("--etc-root") ? std::filesystem::path(*args.value("--etc-root")) : std::filesystem::path();
    return TopologySource::host_roots(std::move(r));
}

std::expected<LoadedTopology, std::string> load_topology(const Arguments& args) {
    auto source = source_from_arguments(args);
    if (!source) return std::unexpected(source.error());
    ReadOptions options;
    if (auto* v = args.value("--pci-ids")) options.pci_ids = *v;
    options.wake_suspended = args.has("--wake");
    auto loaded = isola::load_topology(*source, options);
    if (!loaded) return std::unexpected(loaded.error().message);
    return std::move(*loaded);
}

std::string demo_banner(const LoadedTopology& loaded) {
    return loaded.demo ? say("Demo host: {} — not this machine.", loaded.demo->title) + "\n\n" : std::string();
}

}  // namespace isola::cli
