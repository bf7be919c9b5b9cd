// Importers for the IOMMU/PCI listings people paste into forums and issue trackers.
//
// Formats: the common shell loop ("IOMMU Group N:" header style and "IOMMU Group N BB:DD.F ..."
// one-line style), `lspci -nn`, `lspci -nnk`, `lspci -vmm`, `lspci -tv` (tree), ls-iommu output,
// and the other forms found in tests/data/real-world/. A file may mix several of them.
// What text cannot tell (ACS, port type, reset methods, ...) stays unknown, never guessed.
#pragma once

#include <expected>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "topology/topology.hpp"

namespace isola {

enum class ListingFormat {
    Auto,
    IommuLoop,   // "IOMMU Group N:" headers or "IOMMU Group N BB:DD.F ..." one-liners
    LspciNn,     // lspci -nn / -nns
    LspciNnk,    // lspci -nnk / -knn (with "Kernel driver in use:")
    LspciVmm,    // lspci -vmm / -vmmnn (Slot:/Class:/Vendor:/... records, optional IOMMUGroup:)
    LspciTree,   // lspci -tv
    LsIommu,     // HikariKnight ls-iommu ("IOMMU Group  N: DDDD:BB:DD.F class [cccc] name [vvvv:dddd]")
    // Forms found in real pastes (tests/data/real-world); detected automatically, may be forced too.
    IommuSh,     // r15ch13 iommu.sh: "Group N:<TAB>[vvvv:dddd] [R] BB:DD.F  class  name" (+ "USB:" lines)
    LsGroup,     // lsgroup.sh: "### Group N ###" + plain `lspci -s` lines
    SysfsFind,   // `find /sys/kernel/iommu_groups/ -type l`: ".../iommu_groups/N/devices/DDDD:BB:DD.F"
    Dmesg,       // kernel log: "pci DDDD:BB:DD.F: Adding to iommu group N"
    Lspci,       // plain `lspci` (names, no numeric IDs)
    // The fallback for shapes no form above knows (group_structure.hpp): group headings with the
    // addresses nested under them by indentation or tree drawing, group and address on one line,
    // tables with a group column. Tried last under Auto.
    Structured,
};
std::string_view to_string(ListingFormat);
// Every ListingFormat, Auto first (for option help texts and the fuzzer).
std::span<const ListingFormat> all_listing_formats();
std::optional<ListingFormat> listing_format_from_string(std::string_view);

struct ImportError {
    std::string message;  // one sentence: what is wrong with which input, and what to do
};

// Parses `text` (the whole file) into a Topology with source kind Listing. `origin` is the file
// name shown in diagnostics. Lines that are not understood become Diagnostics, not errors; an
// error is returned only when nothing at all could be recognised. That error names the first
// line holding a PCI address that could not be placed, when there is one (Auto and Structured).
std::expected<Topology, ImportError> import_listing(std::string_view text, ListingFormat format,
                                                    std::string origin);

}  // namespace isola
