#include "importers/iommu_sh_line.hpp"

#include "importers/text_scan.hpp"

namespace isola::importers {
namespace {

// "[vvvv:dddd]" at the front of `s`.
std::optional<IdPair> take_id_bracket(std::string_view& s) {
    if (s.size() < 11 || s[0] != '[' || s[10] != ']') return std::nullopt;
    auto ids = parse_id_pair(s.substr(1, 9));
    if (ids) s = trim(s.substr(11));
    return ids;
}

// The script pads columns with runs of spaces; names themselves hold single spaces only.
std::pair<std::string_view, std::string_view> split_at_padding(std::string_view s) {
    std::size_t gap = s.find("  ");
    if (gap == std::string_view::npos) return {trim(s), {}};
    return {trim(s.substr(0, gap)), trim(s.substr(gap))};
}

}  // namespace

std::optional<IommuShDevice> parse_iommu_sh_device(std::string_view text) {
    IommuShDevice device;
    text = trim(text);
    if (consume_prefix(text, "Group ")) {
        std::size_t colon = text.find(':');
        if (colon == std::string_view::npos) return std::nullopt;
        auto group = parse_decimal(text.substr(0, colon));
        if (!group) return std::nullopt;
        device.group = *group;
        text = trim(text.substr(colon + 1));
    }
    auto ids = take_id_bracket(text);
    if (!ids) return std::nullopt;
    device.vendor_id = ids->vendor;
    device.device_id = ids->device;
    if (text.starts_with("[R]")) {
        device.has_reset = true;
        text = trim(text.substr(3));
    }
    std::size_t space = text.find(' ');
    auto address = Bdf::parse(text.substr(0, space));
    if (!address || space == std::string_view::npos) return std::nullopt;
    device.address = *address;
    auto [class_name, name] = split_at_padding(trim(text.substr(space)));
    device.class_name = std::string(class_name);
    device.device_name = std::string(name);
    return device;
}

std::optional<IommuShUsb> parse_iommu_sh_usb(std::string_view text) {
    text = trim(text);
    if (!consume_prefix(text, "USB:")) return std::nullopt;
    text = trim(text);
    auto ids = take_id_bracket(text);
    if (!ids) return std::nullopt;
    auto [bus_device, name] = split_at_padding(text);
    return IommuShUsb{.vendor_id = ids->vendor, .product_id = ids->device, .bus_device = std::string(bus_device),
                      .name = std::string(name)};
}

}  // namespace isola::importers
