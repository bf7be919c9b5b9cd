#include "review_panel.hpp"

#include <QComboBox>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSaveFile>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include "graph/group_palette.hpp"
#include "review/vm_definition_sources.hpp"
#include "save_file.hpp"

using namespace Qt::StringLiterals;

namespace isola::gui {
namespace {

QString severity_name(Severity s) {
    switch (s) {
        case Severity::Blocker: return ReviewPanel::tr("blocker");
        case Severity::Confirm: return ReviewPanel::tr("needs confirmation");
        case Severity::Note: return ReviewPanel::tr("note");
    }
    return {};
}

QColor severity_colour(Severity s) {
    const auto hex = s == Severity::Blocker ? group_colours(GroupState::HostCritical).border
                     : s == Severity::Confirm ? group_colours(GroupState::Mixed).border
                                              : group_colours(GroupState::HostOnly).border;
    return QColor(QString::fromLatin1(hex.data(), static_cast<qsizetype>(hex.size())));
}

}  // namespace

ReviewPanel::ReviewPanel(QWidget* parent)
    : QWidget(parent), severity_(new QComboBox), summary_(new QLabel), findings_(new QTreeWidget),
      saveHtml_(new QPushButton(tr("Save &HTML Report…"))) {
    severity_->addItem(tr("All findings"), -1);
    for (Severity s : {Severity::Blocker, Severity::Confirm, Severity::Note}) severity_->addItem(severity_name(s), static_cast<int>(s));
    severity_->setAccessibleName(tr("Severity filter"));
    summary_->setWordWrap(true);
    findings_->setColumnCount(2);
    findings_->setHeaderLabels({tr("Severity"), tr("Finding")});
    findings_->setRootIsDecorated(false);
    findings_->setWordWrap(true);
    findings_->setAlternatingRowColors(true);
    findings_->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    findings_->setAccessibleName(tr("Review findings"));
    auto* top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Show:")));
    top->addWidget(severity_);
    top->addStretch(1);
    top->addWidget(saveHtml_);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(summary_);
    layout->addWidget(findings_, 1);
    saveHtml_->setEnabled(false);

    connect(severity_, &QComboBox::currentIndexChanged, this, [this] { show(); });
    connect(findings_, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem* item) {
        if (!item || !review_) return;
        const auto& f = review_->findings.at(static_cast<std::size_t>(item->data(0, Qt::UserRole).toInt()));
        if (!f.devices.empty()) Q_EMIT devicesChosen(f.devices);
    });
    connect(saveHtml_, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Save Review"), {}, tr("HTML files (*.html)"));
        if (path.isEmpty()) return;
        if (auto error = saveHtml(path)) QMessageBox::warning(this, tr("Save Review"), *error);
    });
    connect(&watcher_, &QFutureWatcher<std::optional<Review>>::finished, this, [this] {
        review_ = watcher_.result();
        show();
        Q_EMIT reviewed();
    });
}

ReviewPanel::~ReviewPanel() { watcher_.waitForFinished(); }

void ReviewPanel::review(std::shared_ptr<const Topology> snapshot, std::optional<HostRoots> roots) {
    review_.reset();
    show();
    summary_->setText(tr("Reviewing…"));
    watcher_.setFuture(QtConcurrent::run([snapshot = std::move(snapshot), roots]() -> std::optional<Review> {
        std::vector<VmDefinition> vms;
        if (roots) {
            // As isolactl review does: the VM definitions in the host's standard directories. A
            // directory that cannot be read is left out here; isolactl review says why.
            if (auto read = read_vm_definitions(standard_vm_definition_dirs(*roots), snapshot->host().hostname)) vms = std::move(*read);
        }
        return review_host(*snapshot, vms);
    }));
}

void ReviewPanel::setSeverityFilter(std::optional<Severity> severity) {
    severity_->setCurrentIndex(severity ? severity_->findData(static_cast<int>(*severity)) : 0);
}

void ReviewPanel::show() {
    findings_->clear();
    saveHtml_->setEnabled(review_.has_value());
    if (!review_) {
        summary_->clear();
        return;
    }
    const int wanted = severity_->currentData().toInt();
    int counts[3] = {0, 0, 0};
    for (std::size_t i = 0; i < review_->findings.size(); ++i) {
        const ReviewFinding& f = review_->findings[i];
        ++counts[static_cast<int>(f.severity)];
        if (wanted >= 0 && static_cast<int>(f.severity) != wanted) continue;
        auto* item = new QTreeWidgetItem(findings_, {severity_name(f.severity), QString::fromStdString(f.sentence)});
        item->setData(0, Qt::UserRole, static_cast<int>(i));
        item->setForeground(0, severity_colour(f.severity));
        item->setToolTip(1, item->text(1));
    }
    summary_->setText(QString::fromStdString(review_->iommu_summary) + u' ' +
                      tr("%n blocker(s)", nullptr, counts[0]) + u", "_s + tr("%n to confirm", nullptr, counts[1]) + u", "_s +
                      tr("%n note(s)", nullptr, counts[2]) + u'.');
}

QStringList ReviewPanel::shownSentences() const {
    QStringList out;
    for (int i = 0; i < findings_->topLevelItemCount(); ++i) out << findings_->topLevelItem(i)->text(1);
    return out;
}

bool ReviewPanel::chooseFinding(int row) {
    QTreeWidgetItem* item = findings_->topLevelItem(row);
    if (!item) return false;
    findings_->setCurrentItem(item);
    return true;
}

std::optional<QString> ReviewPanel::saveHtml(const QString& path) const {
    if (!review_) return tr("The review is not ready yet.");
    return SaveFile::write(path, QByteArray::fromStdString(render_review_html(*review_)));
}

}  // namespace isola::gui
