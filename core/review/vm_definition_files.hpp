// Shared by the libvirt and Proxmox readers: directory walking and file reading. Internal.
#pragma once

#include <expected>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "review/vm_definition.hpp"
#include "text/user_file.hpp"

namespace isola {

// Proxmox text helpers (qm.conf and mapping/pci.cfg share the syntax).
std::string_view trim_blank(std::string_view s);
std::vector<std::string_view> split_trimmed(std::string_view s, char sep);
// "[DDDD:]BB:DD.F", or "[DDDD:]BB:DD" for the whole slot (then `whole_slot` and function 0).
std::optional<ClaimedDevice> parse_proxmox_device_id(std::string_view id);

// "\"win11\"", or "VM 101" (Proxmox without a name), or "the VM" (nothing read yet).
std::string vm_name_or_file(const VmDefinition& vm);

struct DefinitionDirKind {
    std::string_view what;  // N_("libvirt domain"): completes "cannot read the ... directory"
    std::string_view kind;  // VmDefinition::kind
    UserFileKind file_kind;
    std::function<bool(const std::filesystem::path&)> wanted;
    std::function<VmDefinition(std::string_view text, std::string source_file)> parse;
};

// Regular files directly in `dir` that `wanted` accepts, sorted by name. A file that cannot be
// opened becomes a definition with a problem, so the review says which claims went unchecked.
std::expected<std::vector<VmDefinition>, DefinitionDirError> read_definition_dir(const std::filesystem::path& dir,
                                                                                 const DefinitionDirKind& kind);

}  // namespace isola
