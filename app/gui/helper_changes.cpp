#include "helper_changes.hpp"

#include <QTimer>

#include <KAuth/ExecuteJob>

#include "client/helper_client.hpp"
#include "protocol/helper_protocol.hpp"

using namespace Qt::StringLiterals;

namespace isola::gui {
namespace {

QString key(std::string_view k) { return QString::fromLatin1(k.data(), static_cast<qsizetype>(k.size())); }

QStringList addresses(const std::vector<Bdf>& devices) {
    QStringList out;
    for (const Bdf& d : devices) out << QString::fromStdString(d.str());
    return out;
}

QString backend_name(Backend b) { return b == Backend::Iommufd ? u"iommufd"_s : u"legacy"_s; }

}  // namespace

HelperChanges::HelperChanges(QObject* parent) : QObject(parent) {}

HelperChanges::~HelperChanges() { cancel(); }

bool HelperChanges::start(Verb verb, const AttachPlan* plan, const std::vector<Bdf>& devices) {
    if (running()) return false;
    const QString locale = helper::caller_locale();
    KAuth::Action action;
    switch (verb) {
        case Verb::Apply:
        case Verb::Persist: {
            if (!plan) return false;
            const QStringList chosen = addresses(plan->request.devices);
            const QString vm = QString::fromStdString(plan->request.vm);
            const QString fingerprint = QString::fromStdString(plan->fingerprint);
            action = verb == Verb::Apply ? helper::apply_action(chosen, vm, backend_name(plan->request.backend), fingerprint, locale)
                                         : helper::persist_action(chosen, vm, backend_name(plan->request.backend), fingerprint, locale);
            break;
        }
        case Verb::Probe:
            if (!plan || plan->request.devices.empty()) return false;
            action = helper::probe_action(QString::fromStdString(plan->request.devices.front().str()),
                                          backend_name(plan->request.backend), locale);
            break;
        case Verb::Restore: action = helper::restore_action(addresses(devices), locale); break;
        case Verb::Unpersist: action = helper::unpersist_action(addresses(devices), locale); break;
        case Verb::Recover: action = helper::recover_action(locale); break;
    }
    KAuth::ExecuteJob* job = action.execute();
    helper::keep_refusal(job);
    connect(job, &KAuth::ExecuteJob::newData, this, [this](const QVariantMap& data) {
        if (data.contains(key(helper::reply_refusal))) return;
        const int step = data.value(u"write"_s).toInt();
        // "echo vfio-pci > …/driver_override": the write the helper is about to make.
        Q_EMIT progress(step, tr("write %1: %2 → %3").arg(step).arg(data.value(u"value"_s).toString(), data.value(u"file"_s).toString()));
    });
    connect(job, &KJob::result, this, [this, job] {
        if (job != job_) return;  // the watchdog gave up on it
        HelperOutcome out;
        if (job->error() != 0) {
            out.lines << helper::describe_failed_job(job);
        } else {
            const QVariantMap data = job->data();
            out.outcome = data.value(key(helper::reply_outcome)).toString();
            out.lines = data.value(key(helper::reply_lines)).toStringList();
            out.recovery = data.value(key(helper::reply_recovery)).toStringList();
            out.succeeded = out.outcome == key(helper::outcome_done);
        }
        job_.clear();
        Q_EMIT finished(out);
    });
    // A call the helper never answers (helper/README.md, KAuth traps) ends with a sentence, not a
    // progress dialog that waits forever.
    QTimer::singleShot(action.timeout() + 5000, job, [this, job, action] {
        if (job != job_) return;
        job_.clear();
        job->kill(KJob::Quietly);
        Q_EMIT finished({.succeeded = false, .outcome = {}, .lines = {helper::describe_hung_action(action)}, .recovery = {}});
    });
    job_ = job;
    job->start();
    return true;
}

void HelperChanges::cancel() {
    if (!job_) return;
    KJob* job = job_;
    job_.clear();
    job->kill(KJob::Quietly);  // no result() follows; the helper finishes or rolls back on its own
}

}  // namespace isola::gui
