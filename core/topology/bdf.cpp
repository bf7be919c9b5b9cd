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

constexpr char kHexDigits[] = "0123456789abcdef";

// Writes `value` as `digits` lower-case hex digits at s[at].
void put_hex(std::string& s, std::size_t at, std::uint32_t value, int digits) {
    for (int i = digits - 1; i >= 0; --i, value >>= 4) s[at + static_cast<std::size_t>(i)] = kHexDigits[value & 0xf];
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

// Written digit by digit: addresses are formatted for every function in every view (JSON, tables,
// labels, fingerprints), and std::format's parsing of the format string was most of the cost.
std::string Bdf::slot_str() const {
    if (domain > 0xffff) return std::format("{:04x}:{:02x}:{:02x}", domain, bus, device);
    std::string s = "0000:00:00";
    put_hex(s, 0, domain, 4);
    put_hex(s, 5, bus, 2);
    put_hex(s, 8, device, 2);
    return s;
}

std::string Bdf::str() const {
    std::string s = slot_str();
    s += '.';
    s += kHexDigits[function & 0xf];
    return s;
}

}  // namespace isola
