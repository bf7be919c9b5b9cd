// Proxmox qemu-server configs (qm.conf(5)): "name:" and "hostpciN: [[host=]ID[;ID...]][,opt=...]".
// "host=01:00" without a function passes every function of the slot. "mapping=NAME" refers to
// the cluster-wide /etc/pve/mapping/pci.cfg, which this reader does not have, so it is reported.
#include <algorithm>
#include <cctype>
#include <format>

#include "review/vm_definition.hpp"
#include "review/vm_definition_files.hpp"

namespace isola {
namespace {

std::string_view trim(std::string_view s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
    return s;
}

std::vector<std::string_view> split(std::string_view s, char sep) {
    std::vector<std::string_view> out;
    for (std::size_t start = 0;;) {
        const auto end = s.find(sep, start);
        out.push_back(trim(s.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start)));
        if (end == std::string_view::npos) return out;
        start = end + 1;
    }
}

bool is_hostpci_key(std::string_view key) {
    return key.starts_with("hostpci") && key.size() > 7 &&
           std::ranges::all_of(key.substr(7), [](char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; });
}

// "[DDDD:]BB:DD.F", or "[DDDD:]BB:DD" for the whole slot.
std::optional<ClaimedDevice> parse_id(std::string_view id) {
    ClaimedDevice c;
    std::optional<Bdf> bdf;
    if (id.find('.') != std::string_view::npos) {
        bdf = Bdf::parse(id);
    } else {
        bdf = Bdf::parse(std::string(id) + ".0");
        c.whole_slot = true;
    }
    if (!bdf) return std::nullopt;
    c.address = *bdf;
    return c;
}

// Sentences name the VM, which Proxmox writes after the hostpci lines ("name:" sorts later), so
// they are built once the whole section has been read.
struct PendingProblem {
    std::string code;
    int line;
    std::string what;  // completes "<file>:<line>: <vm> ..." (or "<file>:<line>: this line ..." without the VM)
    bool names_vm = true;
};

}  // namespace

VmDefinition parse_proxmox_config(std::string_view text, std::string source_file) {
    VmDefinition vm;
    vm.source_file = std::move(source_file);
    vm.kind = "proxmox";
    const auto stem = std::filesystem::path(vm.source_file).stem().string();
    if (!stem.empty() && std::ranges::all_of(stem, [](char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; }))
        vm.id = stem;

    std::vector<PendingProblem> pending;
    bool reported_bad_line = false;
    int line_no = 0;
    for (std::string_view rest = text; !rest.empty();) {
        const auto nl = rest.find('\n');
        std::string_view line = rest.substr(0, nl);
        rest = nl == std::string_view::npos ? std::string_view{} : rest.substr(nl + 1);
        ++line_no;
        line = trim(line);
        if (line.empty() || line.starts_with('#')) continue;  // "#" lines are the VM's description
        if (line.starts_with('[')) break;  // snapshots and [PENDING] follow the current configuration
        const auto colon = line.find(':');
        if (colon == std::string_view::npos || colon == 0) {
            if (!reported_bad_line)
                pending.push_back({"vm-file-unreadable", line_no,
                                   std::format("this line is not a \"key: value\" setting (\"{}\"); Proxmox itself "
                                               "rejects such a file, and only the other lines were read",
                                               line.substr(0, 60)),
                                   false});
            reported_bad_line = true;
            continue;
        }
        const std::string_view key = trim(line.substr(0, colon));
        const std::string_view value = trim(line.substr(colon + 1));
        if (key == "name") vm.name = std::string(value);
        if (!is_hostpci_key(key)) continue;

        std::optional<std::string_view> host, mapping;
        const auto options = split(value, ',');
        for (std::size_t i = 0; i < options.size(); ++i) {
            const auto eq = options[i].find('=');
            if (eq == std::string_view::npos) {
                if (i == 0) host = options[i];  // the ID list may come first without "host="
                continue;
            }
            const auto k = trim(options[i].substr(0, eq));
            if (k == "host") host = trim(options[i].substr(eq + 1));
            else if (k == "mapping") mapping = trim(options[i].substr(eq + 1));
        }
        if (mapping && !host) {
            pending.push_back({"vm-mapping-unresolved", line_no,
                               std::format("uses the cluster resource mapping \"{}\" ({}), which only the cluster's "
                                           "/etc/pve/mapping/pci.cfg resolves: the review cannot tell which device it "
                                           "claims, so its IOMMU group is not checked",
                                           *mapping, key)});
            continue;
        }
        if (!host || host->empty()) {
            pending.push_back({"vm-claim-unreadable", line_no,
                               std::format("has a {} without a host device (\"{}\"); this claim is not checked", key,
                                           value.substr(0, 60))});
            continue;
        }
        for (const auto id : split(*host, ';')) {
            auto claim = parse_id(id);
            if (!claim) {
                pending.push_back({"vm-claim-unreadable", line_no,
                                   std::format("has {} \"{}\", which is not a PCI address (BB:DD.F or BB:DD); this "
                                               "claim is not checked",
                                               key, id)});
                continue;
            }
            claim->entry = std::string(key);
            claim->line = line_no;
            vm.devices.push_back(*claim);
        }
    }
    for (auto& p : pending)
        vm.problems.push_back({std::move(p.code), p.line,
                               p.names_vm ? std::format("{}:{}: {} {}", vm.source_file, p.line, vm_name_or_file(vm), p.what)
                                          : std::format("{}:{}: {}", vm.source_file, p.line, p.what)});
    return vm;
}

std::expected<std::vector<VmDefinition>, DefinitionDirError> read_proxmox_configs(const std::filesystem::path& dir) {
    return read_definition_dir(dir, {"Proxmox VM config", "proxmox",
                                     [](const std::filesystem::path& p) {
                                         const auto stem = p.stem().string();
                                         return p.extension() == ".conf" && !stem.empty() &&
                                                std::ranges::all_of(stem, [](char c) {
                                                    return std::isdigit(static_cast<unsigned char>(c)) != 0;
                                                });
                                     },
                                     parse_proxmox_config});
}

}  // namespace isola
