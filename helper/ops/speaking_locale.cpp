#include "ops/speaking_locale.hpp"

#include <cstring>

namespace isola::helper {

SpeakingLocale::SpeakingLocale(const char* messages)
{
    // Plain "C" for English: gettext translates nothing there, whatever LANGUAGE says. Another
    // locale gets C.UTF-8 underneath, so translated text stays UTF-8.
    const bool english = std::strcmp(messages, "C") == 0;
    locale_t base = english ? nullptr : ::newlocale(LC_ALL_MASK, "C.UTF-8", nullptr);
    if (base == nullptr) {
        base = ::newlocale(LC_ALL_MASK, "C", nullptr);
    }
    if (base != nullptr && !english) {
        // On success newlocale() returns `base` modified; on failure it leaves `base` as it was,
        // and the thread speaks C.UTF-8: English.
        if (locale_t with_messages = ::newlocale(LC_MESSAGES_MASK, messages, base); with_messages != nullptr) {
            base = with_messages;
        }
    }
    locale_ = base;
    if (locale_ != nullptr) {
        previous_ = ::uselocale(locale_);
    }
}

SpeakingLocale::~SpeakingLocale()
{
    if (locale_ != nullptr) {
        ::uselocale(previous_);
        ::freelocale(locale_);
    }
}

}  // namespace isola::helper
