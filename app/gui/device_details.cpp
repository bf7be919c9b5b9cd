#include "device_details.hpp"

#include <QEvent>

#include <algorithm>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

#include "explain/config_reads.hpp"
#include "fact_text.hpp"
#include "host_use_text.hpp"

using namespace Qt::StringLiterals;

namespace isola::gui {
namespace {

QString qs(const std::string& s) { return QString::fromStdString(s); }

QString yesNo(bool b) { return b ? DeviceDetails::tr("yes") : DeviceDetails::tr("no"); }

QString idWithName(unsigned id, const std::string& name) {
    return name.empty() ? hex(id, 4) : DeviceDetails::tr("%1 [%2]").arg(qs(name), hex(id, 4));
}

QString acsText(const std::optional<AcsCapability>& acs) {
    if (!acs) return DeviceDetails::tr("no ACS capability");
    // The four bits the kernel's pci_acs_enabled() requires for isolation (SV|RR|CR|UF).
    const std::pair<std::uint16_t, const char*> bits[] = {
        {kAcsSourceValidation, "SrcValid"}, {kAcsTranslationBlocking, "TransBlk"},
        {kAcsRequestRedirect, "ReqRedir"},  {kAcsCompletionRedirect, "CmpltRedir"},
        {kAcsUpstreamForwarding, "UpstreamFwd"}, {kAcsEgressControl, "EgressCtrl"},
        {kAcsDirectTranslated, "DirectTrans"}};
    QStringList enabled;
    for (const auto& [bit, name] : bits)
        if (acs->control & bit) enabled << QLatin1StringView(name);
    return DeviceDetails::tr("capability %1, control %2 (%3)")
        .arg(hex(acs->capability, 4), hex(acs->control, 4),
             enabled.isEmpty() ? DeviceDetails::tr("nothing enabled") : enabled.join(u' '));
}

QString bdfList(const std::vector<Bdf>& list) {
    QStringList out;
    for (const auto& b : list) out << qs(b.str());
    return out.join(u", ");
}

}  // namespace

DeviceDetails::DeviceDetails(QWidget* parent)
    : QWidget(parent), title_(new QLabel(this)), facts_(new QTreeWidget(this)), fullRead_(new QWidget(this)),
      fullReadText_(new QLabel(fullRead_)), fullReadButton_(new QPushButton(tr("&Read Full Configuration Space…"), fullRead_)) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins({});
    title_->setWordWrap(true);
    title_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont titleFont = title_->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.2);  // relative, so it follows the user's font
    title_->setFont(titleFont);
    layout->addWidget(title_);

    facts_->setColumnCount(2);
    facts_->setHeaderLabels({tr("Fact"), tr("Value")});
    facts_->setRootIsDecorated(false);
    facts_->setSelectionMode(QAbstractItemView::SingleSelection);
    facts_->setWordWrap(true);
    facts_->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    facts_->header()->setStretchLastSection(true);
    facts_->setAccessibleName(tr("Device facts"));
    layout->addWidget(facts_, 1);

    // Under the facts, so it is in the tab order and stays put while the tree scrolls.
    auto* fullReadLayout = new QHBoxLayout(fullRead_);
    fullReadLayout->setContentsMargins({});
    fullReadText_->setWordWrap(true);
    fullReadLayout->addWidget(fullReadText_, 1);
    fullReadLayout->addWidget(fullReadButton_, 0, Qt::AlignTop);
    connect(fullReadButton_, &QPushButton::clicked, this, [this] {
        if (!fullReadDevices_.empty()) Q_EMIT fullReadRequested(fullReadDevices_);
    });
    layout->addWidget(fullRead_);
    clear();
}

void DeviceDetails::offerFullRead(bool offered) {
    fullReadOffered_ = offered;
    fullReadFailure_.clear();
    if (shown_) rebuild();
}

void DeviceDetails::setFullReadRunning(bool running) {
    fullReadRunning_ = running;
    fullReadButton_->setEnabled(!running);
    fullReadButton_->setText(running ? tr("Reading…") : tr("&Read Full Configuration Space…"));
}

void DeviceDetails::setFullReadFailure(const QString& sentence) {
    fullReadFailure_ = sentence;
    if (shown_) rebuild();
}

void DeviceDetails::updateFullRead(const Device* shown) {
    fullReadDevices_.clear();
    if (fullReadOffered_ && topology_ && shown && shown->iommu_group)
        fullReadDevices_ = config_reads_for_group(*topology_, *shown->iommu_group);
    fullRead_->setVisible(!fullReadDevices_.empty());
    if (fullReadDevices_.empty()) return;
    QString text = tr("This group's explanation needs ACS and PCIe facts that only root can read, from %n "
                      "function(s): %1. Isola's helper can read their full configuration space; an administrator's "
                      "password is asked once per session.",
                      nullptr, static_cast<int>(fullReadDevices_.size()))
                       .arg(bdfList(fullReadDevices_));
    if (!fullReadFailure_.isEmpty()) text += u"\n\n"_s + fullReadFailure_;
    fullReadText_->setText(text);
}

void DeviceDetails::clear() {
    topology_ = nullptr;
    shown_.reset();
    facts_->clear();
    updateFullRead(nullptr);
    title_->setText(tr("Select a device to see everything Isola knows about it."));
}

void DeviceDetails::showDevice(const Topology& topology, const Bdf& address) {
    topology_ = &topology;
    shown_ = address;
    rebuild();
}

void DeviceDetails::setExplanations(std::vector<GroupExplanation> explanations) {
    explanations_ = std::move(explanations);
    if (shown_) rebuild();
}

QTreeWidgetItem* DeviceDetails::row(const QString& label) const {
    const auto items = facts_->findItems(label, Qt::MatchExactly | Qt::MatchRecursive, 0);
    for (auto* item : items)
        if (item->parent()) return item;
    return nullptr;
}

void DeviceDetails::changeEvent(QEvent* event) {
    // Muted colours are copied into the items; refresh them when the palette changes.
    if (event->type() == QEvent::PaletteChange && shown_) rebuild();
    QWidget::changeEvent(event);
}

QTreeWidgetItem* DeviceDetails::addSection(const QString& title) {
    auto* item = new QTreeWidgetItem(facts_, {title});
    item->setFirstColumnSpanned(true);
    QFont font = item->font(0);
    font.setBold(true);
    item->setFont(0, font);
    item->setFlags(Qt::ItemIsEnabled);
    item->setExpanded(true);
    return item;
}

void DeviceDetails::addRow(QTreeWidgetItem* section, const QString& label, const FactText& value) {
    auto* item = new QTreeWidgetItem(section, {label, value.with_reason()});
    if (!value.known) {
        item->setForeground(1, palette().brush(QPalette::PlaceholderText));
        item->setData(1, Qt::UserRole, false);
    }
    item->setToolTip(1, value.with_reason());
}

void DeviceDetails::addRow(QTreeWidgetItem* section, const QString& label, const QString& value) {
    addRow(section, label, FactText::value(value));
}

void DeviceDetails::rebuild() {
    facts_->clear();
    const Device* d = topology_ && shown_ ? topology_->find(*shown_) : nullptr;
    if (!d) {
        clear();
        return;
    }
    const auto& topology = *topology_;
    title_->setText(tr("%1 — %2").arg(qs(d->address.str()), qs(d->display_name())));

    auto* identity = addSection(tr("Identity"));
    addRow(identity, tr("Address"), qs(d->address.str()));
    addRow(identity, tr("Vendor"), fact_text(d->vendor_id, [&](std::uint16_t v) { return idWithName(v, d->vendor_name); }));
    addRow(identity, tr("Device"), fact_text(d->device_id, [&](std::uint16_t v) { return idWithName(v, d->device_name); }));
    addRow(identity, tr("Subsystem"),
           d->subsystem_vendor_id && d->subsystem_device_id
               ? FactText::value((d->subsystem_name.empty() ? QString() : qs(d->subsystem_name) + u' ') + u'[' +
                                 hex(*d->subsystem_vendor_id, 4) + u':' + hex(*d->subsystem_device_id, 4) + u']')
               : FactText::unknown(d->subsystem_vendor_id ? d->subsystem_device_id.why_unknown
                                                          : d->subsystem_vendor_id.why_unknown));
    addRow(identity, tr("Class"), fact_text(d->class_id, [&](std::uint16_t c) { return idWithName(c, d->class_name); }));
    addRow(identity, tr("Programming interface"), fact_text(d->prog_if, [](std::uint8_t v) { return hex(v, 2); }));
    addRow(identity, tr("Revision"), fact_text(d->revision, [](std::uint8_t v) { return hex(v, 2); }));

    auto* iommu = addSection(tr("IOMMU and drivers"));
    if (d->iommu_group) {
        const auto* group = topology.group(*d->iommu_group);
        const auto members = group ? static_cast<int>(group->members.size()) : 0;
        addRow(iommu, tr("IOMMU group"), tr("%1 (%n device(s))", nullptr, members).arg(*d->iommu_group));
        if (group) {
            addRow(iommu, tr("Group type"), fact_text(group->type, [](const std::string& t) { return qs(t); }));
            if (group->noiommu) addRow(iommu, tr("No-IOMMU group"), tr("yes — no DMA isolation at all"));
        }
    } else {
        addRow(iommu, tr("IOMMU group"), tr("none", "no IOMMU group"));
    }
    addRow(iommu, tr("Driver"), fact_text(d->driver, [](const std::string& v) {
               return v.empty() ? tr("none bound") : qs(v);
           }));
    addRow(iommu, tr("Driver override"), fact_text(d->driver_override, [](const std::string& v) {
               return v.empty() ? tr("none", "no driver override") : qs(v);
           }));
    addRow(iommu, tr("VFIO device"), fact_text(d->vfio_cdev, [](const std::string& v) {
               return v.empty() ? tr("none", "no VFIO device") : u"/dev/vfio/devices/"_s + qs(v);
           }));
    addRow(iommu, tr("Reset methods"), fact_text(d->reset_methods, [](const std::vector<std::string>& v) {
               if (v.empty()) return tr("none — the device cannot be reset");
               QStringList methods;
               for (const auto& m : v) methods << qs(m);
               return methods.join(u", ");
           }));
    addRow(iommu, tr("Boot VGA"), fact_text(d->boot_vga, yesNo));
    addRow(iommu, tr("NUMA node"), fact_text(d->numa_node, [](int n) {
               return n < 0 ? tr("none", "no NUMA node") : QString::number(n);
           }));

    // Why the group's members share it, in core's sentences: every member's reason, then whether
    // the kernel's grouping is what its rules predict.
    if (d->iommu_group) {
        auto it = std::ranges::find(explanations_, *d->iommu_group, &GroupExplanation::group);
        if (it != explanations_.end()) {
            auto* why = addSection(tr("Why are these devices in one group?"));
            for (const GroupReason& r : it->reasons) addRow(why, qs(r.device.str()), qs(r.sentence));
            if (!it->prediction_note.empty()) addRow(why, tr("The kernel's grouping"), qs(it->prediction_note));
        }
    }

    auto* config = addSection(tr("Configuration"));
    addRow(config, tr("Header type"), fact_text(d->header_type, [](std::uint8_t h) {
               switch (h & 0x7f) {
                   case 0: return tr("normal (0)");
                   case 1: return tr("bridge (1)");
                   case 2: return tr("CardBus (2)");
                   default: return hex(h & 0x7fu, 2);
               }
           }));
    addRow(config, tr("Multifunction"), fact_text(d->multifunction, yesNo));
    addRow(config, tr("Port type"), fact_text(d->port_type, [](PortType t) { return qs(std::string(to_string(t))); }));
    addRow(config, tr("ACS"), fact_text(d->acs, acsText));
    addRow(config, tr("Link speed"), fact_text(d->link.current_speed, [](const std::string& s) { return qs(s); }));
    addRow(config, tr("Link width"), fact_text(d->link.current_width, [](int w) { return u"x"_s + QString::number(w); }));
    addRow(config, tr("Maximum link speed"), fact_text(d->link.max_speed, [](const std::string& s) { return qs(s); }));
    addRow(config, tr("Maximum link width"), fact_text(d->link.max_width, [](int w) { return u"x"_s + QString::number(w); }));

    auto* tree = addSection(tr("Bus tree"));
    if (d->parent)
        addRow(tree, tr("Upstream bridge"), qs(d->parent->str()));
    else if (topology.source().tree_known)
        addRow(tree, tr("Upstream bridge"), tr("none (root bus)"));
    else
        addRow(tree, tr("Upstream bridge"), FactText::unknown(tr("the source does not describe the bus tree").toStdString()));
    if (!d->children.empty()) addRow(tree, tr("Devices below"), bdfList(d->children));

    auto* sriov = addSection(tr("SR-IOV"));
    if (d->sriov.physfn) addRow(sriov, tr("Physical function"), qs(d->sriov.physfn->str()));
    addRow(sriov, tr("Virtual functions enabled"), fact_text(d->sriov.num_vfs, [](int n) { return QString::number(n); }));
    addRow(sriov, tr("Virtual functions possible"), fact_text(d->sriov.total_vfs, [](int n) { return QString::number(n); }));
    if (!d->sriov.vfs.empty()) addRow(sriov, tr("Virtual functions"), bdfList(d->sriov.vfs));

    auto* use = addSection(tr("Host use"));
    {
        const auto lines = HostUseText::details(d->usage);
        const QString unknown = HostUseText::unknownCategories(d->usage);
        if (lines.isEmpty() && unknown.isEmpty()) addRow(use, tr("Used by the host"), tr("not in use"));
        for (const auto& line : lines) addRow(use, tr("Used by the host"), line);
        if (!unknown.isEmpty()) {
            FactText cell = FactText::unknown(d->usage.why_unknown());
            cell.text = tr("not known: %1").arg(unknown);
            addRow(use, tr("Used by the host"), cell);
        }
    }

    // Diagnostics the reader or importer attached to this device.
    const auto address = d->address.str();
    QTreeWidgetItem* notes = nullptr;
    for (const auto& diag : topology.diagnostics()) {
        if (diag.subject != address) continue;
        if (!notes) notes = addSection(tr("Diagnostics"));
        addRow(notes, tr("Note"), qs(diag.message));
    }
    facts_->expandAll();
    updateFullRead(d);
}

}  // namespace isola::gui
