#include "importers/text_scan.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>

namespace isola::importers {

std::string_view trim(std::string_view s) {
    auto space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
    while (!s.empty() && space(s.front())) s.remove_prefix(1);
    while (!s.empty() && space(s.back())) s.remove_suffix(1);
    return s;
}

bool iequals(std::string_view a, std::string_view b) {
    return std::ranges::equal(a, b, [](char x, char y) {
        return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
    });
}

bool istarts_with(std::string_view s, std::string_view prefix) {
    return s.size() >= prefix.size() && iequals(s.substr(0, prefix.size()), prefix);
}

bool consume_prefix(std::string_view& s, std::string_view prefix) {
    if (!istarts_with(s, prefix)) return false;
    s.remove_prefix(prefix.size());
    return true;
}

bool is_hex(std::string_view s) {
    return !s.empty() && std::ranges::all_of(s, [](char c) { return std::isxdigit(static_cast<unsigned char>(c)) != 0; });
}

std::optional<std::uint16_t> parse_hex16(std::string_view s, std::size_t digits) {
    if (s.size() != digits || !is_hex(s)) return std::nullopt;
    std::uint16_t v = 0;
    auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), v, 16);
    if (ec != std::errc{} || ptr != s.data() + s.size()) return std::nullopt;
    return v;
}

std::optional<std::uint8_t> parse_hex8(std::string_view s) {
    auto v = parse_hex16(s, 2);
    if (!v) return std::nullopt;
    return static_cast<std::uint8_t>(*v);
}

std::optional<unsigned> parse_decimal(std::string_view s) {
    if (s.empty() || s.size() > 9) return std::nullopt;
    unsigned v = 0;
    auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), v, 10);
    if (ec != std::errc{} || ptr != s.data() + s.size()) return std::nullopt;
    return v;
}

std::optional<IdPair> parse_id_pair(std::string_view s) {
    if (s.size() != 9 || s[4] != ':') return std::nullopt;
    auto vendor = parse_hex16(s.substr(0, 4));
    auto device = parse_hex16(s.substr(5, 4));
    if (!vendor || !device) return std::nullopt;
    return IdPair{*vendor, *device};
}

std::size_t find_last_id_bracket(std::string_view s) {
    std::size_t pos = s.size();
    while (pos > 0) {
        pos = s.rfind('[', pos - 1);
        if (pos == std::string_view::npos) break;
        if (pos + 11 <= s.size() && s[pos + 10] == ']' && parse_id_pair(s.substr(pos + 1, 9))) return pos;
    }
    return std::string_view::npos;
}

}  // namespace isola::importers
