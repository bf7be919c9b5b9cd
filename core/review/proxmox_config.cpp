// Proxmox qemu-server configs (qm.conf(5)): "name:" and "hostpciN: [[host=]ID[;ID...]][,opt=...]".
// "host=01:00" without a function passes every function of the slot. "mapping=NAME" refers to
// the cluster-wide /etc/pve/mapping/pci.cfg, which this reader does not have, so it is reported.
#include <algorithm>
#include <cctype>
#include <format>

#include "review/describe_findings.hpp"
#include "review/vm_definition.hpp"
#include "review/vm_definition_files.hpp"
#include "text/message.hpp"

namespace isola {
namespace {

bool is_hostpci_key(std::string_view key) {
    return key.starts_with("hostpci") && key.size() > 7 &&
           std::ranges::all_of(key.substr(7), [](char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; });
}

// Sentences name the VM, which Proxmox writes after the hostpci lines ("name:" sorts later), so
// they are said once the whole section has been read.
struct PendingProblem {
    std::string code;
    review_detail::ProblemDetail detail;  // all but `file` and `vm`
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
        line = trim_blank(line);
        if (line.empty() || line.starts_with('#')) continue;  // "#" lines are the VM's description
        if (line.starts_with('[')) break;  // snapshots and [PENDING] follow the current configuration
        const auto colon = line.find(':');
        if (colon == std::string_view::npos || colon == 0) {
            if (!reported_bad_line)
                pending.push_back({"vm-file-unreadable", {.kind = review_detail::ProblemKind::NotASetting,
                                                          .line = line_no,
                                                          .value = std::string(line.substr(0, 60))}});
            reported_bad_line = true;
            continue;
        }
        const std::string_view key = trim_blank(line.substr(0, colon));
        const std::string_view value = trim_blank(line.substr(colon + 1));
        if (key == "name") vm.name = std::string(value);
        if (!is_hostpci_key(key)) continue;

        std::optional<std::string_view> host, mapping;
        const auto options = split_trimmed(value, ',');
        for (std::size_t i = 0; i < options.size(); ++i) {
            const auto eq = options[i].find('=');
            if (eq == std::string_view::npos) {
                if (i == 0) host = options[i];  // the ID list may come first without "host="
                continue;
            }
            const auto k = trim_blank(options[i].substr(0, eq));
            if (k == "host") host = trim_blank(options[i].substr(eq + 1));
            else if (k == "mapping") mapping = trim_blank(options[i].substr(eq + 1));
        }
        if (mapping && !host) {
            vm.mapping_uses.push_back({std::string(*mapping), std::string(key), line_no});
            pending.push_back({"vm-mapping-unresolved", {.kind = review_detail::ProblemKind::MappingNeedsCluster,
                                                         .line = line_no,
                                                         .entry = std::string(key),
                                                         .name = std::string(*mapping)}});
            continue;
        }
        if (!host || host->empty()) {
            pending.push_back({"vm-claim-unreadable", {.kind = review_detail::ProblemKind::NoHostDevice,
                                                       .line = line_no,
                                                       .entry = std::string(key),
                                                       .value = std::string(value.substr(0, 60))}});
            continue;
        }
        for (const auto id : split_trimmed(*host, ';')) {
            auto claim = parse_proxmox_device_id(id);
            if (!claim) {
                pending.push_back({"vm-claim-unreadable", {.kind = review_detail::ProblemKind::NotAnAddress,
                                                           .line = line_no,
                                                           .entry = std::string(key),
                                                           .value = std::string(id)}});
                continue;
            }
            claim->entry = std::string(key);
            claim->line = line_no;
            vm.devices.push_back(*claim);
        }
    }
    for (auto& p : pending) {
        p.detail.file = vm.source_file;
        p.detail.vm = vm_name_or_file(vm);
        vm.problems.push_back({std::move(p.code), p.detail.line, review_detail::describe(p.detail)});
    }
    return vm;
}

std::expected<std::vector<VmDefinition>, DefinitionDirError> read_proxmox_configs(const std::filesystem::path& dir) {
    return read_definition_dir(dir, {N_("Proxmox VM config"), "proxmox", UserFileKind::ProxmoxConfig,
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
