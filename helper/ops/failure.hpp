// A refusal of the helper, on its way out: the typed refusal (kind and arguments) for the client
// to put into words, and the English sentence for the reply's error text and the helper's log.
#pragma once

#include <string>
#include <string_view>

#include "protocol/helper_protocol.hpp"
#include "refusal/helper_refusal.hpp"

namespace isola::helper {

struct Failure {
    HelperRefusal refusal;

    [[nodiscard]] ErrorCode code() const { return error_code(refusal.kind); }
};

// describe_helper_refusal() in English whatever locale the helper inherited ("isola-helper: ..."):
// dbus-daemon passes its own environment, which can carry the system's LANG, to the helper.
std::string english_sentence(const Failure& failure);

// Client-supplied text made safe for a sentence: backslash, quote and every byte that is not
// printable ASCII or UTF-8 escaped as \xNN, cut after `limit` bytes with "...". A refusal never
// carries a caller's newlines or terminal escapes into a log or a dialog, nor much of what a
// hostile caller sent into a reply. Every text a caller sent goes into a HelperRefusal through
// this; the sentences put it in quotes (their translators choose which).
std::string escape_for_sentence(std::string_view text, std::size_t limit = 40);

}  // namespace isola::helper
