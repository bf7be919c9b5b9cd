#include "review/vm_definition_sources.hpp"

#include <system_error>

namespace isola {

namespace fs = std::filesystem;

VmDefinitionFormat guess_vm_definition_format(const fs::path& dir) {
    std::error_code ec;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec))
        if (it->path().extension() == ".conf") return VmDefinitionFormat::Proxmox;
    return VmDefinitionFormat::Libvirt;
}

std::vector<VmDefinitionDir> standard_vm_definition_dirs(const HostRoots& roots) {
    std::vector<VmDefinitionDir> out;
    if (roots.etc.empty()) return out;
    for (const auto& [dir, format] : {std::pair{roots.etc / "libvirt" / "qemu", VmDefinitionFormat::Libvirt},
                                      std::pair{roots.etc / "pve" / "qemu-server", VmDefinitionFormat::Proxmox}}) {
        std::error_code ec;
        if (fs::is_directory(dir, ec)) out.push_back({dir, format});
    }
    return out;
}

std::expected<std::vector<VmDefinition>, DefinitionDirError> read_vm_definitions(
    const std::vector<VmDefinitionDir>& dirs, const Fact<std::string>& hostname, const VmDefinitionOptions& options) {
    std::vector<VmDefinition> vms;
    for (const auto& [dir, format] : dirs) {
        const bool proxmox = format == VmDefinitionFormat::Proxmox;
        auto read = proxmox ? read_proxmox_configs(dir) : read_libvirt_domains(dir);
        if (!read) return std::unexpected(read.error());
        if (proxmox) {
            const auto file = options.proxmox_mappings ? options.proxmox_mappings : find_proxmox_pci_mappings(dir);
            if (file && hostname) {
                auto mappings = read_proxmox_pci_mappings(*file);
                if (!mappings) return std::unexpected(mappings.error());
                resolve_proxmox_mappings(*read, *mappings, *hostname);
            }
        }
        for (auto& vm : *read) vms.push_back(std::move(vm));
    }
    return vms;
}

}  // namespace isola
