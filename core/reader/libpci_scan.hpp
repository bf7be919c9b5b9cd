// Enumeration through libpci: identity, names and the facts that live in config space.
#pragma once

#include <expected>
#include <vector>

#include "reader/read_host.hpp"

namespace isola::detail {

class FunctionQueue;

// Every PCI function under <sysfs>/bus/pci, with IDs, class, subsystem and names from libpci,
// published to `out` one by one as they are filled; `out` is closed on return, also on failure.
// Config-space facts, tree, drivers, groups and usage are added by the attribute readers.
std::expected<void, ReadError> scan_with_libpci(const HostRoots& roots, const ReadOptions& options,
                                                FunctionQueue& out, std::vector<Diagnostic>& diagnostics);

}  // namespace isola::detail
