// A PCI function address as the helper accepts it: exactly the kernel's sysfs spelling.
#pragma once

#include <expected>
#include <string>
#include <string_view>

#include "ops/failure.hpp"
#include "topology/bdf.hpp"

namespace isola::helper {

// Only parse() makes one, so a PciAddress in hand is always safe to put into a sysfs path.
class PciAddress {
public:
    // Accepts ^[0-9a-f]{4}:[0-9a-f]{2}:[0-9a-f]{2}\.[0-7]$ and nothing else. Stricter than the
    // core's Bdf::parse on purpose: no upper case, no missing domain, no spelling variants, so
    // one device has one name and "..", "/" or NUL can never reach a path.
    static std::expected<PciAddress, Failure> parse(std::string_view text);

    [[nodiscard]] const std::string& str() const { return text_; }
    // The same address as the core spells it (always exists: the core's parser is laxer).
    [[nodiscard]] Bdf bdf() const { return *Bdf::parse(text_); }

private:
    explicit PciAddress(std::string_view text) : text_(text) {}
    std::string text_;
};

}  // namespace isola::helper
