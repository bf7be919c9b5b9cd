// The two facts a listing of any shape has to state for Isola to place a function: a group number
// ("Group 3", "iommu group 3", "IOMMU group #3", "group=3", "IOMMUGroup: 3", "[group 3]") and a PCI
// address ("0000:00:14.0" or "00:14.0"). Found anywhere in a line, by hand-written scanning.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "topology/bdf.hpp"
#include "topology/device.hpp"

namespace isola::importers {

struct GroupMention {
    std::size_t begin = 0;  // first character ("I" of "IOMMU group 3", "g" of "group=3")
    std::size_t end = 0;    // one past the last digit
    GroupId group = 0;
};
// Every "group N" in `text`, left to right. "groups", "subgroup 3" and "group 00:14.0" are not.
std::vector<GroupMention> group_mentions(std::string_view text);

struct AddressMention {
    std::size_t begin = 0;
    Bdf address;
};
// Every PCI address that stands as a word of its own ("pci0000:00/0000:00:14.0" holds one, at the
// second word; "interface:00:14.0" none), left to right; a trailing ':' or '.' is punctuation.
std::vector<AddressMention> address_mentions(std::string_view text);

}  // namespace isola::importers
