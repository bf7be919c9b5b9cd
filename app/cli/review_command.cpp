// isolactl review: host-wide findings plus the VM definitions that claim devices.
#include <filesystem>
#include <format>
#include <fstream>
#include <iostream>

#include "commands.hpp"
#include "review/review.hpp"
#include "review/vm_definition_sources.hpp"
#include "text/message.hpp"
#include "topology_source.hpp"

namespace isola::cli {
int run_review(const std::vector<std::string>& raw) {
    ArgumentSpec spec{{"--json", "--no-vm-configs"}, {"--html", "--pve-mappings"}, {"--vm-configs", "--libvirt", "--proxmox"}};
    add_source_options(spec);
    auto args = parse_arguments(raw, spec);
    if (!args) return std::cerr << "isolactl: " << args.error() << "\n", kExitUsage;
    if (!args->positional.empty())
        return std::cerr << "isolactl: " << say("review takes no arguments, but was given \"{}\"", args->positional[0]) << "\n",
               kExitUsage;
    if (args->has("--json") && args->value("--html"))
        return std::cerr << "isolactl: " << say("choose --json or --html FILE, not both") << "\n", kExitUsage;

    auto loaded = load_topology(*args);
    if (!loaded) return std::cerr << "isolactl: " << loaded.error() << "\n", kExitNoInput;

    // Which VM definitions: the directories named, or those under the /etc root of a host read
    // from roots. A snapshot or listing is another machine's: this machine's VMs are not its VMs.
    std::vector<VmDefinitionDir> dirs;
    for (const auto& d : args->lists["--libvirt"]) dirs.push_back({d, VmDefinitionFormat::Libvirt});
    for (const auto& d : args->lists["--proxmox"]) dirs.push_back({d, VmDefinitionFormat::Proxmox});
    for (const auto& d : args->lists["--vm-configs"]) dirs.push_back({d, guess_vm_definition_format(d)});
    if (dirs.empty() && !args->has("--no-vm-configs") && loaded->roots) dirs = standard_vm_definition_dirs(*loaded->roots);
    VmDefinitionOptions vm_options;
    if (const std::string* file = args->value("--pve-mappings")) vm_options.proxmox_mappings = *file;
    auto vms = read_vm_definitions(dirs, loaded->topology.host().hostname, vm_options);
    if (!vms) return std::cerr << "isolactl: " << vms.error().message << "\n", kExitNoInput;

    const Review review = review_host(loaded->topology, *vms);
    if (args->has("--json")) {
        std::cout << render_review_json(review);
    } else if (const std::string* html = args->value("--html")) {
        std::ofstream out(*html, std::ios::binary | std::ios::trunc);
        if (!out || !(out << render_review_html(review)))
            return std::cerr << "isolactl: " << say("cannot write {}: check the directory exists and is writable", *html) << "\n",
                   kExitNoInput;
        // TRANSLATORS: {0} where the host was read from, {1} a number of findings, {2} a file name.
        std::cout << say_n("Wrote the review of {0} ({1} finding) to {2}", "Wrote the review of {0} ({1} findings) to {2}",
                           review.findings.size(), review.origin, review.findings.size(), *html)
                  << "\n";
    } else {
        std::cout << demo_banner(*loaded);
        std::cout << render_review_text(review);
    }
    return review_exit_code(review);
}

}  // namespace isola::cli
