// The graph tab: a toolbar (zoom, fit, hide bridges, every VF), the graph view and the Graphviz
// layout behind it, computed by core/graph on a worker thread — the GUI thread only builds the
// items of a finished layout. A newer request while one runs is laid out after it; the selection
// survives every relayout.
#pragma once

#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QWidget>

#include <expected>
#include <memory>
#include <optional>
#include <set>

#include "graph/graph_layout.hpp"
#include "plan/attach_plan.hpp"
#include "topology/topology.hpp"

class QAction;
class QLabel;
class QToolBar;

namespace isola::gui {

class GraphScene;
class GraphView;

class GraphPanel : public QWidget {
    Q_OBJECT

public:
    explicit GraphPanel(QWidget* parent = nullptr);
    ~GraphPanel() override;

    // The topology to draw (owned by the window's model; nullptr: nothing) and an immutable copy
    // of it for the worker threads (the window may replace its own while dot runs). Lays it out anew.
    void setTopology(const Topology* topology, std::shared_ptr<const Topology> snapshot);
    // The plan whose whole-group effect the graph shows (nullptr: none). Lays it out anew.
    void setPlan(const AttachPlan* plan);
    void setHideBridges(bool hide);
    void setShowEveryVf(bool show);
    // Draws the VFs of one PF one by one (a double click on its summary does this).
    void expandVfsOf(const Bdf& pf);

    // What the graph shows now: the plan's overlay and the filters (for exporting it).
    [[nodiscard]] GraphOptions currentOptions() const;
    [[nodiscard]] GraphScene* scene() const { return scene_; }
    [[nodiscard]] GraphView* view() const { return view_; }
    [[nodiscard]] bool layingOut() const { return watcher_.isRunning() || again_; }
    [[nodiscard]] QAction* hideBridgesAction() const { return hideBridges_; }
    [[nodiscard]] QAction* everyVfAction() const { return everyVf_; }
    [[nodiscard]] QAction* fitAction() const { return fit_; }
    // How long the last layout took on its worker thread, and building its items on the GUI thread.
    [[nodiscard]] double lastLayoutMs() const { return layoutMs_; }
    [[nodiscard]] double lastSceneMs() const { return sceneMs_; }

Q_SIGNALS:
    void layoutShown();  // the scene holds the layout of the latest request
    void deviceSelected(const QString& address);

protected:
    void changeEvent(QEvent* event) override;

private:
    using LayoutResult = std::expected<GraphLayout, GraphError>;
    void relayout();
    void layoutFinished();

    GraphScene* scene_;
    GraphView* view_;
    QToolBar* toolbar_;
    QLabel* status_;
    QAction* hideBridges_;
    QAction* everyVf_;
    QAction* fit_;
    const Topology* topology_ = nullptr;
    std::shared_ptr<const Topology> snapshot_;
    GraphOptions overlay_;  // group states and highlights, from the plan
    std::set<Bdf> expanded_;
    QFutureWatcher<LayoutResult> watcher_;
    bool again_ = false;      // a request came while a layout ran
    bool fitNext_ = true;     // a new topology is fitted into the view once laid out
    QElapsedTimer layoutTimer_;
    double layoutMs_ = 0;
    double sceneMs_ = 0;
};

}  // namespace isola::gui
