#include "graph_items.hpp"

#include <QApplication>
#include <QFontMetricsF>
#include <QGraphicsScene>
#include <QPainter>
#include <QPalette>
#include <QStyleOptionGraphicsItem>

#include <algorithm>
#include <map>

#include "fact_text.hpp"
#include "graph/badges.hpp"
#include "graph/group_palette.hpp"

using namespace Qt::StringLiterals;

namespace isola::gui {
namespace {

// Scene units are points, as Graphviz measured the labels (9 pt text, see graph_builder.cpp):
// pixel sizes keep the text the size dot made room for, at every zoom and screen scale.
constexpr double kTextPx = 8.6;
constexpr double kLineHeight = 11.0;
constexpr double kPad = 4.0;

QColor colour(std::string_view hex) { return QColor(QString::fromLatin1(hex.data(), static_cast<qsizetype>(hex.size()))); }

bool dark(const QPalette& p) { return p.color(QPalette::Window).lightnessF() < 0.5; }

// `t` of `over` laid on `base`: a tint that keeps the base colour's lightness mostly.
QColor mix(const QColor& base, const QColor& over, float t) {
    return QColor::fromRgbF(base.redF() * (1 - t) + over.redF() * t, base.greenF() * (1 - t) + over.greenF() * t,
                            base.blueF() * (1 - t) + over.blueF() * t);
}

// The view's palette when painting into one, else the scene's (the GraphPanel keeps it the same):
// a scene rendered into an image for a screenshot still follows a dark palette.
QPalette palette_for(const QGraphicsItem* item, const QWidget* widget) {
    if (widget) return widget->palette();
    return item->scene() ? item->scene()->palette() : QApplication::palette();
}

class Tr {
    Q_DECLARE_TR_FUNCTIONS(GraphCard)

public:
    static QString portKind(const Device& d) {
        if (d.port_type) {
            switch (*d.port_type) {
                case PortType::RootPort: return tr("root port");
                case PortType::UpstreamPort: return tr("switch upstream port");
                case PortType::DownstreamPort: return tr("switch downstream port");
                case PortType::PcieToPciBridge: return tr("PCIe-to-PCI bridge");
                case PortType::PciToPcieBridge: return tr("PCI-to-PCIe bridge");
                default: break;
            }
        }
        return tr("bridge");
    }
    static QString driver(const Fact<std::string>& driver) {
        if (!driver) return tr("driver unknown");
        if (driver->empty()) return tr("no driver");
        return QString::fromStdString(*driver);
    }
    static QString badge(DeviceBadge b) {
        switch (b) {
            case DeviceBadge::RootFilesystem: return u"/"_s;
            case DeviceBadge::Mounted: return tr("mounted");
            case DeviceBadge::Swap: return tr("swap");
            case DeviceBadge::Stacked: return tr("LVM/RAID");
            case DeviceBadge::DefaultRoute: return tr("default route");
            case DeviceBadge::InterfaceUp: return tr("link up");
            case DeviceBadge::Console: return tr("console");
            case DeviceBadge::DisplayInUse: return tr("display in use");
            case DeviceBadge::Keyboard: return tr("keyboard");
            case DeviceBadge::Vfio: return u"vfio-pci"_s;
        }
        return {};
    }
    static QString rootComplex() { return tr("Root complex"); }
    static QString rootBus(unsigned domain, unsigned bus) {
        return tr("domain %1, bus %2").arg(hex(domain, 4), hex(bus, 2));
    }
    static QString vfs(int count) { return tr("%n virtual function(s)", nullptr, count); }
    static QString vfDrivers(const QString& drivers) { return tr("drivers: %1").arg(drivers); }
    static QString group(GroupId g) { return tr("IOMMU group %1").arg(g); }
    static QString noGroup() { return tr("no IOMMU group"); }
};

QString ids_of(const Device& d) {
    if (!d.vendor_id || !d.device_id) return u"????:????"_s;
    return hex(*d.vendor_id, 4) + u':' + hex(*d.device_id, 4);
}

}  // namespace

QColor group_border(GroupState state) { return colour(group_colours(state).border); }

QColor group_fill(GroupState state, const QPalette& palette) {
    if (!dark(palette)) return colour(group_colours(state).fill);
    // 28 % of the hue over the window colour: tinted, with the window's light text still legible.
    return mix(palette.color(QPalette::Window), group_border(state), 0.28f);
}

CardText card_text(const Topology& topology, const GraphNode& node) {
    CardText out;
    switch (node.kind) {
        case GraphNodeKind::RootComplex: {
            out.title = Tr::rootComplex();
            // "pci0000:00": the domain and root bus are in the id.
            bool ok = false;
            const unsigned domain = node.id.size() >= 7 ? QString::fromStdString(node.id.substr(3, 4)).toUInt(&ok, 16) : 0;
            const unsigned bus = node.id.size() >= 10 ? QString::fromStdString(node.id.substr(8, 2)).toUInt(&ok, 16) : 0;
            out.subtitle = Tr::rootBus(domain, bus);
            out.toolTip = out.title + u'\n' + out.subtitle;
            return out;
        }
        case GraphNodeKind::VfSummary: {
            const Device* first = node.functions.empty() ? nullptr : topology.find(node.functions.front());
            out.title = Tr::vfs(static_cast<int>(node.functions.size()));
            if (first) out.baseClass = first->base_class();
            if (first) out.subtitle = ids_of(*first) + u" · "_s + QString::fromStdString(first->device_name);
            std::map<QString, int> drivers;
            for (const Bdf& f : node.functions)
                if (const Device* vf = topology.find(f)) ++drivers[Tr::driver(vf->driver)];
            QStringList parts;
            for (const auto& [name, count] : drivers) parts << (drivers.size() == 1 ? name : name + u' ' + QString::number(count));
            out.driver = drivers.size() == 1 ? parts.front() : Tr::vfDrivers(parts.join(u", "_s));
            out.driverIsVfio = drivers.size() == 1 && drivers.begin()->first == u"vfio-pci"_s;
            out.toolTip = out.title + u'\n' + out.subtitle + u'\n' + out.driver;
            return out;
        }
        case GraphNodeKind::Bridge:
        case GraphNodeKind::Endpoint: break;
    }
    const Device* d = node.functions.empty() ? nullptr : topology.find(node.functions.front());
    if (!d) return out;
    out.baseClass = d->base_class();
    out.title = QString::fromStdString(d->display_name());
    out.subtitle = QString::fromStdString(d->address.str()) + u" · "_s + (d->is_bridge() ? Tr::portKind(*d) : ids_of(*d));
    out.driver = Tr::driver(d->driver);
    out.driverIsVfio = d->driver && *d->driver == "vfio-pci";
    for (DeviceBadge b : node.badges)
        if (b != DeviceBadge::Vfio) out.badges.push_back({Tr::badge(b), badge_is_critical(b)});
    out.toolTip = out.title + u'\n' + out.subtitle + u'\n' + out.driver + u'\n' +
                  (d->iommu_group ? Tr::group(*d->iommu_group) : Tr::noGroup());
    return out;
}

// ---- DeviceCardItem ---------------------------------------------------------------------------

DeviceCardItem::DeviceCardItem(const NodeBox& box, CardText text)
    : node_(box.node), rect_(box.box.x, box.box.y, box.box.width, box.box.height), text_(std::move(text)) {
    setAcceptHoverEvents(true);
    if (node_.kind != GraphNodeKind::RootComplex) setFlags(ItemIsSelectable | ItemIsFocusable);
    setToolTip(text_.toolTip);
    setZValue(2);
}

std::optional<Bdf> DeviceCardItem::address() const {
    if (node_.functions.empty()) return std::nullopt;
    return node_.functions.front();
}

bool DeviceCardItem::shows(const Bdf& function) const { return std::ranges::find(node_.functions, function) != node_.functions.end(); }

void DeviceCardItem::setMateHighlight(bool on) {
    if (mate_ == on) return;
    mate_ = on;
    update();
}

void DeviceCardItem::setDimmed(bool on) {
    if (dimmed_ == on) return;
    dimmed_ = on;
    update();
}

void DeviceCardItem::setChosen(bool on) {
    if (chosen_ == on) return;
    chosen_ = on;
    update();
}

QRectF DeviceCardItem::boundingRect() const { return rect_.adjusted(-3, -3, 3, 3); }

void DeviceCardItem::hoverEnterEvent(QGraphicsSceneHoverEvent* event) {
    Q_EMIT hovered(this, true);
    QGraphicsObject::hoverEnterEvent(event);
}

void DeviceCardItem::hoverLeaveEvent(QGraphicsSceneHoverEvent* event) {
    Q_EMIT hovered(this, false);
    QGraphicsObject::hoverLeaveEvent(event);
}

namespace {

// A rounded pill with its text; returns its width.
double draw_pill(QPainter* p, QPointF at, const QString& text, const QFont& font, const QColor& fill, const QColor& ink,
                 double max_width) {
    const QFontMetricsF fm(font);
    const QString shown = fm.elidedText(text, Qt::ElideRight, std::max(0.0, max_width - 6));
    const double w = std::min(max_width, fm.horizontalAdvance(shown) + 6);
    const QRectF r(at.x(), at.y() + 1, w, kLineHeight - 2);
    p->setPen(Qt::NoPen);
    p->setBrush(fill);
    p->drawRoundedRect(r, 3, 3);
    p->setPen(ink);
    p->setFont(font);
    p->drawText(r, Qt::AlignCenter, shown);
    return w;
}

// A small glyph for the device class, drawn (icon themes are not everywhere, and this scales).
void draw_class_glyph(QPainter* p, const QRectF& r, std::uint8_t cls, GraphNodeKind kind, const QColor& ink) {
    p->save();
    p->setPen(QPen(ink, 0.9));
    p->setBrush(Qt::NoBrush);
    const double x = r.x(), y = r.y(), w = r.width(), h = r.height();
    if (kind == GraphNodeKind::RootComplex) {
        p->drawRect(QRectF(x + 1, y + 1, w - 2, h - 2));
        p->drawLine(QPointF(x + w / 2, y + 1), QPointF(x + w / 2, y + h - 1));
    } else if (kind == GraphNodeKind::Bridge || cls == 0x06) {
        p->drawLine(QPointF(x + w / 2, y + 1), QPointF(x + w / 2, y + h / 2));
        p->drawLine(QPointF(x + 2, y + h / 2), QPointF(x + w - 2, y + h / 2));
        p->drawLine(QPointF(x + 2, y + h / 2), QPointF(x + 2, y + h - 1));
        p->drawLine(QPointF(x + w - 2, y + h / 2), QPointF(x + w - 2, y + h - 1));
    } else if (cls == 0x03) {  // display
        p->drawRect(QRectF(x + 1, y + 1.5, w - 2, h * 0.6));
        p->drawLine(QPointF(x + w / 2, y + 1.5 + h * 0.6), QPointF(x + w / 2, y + h - 1));
        p->drawLine(QPointF(x + w * 0.3, y + h - 1), QPointF(x + w * 0.7, y + h - 1));
    } else if (cls == 0x02) {  // network
        p->drawRect(QRectF(x + w * 0.35, y + 1, w * 0.3, h * 0.3));
        p->drawRect(QRectF(x + 1, y + h * 0.65, w * 0.3, h * 0.3));
        p->drawRect(QRectF(x + w * 0.7 - 1, y + h * 0.65, w * 0.3, h * 0.3));
        p->drawLine(QPointF(x + w / 2, y + 1 + h * 0.3), QPointF(x + w / 2, y + h * 0.5));
        p->drawLine(QPointF(x + w * 0.15, y + h * 0.5), QPointF(x + w * 0.85, y + h * 0.5));
    } else if (cls == 0x01) {  // storage
        p->drawEllipse(QRectF(x + 1, y + 1, w - 2, h * 0.3));
        p->drawLine(QPointF(x + 1, y + 1 + h * 0.15), QPointF(x + 1, y + h - 1 - h * 0.15));
        p->drawLine(QPointF(x + w - 1, y + 1 + h * 0.15), QPointF(x + w - 1, y + h - 1 - h * 0.15));
        p->drawArc(QRectF(x + 1, y + h - 1 - h * 0.3, w - 2, h * 0.3), 180 * 16, 180 * 16);
    } else if (cls == 0x04) {  // multimedia
        QPolygonF speaker;
        speaker << QPointF(x + 1, y + h * 0.35) << QPointF(x + w * 0.35, y + h * 0.35) << QPointF(x + w * 0.65, y + 1)
                << QPointF(x + w * 0.65, y + h - 1) << QPointF(x + w * 0.35, y + h * 0.65) << QPointF(x + 1, y + h * 0.65);
        p->drawPolygon(speaker);
    } else if (cls == 0x0c) {  // serial bus (USB)
        p->drawLine(QPointF(x + w / 2, y + 1), QPointF(x + w / 2, y + h - 2.5));
        p->drawEllipse(QPointF(x + w / 2, y + h - 1.8), 1.4, 1.4);
        p->drawLine(QPointF(x + w / 2, y + h * 0.55), QPointF(x + 2, y + h * 0.35));
        p->drawLine(QPointF(x + w / 2, y + h * 0.45), QPointF(x + w - 2, y + h * 0.25));
    } else {  // any other function: a chip
        p->drawRect(QRectF(x + 2.5, y + 2.5, w - 5, h - 5));
        for (double t : {0.35, 0.65}) {
            p->drawLine(QPointF(x + w * t, y), QPointF(x + w * t, y + 2.5));
            p->drawLine(QPointF(x + w * t, y + h - 2.5), QPointF(x + w * t, y + h));
        }
    }
    p->restore();
}

}  // namespace

void DeviceCardItem::paint(QPainter* p, const QStyleOptionGraphicsItem* option, QWidget* widget) {
    const QPalette pal = palette_for(this, widget);
    const bool selected = option->state & QStyle::State_Selected;
    p->setRenderHint(QPainter::Antialiasing);
    p->setOpacity(dimmed_ ? 0.35 : 1.0);

    QColor fill = pal.color(QPalette::Base);
    if (node_.fill_state) fill = group_fill(*node_.fill_state, pal);
    if (mate_) fill = mix(fill, pal.color(QPalette::Highlight), 0.2f);
    QPen border(pal.color(QPalette::Mid), 0.8);
    if (node_.highlighted) border = QPen(group_border(GroupState::Assigned), 2.0);
    if (chosen_) border = QPen(group_border(GroupState::Assigned), 2.4, Qt::SolidLine);
    if (selected) border = QPen(pal.color(QPalette::Highlight), 2.6);
    p->setPen(border);
    p->setBrush(fill);
    p->drawRoundedRect(rect_, 4, 4);
    if (chosen_) {  // a tick in the top right corner: chosen for the plan
        p->setPen(QPen(group_border(GroupState::Assigned), 1.6));
        const QPointF c(rect_.right() - 7, rect_.top() + 6);
        p->drawPolyline(QPolygonF{c + QPointF(-3, 0), c + QPointF(-1, 2.2), c + QPointF(3, -2.5)});
    }

    const QColor ink = pal.color(QPalette::Text);
    const QColor muted = pal.color(QPalette::PlaceholderText);
    QFont font = QApplication::font();  // the application's family, at the size dot made room for
    font.setPixelSize(static_cast<int>(kTextPx));
    QFont bold = font;
    bold.setBold(true);
    QFont small = font;
    small.setPixelSize(static_cast<int>(kTextPx) - 1);

    const double inner = rect_.width() - 2 * kPad;
    double y = rect_.top() + (rect_.height() - kLineHeight * (text_.badges.empty() ? 3 : 4)) / 2;
    if (node_.kind == GraphNodeKind::RootComplex) y = rect_.top() + (rect_.height() - kLineHeight * 2) / 2;
    const double glyph = kLineHeight - 2;
    draw_class_glyph(p, QRectF(rect_.left() + kPad, y + 1, glyph, glyph), text_.baseClass, node_.kind, muted);
    const QFontMetricsF bfm(bold);
    p->setPen(ink);
    p->setFont(bold);
    p->drawText(QRectF(rect_.left() + kPad + glyph + 3, y, inner - glyph - 3, kLineHeight), Qt::AlignLeft | Qt::AlignVCenter,
                bfm.elidedText(text_.title, Qt::ElideRight, inner - glyph - 3));
    y += kLineHeight;
    const QFontMetricsF fm(font);
    p->setPen(muted);
    p->setFont(font);
    p->drawText(QRectF(rect_.left() + kPad, y, inner, kLineHeight), Qt::AlignLeft | Qt::AlignVCenter,
                fm.elidedText(text_.subtitle, Qt::ElideRight, inner));
    y += kLineHeight;
    if (node_.kind == GraphNodeKind::RootComplex) return;
    const QColor vfio = group_border(GroupState::Assigned);
    draw_pill(p, QPointF(rect_.left() + kPad, y), text_.driver, small,
              text_.driverIsVfio ? vfio : pal.color(QPalette::AlternateBase), text_.driverIsVfio ? QColor(Qt::white) : ink, inner);
    y += kLineHeight;
    double x = rect_.left() + kPad;
    for (const auto& b : text_.badges) {
        const double room = rect_.right() - kPad - x;
        if (room < 12) break;
        x += draw_pill(p, QPointF(x, y), b.text, small, b.critical ? group_border(GroupState::HostCritical) : group_border(GroupState::HostOnly),
                       QColor(Qt::white), room) + 2;
    }
}

// ---- GroupClusterItem -------------------------------------------------------------------------

GroupClusterItem::GroupClusterItem(const ClusterBox& box)
    : group_(box.group), state_(box.state), highlighted_(box.highlighted),
      rect_(box.box.x, box.box.y, box.box.width, box.box.height), label_(Tr::group(box.group)) {
    setZValue(0);
}

void GroupClusterItem::setMateHighlight(bool on) {
    if (mate_ == on) return;
    mate_ = on;
    update();
}

QRectF GroupClusterItem::boundingRect() const { return rect_.adjusted(-3, -3, 3, 3); }

void GroupClusterItem::paint(QPainter* p, const QStyleOptionGraphicsItem*, QWidget* widget) {
    const QPalette pal = palette_for(this, widget);
    p->setRenderHint(QPainter::Antialiasing);
    const double width = highlighted_ ? 3.0 : mate_ ? 2.2 : 1.0;
    p->setPen(QPen(mate_ ? pal.color(QPalette::Highlight) : group_border(state_), width));
    p->setBrush(group_fill(state_, pal));
    p->drawRoundedRect(rect_, 6, 6);
    QFont font = QApplication::font();
    font.setPixelSize(9);
    font.setBold(true);
    p->setFont(font);
    p->setPen(dark(pal) ? pal.color(QPalette::Text) : group_border(state_).darker(140));
    p->drawText(rect_.adjusted(6, 3, -6, 0), Qt::AlignLeft | Qt::AlignTop, label_);
}

// ---- BusEdgeItem ------------------------------------------------------------------------------

BusEdgeItem::BusEdgeItem(const EdgePath& edge) {
    QPainterPath path;
    if (!edge.points.empty()) {
        path.moveTo(edge.points[0].x, edge.points[0].y);
        for (std::size_t i = 1; i + 2 < edge.points.size(); i += 3)
            path.cubicTo(edge.points[i].x, edge.points[i].y, edge.points[i + 1].x, edge.points[i + 1].y, edge.points[i + 2].x,
                         edge.points[i + 2].y);
    }
    setPath(path);
    if (edge.arrow_tip && !edge.points.empty()) {
        const QPointF tip(edge.arrow_tip->x, edge.arrow_tip->y);
        const QPointF base(edge.points.back().x, edge.points.back().y);
        const QPointF along = tip - base;
        const QPointF across(-along.y() * 0.5, along.x() * 0.5);
        arrow_ << tip << base + across << base - across;
    }
    QPen pen(QColor(0x80, 0x88, 0x90), 1.0);
    if (edge.kind == GraphEdgeKind::Virtfn) pen.setStyle(Qt::DashLine);
    setPen(pen);
    setZValue(1);
}

void BusEdgeItem::paint(QPainter* p, const QStyleOptionGraphicsItem* option, QWidget* widget) {
    p->setRenderHint(QPainter::Antialiasing);
    QGraphicsPathItem::paint(p, option, widget);
    if (!arrow_.isEmpty()) {
        p->setPen(Qt::NoPen);
        p->setBrush(pen().color());
        p->drawPolygon(arrow_);
    }
}

}  // namespace isola::gui
