// Which VM definitions a review checks, and reading them: the directories a user named, or the
// standard places under a host's /etc root (libvirt/qemu, pve/qemu-server). Only a host read from
// roots has an /etc to look in; a snapshot or a listing of another machine never does, so its
// review never reports this machine's VMs.
#pragma once

#include <expected>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "reader/host_roots.hpp"
#include "review/vm_definition.hpp"
#include "topology/fact.hpp"

namespace isola {

enum class VmDefinitionFormat { Libvirt, Proxmox };

struct VmDefinitionDir {
    std::filesystem::path dir;
    VmDefinitionFormat format = VmDefinitionFormat::Libvirt;
    friend bool operator==(const VmDefinitionDir&, const VmDefinitionDir&) = default;
};

// A directory of Proxmox <vmid>.conf files is Proxmox; anything else is read as libvirt XML.
VmDefinitionFormat guess_vm_definition_format(const std::filesystem::path& dir);

// The standard directories that exist under `roots.etc` (none when `roots.etc` is empty).
std::vector<VmDefinitionDir> standard_vm_definition_dirs(const HostRoots& roots);

struct VmDefinitionOptions {
    // The cluster's pci.cfg for Proxmox "mapping=" claims; nullopt: found next to each
    // qemu-server directory, as Proxmox keeps it.
    std::optional<std::filesystem::path> proxmox_mappings;
};

// Reads every directory; Proxmox mappings resolve for the node named `hostname` (unresolved
// when the host's name is not known).
std::expected<std::vector<VmDefinition>, DefinitionDirError> read_vm_definitions(
    const std::vector<VmDefinitionDir>& dirs, const Fact<std::string>& hostname, const VmDefinitionOptions& options = {});

}  // namespace isola
