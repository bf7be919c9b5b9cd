// Joining words into prose, in one place: every sentence that lists things ("0000:0b:00.0,
// 0000:0b:00.1 and 0000:0c:00.0") is built with these, so the conjunction can be translated once.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace isola {

// "a", "a and b", "a, b and c".
std::string join_prose(const std::vector<std::string>& items);

// "a, b, c" (or another separator): lists that are not prose, e.g. inside parentheses.
std::string join_list(const std::vector<std::string>& items, std::string_view separator = ", ");

}  // namespace isola
