#include "graph_scene.hpp"

#include <QFont>
#include <QGraphicsSceneMouseEvent>
#include <QPalette>
#include <QGraphicsSimpleTextItem>

#include <algorithm>

#include "graph_items.hpp"

namespace isola::gui {
namespace {

// What a search matches on a card: every function's address, name, IDs and driver.
bool matches(const Topology& t, const DeviceCardItem& card, const QString& needle) {
    auto has = [&](const QString& s) { return s.contains(needle, Qt::CaseInsensitive); };
    if (has(card.text().title) || has(card.text().subtitle) || has(card.text().driver)) return true;
    for (const Bdf& f : card.node().functions) {
        const Device* d = t.find(f);
        if (!d) continue;
        if (has(QString::fromStdString(d->address.str())) || has(QString::fromStdString(d->display_name()))) return true;
        if (d->driver && has(QString::fromStdString(*d->driver))) return true;
        if (auto ids = d->pci_id(); ids && has(QString::fromStdString(*ids))) return true;
    }
    return false;
}

}  // namespace

GraphScene::GraphScene(QObject* parent) : QGraphicsScene(parent) {
    connect(this, &QGraphicsScene::selectionChanged, this, &GraphScene::onSelectionChanged);
}

// The items go while this is still a GraphScene: QGraphicsScene's destructor removes them too,
// and the selection change it emits must not reach onSelectionChanged() then.
GraphScene::~GraphScene() {
    disconnect(this, &QGraphicsScene::selectionChanged, this, &GraphScene::onSelectionChanged);
    clearGraph();
}

void GraphScene::clearGraph() {
    quiet_ = true;
    clear();
    quiet_ = false;
    cards_.clear();
    clusters_.clear();
    byFunction_.clear();
    hovered_.reset();
    topology_ = nullptr;
}

void GraphScene::showLayout(const Topology& topology, const GraphLayout& layout) {
    clearGraph();
    topology_ = &topology;
    for (const ClusterBox& c : layout.clusters) {
        auto* item = new GroupClusterItem(c);
        addItem(item);
        clusters_.push_back(item);
    }
    for (const EdgePath& e : layout.edges) addItem(new BusEdgeItem(e));
    for (const NodeBox& n : layout.nodes) {
        auto* card = new DeviceCardItem(n, card_text(topology, n.node));
        addItem(card);
        cards_.push_back(card);
        for (const Bdf& f : n.node.functions) byFunction_[f] = card;
        connect(card, &DeviceCardItem::hovered, this, [this](DeviceCardItem* c, bool entered) {
            setHoveredGroup(entered ? c->node().group : std::nullopt);
        });
    }
    double y = 4;
    for (const std::string& line : layout.label_lines) {
        auto* text = addSimpleText(QString::fromStdString(line));
        QFont f = text->font();
        f.setPixelSize(11);
        text->setFont(f);
        text->setBrush(palette().color(QPalette::Text));
        text->setPos(4, y);
        y += 14;
    }
    setSceneRect(QRectF(0, 0, layout.width, layout.height).adjusted(-12, -12, 12, 12));
}

DeviceCardItem* GraphScene::cardFor(const Bdf& function) const {
    auto it = byFunction_.find(function);
    return it == byFunction_.end() ? nullptr : it->second;
}

GroupClusterItem* GraphScene::clusterFor(GroupId group) const {
    auto it = std::ranges::find(clusters_, group, &GroupClusterItem::group);
    return it == clusters_.end() ? nullptr : *it;
}

std::optional<Bdf> GraphScene::selectedDevice() const {
    for (QGraphicsItem* item : selectedItems())
        if (auto* card = dynamic_cast<DeviceCardItem*>(item)) return card->address();
    return std::nullopt;
}

void GraphScene::selectDevice(const std::optional<Bdf>& function) {
    quiet_ = true;
    clearSelection();
    if (function)
        if (DeviceCardItem* card = cardFor(*function)) {
            card->setSelected(true);
            setFocusItem(card);
        }
    quiet_ = false;
}

void GraphScene::onSelectionChanged() {
    if (quiet_) return;
    const auto selected = selectedDevice();
    Q_EMIT deviceSelected(selected ? QString::fromStdString(selected->str()) : QString());
}

std::vector<DeviceCardItem*> GraphScene::search(const QString& text) {
    std::vector<DeviceCardItem*> hits;
    const QString needle = text.trimmed();
    for (DeviceCardItem* card : cards_) {
        const bool hit = !needle.isEmpty() && topology_ && matches(*topology_, *card, needle);
        if (hit) hits.push_back(card);
        card->setDimmed(!needle.isEmpty() && !hit);
    }
    return hits;
}

void GraphScene::setChosen(const std::set<Bdf>& chosen) {
    for (DeviceCardItem* card : cards_)
        card->setChosen(std::ranges::any_of(card->node().functions, [&](const Bdf& f) { return chosen.contains(f); }));
}

void GraphScene::markDevices(const std::vector<Bdf>& devices) {
    hovered_.reset();
    for (GroupClusterItem* cluster : clusters_) cluster->setMateHighlight(false);
    for (DeviceCardItem* card : cards_)
        card->setMateHighlight(std::ranges::any_of(card->node().functions, [&](const Bdf& f) {
            return std::ranges::find(devices, f) != devices.end();
        }));
}

void GraphScene::mouseDoubleClickEvent(QGraphicsSceneMouseEvent* event) {
    for (QGraphicsItem* item : items(event->scenePos())) {
        auto* card = dynamic_cast<DeviceCardItem*>(item);
        if (!card || card->node().kind != GraphNodeKind::VfSummary || !topology_) continue;
        if (const Device* vf = topology_->find(card->node().functions.front()); vf && vf->sriov.physfn) {
            Q_EMIT summaryActivated(QString::fromStdString(vf->sriov.physfn->str()));
            event->accept();
            return;
        }
    }
    QGraphicsScene::mouseDoubleClickEvent(event);
}

void GraphScene::setHoveredGroup(std::optional<GroupId> group) {
    hovered_ = group;
    for (DeviceCardItem* card : cards_) card->setMateHighlight(group && card->node().group == group);
    for (GroupClusterItem* cluster : clusters_) cluster->setMateHighlight(group && cluster->group() == *group);
}

}  // namespace isola::gui
