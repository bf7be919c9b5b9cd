#include "plan_panel.hpp"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QProgressDialog>
#include <QListWidget>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QTextBrowser>
#include <QTextDocument>
#include <QVBoxLayout>

#include "plan/describe_plan.hpp"

using namespace Qt::StringLiterals;

namespace isola::gui {
namespace {

QString qs(const std::string& s) { return QString::fromStdString(s); }
QString esc(const std::string& s) { return qs(s).toHtmlEscaped(); }

// The name used while the person has not typed one: the sentences need a VM to speak of.
constexpr const char* kUnnamedVm = "vm";

}  // namespace

PlanPanel::PlanPanel(QWidget* parent)
    : QWidget(parent), vm_(new QLineEdit), backend_(new QComboBox), list_(new QListWidget),
      remove_(new QPushButton(tr("Remove"))), clear_(new QPushButton(tr("Clear"))), hint_(new QLabel),
      text_(new QTextBrowser), apply_(new QPushButton(tr("&Apply"))), probe_(new QPushButton(tr("P&robe"))),
      persist_(new QPushButton(tr("Persi&st"))), export_(new QPushButton(tr("E&xport…"))), restore_(new QPushButton(tr("Res&tore All"))), answer_(new QLabel), changes_(new HelperChanges(this)) {
    vm_->setPlaceholderText(tr("e.g. win11"));
    vm_->setAccessibleName(tr("VM name"));
    // The names libvirt and the helper accept (letters, digits, . _ + -, not starting with -).
    vm_->setValidator(new QRegularExpressionValidator(QRegularExpression(u"[A-Za-z0-9._+][A-Za-z0-9._+-]{0,63}"_s), vm_));
    backend_->addItem(tr("legacy (VFIO container)"), static_cast<int>(Backend::LegacyContainer));
    backend_->addItem(tr("iommufd"), static_cast<int>(Backend::Iommufd));
    backend_->setAccessibleName(tr("VFIO backend"));
    list_->setAccessibleName(tr("Devices chosen for the VM"));
    list_->setSelectionMode(QAbstractItemView::ExtendedSelection);
    // A few rows: the plan below is what there is to read.
    list_->setMaximumHeight(list_->fontMetrics().height() * 7);
    hint_->setWordWrap(true);
    hint_->setForegroundRole(QPalette::PlaceholderText);
    text_->setAccessibleName(tr("The plan"));
    text_->setOpenLinks(false);

    auto* form = new QFormLayout;
    form->addRow(tr("&VM name:"), vm_);
    form->addRow(tr("&Backend:"), backend_);
    auto* buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(remove_);
    buttons->addWidget(clear_);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(new QLabel(tr("Devices for the VM:")));
    layout->addWidget(list_);
    layout->addLayout(buttons);
    layout->addWidget(hint_);
    layout->addWidget(text_, 3);
    auto* act = new QHBoxLayout;
    apply_->setToolTip(tr("Hand the whole groups to vfio-pci now, through Isola's helper (asks for authentication)"));
    probe_->setToolTip(tr("Open the first device's group as a VM start would, and close it again; changes nothing"));
    persist_->setToolTip(tr("Bind the whole groups to vfio-pci at every boot, by address (driverctl or Isola's udev rule)"));
    act->addWidget(apply_);
    act->addWidget(probe_);
    act->addWidget(persist_);
    export_->setToolTip(tr("The VM configuration for these devices: libvirt, QEMU, Proxmox and more"));
    act->addWidget(export_);
    act->addStretch(1);
    restore_->setToolTip(tr("Return every device Isola moved to its own driver, through Isola's helper"));
    act->addWidget(restore_);
    layout->addLayout(act);
    answer_->setWordWrap(true);
    answer_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    answer_->setAccessibleName(tr("What the helper said"));
    layout->addWidget(answer_);
    answer_->hide();

    confirm_ = [this](const QStringList& items) {
        return QMessageBox::question(this, tr("Confirm the Plan"),
                                     tr("Applying this plan needs your confirmation of:\n\n• %1").arg(items.join(u"\n• "_s)),
                                     QMessageBox::Yes | QMessageBox::No, QMessageBox::No) == QMessageBox::Yes;
    };
    connect(apply_, &QPushButton::clicked, this, [this] { run(HelperChanges::Verb::Apply); });
    connect(probe_, &QPushButton::clicked, this, [this] { run(HelperChanges::Verb::Probe); });
    connect(persist_, &QPushButton::clicked, this, [this] { run(HelperChanges::Verb::Persist); });
    connect(export_, &QPushButton::clicked, this, &PlanPanel::exportRequested);
    connect(restore_, &QPushButton::clicked, this, [this] { run(HelperChanges::Verb::Restore); });
    connect(changes_, &HelperChanges::progress, this, [this](int step, const QString& what) {
        if (!progress_) return;
        progress_->setLabelText(what);
        progress_->setValue(std::min(step, progress_->maximum() - 1));
    });
    connect(changes_, &HelperChanges::finished, this, [this](const HelperOutcome& outcome) {
        if (progress_) progress_->reset();
        showAnswer(outcome);
        updateButtons();
        Q_EMIT answered(outcome);
        if (!outcome.outcome.isEmpty()) Q_EMIT hostChanged();
    });

    connect(vm_, &QLineEdit::textChanged, this, [this] { replan(); });
    connect(backend_, &QComboBox::currentIndexChanged, this, [this] { replan(); });
    connect(remove_, &QPushButton::clicked, this, [this] {
        for (QListWidgetItem* item : list_->selectedItems())
            if (auto b = Bdf::parse(item->data(Qt::UserRole).toString().toStdString())) chosen_.erase(*b);
        rebuildList();
        replan();
    });
    connect(clear_, &QPushButton::clicked, this, &PlanPanel::clearDevices);
    replan();
}

void PlanPanel::setChangeable(bool changeable, const QString& why) {
    changeable_ = changeable;
    notChangeable_ = why;
    updateButtons();
}

void PlanPanel::updateButtons() {
    const bool have = plan_.has_value() && !changes_->running();
    const bool can = have && changeable_ && !plan_->refused();
    apply_->setEnabled(can);
    persist_->setEnabled(can);
    probe_->setEnabled(have && changeable_);
    export_->setEnabled(plan_.has_value());
    restore_->setEnabled(changeable_ && !changes_->running());
    for (QPushButton* b : {apply_, probe_, persist_, restore_}) {
        if (!changeable_) b->setStatusTip(notChangeable_);
        b->setWhatsThis(changeable_ ? QString() : notChangeable_);
    }
}

bool PlanPanel::run(HelperChanges::Verb verb) {
    const bool planless = verb == HelperChanges::Verb::Restore || verb == HelperChanges::Verb::Unpersist;
    if ((!plan_ && !planless) || !changeable_ || changes_->running()) return false;
    if (planless) {
        // Everything Isola changed on this host: the helper's record says what that is.
        if (!changes_->start(verb, nullptr)) return false;
        updateButtons();
        return true;
    }
    const bool writes = verb == HelperChanges::Verb::Apply || verb == HelperChanges::Verb::Persist;
    if (writes && plan_->refused()) return false;
    if (writes && plan_->needs_confirmation()) {
        QStringList items;
        for (const auto& i : plan_->impacts)
            if (i.severity == Severity::Confirm) items << qs(describe(i));
        if (!confirm_ || !confirm_(items)) return false;
    }
    if (!changes_->start(verb, &*plan_)) return false;
    if (!progress_) {
        progress_ = new QProgressDialog(this);
        progress_->setWindowTitle(tr("Isola's Helper"));
        progress_->setMinimumDuration(400);  // quick calls finish before it shows
        progress_->setAutoClose(true);
        connect(progress_, &QProgressDialog::canceled, changes_, [this] {
            changes_->cancel();
            showAnswer({.lines = {tr("Stopped waiting for the helper. What it already changed is journaled; "
                                     "isolactl status says what it is.")}});
            updateButtons();
        });
    }
    progress_->setLabelText(tr("Waiting for authentication and the helper…"));
    // One step per write: three per device, and one more per PF whose VFs go.
    progress_->setRange(0, static_cast<int>(plan_->actions.size()) * 3 + 1);
    progress_->setValue(0);
    updateButtons();
    return true;
}

void PlanPanel::showAnswer(const HelperOutcome& outcome) {
    lastAnswer_ = outcome.recovery + outcome.lines;
    QString html;
    for (const QString& l : outcome.recovery) html += u"<p><i>"_s + l.toHtmlEscaped() + u"</i></p>"_s;
    for (const QString& l : outcome.lines) html += u"<p>"_s + l.toHtmlEscaped() + u"</p>"_s;
    answer_->setText(html);
    answer_->setVisible(!lastAnswer_.isEmpty());
}

void PlanPanel::setTopology(const Topology* topology) {
    topology_ = topology;
    chosen_.clear();
    rebuildList();
    replan();
}

bool PlanPanel::addDevice(const Bdf& device) {
    if (!topology_ || !topology_->find(device) || !chosen_.insert(device).second) return false;
    rebuildList();
    replan();
    return true;
}

bool PlanPanel::removeDevice(const Bdf& device) {
    if (!chosen_.erase(device)) return false;
    rebuildList();
    replan();
    return true;
}

void PlanPanel::clearDevices() {
    chosen_.clear();
    rebuildList();
    replan();
}

void PlanPanel::setVmName(const QString& name) { vm_->setText(name); }

void PlanPanel::setBackend(Backend backend) { backend_->setCurrentIndex(backend_->findData(static_cast<int>(backend))); }

void PlanPanel::rebuildList() {
    list_->clear();
    for (const Bdf& b : chosen_) {
        const Device* d = topology_ ? topology_->find(b) : nullptr;
        auto* item = new QListWidgetItem(qs(b.str()) + (d ? u"  "_s + qs(d->display_name()) : QString()), list_);
        item->setData(Qt::UserRole, qs(b.str()));
    }
    remove_->setEnabled(!chosen_.empty());
    clear_->setEnabled(!chosen_.empty());
}

void PlanPanel::replan() {
    if (!topology_ || chosen_.empty()) {
        plan_.reset();
        hint_->setText(tr("Choose a device in the graph or the table and add it to the plan (Ctrl+Return): Isola "
                          "shows everything its IOMMU group takes along, before anything changes."));
        text_->clear();
        updateButtons();
        Q_EMIT planChanged(nullptr);
        return;
    }
    AttachRequest request{.devices = {chosen_.begin(), chosen_.end()},
                          .vm = vm_->text().isEmpty() ? std::string(kUnnamedVm) : vm_->text().toStdString(),
                          .backend = static_cast<Backend>(backend_->currentData().toInt())};
    plan_ = plan_attach(*topology_, request);
    hint_->setText(vm_->text().isEmpty() ? tr("Name the VM: the plan speaks of it as \"%1\" until you do.").arg(QLatin1String(kUnnamedVm))
                                         : QString());
    hint_->setVisible(!hint_->text().isEmpty());
    text_->setHtml(planHtml());
    updateButtons();
    Q_EMIT planChanged(&*plan_);
}

QString PlanPanel::planHtml() const {
    if (!plan_ || !topology_) return {};
    const AttachPlan& plan = *plan_;
    QString html = u"<p><b>"_s + esc(describe_plan_heading(plan.request)) + u"</b></p>"_s;
    if (plan.refused())
        html += u"<p style=\"color:#c0392b\"><b>"_s + tr("Refused: nothing would be changed.").toHtmlEscaped() + u"</b></p>"_s;
    else if (plan.needs_confirmation())
        html += u"<p style=\"color:#c77d00\"><b>"_s + tr("Needs your confirmation before it can be applied.").toHtmlEscaped() +
                u"</b></p>"_s;
    else
        html += u"<p style=\"color:#3f8f3a\"><b>"_s + tr("Ready to apply: nothing here needs your confirmation.").toHtmlEscaped() +
                u"</b></p>"_s;
    auto list = [&html](const QString& title, const QStringList& items) {
        if (items.isEmpty()) return;
        html += u"<p><b>"_s + title.toHtmlEscaped() + u"</b></p><ul>"_s;
        for (const QString& i : items) html += u"<li>"_s + i + u"</li>"_s;
        html += u"</ul>"_s;
    };
    QStringList refusals;
    for (const auto& r : plan.refusals) {
        QString item = esc(describe(r));
        if (const std::string remedy = describe_remedy(r); !remedy.empty())
            item += u"<br/><i>"_s + tr("What to do: %1").arg(qs(remedy)).toHtmlEscaped() + u"</i>"_s;
        refusals << item;
    }
    list(tr("Refused"), refusals);
    QStringList confirm, notes;
    for (const auto& i : plan.impacts) (i.severity == Severity::Confirm ? confirm : notes) << esc(describe(i));
    list(tr("Needs confirmation"), confirm);
    for (GroupId g : plan.groups) {
        QStringList devices;
        for (const auto& a : plan.actions) {
            const Device* d = topology_->find(a.device);
            if (!d || d->iommu_group != g) continue;
            devices << u"<b>"_s + esc(a.device.str()) + u"</b> "_s + esc(d->display_name()) + u" — "_s + esc(describe_action(a)) +
                           (a.selected ? QString() : u" <i>("_s + tr("taken along by its group").toHtmlEscaped() + u")</i>"_s);
        }
        list(tr("IOMMU group %1").arg(g), devices);
    }
    list(tr("Notes"), notes);
    html += u"<p style=\"color:gray\">"_s + tr("Fingerprint %1").arg(qs(plan.fingerprint)).toHtmlEscaped() + u"</p>"_s;
    return html;
}

QString PlanPanel::planText() const {
    QTextDocument doc;
    doc.setHtml(planHtml());
    return doc.toPlainText();
}

}  // namespace isola::gui
