// The structured group listing reader: the fallback for listings in shapes no line form knows.
// It places a PCI function in an IOMMU group only when the structure says so clearly:
//   - the function's line is nested under a group heading, by indentation or tree drawing
//     ("Group 3" / "├── IOMMU group #3" / "group=3", then the addresses indented under it),
//     directly or under other members of that group or a "devices" node;
//   - or the line itself holds one group number and one address ("group=3 0000:00:14.0 ...");
//   - or it is a row of a table with a group and an address column (group_table.hpp);
//   - or, with no nesting at all, it follows a group heading that has nothing nested under it,
//     at the heading's own indentation, with no blank line in between ("Group 3:" then flush lines).
// Never clearly: lines under a heading that are not all indented alike (the whole section is
// left out), a heading inside another group, an address under a line that is neither a heading
// nor a member, a line with two addresses or two group numbers, a one-liner under a heading of
// another group. Sections of IOMMU units ("dmar0:", "IOMMU 0000:00:00.2", "ivhd0") only contain
// groups; they never give one.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "importers/listing_line.hpp"
#include "topology/bdf.hpp"
#include "topology/device.hpp"

namespace isola::importers {

enum class StructureRole {
    None,       // not part of a structured group listing (it may still be another form)
    Heading,    // a group heading
    Context,    // understood and giving nothing: unit headings, "devices", tables' headers and rules, ...
    Member,     // a line that names one function (with `group` when it is clearly given)
    Attribute,  // a line nested under a member that was placed ("Kernel driver in use: ...")
};

struct StructuredLine {
    StructureRole role = StructureRole::None;
    int depth = 0;                  // indentation plus tree drawing, in columns
    std::string content;            // the text after the tree drawing
    std::optional<Bdf> address;     // Member
    std::optional<GroupId> group;   // Member: its group, only when clearly given; Heading: its number
    std::string device_text;        // Member: from the address on, for the lspci device line parser
    bool names_address = false;     // the line holds a PCI address
    bool misaligned = false;        // Heading: the lines under it are not all indented alike
};

struct GroupStructure {
    std::vector<StructuredLine> lines;  // one per ListingLine, in order
    // Line `number` (1-based); an empty line description when out of range.
    const StructuredLine& line(int number) const;
};

GroupStructure read_group_structure(const std::vector<ListingLine>& lines);

}  // namespace isola::importers
