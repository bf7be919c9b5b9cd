#include "importers/listing_line.hpp"

#include <algorithm>
#include <array>
#include <cctype>

#include "importers/text_scan.hpp"

namespace isola::importers {
namespace {

// Forum tags that wrap data when a listing is pasted into a bulletin board. Only these names are
// removed: brackets in device names ("[AMD/ATI]", "bus[E:B]") must survive.
constexpr std::array<std::string_view, 11> kBbcodeTags{"COLOR", "SIZE", "FONT", "B",      "I",     "U",
                                                       "CODE",  "ICODE", "QUOTE", "SPOILER", "INDENT"};

// Length of the BBCode tag starting at `s` ("[COLOR=#f00]", "[/COLOR]", "[B]"), 0 if none.
std::size_t bbcode_tag_length(std::string_view s) {
    if (s.size() < 3 || s.front() != '[') return 0;
    std::size_t close = s.find(']');
    if (close == std::string_view::npos) return 0;
    std::string_view inner = s.substr(1, close - 1);
    if (!inner.empty() && inner.front() == '/') inner.remove_prefix(1);
    std::string_view name = inner.substr(0, inner.find('='));
    for (auto tag : kBbcodeTags)
        if (iequals(name, tag)) return close + 1;
    return 0;
}

// debian-installer's hardware summary prefixes every line with the command: "lspci -knn: ".
std::string_view strip_command_prefix(std::string_view s) {
    if (!s.starts_with("lspci")) return s;
    std::size_t colon = s.find(": ");
    if (colon == std::string_view::npos) return s;
    std::string_view flags = s.substr(5, colon - 5);
    bool only_flags = std::ranges::all_of(flags, [](char c) { return c == ' ' || c == '-' || std::isalpha(static_cast<unsigned char>(c)); });
    return only_flags ? s.substr(colon + 2) : s;
}

}  // namespace

std::string strip_bbcode(std::string_view line) {
    std::string out;
    out.reserve(line.size());
    for (std::size_t i = 0; i < line.size();) {
        if (std::size_t n = bbcode_tag_length(line.substr(i)); n > 0) {
            i += n;
            continue;
        }
        out.push_back(line[i++]);
    }
    return out;
}

std::vector<ListingLine> clean_listing_lines(std::string_view text) {
    std::vector<ListingLine> lines;
    int number = 0;
    while (!text.empty() || number == 0) {
        std::size_t end = text.find_first_of("\r\n");
        std::string_view raw = text.substr(0, end);
        if (end == std::string_view::npos) {
            text = {};
        } else {
            // CRLF counts as one line break.
            std::size_t skip = (text[end] == '\r' && end + 1 < text.size() && text[end + 1] == '\n') ? 2 : 1;
            text.remove_prefix(end + skip);
        }
        ++number;
        std::string cleaned = strip_bbcode(raw);
        std::string_view body = strip_command_prefix(cleaned);

        ListingLine line{.number = number, .indent = 0, .text = {}};
        std::size_t i = 0;
        for (; i < body.size() && (body[i] == ' ' || body[i] == '\t'); ++i) line.indent += body[i] == '\t' ? 8 : 1;
        std::string_view rest = trim(body.substr(i));
        line.text.assign(rest);
        std::ranges::replace(line.text, '\t', ' ');
        lines.push_back(std::move(line));
        if (text.empty()) break;
    }
    return lines;
}

}  // namespace isola::importers
