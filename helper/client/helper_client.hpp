// Client side of isola-helper, shared by the GUI and the CLI: building the KAuth actions and
// turning any failure into one sentence in the user's language. Never runs anything privileged.
#pragma once

#include <chrono>

#include <QString>
#include <QVariantMap>

#include <KAuth/Action>
#include <KAuth/ExecuteJob>

namespace isola::helper {

// A readconfig call for `bdf` ("0000:01:00.0"), ready for execute(). The helper validates
// the address itself; the client does not pre-check it, so the sentence comes from one place.
KAuth::Action readconfig_action(const QString& bdf,
                                std::chrono::milliseconds timeout = std::chrono::seconds(10));

// The sentence to show for a failed `action`: its job's error() and errorText(), and the refusal
// data the helper sent (keys "refusal" and "refusal-args"; see kept_refusal()).
//
// A helper refusal (codes 101..106) with its data is said here in the user's language
// (describe_helper_refusal()); without understandable data (an older or newer helper) the helper's
// English text is shown as it came. KAuth's own failures carry no usable text (polkit denial is
// error 4 with an EMPTY text, a missing helper 1/2, a dead bus 8) and are described here too,
// naming the action and device.
QString describe_kauth_failure(const KAuth::Action& action, int code, const QString& text,
                               const QVariantMap& refusal = {});

// KAuth's ExecuteJob drops the data of a failed reply, so the helper sends its refusal also as
// progress data just before failing. Call keep_refusal() before start() or exec(); afterwards
// kept_refusal() holds that refusal (empty if none came) for describe_kauth_failure().
void keep_refusal(KAuth::ExecuteJob* job);
QVariantMap kept_refusal(const KAuth::ExecuteJob* job);

// describe_kauth_failure() of a finished job whose refusal was kept.
QString describe_failed_job(const KAuth::ExecuteJob* job);

}  // namespace isola::helper
