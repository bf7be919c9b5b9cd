#include "graph_panel.hpp"

#include <QAction>
#include <QElapsedTimer>
#include <QEvent>
#include <QLabel>
#include <QToolBar>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include "graph/plan_overlay.hpp"
#include "graph_items.hpp"
#include "graph_scene.hpp"
#include "graph_view.hpp"

using namespace Qt::StringLiterals;

namespace isola::gui {

GraphPanel::GraphPanel(QWidget* parent)
    : QWidget(parent), scene_(new GraphScene(this)), view_(new GraphView(scene_)), toolbar_(new QToolBar),
      status_(new QLabel) {
    toolbar_->setToolButtonStyle(Qt::ToolButtonTextOnly);
    auto* zoomIn = toolbar_->addAction(QIcon::fromTheme(u"zoom-in"_s), tr("Zoom In"), this, [this] { view_->zoomBy(1.25); });
    zoomIn->setShortcut(QKeySequence::ZoomIn);
    auto* zoomOut = toolbar_->addAction(QIcon::fromTheme(u"zoom-out"_s), tr("Zoom Out"), this, [this] { view_->zoomBy(0.8); });
    zoomOut->setShortcut(QKeySequence::ZoomOut);
    fit_ = toolbar_->addAction(QIcon::fromTheme(u"zoom-fit-best"_s), tr("Fit"), this, [this] { view_->fitAll(); });
    fit_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_0));
    for (QAction* a : {zoomIn, zoomOut, fit_}) a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    toolbar_->addSeparator();
    hideBridges_ = toolbar_->addAction(tr("Hide Bridges"));
    hideBridges_->setCheckable(true);
    hideBridges_->setToolTip(tr("Leave out root ports and switches: each device hangs from its root complex"));
    connect(hideBridges_, &QAction::toggled, this, [this](bool on) { setHideBridges(on); });
    everyVf_ = toolbar_->addAction(tr("Every VF"));
    everyVf_->setCheckable(true);
    everyVf_->setToolTip(tr("Draw every SR-IOV virtual function instead of one card per physical function "
                            "(double-click a card to expand one)"));
    connect(everyVf_, &QAction::toggled, this, [this](bool on) { setShowEveryVf(on); });
    toolbar_->addSeparator();
    toolbar_->addWidget(status_);
    status_->setForegroundRole(QPalette::PlaceholderText);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins({});
    layout->setSpacing(0);
    layout->addWidget(toolbar_);
    layout->addWidget(view_, 1);

    connect(scene_, &GraphScene::deviceSelected, this, &GraphPanel::deviceSelected);
    connect(scene_, &GraphScene::summaryActivated, this, [this](const QString& pf) {
        if (auto b = Bdf::parse(pf.toStdString())) expandVfsOf(*b);
    });
    scene_->setPalette(palette());
    connect(&watcher_, &QFutureWatcher<LayoutResult>::finished, this, &GraphPanel::layoutFinished);
}

GraphPanel::~GraphPanel() { watcher_.waitForFinished(); }

void GraphPanel::changeEvent(QEvent* event) {
    // The scene is no widget: it gets the panel's palette (a dark theme) and is drawn anew.
    if (event->type() == QEvent::PaletteChange) {
        scene_->setPalette(palette());
        if (topology_) relayout();
    }
    QWidget::changeEvent(event);
}

void GraphPanel::setTopology(const Topology* topology, std::shared_ptr<const Topology> snapshot) {
    topology_ = topology;
    snapshot_ = std::move(snapshot);
    overlay_ = topology ? graph_options_for(*topology) : GraphOptions{};
    expanded_.clear();
    fitNext_ = true;
    relayout();
}

void GraphPanel::setPlan(const AttachPlan* plan) {
    if (!topology_) return;
    GraphOptions next = graph_options_for(*topology_, plan);
    // The title (with the VM's name) is in exported pictures only: a keystroke in the VM name
    // changes nothing on the scene, so it lays nothing out.
    GraphOptions drawn = next;
    drawn.title = overlay_.title;
    const bool redraw = !(drawn == overlay_);
    overlay_ = std::move(next);
    if (redraw) relayout();
}

void GraphPanel::setHideBridges(bool hide) {
    if (hideBridges_->isChecked() != hide) hideBridges_->setChecked(hide);  // toggled() comes back here
    else relayout();
}

void GraphPanel::setShowEveryVf(bool show) {
    if (everyVf_->isChecked() != show) everyVf_->setChecked(show);
    else relayout();
}

void GraphPanel::expandVfsOf(const Bdf& pf) {
    if (expanded_.insert(pf).second) relayout();
}

GraphOptions GraphPanel::currentOptions() const {
    GraphOptions options = overlay_;
    options.collapse_vfs = !everyVf_->isChecked();
    options.hide_bridges = hideBridges_->isChecked();
    options.expanded_pfs = expanded_;
    // Every device is a card the person can select and plan; stacks are for exported pictures.
    options.stack_alike = false;
    return options;
}

void GraphPanel::relayout() {
    if (watcher_.isRunning()) {
        again_ = true;
        return;
    }
    again_ = false;
    if (!topology_ || !snapshot_) {
        scene_->clearGraph();
        return;
    }
    const GraphOptions options = currentOptions();
    status_->setText(tr("Laying out…"));
    watcher_.setFuture(QtConcurrent::run([snapshot = snapshot_, options]() -> LayoutResult {
        return layout_graph(*snapshot, options);
    }));
    layoutTimer_.start();
}

void GraphPanel::layoutFinished() {
    layoutMs_ = static_cast<double>(layoutTimer_.nsecsElapsed()) / 1e6;
    if (again_ || !topology_) {  // out of date: the newest request goes next
        relayout();
        return;
    }
    LayoutResult result = watcher_.result();
    if (!result) {
        scene_->clearGraph();
        status_->setText(QString::fromStdString(result.error().message));
        Q_EMIT layoutShown();
        return;
    }
    const auto selected = scene_->selectedDevice();
    QElapsedTimer build;
    build.start();
    scene_->showLayout(*topology_, *result);
    scene_->selectDevice(selected);
    sceneMs_ = static_cast<double>(build.nsecsElapsed()) / 1e6;
    status_->setText(tr("%n card(s)", nullptr, static_cast<int>(scene_->cards().size())));
    if (fitNext_) {
        view_->fitAll();
        fitNext_ = false;
    }
    Q_EMIT layoutShown();
}

}  // namespace isola::gui
