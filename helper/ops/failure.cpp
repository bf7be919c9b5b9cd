#include "ops/failure.hpp"

#include <clocale>
#include <format>

#include <locale.h>

#include "refusal/describe_helper_refusal.hpp"

namespace isola::helper {

namespace {

// Makes the calling thread speak the C locale (English, untranslated strerror()) while it lives.
// uselocale() rather than setlocale(): it is per thread and undone on every way out.
class SpeakingC {
public:
    SpeakingC() : c_(::newlocale(LC_ALL_MASK, "C", nullptr))
    {
        if (c_ != nullptr) {
            previous_ = ::uselocale(c_);
        }
    }
    SpeakingC(const SpeakingC&) = delete;
    SpeakingC& operator=(const SpeakingC&) = delete;
    ~SpeakingC()
    {
        if (c_ != nullptr) {
            ::uselocale(previous_);
            ::freelocale(c_);
        }
    }

private:
    locale_t c_;
    locale_t previous_ = LC_GLOBAL_LOCALE;
};

}  // namespace

std::string english_sentence(const Failure& failure)
{
    const SpeakingC english;
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
