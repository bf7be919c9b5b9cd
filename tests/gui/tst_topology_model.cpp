// TopologyModel over a hand-built topology: one row per IOMMU group, the five columns, unknown
// facts shown as unknown, no driver as a dash, and the host-use summaries.
#include <QAbstractItemModelTester>
#include <QApplication>
#include <QPalette>
#include <QtTest>

#include "app_translator.hpp"
#include "sample_topology.hpp"
#include "topology_model.hpp"

using namespace Qt::StringLiterals;
using namespace isola;
using namespace isola::gui;
using isola::gui::test::sample_topology;

class TopologyModelTest : public QObject {
    Q_OBJECT

    static QString cell(const TopologyModel& m, const Bdf& bdf, int column, int role = Qt::DisplayRole) {
        return m.indexOf(bdf, column).data(role).toString();
    }

private Q_SLOTS:
    void initTestCase() { install_translators(*qApp, QLocale(QLocale::English, QLocale::UnitedStates)); }

    void passesModelTester() {
        TopologyModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setTopology(sample_topology());
        model.setTopology(sample_topology(false));
    }

    void oneRowPerGroup() {
        TopologyModel model;
        model.setTopology(sample_topology());
        QCOMPARE(model.rowCount(), 5);
        QCOMPARE(model.index(0, 0).data().toString(), u"IOMMU group 1 — 3 devices"_s);
        QCOMPARE(model.rowCount(model.index(0, 0)), 3);
        QCOMPARE(model.index(1, 0).data().toString(), u"IOMMU group 14 — 1 device"_s);
        QCOMPARE(model.index(4, 0).data().toString(), u"IOMMU group 17 — 2 devices"_s);
        QVERIFY(model.index(0, 0).data(TopologyModel::IsGroupRole).toBool());
        QCOMPARE(model.device(model.index(0, 0)), nullptr);
        const auto gpu = model.index(1, 0, model.index(0, 0));
        QVERIFY(!gpu.data(TopologyModel::IsGroupRole).toBool());
        QCOMPARE(model.device(gpu)->address, test::kGpu);
        QCOMPARE(model.parent(gpu), model.index(0, 0));
    }

    void devicesWithoutGroupHaveTheirOwnSection() {
        TopologyModel model;
        model.setTopology(sample_topology(false));
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.index(0, 0).data().toString(), u"No IOMMU group — 8 devices"_s);
        QCOMPARE(model.rowCount(model.index(0, 0)), 8);
    }

    void columns() {
        TopologyModel model;
        model.setTopology(sample_topology());
        QCOMPARE(model.columnCount(), 5);
        const QStringList headers{u"Address"_s, u"Device"_s, u"Class"_s, u"Driver"_s, u"Host use"_s};
        for (int c = 0; c < 5; ++c) QCOMPARE(model.headerData(c, Qt::Horizontal).toString(), headers[c]);

        QCOMPARE(cell(model, test::kGpu, TopologyModel::AddressColumn), u"0000:01:00.0"_s);
        QCOMPARE(cell(model, test::kGpu, TopologyModel::DeviceColumn), u"AMD Navi 31 [Radeon RX 7900 XT]"_s);
        QCOMPARE(cell(model, test::kGpu, TopologyModel::ClassColumn), u"VGA compatible controller"_s);
        QCOMPARE(cell(model, test::kGpu, TopologyModel::DriverColumn), u"amdgpu"_s);
    }

    void namelessDeviceFallsBackToIds() {
        TopologyModel model;
        model.setTopology(sample_topology());
        QCOMPARE(cell(model, test::kUnnamed, TopologyModel::DeviceColumn), u"[1234:5678]"_s);
        QCOMPARE(cell(model, test::kUnnamed, TopologyModel::ClassColumn), u"Class 0880"_s);
    }

    void noDriverIsADashAndUnknownDriverIsUnknown() {
        TopologyModel model;
        model.setTopology(sample_topology());
        QCOMPARE(cell(model, test::kUnnamed, TopologyModel::DriverColumn), u"—"_s);
        QVERIFY(model.indexOf(test::kUnnamed, TopologyModel::DriverColumn).data(TopologyModel::FactKnownRole).toBool());

        const auto unknown = model.indexOf(test::kUnknownDriver, TopologyModel::DriverColumn);
        QCOMPARE(unknown.data().toString(), u"unknown"_s);
        QCOMPARE(unknown.data(TopologyModel::FactKnownRole).toBool(), false);
        QCOMPARE(unknown.data(Qt::ToolTipRole).toString(), u"unknown — not in a pasted listing"_s);
        // Muted through the palette, so it follows light and dark themes.
        QCOMPARE(unknown.data(Qt::ForegroundRole).value<QBrush>().color(),
                 QGuiApplication::palette().color(QPalette::PlaceholderText));
    }

    void hostUse() {
        TopologyModel model;
        model.setTopology(sample_topology());
        const auto use = [&](const Bdf& b) { return cell(model, b, TopologyModel::HostUseColumn); };
        QCOMPARE(use(test::kNic), u"network enp3s0 (default route)"_s);
        QCOMPARE(use(test::kNvme), u"storage nvme0n1 — /"_s);
        QCOMPARE(use(test::kGpu), u"display card0 (console)"_s);
        QCOMPARE(use(test::kUsb), u"USB: keyboard, mouse"_s);
        QCOMPARE(use(test::kGpuAudio), u"sound card1"_s);
        QCOMPARE(use(test::kRootPort), QString());
    }

    void listingsDoNotClaimTheHostUsesNothing() {
        auto t = sample_topology();
        Source listing{SourceKind::Listing, "paste.txt", "iommu-loop", "", false};
        auto devices = t.devices();
        for (auto& d : devices) d.usage = DeviceUsage::unknown("not in a pasted listing");
        TopologyModel model;
        model.setTopology(Topology(listing, t.host(), std::move(devices), t.groups(), {}));
        const auto use = model.indexOf(test::kNic, TopologyModel::HostUseColumn);
        QCOMPARE(use.data().toString(), u"unknown"_s);
        QCOMPARE(use.data(TopologyModel::FactKnownRole).toBool(), false);
    }
};

QTEST_MAIN(TopologyModelTest)
#include "tst_topology_model.moc"
