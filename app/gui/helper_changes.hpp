// The plan panel's Apply, Restore, Probe, Persist and Unpersist: one KAuth call of isola-helper at
// a time (the GUI never runs as root), its progress steps as they come, and its answer — the
// helper's own sentences in the person's language, or why the call failed (polkit said no, no
// helper, a dead bus) from helper_client's describe_failed_job(). The helper re-reads the host and
// re-plans: what it is given is only what the person chose and the fingerprint they approved.
#pragma once

#include <QObject>
#include <QPointer>
#include <QStringList>

#include <vector>

#include "plan/attach_plan.hpp"

class KJob;

namespace isola::gui {

struct HelperOutcome {
    bool succeeded = false;  // the helper ran the action and reports "done"
    QString outcome;         // "done", "refused", "put-back", "not-put-back", "failed"; "" when the call failed
    QStringList lines;       // what the helper says it did, or the one sentence why the call failed
    QStringList recovery;    // what settling an interrupted change did first
};

class HelperChanges : public QObject {
    Q_OBJECT

public:
    enum class Verb { Apply, Restore, Probe, Persist, Unpersist, Recover };
    Q_ENUM(Verb)

    explicit HelperChanges(QObject* parent = nullptr);
    ~HelperChanges() override;

    // Starts `verb` for `plan` (apply, persist: its devices, VM, backend and fingerprint; probe:
    // its first device) or for `devices` (restore, unpersist; empty: everything Isola changed);
    // recover takes neither: it puts back an interrupted change.
    // False when a call is running.
    bool start(Verb verb, const AttachPlan* plan, const std::vector<Bdf>& devices = {});
    // Stops waiting for the helper; what it already did stays journaled (isolactl status).
    void cancel();
    [[nodiscard]] bool running() const { return !job_.isNull(); }

Q_SIGNALS:
    void progress(int step, const QString& what);
    void finished(const isola::gui::HelperOutcome& outcome);

private:
    QPointer<KJob> job_;
};

}  // namespace isola::gui

Q_DECLARE_METATYPE(isola::gui::HelperOutcome)
