// Reading one PCI function's configuration space from sysfs, defensively.
#pragma once

#include <cstddef>
#include <expected>
#include <filesystem>
#include <vector>

#include "ops/failure.hpp"
#include "ops/pci_address.hpp"

namespace isola::helper {

// Reads <root>/sys/bus/pci/devices/<bdf>/config, at most config_space_max (4096) bytes.
//
// `root` is "/" in the installed helper and a temporary tree in unit tests. The device
// directory is followed (in sysfs it is the kernel's own symlink into /sys/devices), but the
// final "config" component is opened with O_NOFOLLOW relative to that directory, and must be
// a regular file: the helper runs as root and never reads through a link someone planted.
std::expected<std::vector<std::byte>, Failure> read_config_space(const std::filesystem::path& root,
                                                                 const PciAddress& bdf);

}  // namespace isola::helper
