#include "text/message.hpp"

#include <clocale>
#include <cstdlib>
#include <libintl.h>

#ifndef ISOLA_LOCALEDIR
#define ISOLA_LOCALEDIR "/usr/share/locale"
#endif

namespace isola {
namespace {
constexpr const char* kDomain = "isola";
}  // namespace

// gettext("") is the catalog's header, never a translation of nothing.
std::string translate(const char* msgid) { return *msgid ? ::dgettext(kDomain, msgid) : std::string(); }

std::string translate_plural(const char* singular, const char* plural, unsigned long n) {
    return ::dngettext(kDomain, singular, plural, n);
}

std::string translate_in(const char* context, const char* msgid) {
    // gettext's pgettext() is a macro of gettext.h, not a glibc function; it does the same: a
    // catalog stores a msgctxt entry under "context\004msgid", and a lookup that finds nothing
    // returns the pointer it was given.
    const std::string key = std::string(context) + '\004' + msgid;
    const char* found = ::dcgettext(kDomain, key.c_str(), LC_MESSAGES);
    return found == key.c_str() ? std::string(msgid) : std::string(found);
}

namespace message_detail {

std::string format_translated(std::string_view translated, std::string_view english, std::format_args args) {
    try {
        return std::vformat(translated, args);
    } catch (const std::format_error&) {
        // A catalog entry with other placeholders than the English one: say it in English.
        return std::vformat(english, args);
    }
}

}  // namespace message_detail

std::filesystem::path default_locale_dir() {
    if (const char* dir = std::getenv("ISOLA_LOCALEDIR"); dir && *dir) return dir;
    return ISOLA_LOCALEDIR;
}

void bind_message_catalog(const std::filesystem::path& dir) {
    ::bindtextdomain(kDomain, dir.c_str());
    ::bind_textdomain_codeset(kDomain, "UTF-8");
}

}  // namespace isola
