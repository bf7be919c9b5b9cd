// The VM definitions that claim host PCI devices: libvirt domain XML and Proxmox qemu-server
// configs, read into one model so the review can check every claim against the host's groups.
//
// Reading never fails on a damaged file: what cannot be read becomes a DefinitionProblem (a
// sentence naming the file and line) on that file's VmDefinition, and the review reports it.
#pragma once

#include <expected>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "plan/host_impact.hpp"
#include "topology/bdf.hpp"

namespace isola {

struct ClaimedDevice {
    Bdf address;
    // Proxmox "host=01:00" (no function) passes every function of the slot; `address` then has
    // function 0 and the review expands it against the host.
    bool whole_slot = false;
    std::optional<bool> managed;  // libvirt managed='yes'|'no' (libvirt's default is no); Proxmox: none
    std::string entry;            // where in the definition: "hostdev 1", "interface 2", "hostpci0"
    int line = 0;                 // 1-based line in source_file
};

// Something in a definition that the review cannot check, as a finished sentence.
struct DefinitionProblem {
    std::string code;  // "vm-file-unreadable", "vm-claim-unreadable", "vm-mapping-unresolved"
    int line = 0;      // 0: the file as a whole
    std::string sentence;
};

struct VmDefinition {
    std::string name;         // <name> / "name:"; empty when the file could not be read that far
    std::string id;           // Proxmox VMID (file stem); empty for libvirt
    std::string source_file;  // as given to the reader
    std::string kind;         // "libvirt" or "proxmox"
    std::vector<ClaimedDevice> devices;
    std::vector<DefinitionProblem> problems;
};

// One libvirt domain XML document (the text of /etc/libvirt/qemu/NAME.xml). PCI claims are
// <hostdev mode='subsystem' type='pci'> and <interface type='hostdev'> (SR-IOV VFs), both with
// <source><address domain= bus= slot= function=/>.
VmDefinition parse_libvirt_domain(std::string_view xml, std::string source_file);

// One Proxmox qemu-server config (the text of /etc/pve/qemu-server/VMID.conf). Only the current
// configuration counts: "[snapshot]" and "[PENDING]" sections after it are not read.
VmDefinition parse_proxmox_config(std::string_view text, std::string source_file);

struct DefinitionDirError {
    std::string message;  // one sentence naming the directory and the reason
};

// Every *.xml directly in `dir` (libvirt keeps autostart links and networks in subdirectories).
std::expected<std::vector<VmDefinition>, DefinitionDirError> read_libvirt_domains(
    const std::filesystem::path& dir = "/etc/libvirt/qemu");

// Every <vmid>.conf directly in `dir`.
std::expected<std::vector<VmDefinition>, DefinitionDirError> read_proxmox_configs(
    const std::filesystem::path& dir = "/etc/pve/qemu-server");

}  // namespace isola
