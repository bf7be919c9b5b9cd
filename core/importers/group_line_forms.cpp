#include "importers/group_line_forms.hpp"

#include "importers/lspci_device_line.hpp"
#include "importers/text_scan.hpp"

namespace isola::importers {
namespace {

// "IOMMU Group" with the "IOMMMU" typo of a widespread script variant; returns the text after it.
std::optional<std::string_view> after_iommu_group(std::string_view s) {
    if (!consume_prefix(s, "IOMMU ") && !consume_prefix(s, "IOMMMU ")) return std::nullopt;
    if (!consume_prefix(s, "group")) return std::nullopt;
    return trim(s);
}

// Splits "14: rest" / "14 rest" / "14:" / "14" into the number, whether a colon followed, and rest.
struct NumberAndRest {
    GroupId number = 0;
    bool colon = false;
    std::string_view rest;
};
std::optional<NumberAndRest> take_group_number(std::string_view s) {
    std::size_t digits = 0;
    while (digits < s.size() && s[digits] >= '0' && s[digits] <= '9') ++digits;
    auto number = parse_decimal(s.substr(0, digits));
    if (!number) return std::nullopt;
    NumberAndRest out{.number = *number, .colon = false, .rest = s.substr(digits)};
    if (out.rest.starts_with(':')) {
        out.colon = true;
        out.rest.remove_prefix(1);
    }
    if (!out.rest.empty() && out.rest.front() != ' ') return std::nullopt;
    out.rest = trim(out.rest);
    return out;
}

}  // namespace

std::optional<GroupHeader> parse_group_header(std::string_view text) {
    text = trim(text);
    if (text.starts_with("###") && text.ends_with("###")) {
        std::string_view inner = trim(text.substr(3, text.size() - 6));
        if (!consume_prefix(inner, "Group ")) return std::nullopt;
        auto number = parse_decimal(trim(inner));
        if (!number) return std::nullopt;
        return GroupHeader{.group = *number, .format = ListingFormat::LsGroup};
    }
    auto after = after_iommu_group(text);
    if (!after) return std::nullopt;
    auto number = take_group_number(*after);
    if (!number || !number->rest.empty()) return std::nullopt;
    return GroupHeader{.group = number->number, .format = ListingFormat::IommuLoop};
}

std::optional<GroupOneLiner> parse_group_one_liner(std::string_view text) {
    auto after = after_iommu_group(trim(text));
    if (!after) return std::nullopt;
    auto number = take_group_number(*after);
    if (!number || number->rest.empty() || !starts_with_bdf(number->rest)) return std::nullopt;
    // ls-iommu writes "IOMMU Group N: <domain:bdf>"; the shell loop writes "IOMMU Group N <bdf>".
    return GroupOneLiner{.group = number->number,
                         .format = number->colon ? ListingFormat::LsIommu : ListingFormat::IommuLoop,
                         .device_text = number->rest};
}

std::optional<GroupMembership> parse_sysfs_group_path(std::string_view text) {
    text = trim(text);
    constexpr std::string_view kRoot = "/sys/kernel/iommu_groups/";
    std::size_t at = text.find(kRoot);
    if (at == std::string_view::npos) return std::nullopt;
    std::string_view rest = text.substr(at + kRoot.size());
    std::size_t slash = rest.find('/');
    if (slash == std::string_view::npos) return std::nullopt;
    auto group = parse_decimal(rest.substr(0, slash));
    rest.remove_prefix(slash);
    if (!group || !consume_prefix(rest, "/devices/")) return std::nullopt;
    auto address = Bdf::parse(rest.substr(0, rest.find_first_of(" /")));
    if (!address) return std::nullopt;
    return GroupMembership{*address, *group};
}

std::optional<GroupMembership> parse_kernel_log_group_add(std::string_view text) {
    text = trim(text);
    // "pci 0000:00:02.0: Adding to iommu group 0"
    if (std::size_t at = text.find(": Adding to iommu group "); at != std::string_view::npos) {
        std::string_view head = text.substr(0, at);
        auto address = Bdf::parse(head.substr(head.rfind(' ') + 1));
        auto group = parse_decimal(trim(text.substr(at + 24)));
        if (address && group) return GroupMembership{*address, *group};
        return std::nullopt;
    }
    // Older kernels: "iommu: Adding device 0000:00:02.0 to group 0"
    if (std::size_t at = text.find("Adding device "); at != std::string_view::npos) {
        std::string_view rest = text.substr(at + 14);
        std::size_t to = rest.find(" to group ");
        if (to == std::string_view::npos) return std::nullopt;
        auto address = Bdf::parse(rest.substr(0, to));
        auto group = parse_decimal(trim(rest.substr(to + 10)));
        if (address && group) return GroupMembership{*address, *group};
    }
    return std::nullopt;
}

std::optional<std::string_view> strip_dmesg_timestamp(std::string_view text) {
    if (!text.starts_with('[')) return std::nullopt;
    std::size_t close = text.find(']');
    if (close == std::string_view::npos) return std::nullopt;
    std::string_view stamp = trim(text.substr(1, close - 1));
    std::size_t dot = stamp.find('.');
    if (dot == std::string_view::npos || !parse_decimal(stamp.substr(0, dot)) || !parse_decimal(stamp.substr(dot + 1)))
        return std::nullopt;
    return trim(text.substr(close + 1));
}

}  // namespace isola::importers
