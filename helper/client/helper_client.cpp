#include "client/helper_client.hpp"

#include <KAuth/ActionReply>

#include "protocol/helper_protocol.hpp"
#include "refusal/describe_helper_refusal.hpp"
#include "text/message.hpp"

namespace isola::helper {

namespace {

// Where keep_refusal() puts the helper's refusal data on its job.
constexpr const char* refusal_property = "isolaHelperRefusal";

// Per action: what it does to its device, as an infinitive phrase ("read the configuration of
// 0000:01:00.0"), and the way out when polkit says no. A new action adds a branch here and all
// its sentences follow.
struct ActionWords {
    std::string does;
    std::string when_denied;
};

ActionWords words_for(const KAuth::Action& action)
{
    const std::string device = action.arguments().value(QString::fromLatin1(arg_bdf)).toString().toStdString();
    if (action.name() == QLatin1StringView(readconfig_action_id)) {
        // TRANSLATORS: what the helper was asked to do, put into the sentences below at {0}, after
        // "could not", "not authorised to" and the like; {} a PCI address.
        return {say("read the configuration of {}", device),
                // TRANSLATORS: the way out when polkit refused; ends the sentence that says so.
                say("ask an administrator or run the scan as root")};
    }
    // TRANSLATORS: what the helper was asked to do, for an action without words of its own; {} its id.
    return {say("run {}", action.name().toStdString()),
            // TRANSLATORS: the way out when polkit refused; ends the sentence that says so.
            say("ask an administrator")};
}

std::string describe_kauth_own_failure(const KAuth::Action& action, int code, const QString& text)
{
    const ActionWords words = words_for(action);
    const std::string name = action.name().toStdString();
    switch (code) {
    case KAuth::ActionReply::AuthorizationDeniedError:
        // TRANSLATORS: {0} what the helper was asked to do ("read the configuration of 0000:01:00.0"),
        // {1} the polkit action id, {2} the way out ("ask an administrator ...").
        return say("Isola's helper was not authorised to {0} (polkit denied {1}); {2}.", words.does, name,
                   words.when_denied);
    case KAuth::ActionReply::UserCancelledError:
        // TRANSLATORS: {} what the helper was asked to do ("read the configuration of 0000:01:00.0").
        return say("Authentication was cancelled, so Isola's helper did not {}.", words.does);
    case KAuth::ActionReply::NoResponderError:
    case KAuth::ActionReply::NoSuchActionError:
        // TRANSLATORS: {0} what the helper was asked to do, {1} the polkit action id, {2} KAuth's error number.
        return say("Isola's helper could not {0}: the helper or its action {1} is not installed on this system "
                   "(KAuth error {2}).",
                   words.does, name, code);
    case KAuth::ActionReply::HelperBusyError:
        // TRANSLATORS: {} what the helper was asked to do ("read the configuration of 0000:01:00.0").
        return say("Isola's helper is busy with another request and did not {}; try again in a moment.",
                   words.does);
    case KAuth::ActionReply::DBusError:
        // TRANSLATORS: {0} what the helper was asked to do, {1} D-Bus's own message (English) or "no reply".
        return say("Isola's helper could not be reached on the system D-Bus to {0} ({1}).", words.does,
                   // TRANSLATORS: in place of D-Bus's message when it gave none.
                   text.isEmpty() ? say("no reply") : text.toStdString());
    default:
        if (text.isEmpty()) {
            // TRANSLATORS: {0} what the helper was asked to do, {1} an error number.
            return say("Isola's helper could not {0} (error {1}).", words.does, code);
        }
        // TRANSLATORS: {0} what the helper was asked to do, {1} an error number, {2} its text (English).
        return say("Isola's helper could not {0} (error {1}: {2}).", words.does, code, text.toStdString());
    }
}

}  // namespace

KAuth::Action readconfig_action(const QString& bdf, std::chrono::milliseconds timeout)
{
    KAuth::Action action(QString::fromLatin1(readconfig_action_id));
    action.setHelperId(QString::fromLatin1(helper_id));
    action.setArguments({{QString::fromLatin1(arg_bdf), bdf}});
    // Bounded: a helper wedged on an unknown action id would otherwise hold the caller for the
    // D-Bus default of about 25 s.
    action.setTimeout(timeout);
    return action;
}

QString describe_kauth_failure(const KAuth::Action& action, int code, const QString& text,
                               const QVariantMap& refusal)
{
    if (code >= first_error_code && code <= last_error_code) {
        if (const auto typed = refusal_from_data(refusal)) {
            return QString::fromStdString(describe_helper_refusal(*typed));
        }
        if (!text.isEmpty()) {
            return text;  // the helper's own sentence, in English, from a helper we cannot read
        }
    }
    // std::format, not QString::arg(): a device string containing "%2" is never re-expanded.
    return QString::fromStdString(describe_kauth_own_failure(action, code, text));
}

void keep_refusal(KAuth::ExecuteJob* job)
{
    QObject::connect(job, &KAuth::ExecuteJob::newData, job, [job](const QVariantMap& data) {
        if (data.contains(QString::fromLatin1(reply_refusal))) {
            job->setProperty(refusal_property, data);
        }
    });
}

QVariantMap kept_refusal(const KAuth::ExecuteJob* job)
{
    return job->property(refusal_property).toMap();
}

QString describe_failed_job(const KAuth::ExecuteJob* job)
{
    return describe_kauth_failure(job->action(), job->error(), job->errorText(), kept_refusal(job));
}

}  // namespace isola::helper
