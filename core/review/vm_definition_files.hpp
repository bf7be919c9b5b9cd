// Shared by the libvirt and Proxmox readers: directory walking and file reading. Internal.
#pragma once

#include <expected>
#include <filesystem>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "review/vm_definition.hpp"

namespace isola {

// "\"win11\"", or "VM 101" (Proxmox without a name), or "the VM" (nothing read yet).
std::string vm_name_or_file(const VmDefinition& vm);

struct DefinitionDirKind {
    std::string_view what;  // "libvirt domain"
    std::string_view kind;  // VmDefinition::kind
    std::function<bool(const std::filesystem::path&)> wanted;
    std::function<VmDefinition(std::string_view text, std::string source_file)> parse;
};

// Regular files directly in `dir` that `wanted` accepts, sorted by name. A file that cannot be
// opened becomes a definition with a problem, so the review says which claims went unchecked.
std::expected<std::vector<VmDefinition>, DefinitionDirError> read_definition_dir(const std::filesystem::path& dir,
                                                                                 const DefinitionDirKind& kind);

}  // namespace isola
