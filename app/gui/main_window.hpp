// Isola's main window: the device table grouped by IOMMU group (left), the selected device's
// facts (right), banners for demo hosts and hosts without IOMMU groups, and the File/Help menus.
// Loading runs on a worker thread through the Loader given at construction, so tests can pass a
// topology directly and the application passes load_topology().
#pragma once

#include <QFutureWatcher>
#include <QMainWindow>

#include <functional>

#include "load_request.hpp"

class QLabel;
class QLineEdit;
class QMenu;
class QTreeView;

namespace isola::gui {

class DeviceDetails;
class DeviceFilterModel;
class MessageBanner;
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

Q_SIGNALS:
    void topologyShown();
    void loadFailed(const QString& message);

private:
    void createActions();
    void openFile();
    void reload();
    void about();
    void loadFinished();
    void updateBanners();
    void updateDetails(const QModelIndex& current);
    void setLoading(bool loading);
    QWidget* demoHostButton(QWidget* parent);
    void fillDemoMenu(QMenu* menu);

    Loader loader_;
    LoadRequest request_;
    QFutureWatcher<LoadResult> watcher_;

    TopologyModel* model_;
    DeviceFilterModel* filter_;
    QTreeView* view_;
    QLineEdit* filterEdit_;
    DeviceDetails* details_;
    MessageBanner* sourceBanner_;
    MessageBanner* iommuBanner_;
    QLabel* summary_;
    QAction* reloadAction_ = nullptr;
    QAction* openAction_ = nullptr;
};

}  // namespace isola::gui
