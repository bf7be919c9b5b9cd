// IPv4/IPv6 "address/prefix" text as it appears in a machine spec, parsed once for the parser
// (validation) and the proc writer (route tables).
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

namespace isola::lab {

struct Ipv4Cidr {
    std::array<std::uint8_t, 4> octets{};
    int prefix = 32;
};
struct Ipv6Cidr {
    std::array<std::uint8_t, 16> bytes{};
    int prefix = 128;
};

// "192.168.1.20/24"; the prefix may be omitted when `need_prefix` is false (gateways).
[[nodiscard]] std::optional<Ipv4Cidr> parse_ipv4(std::string_view text, bool need_prefix);
[[nodiscard]] std::optional<Ipv6Cidr> parse_ipv6(std::string_view text, bool need_prefix);

}  // namespace isola::lab
