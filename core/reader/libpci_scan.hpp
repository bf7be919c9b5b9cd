// Enumeration through libpci: identity, names and the facts that live in config space.
#pragma once

#include <expected>
#include <vector>

#include "reader/read_host.hpp"

namespace isola::detail {

// Every PCI function under <sysfs>/bus/pci, with IDs, names, class, header type, PCIe port type
// and ACS filled (or unknown with a reason). Tree, drivers, groups and usage are added later.
std::expected<std::vector<Device>, ReadError> scan_with_libpci(const HostRoots& roots, const ReadOptions& options,
                                                               std::vector<Diagnostic>& diagnostics);

}  // namespace isola::detail
