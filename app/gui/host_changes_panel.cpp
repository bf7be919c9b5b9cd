#include "host_changes_panel.hpp"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QTextBrowser>
#include <QVBoxLayout>

#include "apply/describe_apply.hpp"
#include "apply/describe_persist.hpp"
#include "apply/persist.hpp"
#include "apply/state_store.hpp"

using namespace Qt::StringLiterals;

namespace isola::gui {
namespace {

QStringList qt_lines(const std::vector<std::string>& lines) {
    QStringList out;
    for (const auto& l : lines) out << QString::fromStdString(l);
    return out;
}

}  // namespace

HostChangesPanel::HostChangesPanel(QWidget* parent)
    : QWidget(parent), text_(new QTextBrowser), recover_(new QPushButton(tr("&Put Back Interrupted Change"))),
      restore_(new QPushButton(tr("&Restore All"))),
      unpersist_(new QPushButton(tr("&Unpersist All"))), answer_(new QLabel), changes_(new HelperChanges(this)) {
    text_->setAccessibleName(tr("What Isola changed on this host"));
    recover_->setToolTip(tr("Return what the interrupted change touched to how it was, and nothing else, through Isola's helper"));
    restore_->setToolTip(tr("Return every device Isola moved to its own driver, through Isola's helper"));
    unpersist_->setToolTip(tr("Remove every boot-time binding Isola made, through Isola's helper"));
    answer_->setWordWrap(true);
    answer_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    answer_->hide();
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(recover_);
    buttons->addWidget(restore_);
    buttons->addWidget(unpersist_);
    buttons->addStretch(1);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(text_, 1);
    layout->addLayout(buttons);
    layout->addWidget(answer_);
    connect(recover_, &QPushButton::clicked, this, [this] { changes_->start(HelperChanges::Verb::Recover, nullptr); });
    connect(restore_, &QPushButton::clicked, this, [this] { changes_->start(HelperChanges::Verb::Restore, nullptr); });
    connect(unpersist_, &QPushButton::clicked, this, [this] { changes_->start(HelperChanges::Verb::Unpersist, nullptr); });
    connect(changes_, &HelperChanges::finished, this, [this](const HelperOutcome& outcome) {
        answer_->setText((outcome.recovery + outcome.lines).join(u'\n'));
        answer_->setVisible(!answer_->text().isEmpty());
        if (!outcome.outcome.isEmpty()) Q_EMIT hostChanged();
    });
    refresh(std::nullopt);
}

void HostChangesPanel::refresh(const std::optional<std::filesystem::path>& state_dir) {
    lines_.clear();
    unfinished_ = moved_ = persisted_ = false;
    host_ = state_dir.has_value();
    if (!state_dir) {
        lines_ << tr("This source describes another machine: Isola changes nothing on it.");
    } else {
        const StateStore store(*state_dir);
        if (auto record = store.load_record()) {
            moved_ = !record->empty();
            lines_ << qt_lines(describe_moved(*record));
        } else {
            lines_ << QString::fromStdString(describe(record.error()));
        }
        if (auto persisted = load_persisted(store)) {
            persisted_ = !persisted->empty();
            if (persisted_) lines_ << qt_lines(describe_persisted(*persisted));
        } else {
            lines_ << QString::fromStdString(describe(persisted.error()));
        }
        if (auto journal = store.load_journal(); journal && *journal) {
            unfinished_ = true;
            lines_ << QString::fromStdString(describe_unfinished(**journal))
                   << tr("Put Back Interrupted Change returns what it touched to how it was; any other change through "
                         "the helper puts it back first, too.");
        } else if (!journal) {
            lines_ << QString::fromStdString(describe(journal.error()));
        }
        std::error_code ec;
        if (std::filesystem::exists(*state_dir / "persist-journal.json", ec)) {
            unfinished_ = true;
            lines_ << tr("A change of the boot-time binding was interrupted; Put Back Interrupted Change puts its files "
                         "back, as Unpersist All and Persist do first.");
        }
    }
    QString html;
    for (const QString& l : lines_) html += u"<p>"_s + l.toHtmlEscaped() + u"</p>"_s;
    text_->setHtml(html);
    // Shown only when there is something to put back: it is the one thing to do then.
    recover_->setVisible(host_ && unfinished_);
    restore_->setEnabled(host_ && moved_);
    unpersist_->setEnabled(host_ && persisted_);
}

}  // namespace isola::gui
