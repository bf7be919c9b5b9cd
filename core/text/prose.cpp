#include "text/prose.hpp"

#include "text/message.hpp"

namespace isola {

std::string join_prose(const std::vector<std::string>& items) {
    if (items.empty()) return {};
    if (items.size() == 1) return items.front();
    std::vector<std::string> head(items.begin(), items.end() - 1);
    // TRANSLATORS: the last two items of a list: "{0}" is "a, b" (or "a"), "{1}" the last item.
    return say("{0} and {1}", join_list(head), items.back());
}

std::string join_list(const std::vector<std::string>& items, std::string_view separator) {
    std::string out;
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (i > 0) out += separator;
        out += items[i];
    }
    return out;
}

}  // namespace isola
