// One line of a pasted listing after copy-paste damage is undone: CR, BBCode colour tags, the
// "lspci -knn: " prefix of debian-installer reports, tabs. Parsers only ever see these.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace isola::importers {

struct ListingLine {
    int number = 0;     // 1-based, as the user sees it in the file
    int indent = 0;     // width of the leading white space (a tab counts 8)
    std::string text;   // without leading/trailing white space; inner tabs become spaces
};

// Splits `text` into cleaned lines (LF, CRLF or lone CR endings).
std::vector<ListingLine> clean_listing_lines(std::string_view text);

// Exposed for tests: removes forum markup such as "[COLOR=#ff0000]" and "[/COLOR]".
std::string strip_bbcode(std::string_view line);

}  // namespace isola::importers
