// With a German system locale (LANG=de_DE.UTF-8, set by CTest) the GUI speaks German, plural
// forms included; the compiled .qm files are embedded in the binary. A French locale gets the
// French translation, both given explicitly and as the system locale (gui-tst_translation-fr runs
// frenchSystemLocaleIsPicked with LANG=fr_FR.UTF-8 LANGUAGE=fr).
#include <QApplication>
#include <QMenuBar>
#include <QTranslator>
#include <QTreeWidgetItem>
#include <QtTest>

#include "app_translator.hpp"
#include "device_details.hpp"
#include "load_topology.hpp"
#include "main_window.hpp"
#include <QTabWidget>
#include "message_banner.hpp"
#include "sample_topology.hpp"
#include "text/message.hpp"
#include "topology_model.hpp"

using namespace Qt::StringLiterals;
using namespace isola::gui;

namespace {

// Removes every translator install_translators() installed (they are children of the app), so a
// test can switch languages.
void remove_translators() {
    for (auto* translator : qApp->findChildren<QTranslator*>(Qt::FindDirectChildrenOnly)) {
        QCoreApplication::removeTranslator(translator);
        delete translator;
    }
}

QStringList menu_titles(const MainWindow& window) {
    QStringList titles;
    for (const auto* action : window.menuBar()->actions()) titles << action->text();
    return titles;
}

// The French strings of the window over the sample topology, shown as a demo host.
void verify_french_window() {
    TopologyModel model;
    model.setTopology(test::sample_topology());
    QCOMPARE(model.headerData(TopologyModel::DriverColumn, Qt::Horizontal).toString(), u"Pilote"_s);
    QCOMPARE(model.index(0, 0).data().toString(), u"Groupe IOMMU 1 — 3 périphériques"_s);
    QCOMPARE(model.index(1, 0).data().toString(), u"Groupe IOMMU 14 — 1 périphérique"_s);

    MainWindow window([](const LoadRequest&) -> LoadResult { return std::unexpected(QString()); });
    window.showTopology(test::sample_topology(), {LoadRequest::Kind::Demo, {}, u"intel-z97-haswell"_s});
    QCOMPARE(window.windowTitle(), u"Hôte de démonstration intel-z97-haswell"_s);
    QCOMPARE(menu_titles(window), (QStringList{u"&Fichier"_s, u"&Affichage"_s, u"&Plan"_s, u"&Aide"_s}));
    QCOMPARE(window.views()->tabText(0), u"&Graphe"_s);
    QCOMPARE(window.sidePanels()->tabText(0), u"&Inspecteur"_s);
    // French typography: a non-breaking space (U+00A0) before the colon.
    QCOMPARE(window.sourceBanner()->text(), u"Hôte de démonstration\u00a0: intel-z97-haswell — pas cette machine"_s);
    QVERIFY(window.selectDevice(test::kNic));
    QCOMPARE(window.details()->row(u"Groupe IOMMU"_s)->text(1), u"14 (1 périphérique)"_s);
}

}  // namespace

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

    // The core's sentences reach the window in the same language: a source the core refuses
    // (here a snapshot that is not there) is said in German in the banner, from the core's catalog.
    void coreRefusalIsShownInGerman() {
        isola::bind_message_catalog(ISOLA_BUILD_LOCALEDIR);
        MainWindow window(isola::gui::load_topology);
        window.show();
        QSignalSpy failed(&window, &MainWindow::loadFailed);
        window.load({LoadRequest::Kind::Snapshot, {}, u"/nonexistent/host.json"_s});
        QVERIFY(failed.wait());
        QCOMPARE(window.iommuBanner()->kind(), MessageBanner::Kind::Error);
        QCOMPARE(window.iommuBanner()->text(),
                 u"Kann den Snapshot /nonexistent/host.json nicht lesen: diese Datei gibt es nicht"_s);
    }

    // Any French locale picks isola_fr (fr_FR, and through its language fr_CA or fr_BE).
    void frenchLocaleIsPicked_data() {
        QTest::addColumn<QString>("locale");
        for (const auto* name : {"fr_FR", "fr_CA", "fr_BE"}) QTest::newRow(name) << QString::fromLatin1(name);
    }

    void frenchLocaleIsPicked() {
        QFETCH(QString, locale);
        remove_translators();
        QVERIFY(install_translators(*qApp, QLocale(locale)));
        verify_french_window();
    }

    // Run by gui-tst_translation-fr, whose environment makes the system locale French.
    void frenchSystemLocaleIsPicked() {
        if (QLocale::system().language() != QLocale::French)
            QSKIP("needs a French system locale (gui-tst_translation-fr)");
        remove_translators();
        QVERIFY(install_translators(*qApp, QLocale::system()));
        verify_french_window();
    }

    void cleanupTestCase() { remove_translators(); }
};

QTEST_MAIN(TranslationTest)
#include "tst_translation.moc"
