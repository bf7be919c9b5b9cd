// Reading a file a user named: a listing, a snapshot, a VM definition, a pci.cfg, a pci.ids.
//
// Such a path can be anything: /dev/zero (never ends), a FIFO (blocks until a writer comes), a
// directory, a 1 GiB log. Every file taken from a user is read here, with a size bound, and
// refused as what it is — nothing blocks, nothing is read past the bound.
#pragma once

#include <cstddef>
#include <cstdint>
#include <expected>
#include <filesystem>
#include <string>
#include <string_view>

namespace isola {

// Bounds per kind of input, far above any real one (a 16k-function host's snapshot is a few MB).
inline constexpr std::size_t kListingSizeLimit = 64u << 20;
inline constexpr std::size_t kSnapshotSizeLimit = 256u << 20;
inline constexpr std::size_t kVmDefinitionSizeLimit = 16u << 20;
inline constexpr std::size_t kPciIdsSizeLimit = 64u << 20;

// What the file is meant to be, for the sentence ("cannot read the listing …").
enum class UserFileKind { Listing, Snapshot, LibvirtDomain, ProxmoxConfig, ProxmoxMappings, PciIds };

struct UserFileError {
    enum class Kind { Missing, Unreadable, Directory, NotRegular, TooLarge };
    Kind kind;
    std::string message;  // "cannot read the listing /dev/zero: it is a device, not a file; …"
};

std::expected<std::string, UserFileError> read_user_file(const std::filesystem::path& file, std::size_t limit,
                                                          UserFileKind what);

// The same checks without reading (for files another library opens, e.g. libpci's pci.ids).
std::expected<void, UserFileError> check_user_file(const std::filesystem::path& file, std::size_t limit,
                                                   UserFileKind what);

// "64 MiB", "1.0 GiB", "512 bytes": a size for people.
std::string describe_size(std::uintmax_t bytes);

}  // namespace isola
