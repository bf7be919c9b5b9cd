#include "client/helper_client.hpp"

#include <clocale>

#include <QTimer>

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

std::string argument(const KAuth::Action& action, std::string_view key)
{
    return action.arguments().value(QString::fromLatin1(key.data(), static_cast<qsizetype>(key.size()))).toString().toStdString();
}

ActionWords words_for(const KAuth::Action& action)
{
    const std::string device = argument(action, arg_bdf);
    if (action.name() == QLatin1StringView(apply_action_id)) {
        // TRANSLATORS: what the helper was asked to do, put into the sentences below at {0}; {0} PCI
        // addresses separated by spaces, {1} a VM's name.
        return {say("hand {0} to the VM \"{1}\"", argument(action, arg_devices), argument(action, arg_vm)),
                // TRANSLATORS: the way out when polkit refused; ends the sentence that says so.
                say("ask an administrator, or run isolactl apply as root")};
    }
    if (action.name() == QLatin1StringView(restore_action_id)) {
        const std::string devices = argument(action, arg_devices);
        // TRANSLATORS: what the helper was asked to do; {} PCI addresses separated by spaces.
        return {devices.empty() ? say("return the devices Isola moved to their host drivers")
                                : say("return {} to their host drivers", devices),
                // TRANSLATORS: the way out when polkit refused; ends the sentence that says so.
                say("ask an administrator, or run isolactl restore as root")};
    }
    if (action.name() == QLatin1StringView(persist_action_id)) {
        // TRANSLATORS: what the helper was asked to do; {0} PCI addresses, {1} a VM's name.
        return {say("bind {0} to vfio-pci at boot for the VM \"{1}\"", argument(action, arg_devices), argument(action, arg_vm)),
                // TRANSLATORS: the way out when polkit refused; ends the sentence that says so.
                say("ask an administrator, or run isolactl persist as root")};
    }
    if (action.name() == QLatin1StringView(unpersist_action_id)) {
        const std::string devices = argument(action, arg_devices);
        // TRANSLATORS: what the helper was asked to do; {} PCI addresses.
        return {devices.empty() ? say("remove every boot-time binding Isola made") : say("remove the boot-time binding of {}", devices),
                // TRANSLATORS: the way out when polkit refused; ends the sentence that says so.
                say("ask an administrator, or run isolactl unpersist as root")};
    }
    if (action.name() == QLatin1StringView(recover_action_id)) {
        // TRANSLATORS: what the helper was asked to do, put into the sentences below at {0}.
        return {say("put back the change of Isola's that was interrupted"),
                // TRANSLATORS: the way out when polkit refused; ends the sentence that says so.
                say("ask an administrator, or run isolactl status as root, which puts it back too")};
    }
    if (action.name() == QLatin1StringView(probe_action_id)) {
        // TRANSLATORS: what the helper was asked to do; {} a PCI address.
        return {say("test the VFIO attach of {}", device),
                // TRANSLATORS: the way out when polkit refused; ends the sentence that says so.
                say("ask an administrator, or run isolactl probe as root")};
    }
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

namespace {

KAuth::Action helper_action(std::string_view id, const QVariantMap& arguments, std::chrono::milliseconds timeout)
{
    KAuth::Action action(QString::fromLatin1(id.data(), static_cast<qsizetype>(id.size())));
    action.setHelperId(QString::fromLatin1(helper_id));
    action.setArguments(arguments);
    action.setTimeout(timeout);
    return action;
}

QString key(std::string_view k)
{
    return QString::fromLatin1(k.data(), static_cast<qsizetype>(k.size()));
}

}  // namespace

// An apply or restore waits for every unbind (10 s each at most) and VF change (90 s), so its
// call may take minutes; the helper bounds each write itself.
KAuth::Action apply_action(const QStringList& devices, const QString& vm, const QString& backend,
                           const QString& fingerprint, const QString& locale)
{
    return helper_action(apply_action_id,
                         {{key(arg_devices), devices.join(QLatin1Char(' '))}, {key(arg_vm), vm},
                          {key(arg_backend), backend}, {key(arg_fingerprint), fingerprint}, {key(arg_locale), locale}},
                         std::chrono::minutes(10));
}

KAuth::Action restore_action(const QStringList& devices, const QString& locale)
{
    return helper_action(restore_action_id, {{key(arg_devices), devices.join(QLatin1Char(' '))}, {key(arg_locale), locale}},
                         std::chrono::minutes(10));
}

KAuth::Action probe_action(const QString& bdf, const QString& backend, const QString& locale)
{
    return helper_action(probe_action_id, {{key(arg_bdf), bdf}, {key(arg_backend), backend}, {key(arg_locale), locale}},
                         std::chrono::seconds(60));
}

KAuth::Action persist_action(const QStringList& devices, const QString& vm, const QString& backend,
                             const QString& fingerprint, const QString& locale)
{
    return helper_action(persist_action_id,
                         {{key(arg_devices), devices.join(QLatin1Char(' '))}, {key(arg_vm), vm},
                          {key(arg_backend), backend}, {key(arg_fingerprint), fingerprint}, {key(arg_locale), locale}},
                         std::chrono::seconds(60));
}

KAuth::Action unpersist_action(const QStringList& devices, const QString& locale)
{
    return helper_action(unpersist_action_id, {{key(arg_devices), devices.join(QLatin1Char(' '))}, {key(arg_locale), locale}},
                         std::chrono::seconds(60));
}

KAuth::Action recover_action(const QString& locale)
{
    return helper_action(recover_action_id, {{key(arg_locale), locale}}, std::chrono::seconds(60));
}

QString caller_locale()
{
    const char* name = std::setlocale(LC_MESSAGES, nullptr);
    return QString::fromLatin1(name != nullptr ? name : "C");
}

HelperAnswer run_action(const KAuth::Action& action, const std::function<void(const QVariantMap&)>& on_progress)
{
    KAuth::Action copy = action;  // execute() is not const
    KAuth::ExecuteJob* job = copy.execute();
    keep_refusal(job);
    if (on_progress) {
        QObject::connect(job, &KAuth::ExecuteJob::newData, job, [on_progress](const QVariantMap& data) {
            if (!data.contains(key(reply_refusal))) on_progress(data);
        });
    }
    HelperAnswer answer;
    QTimer::singleShot(action.timeout() + 5000, job, [job, &answer] {
        answer.hung = true;
        job->kill(KJob::EmitResult);
    });
    job->setAutoDelete(false);
    job->exec();
    answer.error = job->error();
    if (answer.hung) {
        answer.failure = describe_hung_action(action);
    } else if (answer.error == 0) {
        answer.data = job->data();
    } else {
        answer.failure = describe_failed_job(job);
    }
    job->deleteLater();
    return answer;
}

QString describe_hung_action(const KAuth::Action& action)
{
    const int seconds = action.timeout() / 1000;
    // TRANSLATORS: {0} what the helper was asked to do ("hand 0000:01:00.0 to the VM "win11""),
    // {1} seconds waited.
    return QString::fromStdString(
        say("Isola's helper did not answer within {1} seconds when asked to {0}; run isolactl status to see "
            "what it changed.",
            words_for(action).does, seconds));
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
