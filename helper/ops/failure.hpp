// A refusal of the helper: an error code from the protocol and one sentence for a person.
#pragma once

#include <string>
#include <string_view>

#include "protocol/helper_protocol.hpp"

namespace isola::helper {

struct Failure {
    ErrorCode code;
    std::string sentence;  // complete, starts with "isola-helper: ", shown verbatim by clients
};

// Builds a Failure whose sentence is "isola-helper: " + text.
Failure fail(ErrorCode code, std::string_view text);

// Client-supplied text quoted for a sentence: "..." with backslash, quote and every byte that
// is not printable ASCII or UTF-8 escaped as \xNN, cut after `limit` bytes with "...". A
// sentence must never carry a caller's newlines or terminal escapes into a log or a dialog.
std::string quote_for_sentence(std::string_view text, std::size_t limit = 40);

}  // namespace isola::helper
