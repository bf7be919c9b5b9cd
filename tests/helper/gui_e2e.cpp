// The GUI's plan panel against the real bus-activated helper (run_e2e.sh step 13, as nobody, on
// the fixture host the fixture helper changes): the window reads the fixture as its live host,
// plans 02:01.0 for "win11", applies through KAuth, re-reads the host (the driver is now vfio-pci),
// restores everything, re-reads again. Prints one line per step for the script to check:
//   apply: outcome=done
//   line: 2 devices are now on vfio-pci for "win11": ...
//   after apply: 0000:02:01.0=vfio-pci 0000:02:02.0=vfio-pci
//   restore: outcome=done
//   after restore: 0000:02:01.0=e1000 0000:02:02.0=e1000
#include <QApplication>
#include <QSignalSpy>
#include <QTimer>

#include <cstdio>

#include "host_changes_panel.hpp"
#include "load_topology.hpp"
#include "main_window.hpp"
#include "plan_panel.hpp"
#include "topology_model.hpp"

using namespace isola;
using namespace isola::gui;

namespace {

bool wait(QSignalSpy& spy, int ms) { return !spy.isEmpty() || spy.wait(ms); }

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
    window.load({LoadRequest::Kind::LiveHost, HostRoots::under(argv[1]), {}});
    if (!wait(shown, 30000)) return std::printf("load: failed\n"), 1;
    if (!window.selectDevice(*Bdf::parse("0000:02:01.0")) || !window.addSelectedToPlan())
        return std::printf("plan: 0000:02:01.0 not found\n"), 1;
    window.planPanel()->setVmName(QStringLiteral("win11"));
    window.planPanel()->setConfirm([](const QStringList&) { return true; });
    const bool applied = run(window, HelperChanges::Verb::Apply, "apply");
    print_drivers("after apply", window);
    for (const QString& l : window.hostChanges()->lines()) std::printf("changes: %s\n", qPrintable(l));
    const bool restored = run(window, HelperChanges::Verb::Restore, "restore");
    print_drivers("after restore", window);
    return applied && restored ? 0 : 1;
}
