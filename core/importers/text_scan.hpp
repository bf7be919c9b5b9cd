// Small string_view helpers shared by the listing parsers: trimming, hex fields, "[vvvv:dddd]".
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace isola::importers {

std::string_view trim(std::string_view s);
bool iequals(std::string_view a, std::string_view b);
bool istarts_with(std::string_view s, std::string_view prefix);
bool is_hex(std::string_view s);

// Exactly `digits` hex digits ("10de", "a1"); nullopt otherwise.
std::optional<std::uint16_t> parse_hex16(std::string_view s, std::size_t digits = 4);
std::optional<std::uint8_t> parse_hex8(std::string_view s);
std::optional<unsigned> parse_decimal(std::string_view s);

// "vvvv:dddd" (no brackets).
struct IdPair {
    std::uint16_t vendor = 0;
    std::uint16_t device = 0;
};
std::optional<IdPair> parse_id_pair(std::string_view s);

// The last "[vvvv:dddd]" in `s`: its position, or npos. lspci -nn prints the IDs as the last
// bracket of the name, after bracketed marketing names such as "[Radeon RX 6950 XT]".
std::size_t find_last_id_bracket(std::string_view s);

// Removes `prefix` (case-insensitive) from the front of `s`; false if it is not there.
bool consume_prefix(std::string_view& s, std::string_view prefix);

}  // namespace isola::importers
