#include "importers/lspci_device_line.hpp"

#include "importers/printed_names.hpp"
#include "importers/text_scan.hpp"

namespace isola::importers {
namespace {

std::string_view first_word(std::string_view s) { return s.substr(0, s.find(' ')); }

// Removes trailing "(prog-if xx [name])" and "(rev xx)" groups (lspci prints rev first).
void take_trailing_details(std::string_view& rest, LspciDeviceLine& line) {
    rest = trim(rest);
    if (std::size_t p = rest.rfind("(prog-if "); p != std::string_view::npos && rest.ends_with(')')) {
        line.prog_if = parse_hex8(rest.substr(p + 9, 2));
        rest = trim(rest.substr(0, p));
    }
    if (std::size_t p = rest.rfind("(rev "); p != std::string_view::npos && rest.ends_with(')') &&
                                             p + 8 == rest.size()) {
        line.revision = parse_hex8(rest.substr(p + 5, 2));
        rest = trim(rest.substr(0, p));
    }
}

// "PCI bridge [0604]: rest", "PCI bridge [0604] rest" or "PCI bridge: rest".
bool take_class(std::string_view& rest, LspciDeviceLine& line) {
    // -n: "0604: 8086:1901"
    if (rest.size() >= 6 && rest[4] == ':' && rest[5] == ' ' && parse_hex16(rest.substr(0, 4))) {
        line.class_id = parse_hex16(rest.substr(0, 4));
        rest = trim(rest.substr(6));
        return true;
    }
    // The class bracket comes before any ": " (names may contain one: "Data Fabric: Device 18h").
    const std::size_t first_colon = rest.find(": ");
    for (std::size_t p = rest.find(" ["); p != std::string_view::npos && p < first_colon; p = rest.find(" [", p + 1)) {
        // " [0604]": space, bracket, four hex digits, bracket.
        if (p + 7 > rest.size() || rest[p + 6] != ']') continue;
        auto id = parse_hex16(rest.substr(p + 2, 4));
        if (!id) continue;
        std::size_t after = p + 7;
        if (after < rest.size() && rest[after] != ':' && rest[after] != ' ') continue;
        line.class_name = std::string(trim(rest.substr(0, p)));
        line.class_id = id;
        if (after < rest.size() && rest[after] == ':') ++after;
        rest = trim(rest.substr(after));
        return true;
    }
    if (first_colon == std::string_view::npos || first_colon == 0) return false;
    line.class_name = std::string(trim(rest.substr(0, first_colon)));
    rest = trim(rest.substr(first_colon + 2));
    return true;
}

}  // namespace

bool starts_with_bdf(std::string_view text) { return Bdf::parse(first_word(text)).has_value(); }

std::optional<LspciDeviceLine> parse_lspci_device_line(std::string_view text) {
    text = trim(text);
    auto address = Bdf::parse(first_word(text));
    if (!address) return std::nullopt;
    LspciDeviceLine line;
    line.address = *address;
    std::string_view rest = trim(text.substr(first_word(text).size()));
    if (rest.empty() || !take_class(rest, line)) return std::nullopt;

    take_trailing_details(rest, line);
    std::string_view name = rest;
    if (std::size_t ids = find_last_id_bracket(rest); ids != std::string_view::npos) {
        auto pair = parse_id_pair(rest.substr(ids + 1, 9));
        line.vendor_id = pair->vendor;
        line.device_id = pair->device;
        name = trim(rest.substr(0, ids));
        // Anything after the IDs other than rev/prog-if (already taken) is not lspci output.
        if (!trim(rest.substr(ids + 11)).empty()) return std::nullopt;
    } else if (auto pair = parse_id_pair(first_word(rest)); pair && first_word(rest) == rest) {
        line.vendor_id = pair->vendor;  // -n: the IDs are the whole name
        line.device_id = pair->device;
        name = {};
    }
    if (!name.empty()) {
        auto split = split_printed_name(name);
        line.vendor_name = std::move(split.vendor);
        line.device_name = std::move(split.device);
    }
    if (!line.class_id && !line.class_name.empty()) line.class_id = class_id_from_name(line.class_name);
    return line;
}

}  // namespace isola::importers
