// With a German system locale (LANG=de_DE.UTF-8, set by CTest) the GUI speaks German, plural
// forms included; the compiled .qm files are embedded in the binary.
#include <QApplication>
#include <QtTest>

#include "app_translator.hpp"
#include "main_window.hpp"
#include "message_banner.hpp"
#include "sample_topology.hpp"
#include "topology_model.hpp"

using namespace Qt::StringLiterals;
using namespace isola::gui;

class TranslationTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void systemLocaleIsGerman() { QCOMPARE(QLocale::system().language(), QLocale::German); }

    void germanStringsAreShown() {
        QVERIFY(install_translators(*qApp, QLocale::system()));
        TopologyModel model;
        model.setTopology(test::sample_topology());
        QCOMPARE(model.headerData(TopologyModel::DriverColumn, Qt::Horizontal).toString(), u"Treiber"_s);
        QCOMPARE(model.index(0, 0).data().toString(), u"IOMMU-Gruppe 1 — 3 Geräte"_s);
        QCOMPARE(model.index(1, 0).data().toString(), u"IOMMU-Gruppe 14 — 1 Gerät"_s);

        MainWindow window([](const LoadRequest&) -> LoadResult { return std::unexpected(QString()); });
        window.showTopology(test::sample_topology(), {LoadRequest::Kind::Demo, {}, u"intel-z97-haswell"_s});
        QCOMPARE(window.sourceBanner()->text(), u"Demo-Host: intel-z97-haswell — nicht dieser Rechner"_s);
    }
};

QTEST_MAIN(TranslationTest)
#include "tst_translation.moc"
