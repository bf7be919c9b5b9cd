// The GUI's plan panel against the real bus-activated helper (run_e2e.sh step 13, as nobody, on
// the fixture host the fixture helper changes): the window reads the fixture as its live host,
// plans 02:01.0 for "win11", applies through KAuth, re-reads the host (the driver is now vfio-pci),
// restores everything, re-reads again. Before that, the inspector's full read: 03:00.0's group rests
// on 00:03.0's ACS, which the script made unreadable to nobody; the helper reads it as root and the
// explanation becomes certain. Prints one line per step for the script to check:
//   full read offered: This group's explanation needs … from 1 function(s): 0000:00:03.0. …
//   why before: The prediction agrees with the kernel, but rests on facts that could not be read (…).
//   full read: done
//   why after: none
//   port acs after: capability 005f, control 001d (SrcValid ReqRedir CmpltRedir UpstreamFwd)
//   offered after: no
//   apply: outcome=done
//   line: 2 devices are now on vfio-pci for "win11": ...
//   after apply: 0000:02:01.0=vfio-pci 0000:02:02.0=vfio-pci
//   restore: outcome=done
//   after restore: 0000:02:01.0=e1000 0000:02:02.0=e1000
#include <QApplication>
#include <QLabel>
#include <QPushButton>
#include <QTreeWidgetItem>
#include <QSignalSpy>
#include <QTimer>

#include <cstdio>

#include "device_details.hpp"
#include "host_changes_panel.hpp"
#include "load_topology.hpp"
#include "main_window.hpp"
#include "plan_panel.hpp"
#include "topology_model.hpp"

using namespace isola;
using namespace isola::gui;

namespace {

bool wait(QSignalSpy& spy, int ms) { return !spy.isEmpty() || spy.wait(ms); }

QString row_text(const MainWindow& window, const QString& label) {
    const QTreeWidgetItem* row = window.details()->row(label);
    return row ? row->text(1) : QStringLiteral("none");
}

// The inspector's "Read Full Configuration Space" for 03:00.0, through the helper's readconfig.
bool full_read(MainWindow& window, QSignalSpy& explained) {
    if (!window.selectDevice(*Bdf::parse("0000:03:00.0"))) return std::printf("full read: 0000:03:00.0 not found\n"), false;
    if (!wait(explained, 30000)) return std::printf("full read: no explanation\n"), false;
    const DeviceDetails* details = window.details();
    if (!details->fullReadShown()) return std::printf("full read: not offered\n"), false;
    const QString offer = details->fullReadText()->text();
    std::printf("full read offered: %s\n", qPrintable(offer));
    std::printf("why before: %s\n", qPrintable(row_text(window, QStringLiteral("The kernel's grouping"))));
    explained.clear();
    QSignalSpy read(window.configReads(), &HelperConfigReads::finished);
    details->fullReadButton()->click();
    if (!wait(read, 60000)) return std::printf("full read: no answer\n"), false;
    const auto outcome = read.front().front().value<ConfigReadOutcome>();
    std::printf("full read: %s\n", outcome.failure.isEmpty() ? "done" : qPrintable(outcome.failure));
    if (!wait(explained, 30000)) return std::printf("full read: not explained again\n"), false;
    std::printf("why after: %s\n", qPrintable(row_text(window, QStringLiteral("The kernel's grouping"))));
    std::printf("acs after: %s\n", qPrintable(row_text(window, QStringLiteral("ACS"))));
    window.selectDevice(*Bdf::parse("0000:00:03.0"));
    std::printf("port acs after: %s\n", qPrintable(row_text(window, QStringLiteral("ACS"))));
    std::printf("offered after: %s\n", !details->fullReadShown() ? "no" : "yes");
    return outcome.failure.isEmpty();
}

void print_drivers(const char* when, const MainWindow& window) {
    std::printf("%s:", when);
    for (const char* b : {"0000:02:01.0", "0000:02:02.0"}) {
        const Device* d = window.topologyModel()->topology().find(*Bdf::parse(b));
        std::printf(" %s=%s", b, d && d->driver ? d->driver->c_str() : "?");
    }
    std::printf("\n");
}

// Runs one verb and prints the helper's answer; waits for the host to be read again after it.
bool run(MainWindow& window, HelperChanges::Verb verb, const char* name) {
    QSignalSpy answered(window.planPanel(), &PlanPanel::answered);
    QSignalSpy shown(&window, &MainWindow::topologyShown);
    if (!window.planPanel()->run(verb)) return std::printf("%s: not started\n", name), false;
    if (!wait(answered, 90000)) return std::printf("%s: no answer\n", name), false;
    const auto outcome = answered.front().front().value<HelperOutcome>();
    std::printf("%s: outcome=%s\n", name, qPrintable(outcome.outcome.isEmpty() ? QStringLiteral("call-failed") : outcome.outcome));
    for (const QString& l : outcome.lines) std::printf("line: %s\n", qPrintable(l));
    if (!outcome.outcome.isEmpty() && !wait(shown, 30000)) return std::printf("%s: host not read again\n", name), false;
    return outcome.succeeded;
}

}  // namespace

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    if (argc != 2) return std::fprintf(stderr, "usage: isola-gui-e2e FIXTURE_ROOT\n"), 64;
    MainWindow window(load_topology);
    QSignalSpy shown(&window, &MainWindow::topologyShown);
    QSignalSpy explained(&window, &MainWindow::explanationsShown);
    window.load({LoadRequest::Kind::LiveHost, HostRoots::under(argv[1]), {}});
    if (!wait(shown, 30000)) return std::printf("load: failed\n"), 1;
    const bool read = full_read(window, explained);
    if (!window.selectDevice(*Bdf::parse("0000:02:01.0")) || !window.addSelectedToPlan())
        return std::printf("plan: 0000:02:01.0 not found\n"), 1;
    window.planPanel()->setVmName(QStringLiteral("win11"));
    window.planPanel()->setConfirm([](const QStringList&) { return true; });
    const bool applied = run(window, HelperChanges::Verb::Apply, "apply");
    print_drivers("after apply", window);
    for (const QString& l : window.hostChanges()->lines()) std::printf("changes: %s\n", qPrintable(l));
    const bool restored = run(window, HelperChanges::Verb::Restore, "restore");
    print_drivers("after restore", window);
    return read && applied && restored ? 0 : 1;
}
