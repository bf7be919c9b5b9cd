// The graph view and plan mode of the main window over hand-built topologies: one card per shown
// node and one box per group, hovering tints the group-mates, one selection for graph and table,
// search dims the others, bridges hidden and VFs collapsed and expanded on request, and a plan's
// sentences (core's) with its whole-group effect in the graph. Also writes screenshots of the
// scene, light and dark, at 200 % (HiDPI) into the build tree for people to look at.
#include <QApplication>
#include <QDir>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QPainter>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTreeView>
#include <QtTest>

#include <QCheckBox>
#include <QDragEnterEvent>
#include <QMimeData>
#include <QPushButton>
#include <QStatusBar>
#include <QUrl>
#include <QTreeWidgetItem>

#include <filesystem>
#include <fstream>

#include "app_translator.hpp"
#include "explain/explain_groups.hpp"
#include "helper_config_reads.hpp"
#include "fixture_lab.hpp"
#include "host_changes_panel.hpp"
#include "host_watcher.hpp"
#include "load_topology.hpp"
#include "dark_palette.hpp"
#include "device_details.hpp"
#include "device_filter_model.hpp"
#include "export_dialog.hpp"
#include "review_panel.hpp"
#include "graph/graph_layout.hpp"
#include "graph/plan_overlay.hpp"
#include "graph_items.hpp"
#include "graph_panel.hpp"
#include "graph_scene.hpp"
#include "graph_view.hpp"
#include "main_window.hpp"
#include "message_banner.hpp"
#include "plan_panel.hpp"
#include "sample_topology.hpp"
#include "topology_model.hpp"

using namespace Qt::StringLiterals;
using namespace isola;
using namespace isola::gui;

namespace {

LoadResult no_loader(const LoadRequest&) { return std::unexpected(u"no loader in this test"_s); }
const LoadRequest kLiveHost{};

// Shows `topology` and waits until its graph is laid out and drawn.
bool show_and_wait(MainWindow& window, Topology topology) {
    QSignalSpy shown(window.graph(), &GraphPanel::layoutShown);
    window.showTopology(std::move(topology), kLiveHost);
    return shown.wait(20000) || !shown.isEmpty();
}

bool wait_for_layout(MainWindow& window) {
    QSignalSpy shown(window.graph(), &GraphPanel::layoutShown);
    return shown.wait(20000);
}

DeviceCardItem* card(MainWindow& w, const Bdf& b) { return w.graph()->scene()->cardFor(b); }

// The scene drawn at `scale` device pixels per point, as a 200 % screen shows it.
QImage render_scene(GraphScene* scene, double scale, const QPalette& palette) {
    const QRectF r = scene->sceneRect();
    QImage image((r.size() * scale).toSize(), QImage::Format_ARGB32_Premultiplied);
    image.fill(palette.color(QPalette::Window));
    QPainter p(&image);
    p.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    scene->render(&p, QRectF(QPointF(0, 0), r.size() * scale), r);
    return image;
}

}  // namespace

class GraphViewTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { install_translators(*qApp, QLocale(QLocale::English, QLocale::UnitedStates)); }

    void oneCardPerNodeAndOneBoxPerGroup() {
        MainWindow window(no_loader);
        QVERIFY(show_and_wait(window, test::sample_topology()));
        const Topology t = test::sample_topology();
        const auto layout = layout_graph(t, graph_options_for(t));
        QVERIFY(layout.has_value());
        auto* scene = window.graph()->scene();
        QCOMPARE(scene->cards().size(), layout->nodes.size());
        // Every function, and a root complex for each bus whose functions have no parent bridge
        // (00, and 03 to 07: the sample leaves those devices' upstream ports out).
        QCOMPARE(scene->cards().size(), t.devices().size() + 6);
        QCOMPARE(scene->clusters().size(), t.groups().size());
        // The GPU's card says what it is, where, on which driver, and what the host uses it for.
        auto* gpu = card(window, test::kGpu);
        QVERIFY(gpu);
        QCOMPARE(gpu->text().title, u"AMD Navi 31 [Radeon RX 7900 XT]"_s);
        QCOMPARE(gpu->text().subtitle, u"0000:01:00.0 · 1002:744c"_s);
        QCOMPARE(gpu->text().driver, u"amdgpu"_s);
        QCOMPARE(gpu->text().badges.size(), 1u);
        QCOMPARE(gpu->text().badges[0].text, u"console"_s);
        QVERIFY(gpu->text().badges[0].critical);
        QCOMPARE(card(window, test::kNic)->text().badges[0].text, u"default route"_s);
        QCOMPARE(card(window, test::kNvme)->text().badges[0].text, u"/"_s);
        QCOMPARE(card(window, test::kUsb)->text().badges[0].text, u"keyboard"_s);
        QCOMPARE(card(window, test::kRootPort)->text().subtitle, u"0000:00:01.0 · bridge"_s);
        QCOMPARE(card(window, test::kUnknownDriver)->text().driver, u"driver unknown"_s);
        QCOMPARE(card(window, test::kUnnamed)->text().driver, u"no driver"_s);
        // Each card lies inside its group's box.
        for (auto* c : scene->cards()) {
            if (!c->node().group) continue;
            auto* box = scene->clusterFor(*c->node().group);
            QVERIFY(box);
            QVERIFY(box->boundingRect().contains(c->boundingRect().adjusted(3, 3, -3, -3)));
        }
        QCOMPARE(window.graph()->view()->legend()->entries(),
                 (QStringList{u"viable: free for VFIO"_s, u"mixed: partly on vfio-pci"_s, u"in use by the host"_s,
                              u"on host drivers"_s, u"in the plan"_s, u"no-IOMMU: no isolation"_s}));
    }

    void hoveringACardTintsItsGroupMates() {
        MainWindow window(no_loader);
        QVERIFY(show_and_wait(window, test::sample_topology()));
        auto* gpu = card(window, test::kGpu);
        Q_EMIT gpu->hovered(gpu, true);
        QVERIFY(card(window, test::kGpuAudio)->mateHighlight());
        QVERIFY(card(window, test::kRootPort)->mateHighlight());  // group 1 too
        QVERIFY(!card(window, test::kNic)->mateHighlight());
        QVERIFY(window.graph()->scene()->clusterFor(1)->mateHighlight());
        QVERIFY(!window.graph()->scene()->clusterFor(14)->mateHighlight());
        Q_EMIT gpu->hovered(gpu, false);
        QVERIFY(!card(window, test::kGpuAudio)->mateHighlight());
    }

    void graphAndTableShareOneSelection() {
        MainWindow window(no_loader);
        QVERIFY(show_and_wait(window, test::sample_topology()));
        // Graph -> table and inspector.
        card(window, test::kNic)->setSelected(true);
        QCOMPARE(window.details()->shownDevice(), test::kNic);
        const QModelIndex current = window.deviceView()->currentIndex();
        QCOMPARE(window.topologyModel()->device(window.filterModel()->mapToSource(current))->address, test::kNic);
        // Table -> graph.
        QVERIFY(window.selectDevice(test::kNvme));
        QCOMPARE(window.graph()->scene()->selectedDevice(), test::kNvme);
        QVERIFY(card(window, test::kNvme)->isSelected());
        QVERIFY(!card(window, test::kNic)->isSelected());
    }

    void arrowKeysMoveTheSelectionBetweenCards() {
        MainWindow window(no_loader);
        QVERIFY(show_and_wait(window, test::sample_topology()));
        auto* view = window.graph()->view();
        QVERIFY(view->moveSelection(Qt::Key_Down));  // nothing selected: the first card
        const auto first = window.graph()->scene()->selectedDevice();
        QVERIFY(first.has_value());
        int moved = 0;
        for (int key : {Qt::Key_Down, Qt::Key_Right, Qt::Key_Left, Qt::Key_Up})
            if (view->moveSelection(key)) ++moved;
        QVERIFY(moved >= 2);
        QCOMPARE(window.details()->shownDevice(), window.graph()->scene()->selectedDevice());
    }

    void searchDimsEveryCardThatDoesNotMatch() {
        MainWindow window(no_loader);
        QVERIFY(show_and_wait(window, test::sample_topology()));
        window.filterEdit()->setText(u"1002:"_s);  // AMD's vendor ID: the GPU and its audio function
        QVERIFY(!card(window, test::kGpu)->dimmed());
        QVERIFY(!card(window, test::kGpuAudio)->dimmed());
        QVERIFY(card(window, test::kNic)->dimmed());
        window.filterEdit()->setText(u"IGC"_s);  // a driver, any case
        QVERIFY(!card(window, test::kNic)->dimmed());
        QVERIFY(card(window, test::kGpu)->dimmed());
        // Return in the find line selects the first hit in the graph, and the inspector follows.
        Q_EMIT window.filterEdit()->returnPressed();
        QCOMPARE(window.graph()->scene()->selectedDevice(), test::kNic);
        QCOMPARE(window.details()->shownDevice(), test::kNic);
        window.filterEdit()->clear();
        for (auto* c : window.graph()->scene()->cards()) QVERIFY(!c->dimmed());
    }

    void bridgesHideAndVfsCollapseAndExpand() {
        MainWindow window(no_loader);
        QVERIFY(show_and_wait(window, test::sriov_topology(16)));
        auto* scene = window.graph()->scene();
        // Root complex, root port, PF, one summary of 16 VFs.
        QCOMPARE(scene->cards().size(), 4u);
        auto* summary = card(window, Bdf{0, 0x3b, 0x10, 0});
        QVERIFY(summary);
        QCOMPARE(summary->node().kind, GraphNodeKind::VfSummary);
        QCOMPARE(summary->text().title, u"16 virtual functions"_s);
        QCOMPARE(summary->text().driver, u"drivers: ixgbevf 14, vfio-pci 2"_s);
        QCOMPARE(card(window, Bdf{0, 0x3b, 0x11, 7}), summary);  // every VF is on the summary

        window.graph()->setHideBridges(true);
        QVERIFY(wait_for_layout(window));
        QCOMPARE(scene->cards().size(), 3u);
        QVERIFY(!card(window, test::kSriovPort));

        window.graph()->expandVfsOf(test::kPf);  // what a double click on the summary does
        QVERIFY(wait_for_layout(window));
        QCOMPARE(scene->cards().size(), 2u + 16u);
        QVERIFY(card(window, Bdf{0, 0x3b, 0x11, 7}) != card(window, Bdf{0, 0x3b, 0x10, 0}));
        QCOMPARE(scene->clusters().size(), 1u + 16u);
    }

    void theSelectionSurvivesARelayout() {
        MainWindow window(no_loader);
        QVERIFY(show_and_wait(window, test::sample_topology()));
        QVERIFY(window.selectDevice(test::kGpu));
        window.graph()->setHideBridges(true);
        QVERIFY(wait_for_layout(window));
        QCOMPARE(window.graph()->scene()->selectedDevice(), test::kGpu);
        QVERIFY(card(window, test::kGpu)->isSelected());
    }

    void aPlanShowsCoresSentencesAndItsWholeGroupEffect() {
        MainWindow window(no_loader);
        QVERIFY(show_and_wait(window, test::sample_topology()));
        QVERIFY(window.selectDevice(test::kGpu));
        QVERIFY(window.addSelectedToPlan());
        QCOMPARE(window.sidePanels()->currentWidget(), window.planPanel());
        window.planPanel()->setVmName(u"win11"_s);
        QVERIFY(wait_for_layout(window));
        const QString text = window.planPanel()->planText();
        QVERIFY2(text.startsWith(u"Plan: assign 0000:01:00.0 to \"win11\" (legacy backend)\n"_s), qPrintable(text));
        // The console GPU is refused, with core's sentence and remedy.
        QVERIFY2(text.contains(u"Refused: nothing would be changed."_s), qPrintable(text));
        QVERIFY2(text.contains(u"cannot assign 0000:01:00.0 to \"win11\""_s), qPrintable(text));
        QVERIFY2(text.contains(u"What to do: "_s), qPrintable(text));
        // Every member of the group, with what happens to it; the audio function comes along.
        QVERIFY2(text.contains(u"0000:01:00.1 AMD Navi 31 HDMI/DP Audio — moves from snd_hda_intel to vfio-pci (taken along by its group)"_s),
                 qPrintable(text));
        QVERIFY2(text.contains(u"0000:00:01.0 Intel Corporation Raptor Lake PCIe Root Port — stays on pcieport: VFIO leaves a bridge to the host"_s),
                 qPrintable(text));
        // The graph: the GPU outlined as chosen, its group in the plan's colour and highlighted.
        QVERIFY(card(window, test::kGpu)->chosen());
        QVERIFY(!card(window, test::kGpuAudio)->chosen());
        QCOMPARE(window.graph()->scene()->clusterFor(1)->state(), GroupState::Assigned);
        QCOMPARE(window.graph()->scene()->clusterFor(14)->state() == GroupState::Assigned, false);
        // Typing the VM's name re-plans (its sentences name it) but lays nothing out: only an
        // exported picture's title holds the name.
        QSignalSpy relaid(window.graph(), &GraphPanel::layoutShown);
        window.planPanel()->setVmName(u"win12"_s);
        QTest::qWait(300);
        QCOMPARE(relaid.size(), 0);
        QVERIFY(window.planPanel()->planText().startsWith(u"Plan: assign 0000:01:00.0 to \"win12\""_s));
        QVERIFY(window.graph()->currentOptions().title.ends_with("for \"win12\""));

        // A device that can go: the unnamed one in group 17 shares it with the Realtek NIC.
        window.planPanel()->clearDevices();
        QVERIFY(wait_for_layout(window));
        QVERIFY(!card(window, test::kGpu)->chosen());
        QVERIFY(window.planPanel()->addDevice(test::kUnnamed));
        QVERIFY(wait_for_layout(window));
        QVERIFY(!window.planPanel()->planText().contains(u"Refused"_s));
        QVERIFY(!window.planPanel()->addDevice(Bdf{0, 0x42, 0, 0}));  // not on this host
        // This host (the sample is a live host's topology): a plan that is not refused can be applied.
        QVERIFY(window.planPanel()->applyButton()->isEnabled());
    }

    // The export dialog previews exactly what core's export_config() renders, for every format.
    void theExportDialogPreviewsCoresConfigurationLive() {
        MainWindow window(no_loader);
        QVERIFY(show_and_wait(window, test::sample_topology()));
        QCOMPARE(window.openExportDialog(), nullptr);  // nothing chosen yet
        QVERIFY(window.planPanel()->addDevice(test::kUnnamed));
        ExportDialog* dialog = window.openExportDialog();
        QVERIFY(dialog);
        const Topology& t = window.topologyModel()->topology();
        const std::vector<Bdf> chosen{test::kUnnamed};
        for (ExportFormat f : all_export_formats()) {
            dialog->setFormat(f);
            auto expected = export_config(t, chosen, f, {});
            if (expected) {
                QCOMPARE(dialog->previewText(), QString::fromStdString(expected->text));
                QVERIFY(!dialog->previewText().isEmpty());
            } else {
                QCOMPARE(dialog->previewText(), QString());
                QCOMPARE(dialog->warningText(), QString::fromStdString(expected.error().sentence));
            }
        }
        dialog->setFormat(ExportFormat::QemuArgs);
        dialog->iommufdBox()->setChecked(true);
        QVERIFY2(dialog->previewText().contains(u"iommufd"_s), qPrintable(dialog->previewText()));
        // The whole group: the Realtek NIC in group 17 comes along, and a warning says so.
        QVERIFY2(dialog->previewText().contains(u"07:00.0"_s), qPrintable(dialog->previewText()));
        const QString file = QDir::tempPath() + u"/isola-export-"_s + QString::number(::getpid()) + u".txt"_s;
        QCOMPARE(dialog->saveTo(file), std::nullopt);
        QFile saved(file);
        QVERIFY(saved.open(QIODevice::ReadOnly));
        QCOMPARE(QString::fromUtf8(saved.readAll()), dialog->previewText());
        QFile::remove(file);
    }

    // The review: core's findings, filtered by severity; a finding selects its devices.
    void aReviewFindingSelectsItsDevices() {
        MainWindow window(no_loader);
        QSignalSpy reviewed(window.reviewPanel(), &ReviewPanel::reviewed);
        QVERIFY(show_and_wait(window, test::sample_topology()));
        QVERIFY(!reviewed.isEmpty() || reviewed.wait(10000));
        const Review expected = review_host(window.topologyModel()->topology());
        QStringList all;
        for (const auto& f : expected.findings) all << QString::fromStdString(f.sentence);
        QVERIFY(!all.isEmpty());
        QCOMPARE(window.reviewPanel()->shownSentences(), all);
        window.reviewPanel()->setSeverityFilter(Severity::Blocker);
        QStringList blockers;
        for (const auto& f : expected.findings)
            if (f.severity == Severity::Blocker) blockers << QString::fromStdString(f.sentence);
        QCOMPARE(window.reviewPanel()->shownSentences(), blockers);
        window.reviewPanel()->setSeverityFilter(std::nullopt);
        // The first finding that names devices: its first is selected, all are tinted.
        int row = 0;
        while (row < static_cast<int>(expected.findings.size()) && expected.findings[static_cast<std::size_t>(row)].devices.empty()) ++row;
        QVERIFY(row < static_cast<int>(expected.findings.size()));
        const auto& finding = expected.findings[static_cast<std::size_t>(row)];
        QVERIFY(window.reviewPanel()->chooseFinding(row));
        QCOMPARE(window.details()->shownDevice(), finding.devices.front());
        QCOMPARE(window.graph()->scene()->selectedDevice(), finding.devices.front());
        for (const Bdf& b : finding.devices) QVERIFY(card(window, b)->mateHighlight());
        const QString file = QDir::tempPath() + u"/isola-review-"_s + QString::number(::getpid()) + u".html"_s;
        QCOMPARE(window.reviewPanel()->saveHtml(file), std::nullopt);
        QFile html(file);
        QVERIFY(html.open(QIODevice::ReadOnly));
        QCOMPARE(html.readAll(), QByteArray::fromStdString(render_review_html(*window.reviewPanel()->current())));
        QFile::remove(file);
    }

    // The Changes tab reads what Isola changed on the host shown; a demo host has nothing.
    void theChangesTabSaysWhatIsolaChangedAndWhatIsUnfinished() {
        MainWindow demo(no_loader);
        demo.showTopology(test::sample_topology(), {LoadRequest::Kind::Demo, {}, u"sample"_s});
        QCOMPARE(demo.hostChanges()->lines(), QStringList{u"This source describes another machine: Isola changes nothing on it."_s});

        const std::filesystem::path root = std::filesystem::temp_directory_path() / ("isola-gui-changes-" + std::to_string(::getpid()));
        std::filesystem::remove_all(root);
        std::filesystem::create_directories(root / "var/lib/isola");
        std::ofstream(root / "var/lib/isola/persist-journal.json") << "{}";
        MainWindow window(no_loader);
        window.showTopology(test::sample_topology(), {LoadRequest::Kind::LiveHost, HostRoots::under(root), {}});
        QVERIFY(window.hostChanges()->unfinished());
        QCOMPARE(window.hostChanges()->lines(),
                 (QStringList{u"Isola has moved no device on this host."_s,
                              u"A change of the boot-time binding was interrupted; Put Back Interrupted Change puts its files "
                              "back, as Unpersist All and Persist do first."_s}));
        // The one thing to do then is offered on its own; nothing was moved or persisted to undo.
        QVERIFY(!window.hostChanges()->recoverButton()->isHidden());
        QCOMPARE(window.hostChanges()->recoverButton()->text(), u"&Put Back Interrupted Change"_s);
        std::filesystem::remove_all(root);
        window.showTopology(test::sample_topology(), {LoadRequest::Kind::LiveHost, HostRoots::under(root), {}});
        QVERIFY(window.hostChanges()->recoverButton()->isHidden());
    }

    void aDemoHostCannotBeChangedAndTheButtonsSayWhy() {
        MainWindow window(no_loader);
        QSignalSpy shown(window.graph(), &GraphPanel::layoutShown);
        window.showTopology(test::sample_topology(), {LoadRequest::Kind::Demo, {}, u"sample"_s});
        QVERIFY(window.selectDevice(test::kUnnamed));
        QVERIFY(window.addSelectedToPlan());
        QVERIFY(!window.planPanel()->applyButton()->isEnabled());
        QCOMPARE(window.planPanel()->applyButton()->whatsThis(),
                 u"A demo host, a snapshot or a listing describes another machine and cannot be changed from here."_s);
        QVERIFY(!window.planPanel()->run(HelperChanges::Verb::Apply));
        QVERIFY(!window.planPanel()->changes()->running());
    }

    void theInspectorSaysWhyTheDevicesShareTheirGroup() {
        MainWindow window(no_loader);
        QSignalSpy explained(&window, &MainWindow::explanationsShown);
        QVERIFY(show_and_wait(window, test::sample_topology()));
        QVERIFY(!explained.isEmpty() || explained.wait(10000));  // worked out off the GUI thread
        QVERIFY(window.selectDevice(test::kGpu));
        const auto explanations = explain_groups(window.topologyModel()->topology());
        auto group1 = std::ranges::find(explanations, GroupId{1}, &GroupExplanation::group);
        QVERIFY(group1 != explanations.end());
        // One row per member, each holding core's sentence for it.
        for (const GroupReason& r : group1->reasons) {
            auto* row = window.details()->row(QString::fromStdString(r.device.str()));
            QVERIFY2(row, r.device.str().c_str());
            QCOMPARE(row->text(1), QString::fromStdString(r.sentence));
            QVERIFY(!row->text(1).isEmpty());
        }
        QCOMPARE(window.details()->row(u"0000:01:00.1"_s)->parent()->text(0), u"Why are these devices in one group?"_s);
    }

    // Not root on a live host, ACS unknown: the inspector offers the helper's full read of exactly
    // the functions the group's explanation needs. The helper's answer (handed to the window here as
    // its KAuth calls would; helper.e2e step 13 makes them for real) is laid over the host, kept
    // through a re-read, and the explanation is worked out again; a failed read changes nothing.
    void aFullReadThroughTheHelperSettlesTheGroupsExplanation() {
        MainWindow window(no_loader);
        window.setPrivileged(false);
        QSignalSpy explained(&window, &MainWindow::explanationsShown);
        QVERIFY(show_and_wait(window, test::sample_topology()));
        QVERIFY(!explained.isEmpty() || explained.wait(10000));
        window.planPanel()->addDevice(test::kGpu);
        QVERIFY(window.selectDevice(test::kGpu));
        DeviceDetails* details = window.details();
        QVERIFY(details->fullReadShown());
        const QString offer = u"This group's explanation needs ACS and PCIe facts that only root can read, from 3 "
                              "functions: 0000:00:01.0, 0000:01:00.0, 0000:01:00.1. Isola's helper can read their full "
                              "configuration space; an administrator's password is asked once per session."_s;
        QCOMPARE(details->fullReadText()->text(), offer);
        QSignalSpy asked(details, &DeviceDetails::fullReadRequested);
        details->fullReadButton()->click();
        QCOMPARE(asked.size(), 1);
        QCOMPARE(asked.front().front().value<std::vector<Bdf>>(), (std::vector{test::kRootPort, test::kGpu, test::kGpuAudio}));
        window.configReads()->cancel();  // no helper in this test: stop the real call, answer below
        QVERIFY(!window.configReads()->running());

        // The port answers: a root port with the four ACS controls the kernel needs.
        const ConfigFacts port{.header_type = Fact<std::uint8_t>::known(1), .multifunction = Fact<bool>::known(false),
                               .port_type = Fact<PortType>::known(PortType::RootPort),
                               .acs = Fact<std::optional<AcsCapability>>::known(AcsCapability{0x005f, 0x001d}),
                               .has_sriov_capability = false, .readable = true};
        explained.clear();
        Q_EMIT window.configReads()->finished({.facts = {{test::kRootPort, port}}, .failure = {}});
        QVERIFY(!explained.isEmpty() || explained.wait(10000));
        const Topology& shown = window.topologyModel()->topology();
        QCOMPARE(shown.find(test::kRootPort)->acs, port.acs);
        QCOMPARE(shown.find(test::kRootPort)->port_type, port.port_type);
        QCOMPARE(window.selectedDevice(), std::optional(test::kGpu));  // the person keeps their place
        QCOMPARE(window.planPanel()->chosen(), std::set{test::kGpu});
        QCOMPARE(details->row(u"ACS"_s)->text(1), u"unknown — config space past 64 bytes needs root"_s);
        QVERIFY(details->fullReadText()->text().contains(u"from 2 functions: 0000:01:00.0, 0000:01:00.1."_s));
        const auto explanations = explain_groups(shown);
        const auto group1 = std::ranges::find(explanations, GroupId{1}, &GroupExplanation::group);
        QVERIFY(group1 != explanations.end());
        const auto gpu = std::ranges::find(group1->reasons, test::kGpu, &GroupReason::device);
        QVERIFY(gpu != group1->reasons.end());
        QCOMPARE(window.details()->row(u"0000:01:00.0"_s)->text(1), QString::fromStdString(gpu->sentence));

        // A refusal: said under the offer, nothing else changes.
        const QString denied = u"Isola's helper was not authorised to read the configuration of 0000:01:00.0 (polkit "
                               "denied org.kde.isola.helper.readconfig); ask an administrator or run the scan as root."_s;
        Q_EMIT window.configReads()->finished({.facts = {}, .failure = denied});
        QVERIFY(details->fullReadText()->text().endsWith(u"\n\n"_s + denied));
        QVERIFY(details->fullReadButton()->isEnabled());
        QCOMPARE(window.topologyModel()->topology().find(test::kRootPort)->acs, port.acs);

        // The same host read again keeps what the helper read; another source forgets it.
        window.showTopology(test::sample_topology(), kLiveHost);
        QCOMPARE(window.topologyModel()->topology().find(test::kRootPort)->acs, port.acs);
        window.showTopology(test::sample_topology(), {LoadRequest::Kind::Demo, {}, u"b550"_s});
        QVERIFY(!window.topologyModel()->topology().find(test::kRootPort)->acs);
        QVERIFY(window.selectDevice(test::kGpu));
        QVERIFY(!details->fullReadShown());  // a demo host is not this machine
        // As root the reader already read everything the helper could.
        window.showTopology(test::sample_topology(), kLiveHost);
        window.setPrivileged(true);
        QVERIFY(window.selectDevice(test::kGpu));
        QVERIFY(!details->fullReadShown());
    }

    // A fixture host read as the live host: a driver changes, the kernel's uevent comes (here
    // handed to the watcher as the socket would), and the window shows the new driver without
    // losing the selection or the plan.
    void aDriverChangeOnTheHostIsShownKeepingSelectionAndPlan() {
        const std::filesystem::path root = std::filesystem::temp_directory_path() / ("isola-gui-follow-" + std::to_string(::getpid()));
        std::filesystem::remove_all(root);
        std::ifstream in(std::string(ISOLA_FIXTURE_MACHINES_DIR) + "/edge-workstation.json");
        const std::string spec_text{std::istreambuf_iterator<char>(in), {}};
        auto spec = lab::parse_machine_spec(spec_text);
        QVERIFY(spec.has_value());
        lab::write_fixture(*spec, root);
        MainWindow window(load_topology);
        QSignalSpy shown(&window, &MainWindow::topologyShown);
        LoadRequest live{LoadRequest::Kind::LiveHost, HostRoots::under(root), {}};
        window.load(live);
        QVERIFY(shown.wait(20000));
        QVERIFY(wait_for_layout(window) || !window.graph()->layingOut());
        const Bdf nic = *Bdf::parse("0000:04:00.0");
        const Bdf sata = *Bdf::parse("0000:00:17.0");
        QVERIFY(window.selectDevice(nic));
        QVERIFY(window.planPanel()->addDevice(sata));
        QCOMPARE(card(window, nic)->text().driver, u"igb"_s);

        // igb lets go of the NIC, as an unbind does.
        std::filesystem::remove(root / "sys/bus/pci/devices/0000:04:00.0/driver");
        window.hostWatcher()->setSettleTime(20);
        QElapsedTimer clock;
        clock.start();
        QVERIFY(!window.hostWatcher()->handleUevent("add@/module/igb\0ACTION=add\0SUBSYSTEM=module\0"_ba));
        QVERIFY(window.hostWatcher()->handleUevent(
            "unbind@/devices/pci0000:00/0000:00:1c.4/0000:04:00.0\0ACTION=unbind\0DEVPATH=/devices/pci0000:00/0000:00:1c.4/0000:04:00.0\0SUBSYSTEM=pci\0"_ba));
        QVERIFY(shown.wait(5000));
        QSignalSpy laid(window.graph(), &GraphPanel::layoutShown);
        QVERIFY(laid.wait(5000));
        const qint64 ms = clock.elapsed();
        qInfo("uevent to redrawn graph: %lld ms", static_cast<long long>(ms));
        QVERIFY(ms < 1000);
        QCOMPARE(card(window, nic)->text().driver, u"no driver"_s);
        QCOMPARE(window.details()->shownDevice(), nic);
        QCOMPARE(window.graph()->scene()->selectedDevice(), nic);
        QCOMPARE(window.planPanel()->chosen(), (std::set<Bdf>{sata}));
        std::filesystem::remove_all(root);
    }

    // The real socket: as root, writing "change" to a PCI device's uevent file makes the kernel
    // send a uevent (harmless: nothing is bound or unbound), which the watcher must hear.
    void theKernelsUeventReachesTheWatcher() {
        if (::geteuid() != 0) QSKIP("needs root to ask the kernel for a uevent");
        QDir devices(u"/sys/bus/pci/devices"_s);
        const QStringList all = devices.entryList(QDir::Dirs | QDir::NoDotAndDotDot);
        if (all.isEmpty()) QSKIP("this machine has no PCI devices");
        HostWatcher watcher;
        QVERIFY2(watcher.start(), qPrintable(watcher.why()));
        watcher.setSettleTime(10);
        QSignalSpy changed(&watcher, &HostWatcher::hostChanged);
        std::ofstream((u"/sys/bus/pci/devices/"_s + all.front() + u"/uevent"_s).toStdString()) << "change\n";
        QVERIFY(changed.wait(3000));
    }

    // File menu: paste or drop a listing, save a snapshot and read it back, export the graph.
    void aListingIsPastedOrDroppedAndTheHostSavedAndExported() {
        QFile listing(QStringLiteral(ISOLA_TEST_DATA) + u"/real-world/01_amd-b550-aorus-pro_gpu-in-chipset-group.txt"_s);
        QVERIFY(listing.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(listing.readAll());
        MainWindow window(load_topology);
        QSignalSpy shown(&window, &MainWindow::topologyShown);
        window.showPastedListing(text);
        QVERIFY(shown.wait(20000));
        QCOMPARE(window.topologyModel()->topology().devices().size(), 40u);
        QVERIFY(window.sourceBanner()->isVisibleTo(&window));
        QVERIFY(window.sourceBanner()->text().startsWith(u"Listing pasted text — not this machine."_s));

        // Dropped as text: the same import.
        QMimeData mime;
        mime.setText(text);
        QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(&window, &enter);
        QVERIFY(enter.isAccepted());
        QDropEvent drop(QPointF(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(&window, &drop);
        QVERIFY(drop.isAccepted());
        QVERIFY(shown.wait(20000));
        QCOMPARE(window.topologyModel()->topology().groups().size(), 25u);

        const QString dir = QDir::tempPath() + u"/isola-gui-files-"_s + QString::number(::getpid());
        QDir().mkpath(dir);
        QCOMPARE(window.saveSnapshot(dir + u"/host.json"_s), std::nullopt);
        QVERIFY(wait_for_layout(window) || !window.graph()->layingOut());
        for (const char* name : {"graph.svg", "graph.png", "graph.dot"})
            QCOMPARE(window.exportGraph(dir + u'/' + QLatin1String(name)), std::nullopt);
        QFile png(dir + u"/graph.png"_s);
        QVERIFY(png.open(QIODevice::ReadOnly));
        QCOMPARE(png.read(8), QByteArray("\x89PNG\r\n\x1a\n", 8));
        QFile svg(dir + u"/graph.svg"_s);
        QVERIFY(svg.open(QIODevice::ReadOnly));
        QVERIFY(svg.readAll().contains("<svg"));
        QCOMPARE(window.exportGraph(dir + u"/graph.jpeg"_s),
                 std::optional<QString>(u"Cannot tell the picture format of graph.jpeg: name it .svg, .png or .dot."_s));
        QVERIFY(window.exportGraph(u"/nonexistent-dir/graph.svg"_s)->startsWith(u"Cannot write /nonexistent-dir/graph.svg: "_s));

        // The snapshot reads back as the same host; dropped as a file, it opens as a snapshot.
        QMimeData file;
        file.setUrls({QUrl::fromLocalFile(dir + u"/host.json"_s)});
        QDragEnterEvent enterFile(QPoint(10, 10), Qt::CopyAction, &file, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(&window, &enterFile);
        QDropEvent dropFile(QPointF(10, 10), Qt::CopyAction, &file, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(&window, &dropFile);
        QVERIFY(shown.wait(20000));
        QCOMPARE(window.topologyModel()->topology().devices().size(), 40u);
        QVERIFY(window.sourceBanner()->text().startsWith(u"Snapshot host.json"_s));
        QDir(dir).removeRecursively();
    }

    void scenesAreWrittenAsScreenshotsLightAndDarkAtTwoHundredPercent() {
        const QString dir = QDir::currentPath() + u"/screenshots"_s;
        QDir().mkpath(dir);
        const QPalette light = QApplication::palette();
        for (bool dark : {false, true}) {
            // As isola --dark does it: the application's palette, which every widget and the scene follow.
            QApplication::setPalette(dark ? dark_palette() : light);
            MainWindow window(no_loader);
            QVERIFY(show_and_wait(window, test::sample_topology()));
            QVERIFY(window.selectDevice(test::kGpu));
            window.addSelectedToPlan();
            QVERIFY(wait_for_layout(window));
            const QImage image = render_scene(window.graph()->scene(), 2.0, window.palette());
            QVERIFY(image.width() > 400);
            const QString file = dir + (dark ? u"/graph-sample-dark@2x.png"_s : u"/graph-sample-light@2x.png"_s);
            QVERIFY(image.save(file));
            qInfo("wrote %s (%dx%d)", qPrintable(file), image.width(), image.height());
            // The scene follows the palette: a card's background is the palette's base colour.
            auto* unnamed = card(window, test::kUnnamed);
            const QPointF inside = (unnamed->boundingRect().topLeft() + QPointF(12, 30) - window.graph()->scene()->sceneRect().topLeft()) * 2.0;
            QCOMPARE(QColor(image.pixel(inside.toPoint())).lightnessF() < 0.5, dark);
        }
        QApplication::setPalette(light);
    }

    // The whole window as people see it: a demo host and a fixture-lab host with its bus tree, the
    // graph with a plan and the table, light and dark.
    void windowsAreWrittenAsScreenshots() {
        const QString dir = QDir::currentPath() + u"/screenshots"_s;
        QDir().mkpath(dir);
        const std::filesystem::path root = std::filesystem::temp_directory_path() / ("isola-gui-shot-" + std::to_string(::getpid()));
        std::filesystem::remove_all(root);
        std::ifstream in(std::string(ISOLA_FIXTURE_MACHINES_DIR) + "/edge-workstation.json");
        auto spec = lab::parse_machine_spec(std::string{std::istreambuf_iterator<char>(in), {}});
        QVERIFY(spec.has_value());
        lab::write_fixture(*spec, root);
        const QPalette light = QApplication::palette();
        struct Shot {
            const char* name;
            LoadRequest request;
            const char* select;
            bool dark;
            bool table;
        };
        const Shot shots[] = {
            {"window-demo-light", {LoadRequest::Kind::Demo, {}, u"raptorlake-sriov-plx-switch"_s}, "0000:01:00.0", false, false},
            {"window-demo-dark", {LoadRequest::Kind::Demo, {}, u"raptorlake-sriov-plx-switch"_s}, "0000:01:00.0", true, false},
            {"window-fixture-light", {LoadRequest::Kind::LiveHost, HostRoots::under(root), {}}, "0000:00:17.0", false, false},
            {"window-fixture-table-dark", {LoadRequest::Kind::LiveHost, HostRoots::under(root), {}}, "0000:04:00.0", true, true},
        };
        for (const Shot& shot : shots) {
            QApplication::setPalette(shot.dark ? dark_palette() : light);
            MainWindow window(load_topology);
            window.resize(1500, 900);
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            QSignalSpy shown(&window, &MainWindow::topologyShown);
            window.load(shot.request);
            QVERIFY(shown.wait(20000));
            QVERIFY(wait_for_layout(window) || !window.graph()->layingOut());
            QVERIFY(window.selectDevice(*Bdf::parse(shot.select)));
            window.addSelectedToPlan();
            window.planPanel()->setVmName(u"win11"_s);
            QVERIFY(wait_for_layout(window) || !window.graph()->layingOut());
            if (shot.table) window.views()->setCurrentWidget(window.deviceView());
            window.graph()->view()->fitAll();
            const QString file = dir + u'/' + QLatin1String(shot.name) + u".png"_s;
            QVERIFY(window.grab().save(file));
            qInfo("wrote %s", qPrintable(file));
        }
        QApplication::setPalette(light);
        std::filesystem::remove_all(root);
    }
};

QTEST_MAIN(GraphViewTest)
#include "tst_graph_view.moc"
