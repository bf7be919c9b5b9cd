#include "client/helper_client.hpp"

#include <QCoreApplication>

#include <KAuth/ActionReply>

#include "protocol/helper_protocol.hpp"

namespace isola::helper {

namespace {

// Gives tr() a translation context that lupdate understands outside a QObject.
struct HelperClient {
    Q_DECLARE_TR_FUNCTIONS(HelperClient)
};

// Per action: what it does to its device, as a sentence fragment, and the way out when polkit
// says no. A new action adds a branch here and all its sentences follow.
struct ActionWords {
    QString does;  // "read the configuration of 0000:01:00.0"
    QString when_denied;
};

ActionWords words_for(const KAuth::Action& action)
{
    const QString device = action.arguments().value(QString::fromLatin1(arg_bdf)).toString();
    if (action.name() == QLatin1StringView(readconfig_action_id)) {
        return {HelperClient::tr("read the configuration of %1").arg(device),
                HelperClient::tr("ask an administrator or run the scan as root")};
    }
    return {HelperClient::tr("run %1").arg(action.name()), HelperClient::tr("ask an administrator")};
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

QString describe_kauth_failure(const KAuth::Action& action, int code, const QString& text)
{
    if (code >= first_error_code && code <= last_error_code && !text.isEmpty()) {
        return text;  // the helper's own sentence, already complete
    }

    // Multi-argument arg() everywhere: a device string containing "%2" must not be re-expanded.
    const ActionWords words = words_for(action);
    const QString number = QString::number(code);
    switch (code) {
    case KAuth::ActionReply::AuthorizationDeniedError:
        return HelperClient::tr("Isola's helper was not authorised to %1 (polkit denied %2); %3.")
            .arg(words.does, action.name(), words.when_denied);
    case KAuth::ActionReply::UserCancelledError:
        return HelperClient::tr("Authentication was cancelled, so Isola's helper did not %1.").arg(words.does);
    case KAuth::ActionReply::NoResponderError:
    case KAuth::ActionReply::NoSuchActionError:
        return HelperClient::tr("Isola's helper could not %1: the helper or its action %2 is not installed on "
                                "this system (KAuth error %3).")
            .arg(words.does, action.name(), number);
    case KAuth::ActionReply::HelperBusyError:
        return HelperClient::tr("Isola's helper is busy with another request and did not %1; try again in a "
                                "moment.")
            .arg(words.does);
    case KAuth::ActionReply::DBusError:
        return HelperClient::tr("Isola's helper could not be reached on the system D-Bus to %1 (%2).")
            .arg(words.does, text.isEmpty() ? HelperClient::tr("no reply") : text);
    default:
        return text.isEmpty() ? HelperClient::tr("Isola's helper could not %1 (error %2).").arg(words.does, number)
                              : HelperClient::tr("Isola's helper could not %1 (error %2: %3).")
                                    .arg(words.does, number, text);
    }
}

}  // namespace isola::helper
