// The review tab: core's review_host() of the shown host (with the VM definitions under its /etc
// when it is a host read from roots), worked out off the GUI thread. Findings with a severity
// filter; choosing one selects its devices in the graph and the table; Save HTML writes core's
// report.
#pragma once

#include <QFutureWatcher>
#include <QWidget>

#include <memory>
#include <optional>
#include <vector>

#include "reader/host_roots.hpp"
#include "review/review.hpp"

class QComboBox;
class QLabel;
class QPushButton;
class QTreeWidget;

namespace isola::gui {

class ReviewPanel : public QWidget {
    Q_OBJECT

public:
    explicit ReviewPanel(QWidget* parent = nullptr);
    ~ReviewPanel() override;

    // Reviews `snapshot`; `roots`: where its VM definitions are (nullopt: a snapshot, a listing or a
    // demo host, which have none).
    void review(std::shared_ptr<const Topology> snapshot, std::optional<HostRoots> roots);
    // Shows only findings of this severity (nullopt: all).
    void setSeverityFilter(std::optional<Severity> severity);
    // Chooses the n-th shown finding, as a click does.
    bool chooseFinding(int row);

    [[nodiscard]] const std::optional<Review>& current() const { return review_; }
    [[nodiscard]] QStringList shownSentences() const;
    std::optional<QString> saveHtml(const QString& path) const;

Q_SIGNALS:
    void reviewed();
    // A finding was chosen: the devices it names.
    void devicesChosen(const std::vector<isola::Bdf>& devices);

private:
    void show();

    QComboBox* severity_;
    QLabel* summary_;
    QTreeWidget* findings_;
    QPushButton* saveHtml_;
    std::optional<Review> review_;
    QFutureWatcher<std::optional<Review>> watcher_;
};

}  // namespace isola::gui
