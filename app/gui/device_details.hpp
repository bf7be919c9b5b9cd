// The right-hand pane: every fact Isola has about the selected device, in sections (identity,
// configuration, IOMMU and drivers, tree, SR-IOV, host use). Unknown facts read
// "unknown — <why>" in the palette's muted text colour.
#pragma once

#include <QWidget>

#include <optional>

#include <vector>

#include "explain/explain_groups.hpp"
#include "topology/topology.hpp"

class QLabel;
class QPushButton;
class QTreeWidget;
class QTreeWidgetItem;

namespace isola::gui {

struct FactText;

class DeviceDetails : public QWidget {
    Q_OBJECT

public:
    explicit DeviceDetails(QWidget* parent = nullptr);

    // `topology` must outlive the shown device (the main window's model owns it).
    void showDevice(const Topology& topology, const Bdf& address);
    void clear();
    // Why each group's members share it (core's explain_groups()), for the "why" section; the
    // window sets them with each topology.
    void setExplanations(std::vector<GroupExplanation> explanations);

    // Offers "Read Full Configuration Space" where the shown device's group explanation needs
    // facts only root can read (core's config_reads_for_group()): on a live host, not as root.
    void offerFullRead(bool offered);
    // While the helper reads (the button waits), and why its last read stopped ("" after success).
    void setFullReadRunning(bool running);
    void setFullReadFailure(const QString& sentence);

    [[nodiscard]] std::optional<Bdf> shownDevice() const { return shown_; }
    [[nodiscard]] QPushButton* fullReadButton() const { return fullReadButton_; }
    [[nodiscard]] bool fullReadShown() const { return !fullRead_->isHidden(); }
    [[nodiscard]] QLabel* fullReadText() const { return fullReadText_; }
    // The value text of the first row labelled `label`, for tests and accessibility checks.
    [[nodiscard]] QTreeWidgetItem* row(const QString& label) const;

Q_SIGNALS:
    // The person asked to read these functions' configuration space through the helper.
    void fullReadRequested(const std::vector<isola::Bdf>& devices);

protected:
    void changeEvent(QEvent* event) override;

private:
    void rebuild();
    void updateFullRead(const Device* shown);
    QTreeWidgetItem* addSection(const QString& title);
    void addRow(QTreeWidgetItem* section, const QString& label, const FactText& value);
    void addRow(QTreeWidgetItem* section, const QString& label, const QString& value);

    const Topology* topology_ = nullptr;
    std::optional<Bdf> shown_;
    std::vector<GroupExplanation> explanations_;
    QLabel* title_;
    QTreeWidget* facts_;
    QWidget* fullRead_;
    QLabel* fullReadText_;
    QPushButton* fullReadButton_;
    std::vector<Bdf> fullReadDevices_;
    bool fullReadOffered_ = false;
    bool fullReadRunning_ = false;
    QString fullReadFailure_;
};

}  // namespace isola::gui
