#include "topology/bdf.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <format>

namespace isola {
namespace {

// Parses exactly `digits` hex digits (or, when `digits` is 0, one or more) from the front of `s`.
std::optional<std::uint32_t> take_hex(std::string_view& s, std::size_t min_digits, std::size_t max_digits) {
    std::size_t n = 0;
    while (n < s.size() && n < max_digits && std::isxdigit(static_cast<unsigned char>(s[n]))) ++n;
    if (n < min_digits) return std::nullopt;
    std::uint32_t v = 0;
    auto [ptr, ec] = std::from_chars(s.data(), s.data() + n, v, 16);
    if (ec != std::errc{}) return std::nullopt;
    s.remove_prefix(n);
    return v;
}

bool take_char(std::string_view& s, char c) {
    if (s.empty() || s.front() != c) return false;
    s.remove_prefix(1);
    return true;
}

}  // namespace

std::optional<Bdf> Bdf::parse(std::string_view text) {
    // Count colons to tell "DDDD:BB:DD.F" from "BB:DD.F".
    const auto colons = std::count(text.begin(), text.end(), ':');
    Bdf b;
    std::string_view s = text;
    if (colons == 2) {
        auto d = take_hex(s, 4, 8);
        if (!d || !take_char(s, ':')) return std::nullopt;
        b.domain = *d;
    } else if (colons != 1) {
        return std::nullopt;
    }
    auto bus = take_hex(s, 2, 2);
    if (!bus || !take_char(s, ':')) return std::nullopt;
    auto dev = take_hex(s, 2, 2);
    if (!dev || !take_char(s, '.')) return std::nullopt;
    auto fn = take_hex(s, 1, 1);
    if (!fn || !s.empty() || *dev > 0x1f || *fn > 7) return std::nullopt;
    b.bus = static_cast<std::uint8_t>(*bus);
    b.device = static_cast<std::uint8_t>(*dev);
    b.function = static_cast<std::uint8_t>(*fn);
    return b;
}

std::string Bdf::str() const { return std::format("{:04x}:{:02x}:{:02x}.{:x}", domain, bus, device, function); }

std::string Bdf::slot_str() const { return std::format("{:04x}:{:02x}:{:02x}", domain, bus, device); }

}  // namespace isola
