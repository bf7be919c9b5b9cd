#include "isola_helper.hpp"

#include <exception>
#include <filesystem>

#include <QLoggingCategory>

#include <KAuth/HelperSupport>

#include "actions/readconfig.hpp"
#include "protocol/helper_protocol.hpp"

Q_LOGGING_CATEGORY(lcIsolaHelper, "isola.helper", QtInfoMsg)

namespace isola::helper {

namespace {

// The installed helper reads only the real host. Tests point actions at other roots directly.
const std::filesystem::path host_root = "/";

KAuth::ActionReply to_reply(const char* name, const ActionResult& result)
{
    if (result) {
        KAuth::ActionReply reply = KAuth::ActionReply::SuccessReply();
        reply.setData(*result);
        return reply;
    }
    qCInfo(lcIsolaHelper, "%s refused (%d): %s", name, static_cast<int>(result.error().code),
           result.error().sentence.c_str());
    KAuth::ActionReply reply = KAuth::ActionReply::HelperErrorReply(static_cast<int>(result.error().code));
    reply.setErrorDescription(QString::fromStdString(result.error().sentence));
    return reply;
}

}  // namespace

KAuth::ActionReply IsolaHelper::readconfig(const QVariantMap& args)
{
    return dispatch("readconfig", &isola::helper::readconfig, args);
}

KAuth::ActionReply IsolaHelper::dispatch(const char* name, Action action, const QVariantMap& args)
{
    // Audit trail: polkit said yes to this uid; record it before touching anything.
    qCInfo(lcIsolaHelper, "%s requested by uid %d", name, KAuth::HelperSupport::callerUid());
    try {
        return to_reply(name, action(args, host_root));
    } catch (const std::exception& e) {
        return to_reply(name, std::unexpected(fail(ErrorCode::Internal,
                                                   std::string("internal error in ") + name + ": " + e.what())));
    }
}

}  // namespace isola::helper

KAUTH_HELPER_MAIN("org.kde.isola.helper", isola::helper::IsolaHelper)
