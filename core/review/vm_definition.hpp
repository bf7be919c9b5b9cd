// The VM definitions that claim host PCI devices: libvirt domain XML and Proxmox qemu-server
// configs, read into one model so the review can check every claim against the host's groups.
//
// Reading never fails on a damaged file: what cannot be read becomes a DefinitionProblem (a
// sentence naming the file and line) on that file's VmDefinition, and the review reports it.
#pragma once

#include <expected>
#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "plan/host_impact.hpp"
#include "topology/bdf.hpp"

namespace isola {

// What a definition says a claimed address holds. Proxmox resource mappings record it ("map
// id=10de:2204,subsystem-id=1458:403b,..."); libvirt and plain "host=" claims do not.
struct ExpectedIdentity {
    std::uint16_t vendor_id = 0;
    std::uint16_t device_id = 0;
    std::optional<std::pair<std::uint16_t, std::uint16_t>> subsystem;
    std::string mapping;  // the Proxmox resource mapping that recorded it: "gpu"
};

struct ClaimedDevice {
    Bdf address;
    // Proxmox "host=01:00" (no function) passes every function of the slot; `address` then has
    // function 0 and the review expands it against the host.
    bool whole_slot = false;
    std::optional<bool> managed;  // libvirt managed='yes'|'no' (libvirt's default is no); Proxmox: none
    std::string entry;            // where in the definition: "hostdev 1", "interface 2", "hostpci0"
    int line = 0;                 // 1-based line in source_file
    std::optional<ExpectedIdentity> expected;
};

// Something in a definition that the review cannot check, as a sentence said by describe()
// (review/describe_findings.hpp) when it is read.
struct DefinitionProblem {
    std::string code;  // "vm-file-unreadable", "vm-claim-unreadable", "vm-mapping-unresolved"
    int line = 0;      // 0: the file as a whole
    std::string sentence;
};

// A Proxmox "hostpciN: mapping=NAME" claim, resolved against /etc/pve/mapping/pci.cfg by
// resolve_proxmox_mappings(); until then it is also a "vm-mapping-unresolved" problem.
struct MappingUse {
    std::string mapping;
    std::string entry;  // "hostpci0"
    int line = 0;
};

struct VmDefinition {
    std::string name;         // <name> / "name:"; empty when the file could not be read that far
    std::string id;           // Proxmox VMID (file stem); empty for libvirt
    std::string source_file;  // as given to the reader
    std::string kind;         // "libvirt" or "proxmox"
    std::vector<ClaimedDevice> devices;
    std::vector<DefinitionProblem> problems;
    std::vector<MappingUse> mapping_uses;
};

// One libvirt domain XML document (the text of /etc/libvirt/qemu/NAME.xml). PCI claims are
// <hostdev mode='subsystem' type='pci'> and <interface type='hostdev'> (SR-IOV VFs), both with
// <source><address domain= bus= slot= function=/>.
VmDefinition parse_libvirt_domain(std::string_view xml, std::string source_file);

// One Proxmox qemu-server config (the text of /etc/pve/qemu-server/VMID.conf). Only the current
// configuration counts: "[snapshot]" and "[PENDING]" sections after it are not read.
VmDefinition parse_proxmox_config(std::string_view text, std::string source_file);

struct DefinitionDirError {
    std::string message;  // one sentence naming the directory (or file) and the reason
};

// A Proxmox cluster's PCI resource mappings (/etc/pve/mapping/pci.cfg): a mapping name at the
// start of a line, then tab-indented "map id=V:D,iommugroup=N,node=NODE,path=ADDR[;ADDR],
// subsystem-id=V:D" lines, one or more per node, and "description"/"mdev" lines.
struct ProxmoxMappedDevice {
    std::string node;
    std::vector<std::string> paths;  // as written: "0000:01:00.0", or a slot "0000:01:00"
    std::optional<std::pair<std::uint16_t, std::uint16_t>> id, subsystem;
    int line = 0;
};

struct ProxmoxPciMappings {
    std::string source_file;
    std::map<std::string, std::vector<ProxmoxMappedDevice>> mappings;  // by name
    std::vector<DefinitionProblem> problems;  // lines that could not be read
};

ProxmoxPciMappings parse_proxmox_pci_mappings(std::string_view text, std::string source_file);
std::expected<ProxmoxPciMappings, DefinitionDirError> read_proxmox_pci_mappings(const std::filesystem::path& file);
// Where the cluster's pci.cfg is for a qemu-server directory: /etc/pve/qemu-server and
// /etc/pve/nodes/NODE/qemu-server both lead to /etc/pve/mapping/pci.cfg. nullopt: none there.
std::optional<std::filesystem::path> find_proxmox_pci_mappings(const std::filesystem::path& qemu_server_dir);

// Replaces each Proxmox VM's "mapping=NAME" claim with the device the mapping names for `node`
// (this host's name), carrying the identity the mapping recorded so that the review can tell
// when the address now holds another card. A mapping that is missing, has no device for the
// node, or offers several (the VM gets whichever is free at start) stays a problem sentence.
void resolve_proxmox_mappings(std::span<VmDefinition> vms, const ProxmoxPciMappings& mappings, std::string_view node);

// Every *.xml directly in `dir` (libvirt keeps autostart links and networks in subdirectories).
std::expected<std::vector<VmDefinition>, DefinitionDirError> read_libvirt_domains(
    const std::filesystem::path& dir = "/etc/libvirt/qemu");

// Every <vmid>.conf directly in `dir`.
std::expected<std::vector<VmDefinition>, DefinitionDirError> read_proxmox_configs(
    const std::filesystem::path& dir = "/etc/pve/qemu-server");

}  // namespace isola
