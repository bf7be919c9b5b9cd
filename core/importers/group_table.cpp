#include "importers/group_table.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <vector>

#include "importers/text_scan.hpp"

namespace isola::importers {
namespace {

// "| a | b |" -> {"a", "b"}; the outer bars are optional. Fewer than two cells: not a table line.
std::vector<std::string_view> cells_of(std::string_view text) {
    text = trim(text);
    if (text.find('|') == std::string_view::npos) return {};
    if (text.starts_with('|')) text.remove_prefix(1);
    if (text.ends_with('|')) text.remove_suffix(1);
    std::vector<std::string_view> cells;
    for (std::size_t start = 0;;) {
        std::size_t bar = text.find('|', start);
        cells.push_back(trim(text.substr(start, bar == std::string_view::npos ? std::string_view::npos : bar - start)));
        if (bar == std::string_view::npos) break;
        start = bar + 1;
    }
    if (cells.size() < 2) cells.clear();
    return cells;
}

// "IOMMU_Group" -> "iommu group".
std::string normalised(std::string_view cell) {
    std::string out;
    for (char c : cell) out.push_back(c == '_' || c == '-' ? ' ' : static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    return out;
}

template <std::size_t N>
bool one_of(const std::string& cell, const std::array<std::string_view, N>& names) {
    return std::ranges::find(names, cell) != names.end();
}

}  // namespace

std::optional<GroupTable> parse_group_table_header(std::string_view text) {
    const auto cells = cells_of(text);
    constexpr std::array<std::string_view, 6> kGroup{"group", "iommu group", "iommugroup", "group #", "group id", "group no"};
    constexpr std::array<std::string_view, 8> kAddress{"address", "bdf", "slot", "pci address", "pci slot", "pci",
                                                       "device address", "pci bdf"};
    constexpr std::array<std::string_view, 5> kName{"device", "name", "description", "device name", "class"};
    std::optional<std::size_t> group, address, name;
    for (std::size_t i = 0; i < cells.size(); ++i) {
        const std::string cell = normalised(cells[i]);
        if (!group && one_of(cell, kGroup)) group = i;
        else if (!address && one_of(cell, kAddress)) address = i;
        else if (!name && one_of(cell, kName)) name = i;
    }
    if (!group || !address) return std::nullopt;
    return GroupTable{.cells = cells.size(), .group_column = *group, .address_column = *address, .name_column = name};
}

bool is_table_rule(std::string_view text) {
    text = trim(text);
    return text.find('-') != std::string_view::npos &&
           std::ranges::all_of(text, [](char c) { return std::string_view("|-:+= ").find(c) != std::string_view::npos; });
}

std::optional<GroupTableRow> parse_group_table_row(const GroupTable& table, std::string_view text) {
    const auto cells = cells_of(text);
    if (cells.size() != table.cells) return std::nullopt;
    auto group = parse_decimal(cells[table.group_column]);
    auto address = Bdf::parse(cells[table.address_column]);
    if (!group || !address) return std::nullopt;
    GroupTableRow row{.address = *address, .group = *group, .device_text = std::string(cells[table.address_column])};
    if (table.name_column && !cells[*table.name_column].empty())
        row.device_text += " " + std::string(cells[*table.name_column]);
    return row;
}

}  // namespace isola::importers
