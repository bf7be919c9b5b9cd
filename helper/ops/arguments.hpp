// Validation of an action's argument map, before anything in it is looked at.
#pragma once

#include <expected>
#include <map>
#include <span>
#include <string>
#include <string_view>

#include <QVariantMap>

#include "ops/failure.hpp"

namespace isola::helper {

// One string argument an action takes. Every argument is required: an action that wants an
// optional one should say so in its own spec type rather than weaken this one.
struct StringArgument {
    std::string_view key;
    qsizetype max_length;      // in UTF-16 code units; refused beyond, before any parsing
    ArgumentForm form;         // what it looks like, for the sentence that says it is missing
};

using ArgumentValues = std::map<std::string, std::string, std::less<>>;  // key -> UTF-8 value

// Checks that `args` holds exactly the keys of `spec`, each a QString (no other QVariant type is
// converted: CVE-2019-7443 came from a helper decoding whatever type it was sent) of bounded
// length. `action` is the short action name used in sentences ("readconfig").
std::expected<ArgumentValues, Failure> parse_arguments(std::string_view action, std::span<const StringArgument> spec,
                                                       const QVariantMap& args);

}  // namespace isola::helper
