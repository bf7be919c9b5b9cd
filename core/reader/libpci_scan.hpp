// Enumeration through libpci: identity, names and the facts that live in config space.
#pragma once

#include <expected>
#include <vector>

#include "reader/read_host.hpp"

namespace isola::detail {

// What config space said beyond the model's fields. It lets the attribute reader skip files the
// kernel cannot have created; nullopt where config space was not readable far enough to know.
struct ConfigHints {
    std::optional<bool> has_sriov_capability;
};

struct ScannedFunction {
    Device device;
    ConfigHints hints;
};

class FunctionQueue;

// Every PCI function under <sysfs>/bus/pci, with IDs, names, class, header type, PCIe port type
// and ACS filled (or unknown with a reason), published to `out` one by one as they are filled;
// `out` is closed on return, also on failure. Tree, drivers, groups and usage are added later.
std::expected<void, ReadError> scan_with_libpci(const HostRoots& roots, const ReadOptions& options,
                                                FunctionQueue& out, std::vector<Diagnostic>& diagnostics);

}  // namespace isola::detail
