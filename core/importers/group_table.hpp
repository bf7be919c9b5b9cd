// A table with a group column and an address column, as posted in Markdown:
//   | Group | Address      | Device                                   |
//   |------:|--------------|------------------------------------------|
//   |     3 | 0000:00:14.0 | USB controller: Intel Corporation Device |
// Every row must have the header's number of cells; a row that does not ends the table.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "topology/bdf.hpp"
#include "topology/device.hpp"

namespace isola::importers {

struct GroupTable {
    std::size_t cells = 0;
    std::size_t group_column = 0;
    std::size_t address_column = 0;
    std::optional<std::size_t> name_column;  // "Device", "Name", "Description"
};
std::optional<GroupTable> parse_group_table_header(std::string_view text);

// "|---|:---:|" under the header.
bool is_table_rule(std::string_view text);

struct GroupTableRow {
    Bdf address;
    GroupId group = 0;
    std::string device_text;  // "0000:00:14.0 USB controller: ..." when the table has a name column
};
std::optional<GroupTableRow> parse_group_table_row(const GroupTable& table, std::string_view text);

}  // namespace isola::importers
