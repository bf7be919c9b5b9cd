// The main window over a hand-built topology: selecting a device fills the details pane, the
// keyboard moves the selection, the filter narrows the table, banners say when there are no IOMMU
// groups or when a demo host is shown, and loading runs through the loader off the GUI thread.
#include <QApplication>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTreeView>
#include <QTreeWidgetItem>
#include <QtTest>

#include "app_translator.hpp"
#include "device_details.hpp"
#include "device_filter_model.hpp"
#include "main_window.hpp"
#include <QTabWidget>
#include "message_banner.hpp"
#include "sample_topology.hpp"
#include "topology_model.hpp"

using namespace Qt::StringLiterals;
using namespace isola;
using namespace isola::gui;
using isola::gui::test::sample_topology;

namespace {
LoadResult no_loader(const LoadRequest&) { return std::unexpected(u"no loader in this test"_s); }
const LoadRequest kLiveHost{};
}  // namespace

class MainWindowTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { install_translators(*qApp, QLocale(QLocale::English, QLocale::UnitedStates)); }

    void selectingADeviceFillsTheDetails() {
        MainWindow window(no_loader);
        window.showTopology(sample_topology(), kLiveHost);
        QVERIFY(window.details()->row(u"Driver"_s) == nullptr);  // nothing selected yet

        QVERIFY(window.selectDevice(test::kNic));
        QCOMPARE(window.details()->shownDevice(), test::kNic);
        QCOMPARE(window.details()->row(u"Driver"_s)->text(1), u"igc"_s);
        QCOMPARE(window.details()->row(u"IOMMU group"_s)->text(1), u"14 (1 device)"_s);
        QCOMPARE(window.details()->row(u"Used by the host"_s)->text(1),
                 u"network interface enp3s0, up, 192.0.2.10/24, IPv4 default route"_s);
    }

    void unknownFactsReadUnknownWithTheReasonInMutedText() {
        MainWindow window(no_loader);
        window.showTopology(sample_topology(), kLiveHost);
        window.selectDevice(test::kUnknownDriver);
        auto* driver = window.details()->row(u"Driver"_s);
        QCOMPARE(driver->text(1), u"unknown — not in a pasted listing"_s);
        QCOMPARE(driver->foreground(1).color(), window.details()->palette().color(QPalette::PlaceholderText));
        QCOMPARE(window.details()->row(u"ACS"_s)->text(1), u"unknown — config space past 64 bytes needs root"_s);
        // A known fact keeps the normal text colour.
        QCOMPARE(window.details()->row(u"Address"_s)->foreground(1).style(), Qt::NoBrush);
    }

    void keyboardMovesTheSelectionAndTheDetailsFollow() {
        MainWindow window(no_loader);
        window.showTopology(sample_topology(), kLiveHost);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.selectDevice(test::kRootPort);
        window.deviceView()->setFocus();
        QTest::keyClick(window.deviceView(), Qt::Key_Down);
        QCOMPARE(window.details()->shownDevice(), test::kGpu);
        QTest::keyClick(window.deviceView(), Qt::Key_Down);
        QCOMPARE(window.details()->shownDevice(), test::kGpuAudio);
        // Past the last member, Down reaches the next group's title row: no device shown.
        QTest::keyClick(window.deviceView(), Qt::Key_Down);
        QCOMPARE(window.details()->shownDevice(), std::nullopt);

        // Ctrl+F focuses the filter; Return hands the first hit to the table (when it is the view shown).
        window.views()->setCurrentWidget(window.deviceView());
        QTest::keySequence(&window, QKeySequence::Find);
        QVERIFY(window.filterEdit()->hasFocus());
        window.deviceView()->setCurrentIndex({});
        QTest::keyClicks(window.filterEdit(), u"nvme"_s);
        QTest::keyClick(window.filterEdit(), Qt::Key_Return);
        QVERIFY(window.deviceView()->hasFocus());
        QCOMPARE(window.details()->shownDevice(), test::kNvme);
    }

    void filterMatchesAddressNameAndDriver() {
        MainWindow window(no_loader);
        window.showTopology(sample_topology(), kLiveHost);
        auto* filter = window.filterModel();
        const auto members = [&](int row) { return filter->rowCount(filter->index(row, 0)); };

        window.filterEdit()->setText(u"01:00"_s);  // address: the GPU and its audio function
        QCOMPARE(filter->rowCount(), 1);
        QCOMPARE(members(0), 2);

        window.filterEdit()->setText(u"i226"_s);  // name, any case
        QCOMPARE(filter->rowCount(), 1);
        QCOMPARE(window.topologyModel()->device(filter->mapToSource(filter->index(0, 0, filter->index(0, 0))))->address,
                 test::kNic);

        window.filterEdit()->setText(u"xhci"_s);  // driver
        QCOMPARE(filter->rowCount(), 1);
        QCOMPARE(members(0), 1);

        window.filterEdit()->setText(u"1234:5678"_s);  // vendor:device IDs
        QCOMPARE(filter->rowCount(), 1);

        window.filterEdit()->setText(u"IOMMU group"_s);  // group titles are not matched themselves
        QCOMPARE(filter->rowCount(), 0);

        window.filterEdit()->clear();
        QCOMPARE(filter->rowCount(), 5);
    }

    void hostWithoutGroupsShowsTheBannerAndOffersADemo() {
        MainWindow window(no_loader);
        window.showTopology(sample_topology(false), kLiveHost);
        window.show();
        QVERIFY(window.iommuBanner()->isVisible());
        QCOMPARE(window.iommuBanner()->kind(), MessageBanner::Kind::Warning);
        QVERIFY(window.iommuBanner()->text().startsWith(u"This host has no IOMMU groups"_s));
        QVERIFY(window.iommuBanner()->findChild<QWidget*>(QString(), Qt::FindDirectChildrenOnly));
        QVERIFY(!window.sourceBanner()->isVisible());

        window.showTopology(sample_topology(), kLiveHost);
        QVERIFY(!window.iommuBanner()->isVisible());
    }

    void demoHostsSayTheyAreNotThisMachine() {
        MainWindow window(no_loader);
        window.showTopology(sample_topology(), {LoadRequest::Kind::Demo, {}, u"intel-z97-haswell"_s});
        window.show();
        QVERIFY(window.sourceBanner()->isVisible());
        QCOMPARE(window.sourceBanner()->text(), u"Demo host: intel-z97-haswell — not this machine"_s);
    }

    void loadsOffTheGuiThread() {
        QThread* loaderThread = nullptr;
        MainWindow window([&](const LoadRequest&) -> LoadResult {
            loaderThread = QThread::currentThread();
            return sample_topology();
        });
        QSignalSpy shown(&window, &MainWindow::topologyShown);
        window.load(kLiveHost);
        QVERIFY(shown.wait());
        QVERIFY(loaderThread && loaderThread != QThread::currentThread());
        QCOMPARE(window.topologyModel()->rowCount(), 5);
        QCOMPARE(window.windowTitle(), u"testbox"_s);
    }

    void aFailedLoadIsSaidInTheBanner() {
        MainWindow window([](const LoadRequest&) -> LoadResult {
            return std::unexpected(u"There is no PCI bus under /nonexistent/sys."_s);
        });
        window.show();
        QSignalSpy failed(&window, &MainWindow::loadFailed);
        window.load(kLiveHost);
        QVERIFY(failed.wait());
        QCOMPARE(window.iommuBanner()->kind(), MessageBanner::Kind::Error);
        QCOMPARE(window.iommuBanner()->text(), u"There is no PCI bus under /nonexistent/sys."_s);
        QCOMPARE(window.topologyModel()->rowCount(), 0);
    }
};

QTEST_MAIN(MainWindowTest)
#include "tst_main_window.moc"
