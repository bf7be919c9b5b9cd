#include "isola_helper.hpp"

#include <exception>
#include <cstdlib>
#include <filesystem>

#include <QLoggingCategory>

#include <KAuth/HelperSupport>

#include "actions/change.hpp"
#include "actions/probe.hpp"
#include "actions/readconfig.hpp"
#include "ops/failure.hpp"
#include "protocol/helper_protocol.hpp"
#include "refusal/helper_refusal.hpp"
#include "text/message.hpp"

Q_LOGGING_CATEGORY(lcIsolaHelper, "isola.helper", QtInfoMsg)

namespace isola::helper {

namespace {

ActionResult readconfig_on(const QVariantMap& args, const HelperHost& host)
{
    return readconfig(args, host.root);
}

KAuth::ActionReply to_reply(const char* name, const ActionResult& result)
{
    if (result) {
        KAuth::ActionReply reply = KAuth::ActionReply::SuccessReply();
        reply.setData(*result);
        return reply;
    }
    const Failure& failure = result.error();
    const std::string sentence = english_sentence(failure);
    qCInfo(lcIsolaHelper, "%s refused (%d): %s", name, static_cast<int>(failure.code()), sentence.c_str());
    const QVariantMap refusal = refusal_data(failure.refusal);
    // The client says the refusal in its user's language from these data. KAuth's ExecuteJob keeps
    // a reply's data only when the reply succeeded (ExecuteJobPrivate::actionPerformedSlot, the
    // same from KF5 to KF6 6.29), so the data also go out as progress data, which reach the
    // client's job as newData() just before the failed reply; they are in the reply too.
    KAuth::HelperSupport::progressStep(refusal);
    KAuth::ActionReply reply = KAuth::ActionReply::HelperErrorReply(static_cast<int>(failure.code()));
    reply.setErrorDescription(QString::fromStdString(sentence));  // for logs and older clients
    reply.setData(refusal);
    return reply;
}

}  // namespace

IsolaHelper::IsolaHelper()
{
    // The reports of apply, restore and probe are said in the caller's locale (its "locale"
    // argument, through uselocale()); LANGUAGE from dbus-daemon's environment would override it.
    ::unsetenv("LANGUAGE");
    bind_message_catalog(default_locale_dir());
    HelperHost& host = this_host();
    host.progress = [](const QVariantMap& step) { KAuth::HelperSupport::progressStep(step); };
}

KAuth::ActionReply IsolaHelper::readconfig(const QVariantMap& args)
{
    return dispatch("readconfig", &readconfig_on, args);
}

KAuth::ActionReply IsolaHelper::apply(const QVariantMap& args)
{
    return dispatch("apply", &isola::helper::apply, args);
}

KAuth::ActionReply IsolaHelper::restore(const QVariantMap& args)
{
    return dispatch("restore", &isola::helper::restore, args);
}

KAuth::ActionReply IsolaHelper::probe(const QVariantMap& args)
{
    return dispatch("probe", &isola::helper::probe, args);
}

KAuth::ActionReply IsolaHelper::persist(const QVariantMap& args)
{
    return dispatch("persist", &isola::helper::persist, args);
}

KAuth::ActionReply IsolaHelper::unpersist(const QVariantMap& args)
{
    return dispatch("unpersist", &isola::helper::unpersist, args);
}

KAuth::ActionReply IsolaHelper::recover(const QVariantMap& args)
{
    return dispatch("recover", &isola::helper::recover, args);
}

KAuth::ActionReply IsolaHelper::dispatch(const char* name, Action action, const QVariantMap& args)
{
    // Audit trail: polkit said yes to this uid; record it before touching anything.
    qCInfo(lcIsolaHelper, "%s requested by uid %d", name, KAuth::HelperSupport::callerUid());
    try {
        return to_reply(name, action(args, this_host()));
    } catch (const std::exception& e) {
        return to_reply(name, std::unexpected(Failure{
                                  {.kind = HelperRefusalKind::Internal, .action = name, .detail = e.what()}}));
    }
}

}  // namespace isola::helper

KAUTH_HELPER_MAIN("org.kde.isola.helper", isola::helper::IsolaHelper)
