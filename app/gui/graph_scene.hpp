// The scene of the graph view: the items of one GraphLayout over one Topology. It knows which card
// shows which function, tints a hovered card's group-mates, marks search hits and the plan's
// chosen devices, and says which device the person selected.
#pragma once

#include <QGraphicsScene>

#include <map>
#include <optional>
#include <set>
#include <vector>

#include "graph/graph_layout.hpp"
#include "topology/topology.hpp"

namespace isola::gui {

class DeviceCardItem;
class GroupClusterItem;

class GraphScene : public QGraphicsScene {
    Q_OBJECT

public:
    explicit GraphScene(QObject* parent = nullptr);
    ~GraphScene() override;

    // Replaces every item; `topology` must outlive the scene's use of it (the window's model owns it).
    void showLayout(const Topology& topology, const GraphLayout& layout);
    void clearGraph();

    [[nodiscard]] const std::vector<DeviceCardItem*>& cards() const { return cards_; }
    [[nodiscard]] const std::vector<GroupClusterItem*>& clusters() const { return clusters_; }
    [[nodiscard]] DeviceCardItem* cardFor(const Bdf& function) const;
    [[nodiscard]] GroupClusterItem* clusterFor(GroupId group) const;
    [[nodiscard]] std::optional<Bdf> selectedDevice() const;

    // Selects the card showing `function` (none: clears the selection) without emitting deviceSelected.
    void selectDevice(const std::optional<Bdf>& function);
    // Cards matching `text` (address, name, vendor:device, driver; case-insensitive) stay bright,
    // the others dim; empty text: none dim. Returns the hits, in node order.
    std::vector<DeviceCardItem*> search(const QString& text);
    // Outlines the cards of devices chosen for the plan.
    void setChosen(const std::set<Bdf>& chosen);
    // Tints the cards of these devices (a review finding's), the others not.
    void markDevices(const std::vector<Bdf>& devices);
    // Tints the hovered group's cards and box (nullopt: none), as hovering a card does.
    void setHoveredGroup(std::optional<GroupId> group);
    [[nodiscard]] std::optional<GroupId> hoveredGroup() const { return hovered_; }

Q_SIGNALS:
    void deviceSelected(const QString& address);  // "" when the selection was cleared
    void summaryActivated(const QString& pf);     // a VF summary was double-clicked: its PF

protected:
    void mouseDoubleClickEvent(QGraphicsSceneMouseEvent* event) override;

private:
    void onSelectionChanged();

    const Topology* topology_ = nullptr;
    std::vector<DeviceCardItem*> cards_;
    std::vector<GroupClusterItem*> clusters_;
    std::map<Bdf, DeviceCardItem*> byFunction_;
    std::optional<GroupId> hovered_;
    bool quiet_ = false;  // selection changed by selectDevice(): not the person's doing
};

}  // namespace isola::gui
