#include "graph_view.hpp"

#include <QKeyEvent>
#include <QPainter>
#include <QScrollBar>
#include <QWheelEvent>

#include <cmath>
#include <limits>

#include "graph_items.hpp"
#include "graph_scene.hpp"

namespace isola::gui {
namespace {

constexpr double kMinZoom = 0.05;
constexpr double kMaxZoom = 8.0;

constexpr GroupState kLegendStates[] = {GroupState::Viable,       GroupState::Mixed,    GroupState::HostCritical,
                                        GroupState::HostOnly,     GroupState::Assigned, GroupState::NoIommu};

QString state_name(GroupState s) {
    switch (s) {
        case GroupState::HostOnly: return GraphLegend::tr("on host drivers");
        case GroupState::Viable: return GraphLegend::tr("viable: free for VFIO");
        case GroupState::Mixed: return GraphLegend::tr("mixed: partly on vfio-pci");
        case GroupState::HostCritical: return GraphLegend::tr("in use by the host");
        case GroupState::Assigned: return GraphLegend::tr("in the plan");
        case GroupState::NoIommu: return GraphLegend::tr("no-IOMMU: no isolation");
    }
    return {};
}

}  // namespace

GraphView::GraphView(GraphScene* scene, QWidget* parent)
    : QGraphicsView(scene, parent), scene_(scene), legend_(new GraphLegend(this)) {
    setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    setDragMode(QGraphicsView::ScrollHandDrag);
    setTransformationAnchor(QGraphicsView::AnchorUnderMouse);
    setViewportUpdateMode(QGraphicsView::SmartViewportUpdate);
    setFocusPolicy(Qt::StrongFocus);
    setAccessibleName(tr("PCI and IOMMU group graph"));
    setBackgroundRole(QPalette::Window);
}

void GraphView::zoomBy(double factor) {
    const double target = std::clamp(zoom() * factor, kMinZoom, kMaxZoom);
    const double applied = target / zoom();
    scale(applied, applied);
}

void GraphView::fitAll() {
    if (!scene()) return;
    const QRectF r = scene()->sceneRect();
    if (r.isEmpty()) return;
    // The legend floats over the top right corner: the fitted graph keeps clear of it, beside it
    // (aligned left) or below it (aligned to the bottom), whichever leaves the graph bigger, so
    // no group hides under the legend.
    const QSize port = viewport()->size();
    const double beside = std::min(std::max(64, port.width() - legend_->width() - 24) / r.width(),
                                   (port.height() - 8) / r.height());
    const double below = std::min((port.width() - 8) / r.width(),
                                  std::max(64, port.height() - legend_->height() - 24) / r.height());
    setAlignment(below > beside ? Qt::AlignLeft | Qt::AlignBottom : Qt::AlignLeft | Qt::AlignTop);
    // Never blow a small host up beyond readable-and-crisp; never below the minimum.
    const double s = std::clamp(std::max(beside, below), kMinZoom, 1.6);
    setTransform(QTransform::fromScale(s, s));
    centerOn(r.center());
}

void GraphView::centreOnSelection() {
    if (const auto d = scene_->selectedDevice())
        if (auto* card = scene_->cardFor(*d)) ensureVisible(card, 40, 40);
}

bool GraphView::moveSelection(int key) {
    const auto& cards = scene_->cards();
    if (cards.empty()) return false;
    DeviceCardItem* from = nullptr;
    if (const auto d = scene_->selectedDevice()) from = scene_->cardFor(*d);
    DeviceCardItem* best = nullptr;
    if (!from) {
        for (DeviceCardItem* c : cards)
            if (c->flags() & QGraphicsItem::ItemIsSelectable) {
                best = c;
                break;
            }
    } else {
        const QPointF o = from->boundingRect().center();
        double best_score = std::numeric_limits<double>::max();
        for (DeviceCardItem* c : cards) {
            if (c == from || !(c->flags() & QGraphicsItem::ItemIsSelectable)) continue;
            const QPointF v = c->boundingRect().center() - o;
            double along = 0, across = 0;
            switch (key) {
                case Qt::Key_Left: along = -v.x(), across = v.y(); break;
                case Qt::Key_Right: along = v.x(), across = v.y(); break;
                case Qt::Key_Up: along = -v.y(), across = v.x(); break;
                case Qt::Key_Down: along = v.y(), across = v.x(); break;
                default: return false;
            }
            if (along <= 1) continue;
            // Straight ahead beats diagonal: the sideways distance counts three times.
            const double score = along + 3 * std::abs(across);
            if (score < best_score) best_score = score, best = c;
        }
    }
    if (!best) return false;
    scene_->clearSelection();
    best->setSelected(true);
    scene_->setFocusItem(best);
    ensureVisible(best, 40, 40);
    return true;
}

void GraphView::wheelEvent(QWheelEvent* event) {
    if (event->modifiers() & Qt::ControlModifier) {
        zoomBy(std::pow(1.0015, event->angleDelta().y()));
        event->accept();
        return;
    }
    QGraphicsView::wheelEvent(event);
}

void GraphView::keyPressEvent(QKeyEvent* event) {
    switch (event->key()) {
        case Qt::Key_Left:
        case Qt::Key_Right:
        case Qt::Key_Up:
        case Qt::Key_Down:
            if (event->modifiers() == Qt::NoModifier) {
                moveSelection(event->key());
                event->accept();
                return;
            }
            break;
        case Qt::Key_Plus:
        case Qt::Key_Equal: zoomBy(1.25); return;
        case Qt::Key_Minus: zoomBy(0.8); return;
        default: break;
    }
    QGraphicsView::keyPressEvent(event);
}

void GraphView::resizeEvent(QResizeEvent* event) {
    QGraphicsView::resizeEvent(event);
    placeLegend();
}

void GraphView::placeLegend() {
    legend_->adjustSize();
    const int sb = verticalScrollBar()->isVisible() ? verticalScrollBar()->width() : 0;
    legend_->move(width() - legend_->width() - sb - 8, 8);
    legend_->raise();
}

// ---- GraphLegend ----------------------------------------------------------------------------

GraphLegend::GraphLegend(QWidget* parent) : QWidget(parent) {
    setAttribute(Qt::WA_TransparentForMouseEvents);
    setAccessibleName(tr("Legend"));
    setAccessibleDescription(entries().join(QLatin1String("; ")));
}

QStringList GraphLegend::entries() const {
    QStringList out;
    for (GroupState s : kLegendStates) out << state_name(s);
    return out;
}

QSize GraphLegend::sizeHint() const {
    const QFontMetrics fm(font());
    int w = fm.horizontalAdvance(tr("IOMMU groups"));
    for (const QString& e : entries()) w = std::max(w, fm.horizontalAdvance(e) + fm.height() + 6);
    return {w + 16, (fm.height() + 3) * (static_cast<int>(std::size(kLegendStates)) + 1) + 10};
}

void GraphLegend::paintEvent(QPaintEvent*) {
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    QColor back = palette().color(QPalette::Base);
    back.setAlphaF(0.92f);
    p.setPen(QPen(palette().color(QPalette::Mid), 1));
    p.setBrush(back);
    p.drawRoundedRect(rect().adjusted(0, 0, -1, -1), 5, 5);
    const QFontMetrics fm(font());
    const int line = fm.height() + 3;
    int y = 5;
    QFont bold = font();
    bold.setBold(true);
    p.setFont(bold);
    p.setPen(palette().color(QPalette::Text));
    p.drawText(QRect(8, y, width() - 16, line), Qt::AlignLeft | Qt::AlignVCenter, tr("IOMMU groups"));
    p.setFont(font());
    y += line;
    for (GroupState s : kLegendStates) {
        const QRect swatch(8, y + 3, fm.height() - 4, fm.height() - 4);
        p.setPen(QPen(group_border(s), 1.5));
        p.setBrush(group_fill(s, palette()));
        p.drawRoundedRect(swatch, 2, 2);
        p.setPen(palette().color(QPalette::Text));
        p.drawText(QRect(swatch.right() + 6, y, width() - swatch.right() - 12, line), Qt::AlignLeft | Qt::AlignVCenter,
                   state_name(s));
        y += line;
    }
}

void GraphLegend::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange || event->type() == QEvent::PaletteChange ||
        event->type() == QEvent::FontChange) {
        setAccessibleDescription(entries().join(QLatin1String("; ")));
        updateGeometry();
        update();
    }
    QWidget::changeEvent(event);
}

}  // namespace isola::gui
