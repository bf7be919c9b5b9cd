// isolactl probe: VFIO's attach tried on one device, as a VM's start would, and undone — through
// core/vfio. It changes nothing on the host: no driver moves, nothing is mapped, everything opened
// is closed.
#include <iostream>
#include <unistd.h>

#include "commands.hpp"
#include "request_arguments.hpp"
#include "text/message.hpp"
#include "through_helper.hpp"
#include "topology_source.hpp"
#include "vfio/attach_probe.hpp"
#include "vfio/describe_probe.hpp"
#include "vfio/probe_json.hpp"

namespace isola::cli {
namespace {

int fail(int code, const std::string& message) {
    std::cerr << "isolactl: " << message << "\n";
    return code;
}

}  // namespace

int run_probe(const std::vector<std::string>& raw) {
    ArgumentSpec spec{{"--json"}, {"--backend"}};
    add_source_options(spec);
    auto args = parse_arguments(raw, spec);
    if (!args) return fail(kExitUsage, args.error());
    if (args->positional.empty()) return fail(kExitUsage, say("probe needs a device address: isolactl probe BDF"));
    if (args->positional.size() > 1)
        return fail(kExitUsage, say("probe takes one device address, but was given {}", args->positional.size()));
    auto named = parse_addresses(args->positional);
    if (!named) return fail(kExitUsage, named.error());
    const Bdf device = named->front();
    auto chosen = parse_backend(*args, Backend::LegacyContainer);
    if (!chosen) return fail(kExitUsage, chosen.error());
    const Backend backend = *chosen;
    auto source = source_from_arguments(*args);
    if (!source) return fail(kExitUsage, source.error());
    // The kernel answers the probe, so it needs a host's device nodes, not a description of one.
    if (!source->reads_host_files())
        return fail(kExitUsage, say("probe opens the host's VFIO devices, so it reads the host itself (or --root DIR), "
                                    "not a snapshot, a listing or a demo host"));
    if (source->roots.dev.empty() || source->roots.sysfs.empty())
        return fail(kExitUsage, say("probe opens VFIO device nodes and reads sysfs: name --dev-root DIR and --sysfs-root "
                                    "DIR, or --root DIR"));
    // Not root on the real host: /dev/vfio is root's, so isola-helper probes (after polkit said yes).
    if (::geteuid() != 0 && source->roots.dev == "/dev" && source->roots.sysfs == "/sys")
        return probe_through_helper(device, backend, args->has("--json"));
    auto loaded = load_topology(*args);
    if (!loaded) return fail(kExitNoInput, loaded.error());

    KernelVfioCalls kernel;
    const AttachProbe probe = probe_attach(loaded->topology, source->roots, device, backend, kernel);
    if (args->has("--json")) std::cout << probe_to_json(probe);
    else if (probe.ok()) std::cout << describe(probe) << "\n";
    else std::cerr << "isolactl: " << describe(probe) << "\n";
    return probe.ok() ? 0 : kExitProbeFailed;
}

}  // namespace isola::cli
