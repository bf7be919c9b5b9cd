#include "through_helper.hpp"

#include <iostream>
#include <optional>

#include <QCoreApplication>
#include <QStringList>

#include "client/helper_client.hpp"
#include "commands.hpp"
#include "protocol/helper_protocol.hpp"

namespace isola::cli {
namespace {

QString key(std::string_view k) { return QString::fromLatin1(k.data(), static_cast<qsizetype>(k.size())); }

QString backend_name(Backend b) { return b == Backend::Iommufd ? QStringLiteral("iommufd") : QStringLiteral("legacy"); }

QStringList addresses(const std::vector<Bdf>& devices)
{
    QStringList out;
    for (const Bdf& d : devices) out.append(QString::fromStdString(d.str()));
    return out;
}

// KAuth's job needs an event loop: isolactl makes its QCoreApplication only on this path.
int call(const KAuth::Action& action, bool json, int failed_status)
{
    std::optional<QCoreApplication> app;
    if (QCoreApplication::instance() == nullptr) {
        static int argc = 1;
        static char name[] = "isolactl";
        static char* argv[] = {name, nullptr};
        app.emplace(argc, argv);
    }
    const helper::HelperAnswer answer = helper::run_action(action);
    if (answer.hung || answer.error != 0) {
        std::cerr << "isolactl: " << answer.failure.toStdString() << "\n";
        return answer.hung ? kExitNotPutBack : kExitBlocked;
    }
    for (const QString& line : answer.data.value(key(helper::reply_recovery)).toStringList())
        std::cerr << "isolactl: " << line.toStdString() << "\n";
    const QString outcome = answer.data.value(key(helper::reply_outcome)).toString();
    const bool done = outcome == key(helper::outcome_done);
    const QString report = answer.data.value(key(helper::reply_report)).toString();
    if (json && !report.isEmpty()) {
        std::cout << report.toStdString();
    } else {
        for (const QString& line : answer.data.value(key(helper::reply_lines)).toStringList())
            (done ? std::cout : std::cerr) << (done ? "" : "isolactl: ") << line.toStdString() << "\n";
    }
    if (done) return 0;
    if (outcome == key(helper::outcome_refused)) return kExitBlocked;
    if (outcome == key(helper::outcome_put_back)) return kExitNotApplied;
    if (outcome == key(helper::outcome_failed)) return failed_status;
    return kExitNotPutBack;  // not-put-back, or an outcome this isolactl does not know
}

}  // namespace

int apply_through_helper(const AttachRequest& request, const std::string& fingerprint, bool json)
{
    return call(helper::apply_action(addresses(request.devices), QString::fromStdString(request.vm),
                                     backend_name(request.backend), QString::fromStdString(fingerprint),
                                     helper::caller_locale()),
                json, kExitBlocked);
}

int restore_through_helper(const std::vector<Bdf>& devices, bool json)
{
    return call(helper::restore_action(addresses(devices), helper::caller_locale()), json, kExitBlocked);
}

int probe_through_helper(const Bdf& device, Backend backend, bool json)
{
    return call(helper::probe_action(QString::fromStdString(device.str()), backend_name(backend), helper::caller_locale()),
                json, kExitProbeFailed);
}

int persist_through_helper(const AttachRequest& request, const std::string& fingerprint)
{
    return call(helper::persist_action(addresses(request.devices), QString::fromStdString(request.vm),
                                       backend_name(request.backend), QString::fromStdString(fingerprint),
                                       helper::caller_locale()),
                false, kExitBlocked);
}

int unpersist_through_helper(const std::vector<Bdf>& devices)
{
    return call(helper::unpersist_action(addresses(devices), helper::caller_locale()), false, kExitBlocked);
}

}  // namespace isola::cli
