#include "helper_config_reads.hpp"

#include <KAuth/ExecuteJob>

#include "client/helper_client.hpp"
#include "client/readconfig_facts.hpp"

namespace isola::gui {
namespace {

// What the helper e2e test measured as enough between two calls (tests/helper/run_e2e.sh).
constexpr auto kCallGap = std::chrono::milliseconds(150);

}  // namespace

HelperConfigReads::HelperConfigReads(QObject* parent) : QObject(parent) {
    gap_.setSingleShot(true);
    gap_.setInterval(kCallGap);
    connect(&gap_, &QTimer::timeout, this, &HelperConfigReads::readNext);
    watchdog_.setSingleShot(true);
}

HelperConfigReads::~HelperConfigReads() { cancel(); }

bool HelperConfigReads::start(std::vector<Bdf> devices) {
    if (running() || devices.empty()) return false;
    pending_ = std::move(devices);
    std::ranges::reverse(pending_);  // taken from the back, in the given order
    outcome_ = {};
    readNext();
    return true;
}

void HelperConfigReads::cancel() {
    gap_.stop();
    watchdog_.stop();
    pending_.clear();
    if (!job_) return;
    KJob* job = job_;
    job_.clear();
    job->kill(KJob::Quietly);
}

void HelperConfigReads::readNext() {
    const Bdf device = pending_.back();
    pending_.pop_back();
    KAuth::Action action = helper::readconfig_action(QString::fromStdString(device.str()));
    KAuth::ExecuteJob* job = action.execute();
    helper::keep_refusal(job);
    watchdog_.disconnect();
    connect(&watchdog_, &QTimer::timeout, this, [this, action] {
        outcome_.failure = helper::describe_hung_action(action);
        KJob* hung = job_;
        job_.clear();
        if (hung) hung->kill(KJob::Quietly);
        finish();
    });
    watchdog_.start(action.timeout() + 5000);
    connect(job, &KJob::result, this, [this, job, device] {
        if (job != job_) return;  // cancelled, or the watchdog gave up on it
        watchdog_.stop();
        job_.clear();
        if (job->error() != 0) {
            // A denial now is a denial for the rest: stop rather than ask again for each.
            outcome_.failure = helper::describe_failed_job(job);
            finish();
            return;
        }
        outcome_.facts[device] = helper::readconfig_facts(job->data());
        if (pending_.empty())
            finish();
        else
            gap_.start();
    });
    job_ = job;
    job->start();
}

void HelperConfigReads::finish() {
    pending_.clear();
    Q_EMIT finished(outcome_);
}

}  // namespace isola::gui
