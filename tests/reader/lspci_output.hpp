// Runs the real lspci (pciutils) on a sysfs tree and parses its machine-readable output, so tests
// can compare Isola's reading of a tree with pciutils' reading of the same tree.
#pragma once

#include <map>
#include <optional>
#include <string>

namespace isola::test {

struct LspciRecord {
    std::string ids;       // "8086:10d3"
    std::string driver;    // "" when lspci -k names none
    std::string group;     // IOMMUGroup, "" when none
    std::string cls;       // "0300"
    std::string prog_if;   // "" when 0 (lspci leaves it out)
    std::string revision;  // "" when 0
    std::string subsystem; // "1043:8694", "" when lspci prints none (0 or ffff vendor)
};

// `lspci -vmmnk -D -A linux-sysfs [-O sysfs.path=DIR]`; `sysfs_bus_pci` empty: lspci's default.
// nullopt when lspci is missing or fails.
std::optional<std::map<std::string, LspciRecord>> lspci_records(const std::string& sysfs_bus_pci);

}  // namespace isola::test
