// Every sentence Isola says goes through here: looked up in the "isola" gettext catalog of the
// user's language, then formatted with std::format's {} / {0} placeholders.
//
// Why gettext, in a Qt-free core: libvirt does the same (its sentences reach virsh, virt-manager
// and the logs alike); the catalogs are standard .po files that xgettext extracts from the
// keywords below and translators' tools know; and glibc carries the runtime, so the core gains no
// dependency. The GUI's own widget strings stay with Qt's tr() (translations/README.md).
//
// msgids are the English sentences. A translation whose placeholders do not fit the arguments
// (a broken catalog) falls back to the English sentence rather than losing the message.
#pragma once

#include <filesystem>
#include <format>
#include <string>
#include <string_view>

namespace isola {

// The catalog's translation of `msgid` in the current LC_MESSAGES locale (or `msgid` itself).
std::string translate(const char* msgid);
std::string translate_plural(const char* singular, const char* plural, unsigned long n);
// The translation of `msgid` in `context` (the .po file's msgctxt), for English words said in
// more than one sense: one msgid has one translation, a msgid in two contexts has two.
std::string translate_in(const char* context, const char* msgid);

namespace message_detail {
std::string format_translated(std::string_view translated, std::string_view english, std::format_args args);
}  // namespace message_detail

// say("cannot read the listing {}: there is no such file", path)
template <class... Args>
std::string say(const char* msgid, const Args&... args) {
    return message_detail::format_translated(translate(msgid), msgid, std::make_format_args(args...));
}

// say_in("a mount point on its block device", "{0} on {1}", "/home", "nvme0n1p3"): say() of words that
// mean other things elsewhere ("{0} on {1}" is also a device on its driver), so translators see
// each use as its own entry. The context is never shown.
template <class... Args>
std::string say_in(const char* context, const char* msgid, const Args&... args) {
    return message_detail::format_translated(translate_in(context, msgid), msgid, std::make_format_args(args...));
}

// say_n("{} device", "{} devices", n, n): the plural form the language needs for n.
template <class... Args>
std::string say_n(const char* singular, const char* plural, unsigned long n, const Args&... args) {
    return message_detail::format_translated(translate_plural(singular, plural, n), n == 1 ? singular : plural,
                                             std::make_format_args(args...));
}

// Marks a string for extraction without translating it here (translated later with translate()).
constexpr const char* N_(const char* msgid) { return msgid; }

// Where the compiled catalogs are: $ISOLA_LOCALEDIR when set (tests, a build tree), else the
// directory Isola was installed with.
std::filesystem::path default_locale_dir();

// Binds the "isola" catalogs to `dir` (<dir>/<lang>/LC_MESSAGES/isola.mo). Each program calls it
// once from main(), after setlocale(); the binding is process-wide, as gettext's is.
void bind_message_catalog(const std::filesystem::path& dir);

}  // namespace isola
