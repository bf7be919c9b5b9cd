// A PCI function address, domain:bus:device.function (e.g. 0000:0b:00.1).
#pragma once

#include <compare>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace isola {

struct Bdf {
    std::uint32_t domain = 0;
    std::uint8_t bus = 0;
    std::uint8_t device = 0;    // 0..31
    std::uint8_t function = 0;  // 0..7

    // Accepts "DDDD:BB:DD.F" and, because pasted listings often omit it, "BB:DD.F" (domain 0).
    // Hex digits in either case. Anything else, or out-of-range device/function, is nullopt.
    static std::optional<Bdf> parse(std::string_view text);

    // Canonical kernel spelling: "0000:0b:00.1" (lower-case, 4-digit domain or more when needed).
    [[nodiscard]] std::string str() const;
    // The slot without function, "0000:0b:00", used for multifunction siblings.
    [[nodiscard]] std::string slot_str() const;
    [[nodiscard]] bool same_slot(const Bdf& other) const {
        return domain == other.domain && bus == other.bus && device == other.device;
    }

    friend auto operator<=>(const Bdf&, const Bdf&) = default;
};

}  // namespace isola

template <>
struct std::hash<isola::Bdf> {
    std::size_t operator()(const isola::Bdf& b) const noexcept {
        return std::hash<std::uint64_t>{}((std::uint64_t{b.domain} << 16) | (std::uint64_t{b.bus} << 8) |
                                          (std::uint64_t{b.device} << 3) | b.function);
    }
};
