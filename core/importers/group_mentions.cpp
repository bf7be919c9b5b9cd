#include "importers/group_mentions.hpp"

#include <cctype>

#include "importers/text_scan.hpp"

namespace isola::importers {
namespace {

bool alnum(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }
bool digit(char c) { return c >= '0' && c <= '9'; }

// Where "iommu" (with an optional ' ', '_' or '-' after it) ends right at `pos`, its start.
std::size_t iommu_word_before(std::string_view text, std::size_t pos) {
    for (std::size_t sep = 0; sep <= 1; ++sep) {
        if (pos < 5 + sep) continue;
        if (sep == 1 && text[pos - 1] != ' ' && text[pos - 1] != '_' && text[pos - 1] != '-') continue;
        if (iequals(text.substr(pos - 5 - sep, 5), "iommu")) return pos - 5 - sep;
    }
    return pos;
}

}  // namespace

std::vector<GroupMention> group_mentions(std::string_view text) {
    std::vector<GroupMention> out;
    constexpr std::size_t kMaxSeparators = 4;  // "Group: #3", "group = 3", "IOMMU Group  14:"
    for (std::size_t pos = 0; pos + 5 <= text.size(); ++pos) {
        if (!iequals(text.substr(pos, 5), "group")) continue;
        const std::size_t begin = iommu_word_before(text, pos);
        if (begin > 0 && alnum(text[begin - 1])) continue;  // "subgroup", "xiommu group"
        std::size_t i = pos + 5;
        for (std::size_t seps = 0; i < text.size() && seps < kMaxSeparators; ++i, ++seps) {
            const char c = text[i];
            if (c != ' ' && c != ':' && c != '=' && c != '#' && c != '-') break;
        }
        std::size_t end = i;
        while (end < text.size() && digit(text[end])) ++end;
        auto number = parse_decimal(text.substr(i, end - i));
        if (!number) continue;
        if (end < text.size()) {
            const char after = text[end];
            // "group 00:14.0" is an address after the word, "group 3.5" or "group 3a" no group number.
            if (alnum(after)) continue;
            if ((after == ':' || after == '.') && end + 1 < text.size() &&
                std::isxdigit(static_cast<unsigned char>(text[end + 1])))
                continue;
        }
        out.push_back(GroupMention{.begin = begin, .end = end, .group = *number});
        pos = end - 1;
    }
    return out;
}

std::vector<AddressMention> address_mentions(std::string_view text) {
    std::vector<AddressMention> out;
    auto in_word = [](char c) { return alnum(c) || c == ':' || c == '.'; };
    for (std::size_t i = 0; i < text.size();) {
        if (!in_word(text[i])) {
            ++i;
            continue;
        }
        std::size_t end = i;
        while (end < text.size() && in_word(text[end])) ++end;
        std::string_view word = text.substr(i, end - i);
        while (!word.empty() && (word.back() == ':' || word.back() == '.')) word.remove_suffix(1);
        if (auto address = Bdf::parse(word)) out.push_back(AddressMention{.begin = i, .address = *address});
        i = end;
    }
    return out;
}

}  // namespace isola::importers
