// What one line is to the structured group listing reader (group_structure.hpp): a group heading,
// a function's address, a heading of an IOMMU unit, ... judged from the line alone, after the tree
// drawing in front of it ("│   ├── ", "|   `-- ", "+-- ", bullets) is measured and set aside.
#pragma once

#include <optional>
#include <string_view>

#include "topology/bdf.hpp"
#include "topology/device.hpp"

namespace isola::importers {

enum class LineShape {
    Empty,        // nothing but tree drawing ("│")
    GroupHeading, // "Group 3", "IOMMU group #3:", "group=3", "[Group 3] (2 devices)"
    BareNumber,   // "3": a group heading only right under ".../iommu_groups" (`tree` of sysfs)
    GroupsRoot,   // "/sys/kernel/iommu_groups"
    UnitHeading,  // "DMAR unit 0", "dmar0:", "ivhd0", "IOMMU 0000:00:00.2" (an AMD IOMMU's own address)
    Transparent,  // "devices" (sysfs), between a group and its members; "type", "reserved_regions" beside them
    TreeSummary,  // `tree`'s last line, "42 directories, 0 files"
    Title,        // "IOMMU groups", "IOMMU Groups of host x:": a title over a listing
    Member,       // starts with a PCI address and names no group
    OneLiner,     // one group number and one PCI address (in either order)
    Other,        // anything else, including lines with several addresses or several groups
};

struct StructureLine {
    LineShape shape = LineShape::Other;
    int depth = 0;                   // column where the text starts after indentation and drawing
    std::string_view content;        // the text after the drawing
    std::optional<Bdf> address;      // Member, OneLiner
    std::optional<GroupId> group;    // GroupHeading, BareNumber, OneLiner
    std::string_view device_text;    // Member, OneLiner: from the address on, without the group mention
    bool names_address = false;      // any PCI address in the line
};

// `text` and `indent` as in ListingLine; the views point into `text`.
StructureLine classify_structure_line(std::string_view text, int indent);

}  // namespace isola::importers
