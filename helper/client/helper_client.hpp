// Client side of isola-helper, shared by the GUI and the CLI: building the KAuth actions and
// turning any failure into one sentence. Never runs anything privileged itself.
#pragma once

#include <chrono>

#include <QString>

#include <KAuth/Action>

namespace isola::helper {

// A readconfig call for `bdf` ("0000:01:00.0"), ready for execute(). The helper validates
// the address itself; the client does not pre-check it, so the sentence comes from one place.
KAuth::Action readconfig_action(const QString& bdf,
                                std::chrono::milliseconds timeout = std::chrono::seconds(10));

// The sentence to show for a failed `action` (its job's error() and errorText()).
//
// The helper's own refusals (codes 101..106) already are sentences and are returned verbatim.
// KAuth's failures are not: polkit denial arrives as error 4 with an EMPTY text, a missing
// helper as 1/2, a dead bus as 8. Those are described here, naming the action and device.
QString describe_kauth_failure(const KAuth::Action& action, int code, const QString& text);

}  // namespace isola::helper
