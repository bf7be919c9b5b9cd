#include "importers/lspci_vmm_record.hpp"

#include <array>

#include "importers/printed_names.hpp"
#include "importers/text_scan.hpp"

namespace isola::importers {
namespace {

// "Intel Corporation [8086]" -> ("Intel Corporation", 0x8086); "8086" -> ("", 0x8086).
struct NameAndNumber {
    std::string name;
    std::optional<std::uint16_t> number;
};
NameAndNumber name_and_number(std::string_view value) {
    value = trim(value);
    if (auto whole = parse_hex16(value)) return {{}, whole};
    // "[8086]" is six characters at the end.
    if (value.size() >= 6 && value.ends_with(']') && value[value.size() - 6] == '[') {
        if (auto number = parse_hex16(value.substr(value.size() - 5, 4)))
            return {std::string(trim(value.substr(0, value.size() - 6))), number};
    }
    return {std::string(value), std::nullopt};
}

}  // namespace

std::optional<Bdf> vmm_record_start(std::string_view text) {
    if (!consume_prefix(text, "Slot:")) return std::nullopt;
    return Bdf::parse(trim(text));
}

VmmField apply_vmm_field(std::string_view text, Sighting& s) {
    std::size_t colon = text.find(':');
    if (colon == std::string_view::npos || colon == 0) return VmmField::NotAField;
    std::string_view key = text.substr(0, colon);
    std::string_view value = trim(text.substr(colon + 1));
    if (key == "Class") {
        auto v = name_and_number(value);
        s.class_name = v.name;
        s.class_id = v.number ? v.number : class_id_from_name(v.name);
    } else if (key == "Vendor") {
        auto v = name_and_number(value);
        s.vendor_name = v.name;
        s.vendor_id = v.number;
    } else if (key == "Device") {
        auto v = name_and_number(value);
        s.device_name = v.name;
        s.device_id = v.number;
    } else if (key == "SVendor") {
        auto v = name_and_number(value);
        s.subsystem_name = v.name;
        s.subsystem_vendor_id = v.number;
    } else if (key == "SDevice") {
        auto v = name_and_number(value);
        if (!v.name.empty()) s.subsystem_name += (s.subsystem_name.empty() ? "" : " ") + v.name;
        s.subsystem_device_id = v.number;
    } else if (key == "Rev") {
        s.revision = parse_hex8(value);
    } else if (key == "ProgIf") {
        s.prog_if = parse_hex8(value);
    } else if (key == "Driver") {
        s.driver = std::string(value);
        return VmmField::Driver;
    } else if (key == "Module") {
        return VmmField::Driver;  // a -k record even when nothing is bound
    } else if (key == "IOMMUGroup") {
        if (auto g = parse_decimal(value)) s.group = *g;
    } else if (key == "NUMANode") {
        if (auto n = parse_decimal(value)) s.numa_node = static_cast<int>(*n);
    } else {
        constexpr std::array<std::string_view, 3> kKnownUnused{"PhySlot", "DeviceName", "Slot"};
        for (auto k : kKnownUnused)
            if (key == k) return VmmField::Ignored;
        return VmmField::NotAField;
    }
    return VmmField::Applied;
}

}  // namespace isola::importers
