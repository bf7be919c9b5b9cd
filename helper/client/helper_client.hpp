// Client side of isola-helper, shared by the GUI and the CLI: building the KAuth actions and
// turning any failure into one sentence in the user's language. Never runs anything privileged.
#pragma once

#include <chrono>
#include <functional>

#include <QString>
#include <QStringList>
#include <QVariantMap>

#include <KAuth/Action>
#include <KAuth/ExecuteJob>

namespace isola::helper {

// A readconfig call for `bdf` ("0000:01:00.0"), ready for execute(). The helper validates
// the address itself; the client does not pre-check it, so the sentence comes from one place.
KAuth::Action readconfig_action(const QString& bdf,
                                std::chrono::milliseconds timeout = std::chrono::seconds(10));

// apply, restore and probe (arguments: protocol/helper_protocol.hpp). `devices` are kernel-spelled
// addresses; `locale` the caller's LC_MESSAGES (caller_locale()), in which the helper says its report.
KAuth::Action apply_action(const QStringList& devices, const QString& vm, const QString& backend,
                           const QString& fingerprint, const QString& locale);
KAuth::Action restore_action(const QStringList& devices, const QString& locale);
KAuth::Action probe_action(const QString& bdf, const QString& backend, const QString& locale);
KAuth::Action persist_action(const QStringList& devices, const QString& vm, const QString& backend,
                             const QString& fingerprint, const QString& locale);
KAuth::Action unpersist_action(const QStringList& devices, const QString& locale);
// Puts back an interrupted change, nothing else (every other action does that first, too).
KAuth::Action recover_action(const QString& locale);

// This process's LC_MESSAGES locale name ("de_DE.UTF-8", "C"), for the helper's reports.
QString caller_locale();

// One finished call: error 0 and the reply's data, or the error and its sentence
// (describe_failed_job()). `hung`: no reply within the action's timeout (see README, KAuth traps).
struct HelperAnswer {
    int error = 0;
    QString failure;
    QVariantMap data;
    bool hung = false;
};

// Runs `action` to its end in a nested event loop (a QCoreApplication must exist), passing each
// progress step the helper reports to `on_progress`, with a watchdog past the action's timeout.
HelperAnswer run_action(const KAuth::Action& action,
                        const std::function<void(const QVariantMap&)>& on_progress = {});

// The sentence for `action` when the helper did not answer within its timeout (a watchdog fired).
QString describe_hung_action(const KAuth::Action& action);

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
