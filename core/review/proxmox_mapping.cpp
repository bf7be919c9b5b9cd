// Proxmox PCI resource mappings (/etc/pve/mapping/pci.cfg) and resolving "mapping=NAME" claims.
// The mapping records what each node's device is (id, subsystem-id): Proxmox refuses to start a
// VM when the address now holds something else, and the review says so before that happens.
#include <algorithm>
#include <cctype>
#include <charconv>
#include <format>
#include <fstream>
#include <sstream>

#include "review/describe_findings.hpp"
#include "review/vm_definition.hpp"
#include "text/user_file.hpp"
#include "review/vm_definition_files.hpp"

namespace isola {
namespace {

// "10de:2204" -> {0x10de, 0x2204}
std::optional<std::pair<std::uint16_t, std::uint16_t>> parse_id_pair(std::string_view s) {
    const auto colon = s.find(':');
    if (colon == std::string_view::npos) return std::nullopt;
    auto hex = [](std::string_view h) -> std::optional<std::uint16_t> {
        std::uint16_t v = 0;
        auto [p, ec] = std::from_chars(h.data(), h.data() + h.size(), v, 16);
        if (ec != std::errc{} || p != h.data() + h.size() || h.empty() || h.size() > 4) return std::nullopt;
        return v;
    };
    auto a = hex(s.substr(0, colon)), b = hex(s.substr(colon + 1));
    if (!a || !b) return std::nullopt;
    return std::pair{*a, *b};
}

const ProxmoxMappedDevice* device_for_node(const std::vector<ProxmoxMappedDevice>& devices, std::string_view node,
                                           std::size_t& count) {
    const ProxmoxMappedDevice* found = nullptr;
    count = 0;
    for (const auto& d : devices)
        if (d.node == node) {
            found = &d;
            count += d.paths.size();
        }
    return found;
}

}  // namespace

ProxmoxPciMappings parse_proxmox_pci_mappings(std::string_view text, std::string source_file) {
    ProxmoxPciMappings out;
    out.source_file = std::move(source_file);
    std::vector<ProxmoxMappedDevice>* current = nullptr;
    int line_no = 0;
    for (std::string_view rest = text; !rest.empty();) {
        const auto nl = rest.find('\n');
        const std::string_view raw = rest.substr(0, nl);
        rest = nl == std::string_view::npos ? std::string_view{} : rest.substr(nl + 1);
        ++line_no;
        const std::string_view line = trim_blank(raw);
        if (line.empty() || line.starts_with('#')) continue;
        if (!std::isspace(static_cast<unsigned char>(raw.front()))) {  // a mapping's name starts a section
            current = &out.mappings[std::string(line)];
            continue;
        }
        if (!line.starts_with("map ") && !line.starts_with("map\t")) continue;  // description, mdev, ...
        if (!current) {
            out.problems.push_back({"vm-mapping-unreadable", line_no,
                                    review_detail::describe(review_detail::ProblemDetail{
                                        .kind = review_detail::ProblemKind::MapLineBeforeName,
                                        .file = out.source_file,
                                        .line = line_no})});
            continue;
        }
        ProxmoxMappedDevice device;
        device.line = line_no;
        for (const auto option : split_trimmed(line.substr(4), ',')) {
            const auto eq = option.find('=');
            if (eq == std::string_view::npos) continue;
            const auto key = option.substr(0, eq), value = option.substr(eq + 1);
            if (key == "node") device.node = std::string(value);
            else if (key == "path")
                for (const auto p : split_trimmed(value, ';')) device.paths.emplace_back(p);
            else if (key == "id") device.id = parse_id_pair(value);
            else if (key == "subsystem-id") device.subsystem = parse_id_pair(value);
        }
        current->push_back(std::move(device));
    }
    return out;
}

std::expected<ProxmoxPciMappings, DefinitionDirError> read_proxmox_pci_mappings(const std::filesystem::path& file) {
    auto text = read_user_file(file, kVmDefinitionSizeLimit, UserFileKind::ProxmoxMappings);
    if (!text) return std::unexpected(DefinitionDirError{text.error().message});
    return parse_proxmox_pci_mappings(*text, file.string());
}

std::optional<std::filesystem::path> find_proxmox_pci_mappings(const std::filesystem::path& qemu_server_dir) {
    // Lexically, not through the symlink: /etc/pve/qemu-server links to nodes/NODE/qemu-server.
    const auto dir = (qemu_server_dir / "").lexically_normal().parent_path();
    for (const auto& base : {dir.parent_path(), dir.parent_path().parent_path().parent_path()}) {
        std::error_code ec;
        if (const auto file = base / "mapping" / "pci.cfg"; std::filesystem::is_regular_file(file, ec)) return file;
    }
    return std::nullopt;
}

void resolve_proxmox_mappings(std::span<VmDefinition> vms, const ProxmoxPciMappings& mappings, std::string_view node) {
    bool file_problems_told = false;
    for (auto& vm : vms) {
        if (vm.kind != "proxmox") continue;
        // Unreadable lines of pci.cfg are told once, on the first VM that uses a mapping.
        if (!vm.mapping_uses.empty() && !file_problems_told) {
            std::ranges::copy(mappings.problems, std::back_inserter(vm.problems));
            file_problems_told = true;
        }
        for (const auto& use : vm.mapping_uses) {
            auto problem = std::ranges::find_if(vm.problems, [&](const DefinitionProblem& p) {
                return p.code == "vm-mapping-unresolved" && p.line == use.line;
            });
            using review_detail::ProblemKind;
            auto replace = [&](ProblemKind kind, std::string value = {}, std::size_t count = 0, int other_line = 0) {
                if (problem == vm.problems.end()) return;
                problem->sentence = review_detail::describe(review_detail::ProblemDetail{.kind = kind,
                                                                                         .file = vm.source_file,
                                                                                         .line = use.line,
                                                                                         .vm = vm_name_or_file(vm),
                                                                                         .entry = use.entry,
                                                                                         .name = use.mapping,
                                                                                         .value = std::move(value),
                                                                                         .other_file = mappings.source_file,
                                                                                         .other_line = other_line,
                                                                                         .count = count});
            };
            auto mapping = mappings.mappings.find(use.mapping);
            if (mapping == mappings.mappings.end()) {
                replace(ProblemKind::MappingUndefined);
                continue;
            }
            std::size_t offered = 0;
            const ProxmoxMappedDevice* device = device_for_node(mapping->second, node, offered);
            if (!device || offered == 0) {
                replace(ProblemKind::MappingNotOnNode, std::string(node));
                continue;
            }
            if (offered > 1) {
                replace(ProblemKind::MappingOffersSeveral, {}, offered);
                continue;
            }
            auto claim = parse_proxmox_device_id(device->paths.front());
            if (!claim) {
                replace(ProblemKind::MappingPathNotAddress, device->paths.front(), 0, device->line);
                continue;
            }
            claim->entry = use.entry;
            claim->line = use.line;
            if (device->id)
                claim->expected = ExpectedIdentity{.vendor_id = device->id->first,
                                                   .device_id = device->id->second,
                                                   .subsystem = device->subsystem,
                                                   .mapping = use.mapping};
            vm.devices.push_back(*claim);
            if (problem != vm.problems.end()) vm.problems.erase(problem);
        }
    }
}

}  // namespace isola
