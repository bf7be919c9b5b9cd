// isolactl review: host-wide findings plus the VM definitions that claim devices.
#include <filesystem>
#include <format>
#include <fstream>
#include <iostream>

#include "commands.hpp"
#include "review/review.hpp"
#include "review/vm_definition.hpp"
#include "topology_source.hpp"

namespace isola::cli {
namespace {

namespace fs = std::filesystem;

// A directory of Proxmox <vmid>.conf files, or of libvirt domain XML files.
bool looks_like_proxmox(const fs::path& dir) {
    std::error_code ec;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec))
        if (it->path().extension() == ".conf") return true;
    return false;
}

}  // namespace

int run_review(const std::vector<std::string>& raw) {
    ArgumentSpec spec{{"--json", "--no-vm-configs"}, {"--html", "--pve-mappings"}, {"--vm-configs", "--libvirt", "--proxmox"}};
    add_source_options(spec);
    auto args = parse_arguments(raw, spec);
    if (!args) return std::cerr << "isolactl: " << args.error() << "\n", kExitUsage;
    if (!args->positional.empty())
        return std::cerr << std::format("isolactl: review takes no arguments, but was given \"{}\"\n", args->positional[0]),
               kExitUsage;
    if (args->has("--json") && args->value("--html"))
        return std::cerr << "isolactl: choose --json or --html FILE, not both\n", kExitUsage;

    auto loaded = load_topology(*args);
    if (!loaded) return std::cerr << "isolactl: " << loaded.error() << "\n", kExitNoInput;

    // Which VM definition directories: the ones named, or on the live host the standard places.
    std::vector<std::pair<fs::path, bool /*proxmox*/>> dirs;
    for (const auto& d : args->lists["--libvirt"]) dirs.emplace_back(d, false);
    for (const auto& d : args->lists["--proxmox"]) dirs.emplace_back(d, true);
    for (const auto& d : args->lists["--vm-configs"]) dirs.emplace_back(d, looks_like_proxmox(d));
    const bool named = !dirs.empty();
    if (!named && !args->has("--no-vm-configs") && loaded->topology.source().kind == SourceKind::LiveHost &&
        !args->value("--sysfs-root")) {
        for (auto [dir, proxmox] : {std::pair<fs::path, bool>{"/etc/libvirt/qemu", false}, {"/etc/pve/qemu-server", true}})
            if (fs::is_directory(dir)) dirs.emplace_back(dir, proxmox);
    }
    std::vector<VmDefinition> vms;
    for (const auto& [dir, proxmox] : dirs) {
        auto read = proxmox ? read_proxmox_configs(dir) : read_libvirt_domains(dir);
        if (!read) return std::cerr << "isolactl: " << read.error().message << "\n", kExitNoInput;
        if (proxmox) {
            // "mapping=NAME" claims resolve through the cluster's pci.cfg, for this node.
            const std::string* named_file = args->value("--pve-mappings");
            const auto file = named_file ? std::optional<fs::path>(*named_file) : find_proxmox_pci_mappings(dir);
            const auto node = loaded->topology.host().hostname;
            if (file && node) {
                auto mappings = read_proxmox_pci_mappings(*file);
                if (!mappings) return std::cerr << "isolactl: " << mappings.error().message << "\n", kExitNoInput;
                resolve_proxmox_mappings(*read, *mappings, *node);
            }
        }
        for (auto& vm : *read) vms.push_back(std::move(vm));
    }

    const Review review = review_host(loaded->topology, vms);
    if (args->has("--json")) {
        std::cout << render_review_json(review);
    } else if (const std::string* html = args->value("--html")) {
        std::ofstream out(*html, std::ios::binary | std::ios::trunc);
        if (!out || !(out << render_review_html(review)))
            return std::cerr << std::format("isolactl: cannot write {}: check the directory exists and is writable\n", *html),
                   kExitNoInput;
        std::cout << std::format("Wrote the review of {} ({} findings) to {}\n", review.origin, review.findings.size(), *html);
    } else {
        if (!loaded->demo_title.empty()) std::cout << "Demo host: " << loaded->demo_title << " — not this machine.\n\n";
        std::cout << render_review_text(review);
    }
    return review_exit_code(review);
}

}  // namespace isola::cli
