// Runs the real lspci and parses `lspci -n -D` lines into address -> "vvvv:dddd", so tests can
// compare Isola's reading of a tree with pciutils' reading of the same tree.
#pragma once

#include <map>
#include <optional>
#include <string>

namespace isola::test {

// `sysfs_bus_pci` empty: lspci's default. nullopt when lspci is missing or fails.
std::optional<std::map<std::string, std::string>> lspci_ids(const std::string& sysfs_bus_pci);

}  // namespace isola::test
