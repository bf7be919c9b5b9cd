// The graph view's items, drawn from a GraphLayout (core/graph) in scene units of points: a card
// per node (device, VF summary, root complex), a tinted box per IOMMU group, a path per bus edge.
// Graphviz only places them; every word on a card comes from the Topology, in the person's
// language, and every colour from the palette or group_palette.hpp.
#pragma once

#include <QGraphicsObject>
#include <QGraphicsPathItem>

#include <optional>
#include <vector>

#include "graph/graph_layout.hpp"
#include "topology/topology.hpp"

namespace isola::gui {

// What a card shows, worked out once from the topology when the scene is built.
struct CardText {
    QString title;                 // device or summary name
    QString subtitle;              // address · vendor:device, or the port kind of a bridge
    QString driver;                // "e1000", "no driver", "driver unknown"
    bool driverIsVfio = false;
    struct Badge {
        QString text;
        bool critical = false;
    };
    std::vector<Badge> badges;
    QString toolTip;
    std::uint8_t baseClass = 0xff;  // PCI base class, for the card's glyph
};

CardText card_text(const Topology& topology, const GraphNode& node);

class DeviceCardItem : public QGraphicsObject {
    Q_OBJECT

public:
    DeviceCardItem(const NodeBox& box, CardText text);

    [[nodiscard]] const GraphNode& node() const { return node_; }
    [[nodiscard]] const CardText& text() const { return text_; }
    // The function a selection of this card stands for: the device, or a summary's first VF.
    [[nodiscard]] std::optional<Bdf> address() const;
    [[nodiscard]] bool shows(const Bdf& function) const;

    // Drawn tinted: a group-mate of the hovered card, or a search hit; dimmed: not a search hit.
    void setMateHighlight(bool on);
    void setDimmed(bool on);
    // Drawn outlined: the person chose it for the plan.
    void setChosen(bool on);
    [[nodiscard]] bool mateHighlight() const { return mate_; }
    [[nodiscard]] bool dimmed() const { return dimmed_; }
    [[nodiscard]] bool chosen() const { return chosen_; }

    QRectF boundingRect() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

Q_SIGNALS:
    void hovered(DeviceCardItem* card, bool entered);

protected:
    void hoverEnterEvent(QGraphicsSceneHoverEvent* event) override;
    void hoverLeaveEvent(QGraphicsSceneHoverEvent* event) override;

private:
    GraphNode node_;
    QRectF rect_;
    CardText text_;
    bool mate_ = false;
    bool dimmed_ = false;
    bool chosen_ = false;
};

class GroupClusterItem : public QGraphicsItem {
public:
    explicit GroupClusterItem(const ClusterBox& box);

    [[nodiscard]] GroupId group() const { return group_; }
    [[nodiscard]] GroupState state() const { return state_; }
    void setMateHighlight(bool on);
    [[nodiscard]] bool mateHighlight() const { return mate_; }

    QRectF boundingRect() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

private:
    GroupId group_;
    GroupState state_;
    bool highlighted_;  // part of the plan's whole-group effect
    bool mate_ = false;
    QRectF rect_;
    QString label_;
};

// A bus edge (solid) or PF → VFs edge (dashed), with its arrowhead.
class BusEdgeItem : public QGraphicsPathItem {
public:
    explicit BusEdgeItem(const EdgePath& edge);
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

private:
    QPolygonF arrow_;
};

// The colours of a group state for the current palette: the light fills of group_palette.hpp on
// a light window, the border hue over the window colour on a dark one.
QColor group_fill(GroupState state, const QPalette& palette);
QColor group_border(GroupState state);

}  // namespace isola::gui
