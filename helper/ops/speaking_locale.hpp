// Makes the calling thread speak a locale's messages while it lives: "C" for the helper's English
// log and error texts, the caller's LC_MESSAGES for the sentences of a report it sends back.
//
// uselocale(), not setlocale(): per thread, undone on every way out, and the process's own
// locale (dbus-daemon's environment) is never changed. gettext and strerror() follow it.
#pragma once

#include <locale.h>

namespace isola::helper {

class SpeakingLocale {
public:
    // `messages` must be a validated locale name (ops/change_values.hpp); a locale this system
    // does not have leaves the thread in C, i.e. English.
    explicit SpeakingLocale(const char* messages);
    SpeakingLocale(const SpeakingLocale&) = delete;
    SpeakingLocale& operator=(const SpeakingLocale&) = delete;
    ~SpeakingLocale();

private:
    locale_t locale_ = nullptr;
    locale_t previous_ = LC_GLOBAL_LOCALE;
};

}  // namespace isola::helper
