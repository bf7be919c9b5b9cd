// Plan mode: the devices chosen for a VM, its name and backend, and the plan core makes of them
// (plan_attach) — every group's devices and what happens to each, the confirmations, notes and
// refusals, in core's sentences and the person's language. The graph shows the same plan's
// whole-group effect; the window passes planChanged() on to it.
#pragma once

#include <QWidget>

#include <functional>
#include <optional>
#include <set>

#include "helper_changes.hpp"

#include "plan/attach_plan.hpp"
#include "topology/topology.hpp"

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QProgressDialog;
class QPushButton;
class QTextBrowser;

namespace isola::gui {

class PlanPanel : public QWidget {
    Q_OBJECT

public:
    explicit PlanPanel(QWidget* parent = nullptr);

    // The topology the plan is made on (owned by the window's model); clears the chosen devices.
    void setTopology(const Topology* topology);
    // Adds a device to the plan (false: not on this host, or already chosen).
    bool addDevice(const Bdf& device);
    bool removeDevice(const Bdf& device);
    void clearDevices();
    void setVmName(const QString& name);
    void setBackend(Backend backend);

    [[nodiscard]] const std::set<Bdf>& chosen() const { return chosen_; }
    [[nodiscard]] const std::optional<AttachPlan>& plan() const { return plan_; }
    // The plan as the panel says it, as plain text (tests, copy).
    [[nodiscard]] QString planText() const;
    [[nodiscard]] QLineEdit* vmNameEdit() const { return vm_; }

    // Whether the shown source is a host the helper can change (not a demo host, snapshot or
    // listing), and if not, why: the change buttons say it.
    void setChangeable(bool changeable, const QString& why = {});
    // Runs a verb through the helper (the buttons do this). Apply and persist of a plan that
    // needs confirmation ask first, through `confirm` (a dialog; tests put in their answer).
    bool run(HelperChanges::Verb verb);
    void setConfirm(std::function<bool(const QStringList& confirmations)> confirm) { confirm_ = std::move(confirm); }
    [[nodiscard]] HelperChanges* changes() const { return changes_; }
    // What the last helper call said, as shown under the plan.
    [[nodiscard]] QStringList lastAnswer() const { return lastAnswer_; }
    [[nodiscard]] QPushButton* applyButton() const { return apply_; }

Q_SIGNALS:
    // The plan changed (nullptr: no device chosen). Valid until the next planChanged().
    void planChanged(const AttachPlan* plan);
    // A helper call finished that may have changed the host: the window reads it again.
    void hostChanged();
    void answered(const isola::gui::HelperOutcome& outcome);
    void exportRequested();

private:
    void replan();
    void updateButtons();
    void showAnswer(const HelperOutcome& outcome);
    void rebuildList();
    [[nodiscard]] QString planHtml() const;

    const Topology* topology_ = nullptr;
    std::set<Bdf> chosen_;
    std::optional<AttachPlan> plan_;
    QLineEdit* vm_;
    QComboBox* backend_;
    QListWidget* list_;
    QPushButton* remove_;
    QPushButton* clear_;
    QLabel* hint_;
    QTextBrowser* text_;
    QPushButton* apply_;
    QPushButton* probe_;
    QPushButton* persist_;
    QPushButton* export_;
    QPushButton* restore_;
    QLabel* answer_;
    HelperChanges* changes_;
    QProgressDialog* progress_ = nullptr;
    bool changeable_ = false;
    QString notChangeable_;
    QStringList lastAnswer_;
    std::function<bool(const QStringList&)> confirm_;
};

}  // namespace isola::gui
