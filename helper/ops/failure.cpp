#include "ops/failure.hpp"

#include <format>

#include "ops/speaking_locale.hpp"
#include "refusal/describe_helper_refusal.hpp"

namespace isola::helper {

std::string english_sentence(const Failure& failure)
{
    const SpeakingLocale english("C");
    return describe_helper_refusal(failure.refusal);
}

std::string escape_for_sentence(std::string_view text, std::size_t limit)
{
    std::string out;
    std::string_view shown = text.substr(0, limit);
    if (text.size() > limit) {
        // Do not cut a UTF-8 sequence in half: drop its continuation bytes and its lead byte.
        while (!shown.empty() && (static_cast<unsigned char>(shown.back()) & 0xc0) == 0x80) {
            shown.remove_suffix(1);
        }
        if (!shown.empty() && static_cast<unsigned char>(shown.back()) >= 0xc0) {
            shown.remove_suffix(1);
        }
    }
    for (const char c : shown) {
        const auto byte = static_cast<unsigned char>(c);
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (byte < 0x20 || byte == 0x7f) {
            out += std::format("\\x{:02x}", byte);
        } else {
            out += c;  // printable ASCII, or part of a UTF-8 sequence (QString gave us UTF-8)
        }
    }
    if (text.size() > limit) {
        out += "...";
    }
    return out;
}

}  // namespace isola::helper
