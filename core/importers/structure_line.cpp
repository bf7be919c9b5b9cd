#include "importers/structure_line.hpp"

#include <algorithm>
#include <array>
#include <cctype>

#include "importers/group_mentions.hpp"
#include "importers/text_scan.hpp"

namespace isola::importers {
namespace {

// Length in bytes of one drawing character at `s` (0: none). ASCII art of `tree -A` and friends,
// bullets, the Unicode box-drawing block U+2500-U+257F (UTF-8 E2 94/95 xx), U+2022 "•" and the
// no-break space U+00A0 that forum editors put in place of leading spaces.
std::size_t drawing_char(std::string_view s) {
    if (s.empty()) return 0;
    if (std::string_view(" |`+-\\*").find(s[0]) != std::string_view::npos) return 1;
    const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(s[i]); };
    if (s.size() >= 3 && byte(0) == 0xe2 && (byte(1) == 0x94 || byte(1) == 0x95)) return 3;
    if (s.size() >= 3 && byte(0) == 0xe2 && byte(1) == 0x80 && byte(2) == 0xa2) return 3;
    if (s.size() >= 2 && byte(0) == 0xc2 && byte(1) == 0xa0) return 2;
    return 0;
}

bool only_decoration(std::string_view s) {
    while (!s.empty()) {
        if (std::size_t n = drawing_char(s); n > 0) {
            s.remove_prefix(n);
            continue;
        }
        if (std::string_view(":=])>").find(s[0]) == std::string_view::npos) return false;
        s.remove_prefix(1);
    }
    return true;
}

bool all_digits(std::string_view s) {
    return !s.empty() && std::ranges::all_of(s, [](char c) { return c >= '0' && c <= '9'; });
}

// A heading is the group mention with at most brackets or a bullet before it and, after it,
// decoration, a parenthesised note ("(2 devices)") or a note after a colon ("Group 3: USB").
bool is_heading(std::string_view content, const GroupMention& m) {
    if (!std::ranges::all_of(content.substr(0, m.begin), [](char c) { return std::string_view(" [(<").find(c) != std::string_view::npos; }))
        return false;
    std::string_view after = trim(content.substr(m.end));
    if (only_decoration(after)) return true;
    if (after.starts_with(':')) return true;
    return after.starts_with('(') && after.ends_with(')');
}

// "dmar0", "ivhd1", "iommu2", "amd-vi0", "drhd0", with an optional trailing ':'.
bool is_unit_name(std::string_view word) {
    if (word.ends_with(':')) word.remove_suffix(1);
    for (std::string_view stem : {"dmar", "ivhd", "drhd", "iommu", "amd-vi"})
        if (word.size() > stem.size() && istarts_with(word, stem) && all_digits(word.substr(stem.size()))) return true;
    return false;
}

bool is_unit_heading(std::string_view content, const std::vector<AddressMention>& addresses) {
    const std::string_view first = content.substr(0, content.find(' '));
    if (is_unit_name(first)) return true;
    for (std::string_view words : {"DMAR unit", "IOMMU unit", "DRHD ", "IVHD "})
        if (istarts_with(content, words)) return true;
    // "IOMMU 0000:00:00.2": AMD's IOMMU is itself a PCI function, named by its address.
    if ((iequals(first, "IOMMU") || iequals(first, "AMD-Vi")) && addresses.size() == 1 &&
        addresses[0].begin == first.size() + 1)
        return true;
    return false;
}

// "/sys/kernel/iommu_groups", "iommu_groups/", "ls /sys/kernel/iommu_groups:".
bool is_groups_root(std::string_view s) {
    if (s.ends_with('/') || s.ends_with(':')) s.remove_suffix(1);
    return s.ends_with("iommu_groups");
}

// What `ls`/`tree` show in /sys/kernel/iommu_groups/N: "devices" holds the members.
bool is_sysfs_group_entry(std::string_view s) {
    if (s.ends_with('/') || s.ends_with(':')) s.remove_suffix(1);
    return s == "devices" || s == "type" || s == "reserved_regions";
}

// "IOMMU groups", "IOMMU Groups of nas:", "=== IOMMU groups ===".
bool is_title(std::string_view s) {
    while (!s.empty() && (s.front() == '=' || s.front() == ' ')) s.remove_prefix(1);
    return istarts_with(s, "IOMMU group");
}

std::string_view trim_device_text(std::string_view s) {
    s = trim(s);
    while (!s.empty() && std::string_view(" ([,-|>=").find(s.back()) != std::string_view::npos) s.remove_suffix(1);
    return s;
}

}  // namespace

StructureLine classify_structure_line(std::string_view text, int indent) {
    StructureLine out;
    std::size_t at = 0;
    int width = 0;
    for (std::size_t n; (n = drawing_char(text.substr(at))) > 0; at += n) ++width;
    out.depth = indent + width;
    out.content = text.substr(at);
    std::string_view content = out.content;
    // "0000:01:00.0 -> ../../../../devices/pci0000:00/0000:00:01.0/0000:01:00.0": the link target
    // of `ls -l` / `tree` names the parent bridge too; only the link's own name counts.
    if (std::size_t link = content.find(" -> "); link != std::string_view::npos) {
        std::string_view target = trim(content.substr(link + 4));
        if (target.starts_with('/') || target.starts_with("../")) content = content.substr(0, link);
    }
    if (content.empty()) {
        out.shape = LineShape::Empty;
        return out;
    }
    const auto mentions = group_mentions(content);
    auto addresses = address_mentions(content);
    out.names_address = !addresses.empty();
    // The same address twice ("0000:00:14.0 -> ../devices/pci0000:00/0000:00:14.0") is one.
    const bool one_address = !addresses.empty() && std::ranges::all_of(addresses, [&](const AddressMention& a) {
        return a.address == addresses.front().address;
    });
    const bool one_group = !mentions.empty() && std::ranges::all_of(mentions, [&](const GroupMention& m) {
        return m.group == mentions.front().group;
    });

    if (mentions.empty() && is_unit_heading(content, addresses)) {
        out.shape = LineShape::UnitHeading;
    } else if (one_group && one_address) {
        out.shape = LineShape::OneLiner;
        out.group = mentions.front().group;
        out.address = addresses.front().address;
        std::string_view from = content.substr(addresses.front().begin);
        if (mentions.front().begin > addresses.front().begin)
            from = from.substr(0, mentions.front().begin - addresses.front().begin);
        out.device_text = trim_device_text(from);
    } else if (mentions.size() == 1 && addresses.empty() && is_heading(content, mentions.front())) {
        out.shape = LineShape::GroupHeading;
        out.group = mentions.front().group;
    } else if (mentions.empty() && one_address && addresses.front().begin <= 1 &&
               (addresses.front().begin == 0 || content[0] == '[' || content[0] == '(')) {
        out.shape = LineShape::Member;
        out.address = addresses.front().address;
        out.device_text = trim_device_text(content.substr(addresses.front().begin));
    } else if (all_digits(content)) {
        out.shape = LineShape::BareNumber;
        out.group = parse_decimal(content);
        if (!out.group) out.shape = LineShape::Other;
    } else if (is_sysfs_group_entry(content)) {
        out.shape = LineShape::Transparent;
    } else if (is_groups_root(content)) {
        out.shape = LineShape::GroupsRoot;
    } else if (std::size_t space = content.find(' ');
               space != std::string_view::npos && all_digits(content.substr(0, space)) &&
               (content.substr(space + 1).starts_with("director") || content.substr(space + 1).starts_with("file"))) {
        out.shape = LineShape::TreeSummary;
    } else if (mentions.empty() && addresses.empty() && is_title(content)) {
        out.shape = LineShape::Title;
    }
    return out;
}

}  // namespace isola::importers
