#include "net_address.hpp"

#include <arpa/inet.h>
#include <charconv>
#include <string>

namespace isola::lab {
namespace {

// Splits "addr/prefix"; prefix is -1 when absent, nullopt when malformed or above `max`.
std::optional<std::pair<std::string, int>> split_prefix(std::string_view text, int max) {
    const auto slash = text.find('/');
    if (slash == std::string_view::npos) return std::pair{std::string(text), -1};
    int prefix = 0;
    const auto digits = text.substr(slash + 1);
    auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), prefix);
    if (ec != std::errc{} || end != digits.data() + digits.size() || prefix < 0 || prefix > max) return std::nullopt;
    return std::pair{std::string(text.substr(0, slash)), prefix};
}

}  // namespace

std::optional<Ipv4Cidr> parse_ipv4(std::string_view text, bool need_prefix) {
    auto parts = split_prefix(text, 32);
    if (!parts || (need_prefix && parts->second < 0)) return std::nullopt;
    Ipv4Cidr out;
    if (inet_pton(AF_INET, parts->first.c_str(), out.octets.data()) != 1) return std::nullopt;
    out.prefix = parts->second < 0 ? 32 : parts->second;
    return out;
}

std::optional<Ipv6Cidr> parse_ipv6(std::string_view text, bool need_prefix) {
    auto parts = split_prefix(text, 128);
    if (!parts || (need_prefix && parts->second < 0)) return std::nullopt;
    Ipv6Cidr out;
    if (inet_pton(AF_INET6, parts->first.c_str(), out.bytes.data()) != 1) return std::nullopt;
    out.prefix = parts->second < 0 ? 128 : parts->second;
    return out;
}

}  // namespace isola::lab
