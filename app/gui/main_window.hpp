// Isola's main window: the graph of the PCI tree and its IOMMU groups and the device table grouped
// by group (left, two views of one model with one selection), the inspector and the plan (right),
// banners for demo hosts and hosts without IOMMU groups, and the File/View/Plan/Help menus.
// Loading runs on a worker thread through the Loader given at construction, so tests can pass a
// topology directly and the application passes load_topology().
#pragma once

#include <QFutureWatcher>
#include <QMainWindow>

#include <functional>
#include <map>
#include <memory>
#include <vector>

#include "explain/explain_groups.hpp"
#include <optional>
#include <set>

#include "helper_config_reads.hpp"
#include "load_request.hpp"

class QLabel;
class QLineEdit;
class QMenu;
class QTabWidget;
class QTreeView;

namespace isola::gui {

class DeviceDetails;
class DeviceFilterModel;
class ExportDialog;
class GraphPanel;
class HelperConfigReads;
class HostChangesPanel;
class HostWatcher;
class MessageBanner;
class PlanPanel;
class ReviewPanel;
class TopologyModel;

class MainWindow : public QMainWindow {
    Q_OBJECT

public:
    using Loader = std::function<LoadResult(const LoadRequest&)>;

    explicit MainWindow(Loader loader, QWidget* parent = nullptr);
    ~MainWindow() override;

    // Starts loading off the GUI thread; topologyShown() or loadFailed() follows.
    void load(const LoadRequest& request);
    // Shows a topology that is already loaded, as if `from` had produced it.
    void showTopology(Topology topology, const LoadRequest& from);
    // Selects a device by address (clearing the filter when it hides the device).
    bool selectDevice(const Bdf& address);

    [[nodiscard]] TopologyModel* topologyModel() const { return model_; }
    [[nodiscard]] DeviceFilterModel* filterModel() const { return filter_; }
    [[nodiscard]] QTreeView* deviceView() const { return view_; }
    [[nodiscard]] QLineEdit* filterEdit() const { return filterEdit_; }
    [[nodiscard]] DeviceDetails* details() const { return details_; }
    [[nodiscard]] MessageBanner* sourceBanner() const { return sourceBanner_; }
    [[nodiscard]] MessageBanner* iommuBanner() const { return iommuBanner_; }
    [[nodiscard]] GraphPanel* graph() const { return graph_; }
    [[nodiscard]] PlanPanel* planPanel() const { return plan_; }
    [[nodiscard]] ReviewPanel* reviewPanel() const { return review_; }
    [[nodiscard]] HostChangesPanel* hostChanges() const { return changes_; }
    [[nodiscard]] QTabWidget* views() const { return views_; }
    [[nodiscard]] QTabWidget* sidePanels() const { return side_; }
    // The device selected in either view, if any.
    [[nodiscard]] std::optional<Bdf> selectedDevice() const;
    // Adds the selected device to the plan and shows the plan.
    bool addSelectedToPlan();
    // Files. Each returns the sentence saying why it could not, or nothing.
    // A listing pasted from the clipboard, or dropped as text: imported as isolactl import does.
    void showPastedListing(const QString& text);
    std::optional<QString> saveSnapshot(const QString& path);
    // The graph as shown (plan, filters), by the file's extension: .svg, .png or .dot.
    std::optional<QString> exportGraph(const QString& path);
    // Opens a dropped or chosen file: .json as a snapshot, anything else as a listing.
    void openPath(const QString& path);

    // The export dialog for the plan's devices (nullptr when none is chosen); it closes itself.
    ExportDialog* openExportDialog();

    // Reads the host again, keeping the selection and the plan (what a uevent burst does).
    void followHost();

    // Whether this process reads configuration space as root (default: its effective uid is 0).
    // Not root, a live host's inspector offers isola-helper's full read; tests pretend either way.
    void setPrivileged(bool privileged);
    [[nodiscard]] HelperConfigReads* configReads() const { return configReads_; }
    [[nodiscard]] HostWatcher* hostWatcher() const { return hostWatcher_; }

Q_SIGNALS:
    void topologyShown();
    void explanationsShown();  // the inspector can say why each group is what it is
    void loadFailed(const QString& message);

protected:
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    void createActions();
    void openFile();
    void reload();
    void about();
    void loadFinished();
    void updateBanners();
    void updateDetails(const QModelIndex& current);
    void setLoading(bool loading);
    // Shows `topology` as the same host seen again: the person keeps their selection and plan.
    void reshow(Topology topology);
    void keepPlace();  // what showTopology() restores: the selection and the plan
    void fullReadFinished(const ConfigReadOutcome& outcome);
    QWidget* demoHostButton(QWidget* parent);
    void fillDemoMenu(QMenu* menu);

    Loader loader_;
    LoadRequest request_;
    QFutureWatcher<LoadResult> watcher_;
    // Why each group is what it is (core's explain), worked out off the GUI thread for the inspector.
    QFutureWatcher<std::vector<GroupExplanation>> explainWatcher_;
    std::shared_ptr<const Topology> snapshot_;  // what the workers read; replaced with each topology

    TopologyModel* model_;
    DeviceFilterModel* filter_;
    QTreeView* view_;
    QLineEdit* filterEdit_;
    DeviceDetails* details_;
    MessageBanner* sourceBanner_;
    MessageBanner* iommuBanner_;
    GraphPanel* graph_;
    PlanPanel* plan_;
    ReviewPanel* review_;
    HostChangesPanel* changes_;
    QTabWidget* views_;
    QTabWidget* side_;
    HostWatcher* hostWatcher_;
    HelperConfigReads* configReads_;
    // What isola-helper read as root on this live host, laid over every later read of it.
    std::map<Bdf, ConfigFacts> helperConfig_;
    bool privileged_;
    QLabel* summary_;
    // While following the host: what to restore once the new topology is shown.
    bool following_ = false;
    bool followAgain_ = false;  // another burst came while reading
    std::optional<Bdf> keptSelection_;
    std::set<Bdf> keptPlan_;
    QAction* reloadAction_ = nullptr;
    QAction* openAction_ = nullptr;
};

}  // namespace isola::gui
