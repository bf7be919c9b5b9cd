// Plan mode: the devices chosen for a VM, its name and backend, and the plan core makes of them
// (plan_attach) — every group's devices and what happens to each, the confirmations, notes and
// refusals, in core's sentences and the person's language. The graph shows the same plan's
// whole-group effect; the window passes planChanged() on to it.
#pragma once

#include <QWidget>

#include <optional>
#include <set>

#include "plan/attach_plan.hpp"
#include "topology/topology.hpp"

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
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

Q_SIGNALS:
    // The plan changed (nullptr: no device chosen). Valid until the next planChanged().
    void planChanged(const AttachPlan* plan);

private:
    void replan();
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
};

}  // namespace isola::gui
