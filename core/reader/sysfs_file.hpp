// Small, defensive readers for kernel attribute files (sysfs, procfs).
//
// Each returns nullopt when the file is missing or unreadable, never throws, and never follows
// the caller into a crash on malformed content — the caller turns nullopt into an unknown Fact.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "topology/bdf.hpp"

namespace isola::sysfs {

namespace fs = std::filesystem;

// The whole file (bounded: attribute files are small; 1 MiB is plenty for proc tables).
std::optional<std::string> read_file(const fs::path& path, std::size_t limit = 1 << 20);
// First line without trailing whitespace ("0x10de\n" -> "0x10de").
std::optional<std::string> read_line(const fs::path& path);
// "0x10de", "0x030000", "10": parsed in the given base (16 accepts an optional 0x prefix).
std::optional<std::uint64_t> read_number(const fs::path& path, int base);
std::optional<std::int64_t> read_signed(const fs::path& path);
// Basename of a symlink's target ("driver" -> "e1000e"), nullopt if not a link.
std::optional<std::string> link_basename(const fs::path& link);
// Directory entries' names, sorted; empty when missing.
std::vector<std::string> list_dir(const fs::path& dir);
// The PCI function that owns a sysfs device path: the nearest ancestor (or the path itself)
// whose name is a BDF. Class devices (net, block, drm, sound) belong to it.
std::optional<Bdf> owning_pci_function(const fs::path& canonical_device_path);
// Canonical path (symlinks resolved) or nullopt.
std::optional<fs::path> canonical(const fs::path& path);

// One kernel object's directory (a PCI function's), held open so that its attribute files are
// reached by name: a scan reads ~12 files per function on hosts with thousands of functions, and
// resolving the full path again for each file costs more than reading it. Missing or unopenable
// directories behave as empty: every read answers nullopt.
class AttributeDir {
public:
    explicit AttributeDir(const fs::path& dir);
    // Its subdirectory `name` (e.g. one function's directory inside bus/pci/devices).
    AttributeDir(const AttributeDir& parent, const char* name);
    ~AttributeDir();
    AttributeDir(const AttributeDir&) = delete;
    AttributeDir& operator=(const AttributeDir&) = delete;

    bool is_open() const { return fd_ >= 0; }
    int fd() const { return fd_; }  // for openat() of files read in other ways (config space)
    // The whole attribute (at most `limit` bytes); sysfs produces an attribute in one piece, so a
    // short first read is the end of it.
    std::optional<std::string> read(const char* name, std::size_t limit = 4096) const;
    std::optional<std::string> read_line(const char* name) const;
    std::optional<std::int64_t> read_signed(const char* name) const;
    // Target of the symlink `name` ("../../../bus/pci/drivers/e1000e"), nullopt if it is not one.
    std::optional<std::string> link_target(const char* name) const;
    // Its last component ("e1000e").
    std::optional<std::string> link_basename(const char* name) const;
    bool has(const char* name) const;
    std::vector<std::string> list(const char* name) const;

private:
    int fd_ = -1;
};

}  // namespace isola::sysfs
