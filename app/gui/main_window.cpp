#include "main_window.hpp"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QMimeData>
#include <QSaveFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QScreen>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

#include <algorithm>
#include <QtConcurrent/QtConcurrentRun>
#include <unistd.h>

#include "demo_hosts.hpp"
#include "graph/graph_render.hpp"
#include "snapshot/snapshot.hpp"
#include "device_details.hpp"
#include "device_filter_model.hpp"
#include "export_dialog.hpp"
#include "graph_items.hpp"
#include "graph_panel.hpp"
#include "graph_scene.hpp"
#include "graph_view.hpp"
#include "host_changes_panel.hpp"
#include "host_watcher.hpp"
#include "message_banner.hpp"
#include "plan_panel.hpp"
#include "review_panel.hpp"
#include "save_file.hpp"
#include "topology_model.hpp"

using namespace Qt::StringLiterals;

namespace isola::gui {

MainWindow::MainWindow(Loader loader, QWidget* parent)
    : QMainWindow(parent), loader_(std::move(loader)), model_(new TopologyModel(this)),
      filter_(new DeviceFilterModel(this)), view_(new QTreeView), filterEdit_(new QLineEdit),
      details_(new DeviceDetails), sourceBanner_(new MessageBanner), iommuBanner_(new MessageBanner),
      graph_(new GraphPanel), plan_(new PlanPanel), review_(new ReviewPanel), changes_(new HostChangesPanel), views_(new QTabWidget), side_(new QTabWidget),
      hostWatcher_(new HostWatcher(this)), configReads_(new HelperConfigReads(this)), privileged_(geteuid() == 0),
      summary_(new QLabel) {
    filter_->setSourceModel(model_);

    filterEdit_->setPlaceholderText(tr("Find by address, name, vendor:device or driver (Ctrl+F)"));
    filterEdit_->setClearButtonEnabled(true);
    filterEdit_->setAccessibleName(tr("Device filter"));
    connect(filterEdit_, &QLineEdit::textChanged, this, [this](const QString& text) {
        filter_->setFilterFixedString(text);
        if (!text.isEmpty()) view_->expandAll();
        graph_->scene()->search(text);
    });
    // Return or Down in the filter line moves on to the results, so the keyboard never has to leave.
    connect(filterEdit_, &QLineEdit::returnPressed, this, [this] {
        if (views_->currentWidget() == graph_) {
            // The first hit is selected and brought into view; arrow keys go on from there.
            const auto hits = graph_->scene()->search(filterEdit_->text());
            if (!hits.empty() && hits.front()->address()) {
                selectDevice(*hits.front()->address());
                graph_->view()->setFocus();
            }
            return;
        }
        view_->setFocus();
        if (!view_->currentIndex().isValid() && filter_->rowCount() > 0)
            view_->setCurrentIndex(filter_->index(0, 0, filter_->index(0, 0)));
    });

    view_->setModel(filter_);
    view_->setUniformRowHeights(true);  // big SR-IOV hosts: keeps scrolling cheap
    view_->setAllColumnsShowFocus(true);
    view_->setAlternatingRowColors(true);
    view_->setAccessibleName(tr("Devices by IOMMU group"));
    view_->header()->setStretchLastSection(false);
    view_->header()->setSectionResizeMode(TopologyModel::DeviceColumn, QHeaderView::Stretch);
    connect(view_->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex& current) { updateDetails(current); });
    // Group rows span all columns; the model resets on every load, and filtering re-creates rows.
    auto spanGroups = [this] {
        for (int r = 0; r < filter_->rowCount(); ++r) view_->setFirstColumnSpanned(r, {}, true);
    };
    connect(filter_, &QAbstractItemModel::modelReset, this, spanGroups);
    connect(filter_, &QAbstractItemModel::layoutChanged, this, spanGroups);
    connect(filter_, &QAbstractItemModel::rowsInserted, this, spanGroups);

    views_->addTab(graph_, tr("&Graph"));
    views_->addTab(view_, tr("&Table"));
    views_->addTab(review_, tr("&Review"));
    // A finding's devices: the first selected (the inspector shows it), all of them tinted in the graph.
    connect(review_, &ReviewPanel::devicesChosen, this, [this](const std::vector<Bdf>& devices) {
        selectDevice(devices.front());
        graph_->scene()->markDevices(devices);
    });
    views_->setDocumentMode(true);
    auto* left = new QWidget;
    auto* leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins({});
    leftLayout->addWidget(filterEdit_);
    leftLayout->addWidget(views_, 1);

    side_->addTab(details_, tr("&Inspector"));
    side_->addTab(plan_, tr("&Plan"));
    side_->addTab(changes_, tr("&Changes"));
    connect(changes_, &HostChangesPanel::hostChanged, this, &MainWindow::followHost);
    side_->setDocumentMode(true);

    // One selection for both views: the graph's card and the table's row show the same device.
    connect(graph_, &GraphPanel::deviceSelected, this, [this](const QString& address) {
        if (auto b = Bdf::parse(address.toStdString())) selectDevice(*b);
    });
    connect(graph_, &GraphPanel::layoutShown, this, [this] {
        graph_->scene()->search(filterEdit_->text());
        graph_->scene()->setChosen(plan_->chosen());
    });
    connect(plan_, &PlanPanel::hostChanged, this, &MainWindow::followHost);
    connect(plan_, &PlanPanel::exportRequested, this, [this] { openExportDialog(); });
    connect(plan_, &PlanPanel::planChanged, this, [this](const AttachPlan* plan) {
        graph_->setPlan(plan);
        graph_->scene()->setChosen(plan_->chosen());
    });

    auto* splitter = new QSplitter(Qt::Horizontal);
    splitter->addWidget(left);
    splitter->addWidget(side_);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setChildrenCollapsible(false);

    auto* central = new QWidget;
    auto* layout = new QVBoxLayout(central);
    layout->addWidget(iommuBanner_);
    layout->addWidget(sourceBanner_);
    layout->addWidget(splitter, 1);
    setCentralWidget(central);

    statusBar()->addPermanentWidget(summary_);
    createActions();
    setWindowIcon(QIcon(u":/icons/org.kde.isola.svg"_s));
    setAcceptDrops(true);  // a listing or snapshot file, or listing text, dropped on the window

    // A size relative to the screen, never a fixed pixel size (HiDPI, small laptop screens).
    if (const auto* screen = QGuiApplication::primaryScreen())
        resize(screen->availableSize() * 0.8);

    connect(&watcher_, &QFutureWatcher<LoadResult>::finished, this, &MainWindow::loadFinished);
    connect(hostWatcher_, &HostWatcher::hostChanged, this, &MainWindow::followHost);
    connect(details_, &DeviceDetails::fullReadRequested, this, [this](const std::vector<Bdf>& devices) {
        if (configReads_->start(devices)) details_->setFullReadRunning(true);
    });
    connect(configReads_, &HelperConfigReads::finished, this, &MainWindow::fullReadFinished);
    connect(&explainWatcher_, &QFutureWatcher<std::vector<GroupExplanation>>::finished, this, [this] {
        // A newer topology started its own; this result is for an old one.
        if (explainWatcher_.isRunning()) return;
        details_->setExplanations(explainWatcher_.result());
        Q_EMIT explanationsShown();
    });
}

void MainWindow::setPrivileged(bool privileged) {
    privileged_ = privileged;
    details_->offerFullRead(request_.kind == LoadRequest::Kind::LiveHost && !privileged_);
}

void MainWindow::keepPlace() {
    following_ = true;
    keptSelection_ = selectedDevice();
    keptPlan_ = plan_->chosen();
}

void MainWindow::reshow(Topology topology) {
    keepPlace();
    showTopology(std::move(topology), request_);
}

void MainWindow::fullReadFinished(const ConfigReadOutcome& outcome) {
    details_->setFullReadRunning(false);
    for (const auto& [device, facts] : outcome.facts) helperConfig_[device] = facts;
    if (!outcome.facts.empty()) reshow(model_->topology());  // showTopology() lays the reads over it
    details_->setFullReadFailure(outcome.failure);
}

void MainWindow::followHost() {
    if (request_.kind != LoadRequest::Kind::LiveHost) return;
    if (watcher_.isRunning()) {
        followAgain_ = true;
        return;
    }
    keepPlace();
    load(request_);
}

MainWindow::~MainWindow() {
    watcher_.waitForFinished();
    explainWatcher_.waitForFinished();
}

void MainWindow::createActions() {
    auto* file = menuBar()->addMenu(tr("&File"));
    openAction_ = file->addAction(QIcon::fromTheme(u"document-open"_s), tr("&Open Listing or Snapshot…"), this,
                                  &MainWindow::openFile);
    openAction_->setShortcut(QKeySequence::Open);
    auto* demos = file->addMenu(tr("Open &Demo Host"));
    fillDemoMenu(demos);
    auto* paste = file->addAction(QIcon::fromTheme(u"edit-paste"_s), tr("&Paste Listing"), this, [this] {
        const QString text = QApplication::clipboard()->text();
        if (text.trimmed().isEmpty()) {
            statusBar()->showMessage(tr("The clipboard holds no text to import."), 4000);
            return;
        }
        showPastedListing(text);
    });
    paste->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_V));
    file->addSeparator();
    auto* save = file->addAction(QIcon::fromTheme(u"document-save-as"_s), tr("&Save Snapshot…"), this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Save Snapshot"), {}, tr("Isola snapshots (*.json)"));
        if (path.isEmpty()) return;
        if (auto error = saveSnapshot(path)) QMessageBox::warning(this, tr("Save Snapshot"), *error);
    });
    save->setShortcut(QKeySequence::Save);
    file->addAction(QIcon::fromTheme(u"document-export"_s), tr("&Export Graph…"), this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Export Graph"), {},
                                                          tr("SVG picture (*.svg);;PNG image (*.png);;Graphviz DOT (*.dot)"));
        if (path.isEmpty()) return;
        if (auto error = exportGraph(path)) QMessageBox::warning(this, tr("Export Graph"), *error);
    });
    file->addSeparator();
    reloadAction_ = file->addAction(QIcon::fromTheme(u"view-refresh"_s), tr("&Reload"), this, &MainWindow::reload);
    reloadAction_->setShortcut(QKeySequence::Refresh);
    file->addSeparator();
    auto* quit = file->addAction(QIcon::fromTheme(u"application-exit"_s), tr("&Quit"), qApp, &QApplication::quit);
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);

    auto* find = new QAction(tr("Find Device"), this);
    find->setShortcut(QKeySequence::Find);
    connect(find, &QAction::triggered, this, [this] {
        filterEdit_->setFocus(Qt::ShortcutFocusReason);
        filterEdit_->selectAll();
    });
    addAction(find);

    auto* viewMenu = menuBar()->addMenu(tr("&View"));
    auto* showGraph = viewMenu->addAction(tr("&Graph"), this, [this] { views_->setCurrentWidget(graph_); });
    showGraph->setShortcut(QKeySequence(Qt::ALT | Qt::Key_1));
    auto* showTable = viewMenu->addAction(tr("&Table"), this, [this] { views_->setCurrentWidget(view_); });
    showTable->setShortcut(QKeySequence(Qt::ALT | Qt::Key_2));
    auto* showReview = viewMenu->addAction(tr("&Review"), this, [this] { views_->setCurrentWidget(review_); });
    showReview->setShortcut(QKeySequence(Qt::ALT | Qt::Key_3));
    viewMenu->addSeparator();
    viewMenu->addAction(graph_->fitAction());
    viewMenu->addAction(graph_->hideBridgesAction());
    viewMenu->addAction(graph_->everyVfAction());

    auto* planMenu = menuBar()->addMenu(tr("&Plan"));
    auto* add = planMenu->addAction(tr("&Add Selected Device to Plan"), this, [this] { addSelectedToPlan(); });
    add->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return));
    auto* exportConfig = planMenu->addAction(tr("&Export VM Configuration…"), this, [this] { openExportDialog(); });
    exportConfig->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    planMenu->addAction(tr("&Clear Plan"), this, [this] { plan_->clearDevices(); });

    auto* help = menuBar()->addMenu(tr("&Help"));
    auto* aboutAction = help->addAction(QIcon::fromTheme(u"help-about"_s), tr("&About Isola"), this, &MainWindow::about);
    aboutAction->setMenuRole(QAction::AboutRole);
}

void MainWindow::fillDemoMenu(QMenu* menu) {
    for (const auto& name : demo_host_names()) {
        menu->addAction(name, this, [this, name] { load({LoadRequest::Kind::Demo, {}, name}); });
    }
}

QWidget* MainWindow::demoHostButton(QWidget* parent) {
    auto* button = new QToolButton(parent);
    button->setText(tr("Open a Demo Host"));
    button->setToolButtonStyle(Qt::ToolButtonTextOnly);
    button->setPopupMode(QToolButton::InstantPopup);
    auto* menu = new QMenu(button);
    fillDemoMenu(menu);
    button->setMenu(menu);
    return button;
}

void MainWindow::load(const LoadRequest& request) {
    if (watcher_.isRunning()) return;  // actions are disabled meanwhile; this guards direct calls
    request_ = request;
    setLoading(true);
    statusBar()->showMessage(request.kind == LoadRequest::Kind::LiveHost ? tr("Reading this host…")
                                                                         : tr("Reading %1…").arg(request.path));
    watcher_.setFuture(QtConcurrent::run([loader = loader_, request] { return loader(request); }));
}

void MainWindow::loadFinished() {
    setLoading(false);
    statusBar()->clearMessage();
    auto result = watcher_.result();
    if (!result) {
        following_ = false;
        model_->setTopology({});
        details_->clear();
        sourceBanner_->hide();
        iommuBanner_->clearActions();
        // The core says its refusals as clauses ("cannot read …", after "isolactl: " on a
        // terminal); on their own in a banner they start as a sentence does.
        QString sentence = result.error();
        if (!sentence.isEmpty()) sentence[0] = sentence[0].toUpper();
        iommuBanner_->showMessage(MessageBanner::Kind::Error, sentence);
        iommuBanner_->addActionButton(demoHostButton(iommuBanner_));
        Q_EMIT loadFailed(result.error());
        return;
    }
    showTopology(std::move(*result), request_);
    if (followAgain_) {
        followAgain_ = false;
        followHost();
    }
}

void MainWindow::setLoading(bool loading) {
    reloadAction_->setEnabled(!loading);
    openAction_->setEnabled(!loading);
    if (loading)
        QApplication::setOverrideCursor(Qt::BusyCursor);
    else
        QApplication::restoreOverrideCursor();
}

void MainWindow::showTopology(Topology topology, const LoadRequest& from) {
    const bool live = from.kind == LoadRequest::Kind::LiveHost;
    // A function the helper read stays read until it leaves the host (hotplug, VFs removed).
    if (!live || request_.kind != LoadRequest::Kind::LiveHost || from.roots.sysfs != request_.roots.sysfs) helperConfig_.clear();
    std::erase_if(helperConfig_, [&](const auto& read) { return topology.find(read.first) == nullptr; });
    if (!helperConfig_.empty()) topology = with_config_facts(topology, helperConfig_);
    request_ = from;
    details_->clear();
    details_->offerFullRead(live && !privileged_);
    model_->setTopology(std::move(topology));
    const auto& t = model_->topology();
    plan_->setTopology(&t);
    // One copy for the worker threads: the graph's layouts and the inspector's explanations.
    snapshot_ = std::make_shared<const Topology>(t);
    graph_->setTopology(&t, snapshot_);
    changes_->refresh(from.kind == LoadRequest::Kind::LiveHost ? std::optional(from.roots.etc.parent_path() / "var/lib/isola")
                                                               : std::nullopt);
    review_->review(snapshot_, from.kind == LoadRequest::Kind::LiveHost ? std::optional<HostRoots>(from.roots) : std::nullopt);
    details_->setExplanations({});
    explainWatcher_.setFuture(QtConcurrent::run([snapshot = snapshot_] { return explain_groups(*snapshot); }));
    if (following_) {
        // The same host read again: the person keeps their place and their plan.
        following_ = false;
        for (const Bdf& b : keptPlan_) plan_->addDevice(b);
        if (keptSelection_) selectDevice(*keptSelection_);
    }
    plan_->setChangeable(from.kind == LoadRequest::Kind::LiveHost,
                         tr("A demo host, a snapshot or a listing describes another machine and cannot be changed from here."));
    if (from.kind == LoadRequest::Kind::LiveHost) {
        if (!hostWatcher_->start())
            statusBar()->showMessage(tr("Isola cannot follow this host's device changes (%1); use Reload.").arg(hostWatcher_->why()), 8000);
    } else {
        hostWatcher_->stop();
    }

    // Groups start collapsed on big hosts (thousands of VFs) and open on ordinary desktops.
    if (t.devices().size() <= 200) view_->expandAll();
    // Short columns fit their contents; the device name takes the remaining width (eliding long
    // names) so class, driver and host use stay visible without scrolling sideways.
    for (int c : {TopologyModel::AddressColumn, TopologyModel::ClassColumn, TopologyModel::DriverColumn,
                  TopologyModel::HostUseColumn})
        view_->resizeColumnToContents(c);
    const int third = view_->viewport()->width() / 3;
    for (int c : {TopologyModel::ClassColumn, TopologyModel::HostUseColumn})
        view_->setColumnWidth(c, std::min(view_->columnWidth(c), third));

    switch (from.kind) {
        case LoadRequest::Kind::Demo: setWindowTitle(tr("Demo host %1").arg(from.path)); break;
        case LoadRequest::Kind::Listing:
        case LoadRequest::Kind::Snapshot: setWindowTitle(QFileInfo(from.path).fileName()); break;
        case LoadRequest::Kind::LiveHost:
            setWindowTitle(t.host().hostname ? QString::fromStdString(*t.host().hostname) : tr("This host"));
            break;
    }
    summary_->setText(tr("%n IOMMU group(s)", nullptr, static_cast<int>(t.groups().size())) + u" · "_s +
                      tr("%n device(s)", nullptr, static_cast<int>(t.devices().size())));
    updateBanners();
    Q_EMIT topologyShown();
}

void MainWindow::updateBanners() {
    const auto& t = model_->topology();
    switch (request_.kind) {
        case LoadRequest::Kind::Demo:
            sourceBanner_->showMessage(MessageBanner::Kind::Information,
                                       tr("Demo host: %1 — not this machine").arg(request_.path));
            break;
        case LoadRequest::Kind::Listing:
            sourceBanner_->showMessage(
                MessageBanner::Kind::Information,
                tr("Listing %1 — not this machine. A listing lacks most facts; they are shown as unknown.")
                    .arg(QFileInfo(request_.path).fileName()));
            break;
        case LoadRequest::Kind::Snapshot:
            sourceBanner_->showMessage(MessageBanner::Kind::Information,
                                       tr("Snapshot %1 — not necessarily this machine")
                                           .arg(QFileInfo(request_.path).fileName()));
            break;
        case LoadRequest::Kind::LiveHost: sourceBanner_->hide(); break;
    }

    iommuBanner_->clearActions();
    if (t.has_groups()) {
        iommuBanner_->hide();
        return;
    }
    if (request_.kind == LoadRequest::Kind::LiveHost) {
        iommuBanner_->showMessage(
            MessageBanner::Kind::Warning,
            tr("This host has no IOMMU groups, so no device can be passed through with VFIO. Enable VT-d (Intel) "
               "or AMD-Vi (AMD) in the firmware setup and boot with intel_iommu=on on Intel systems; inside a "
               "virtual machine, give the VM a virtual IOMMU first. Meanwhile you can explore a demo host."));
        iommuBanner_->addActionButton(demoHostButton(iommuBanner_));
    } else {
        iommuBanner_->showMessage(MessageBanner::Kind::Warning,
                                  tr("This source has no IOMMU groups: either its IOMMU was off, or the listing "
                                     "does not include them."));
    }
}

void MainWindow::updateDetails(const QModelIndex& current) {
    const auto* device = model_->device(filter_->mapToSource(current));
    if (!device) {
        details_->clear();
        graph_->scene()->selectDevice(std::nullopt);
        return;
    }
    details_->showDevice(model_->topology(), device->address);
    graph_->scene()->selectDevice(device->address);
    graph_->view()->centreOnSelection();
}

ExportDialog* MainWindow::openExportDialog() {
    if (plan_->chosen().empty()) {
        statusBar()->showMessage(tr("Add a device to the plan first: the export is for the plan's devices."), 4000);
        return nullptr;
    }
    // The dialog reads the window's topology: it closes with a reload (the model replaces it).
    auto* dialog = new ExportDialog(model_->topology(), {plan_->chosen().begin(), plan_->chosen().end()}, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(this, &MainWindow::topologyShown, dialog, &QDialog::close);
    dialog->show();
    return dialog;
}

std::optional<Bdf> MainWindow::selectedDevice() const { return details_->shownDevice(); }

bool MainWindow::addSelectedToPlan() {
    const auto device = selectedDevice();
    if (!device) {
        statusBar()->showMessage(tr("Select a device first, in the graph or the table."), 4000);
        return false;
    }
    const bool added = plan_->addDevice(*device);
    side_->setCurrentWidget(plan_);
    return added;
}

bool MainWindow::selectDevice(const Bdf& address) {
    auto source = model_->indexOf(address);
    if (!source.isValid()) return false;
    auto index = filter_->mapFromSource(source);
    if (!index.isValid()) {
        filterEdit_->clear();
        index = filter_->mapFromSource(source);
    }
    view_->expand(index.parent());
    view_->setCurrentIndex(index);
    view_->scrollTo(index);
    return true;
}

void MainWindow::openFile() {
    const auto path = QFileDialog::getOpenFileName(
        this, tr("Open Listing or Snapshot"), {},
        tr("Isola snapshots (*.json);;Text listings (*.txt *.log);;All files (*)"), nullptr);
    if (path.isEmpty()) return;
    openPath(path);
}

void MainWindow::reload() { load(request_); }

void MainWindow::showPastedListing(const QString& text) { load({LoadRequest::Kind::Listing, {}, tr("pasted text"), text}); }

void MainWindow::openPath(const QString& path) {
    // Snapshots are JSON; anything else is treated as a pasted listing and auto-detected.
    const auto kind = path.endsWith(u".json"_s, Qt::CaseInsensitive) ? LoadRequest::Kind::Snapshot : LoadRequest::Kind::Listing;
    load({kind, {}, path});
}

std::optional<QString> MainWindow::saveSnapshot(const QString& path) {
    const std::string json = snapshot_to_json(model_->topology());
    return SaveFile::write(path, QByteArray::fromStdString(json));
}

std::optional<QString> MainWindow::exportGraph(const QString& path) {
    const QString suffix = QFileInfo(path).suffix().toLower();
    const auto format = graph_format_from_string(suffix.toStdString());
    if (!format) return tr("Cannot tell the picture format of %1: name it .svg, .png or .dot.").arg(QFileInfo(path).fileName());
    QApplication::setOverrideCursor(Qt::BusyCursor);
    auto rendered = render_graph(model_->topology(), graph_->currentOptions(), *format);
    QApplication::restoreOverrideCursor();
    if (!rendered) return QString::fromStdString(rendered.error().message);
    return SaveFile::write(path, QByteArray::fromStdString(rendered->data));
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event) {
    if (event->mimeData()->hasUrls() || event->mimeData()->hasText()) event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event) {
    const QMimeData* mime = event->mimeData();
    if (mime->hasUrls() && !mime->urls().isEmpty() && mime->urls().front().isLocalFile()) {
        openPath(mime->urls().front().toLocalFile());
        event->acceptProposedAction();
    } else if (mime->hasText() && !mime->text().trimmed().isEmpty()) {
        showPastedListing(mime->text());
        event->acceptProposedAction();
    }
}

void MainWindow::about() {
    QMessageBox::about(this, tr("About Isola"),
                       tr("<h3>Isola %1</h3>"
                          "<p>Shows a Linux host's PCI devices and IOMMU groups, so you see before passthrough "
                          "what else goes with a device.</p>"
                          "<p>License: GPL-2.0-or-later</p>")
                           .arg(QCoreApplication::applicationVersion()));
}

}  // namespace isola::gui
