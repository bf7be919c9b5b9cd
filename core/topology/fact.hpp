// A value the host may or may not have told us.
//
// The kernel hides things from unprivileged readers (config space past 64 bytes), pasted listings
// lack most fields, and old kernels lack whole files. Like libpci's `known_fields`, every such
// field says whether it is known, and if not, why — so no view ever shows an invented value.
#pragma once

#include <optional>
#include <string>
#include <utility>

namespace isola {

template <class T>
struct Fact {
    std::optional<T> value;   // empty: not known
    std::string why_unknown;  // e.g. "config space past 64 bytes needs root"

    static Fact known(T v) { return Fact{std::move(v), {}}; }
    static Fact unknown(std::string why) { return Fact{std::nullopt, std::move(why)}; }

    [[nodiscard]] bool is_known() const { return value.has_value(); }
    explicit operator bool() const { return value.has_value(); }
    [[nodiscard]] const T& operator*() const { return *value; }
    [[nodiscard]] const T* operator->() const { return &*value; }
    [[nodiscard]] T value_or(T fallback) const { return value.value_or(std::move(fallback)); }

    friend bool operator==(const Fact&, const Fact&) = default;
};

}  // namespace isola
