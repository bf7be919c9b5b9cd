// One table per enum, mapping each value to the stable name used in JSON, snapshots and command
// lines ("bind-vfio-pci", "live-host"), read in both directions. Replaces hand-written switch
// statements that had to be kept in step with their parsers.
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string_view>

namespace isola {

template <class E>
struct EnumName {
    E value;
    std::string_view name;
};

// The name of `value` in `table`; "unknown" for a value the table lacks (a programming error that
// a test of the table catches).
template <class E, std::size_t N>
constexpr std::string_view name_of(const std::array<EnumName<E>, N>& table, E value) {
    for (const auto& entry : table)
        if (entry.value == value) return entry.name;
    return "unknown";
}

template <class E, std::size_t N>
constexpr std::optional<E> value_of(const std::array<EnumName<E>, N>& table, std::string_view name) {
    for (const auto& entry : table)
        if (entry.name == name) return entry.value;
    return std::nullopt;
}

}  // namespace isola
