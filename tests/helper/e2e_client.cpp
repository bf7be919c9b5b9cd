// isola-helper-e2e-client: calls the real, bus-activated isola-helper the way Isola's GUI will,
// and prints one line per call for run_e2e.sh to assert on:
//   call 1: error=0 ms=12.3 length=4096 head=8680
//   call 1: error=4 ms=80.1 refusal=none sentence=Isola's helper was not authorised to ...
//   call 1: error=103 ms=15.0 refusal=no-such-device sentence=isola-helper: no PCI device ...
// refusal= names the typed refusal that reached the client (none: KAuth's own failure); the
// sentence is said from it in the client's locale ($LC_ALL, with catalogs from $ISOLA_LOCALEDIR).
//
// Usage: isola-helper-e2e-client [--repeat N] [--gap-ms MS] [--arg KEY=VALUE]... BDF
//        isola-helper-e2e-client --action apply|restore|probe|persist|unpersist|recover [--arg KEY=VALUE]...
// The second form sends exactly the --arg values (nothing else) and prints, on success,
//   call 1: error=0 ms=812.3 outcome=done progress=6
//   line: <each line of the helper's report, in the client's locale>
//
// --gap-ms pauses between calls. KAuth 6.13 has a race: the helper emits the ActionPerformed
// signal, then spins its event loop before returning from performAction; a next call that
// arrives in that window gets HelperBusy as the *method reply*, which the client ignores while
// it waits forever for a signal (seen on the bus with dbus-monitor). So calls are spaced, and a
// watchdog turns a hang into "call N: hung" instead of a stuck test.
#include <clocale>
#include <cstdio>
#include <thread>

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTimer>

#include <KAuth/ExecuteJob>

#include "client/helper_client.hpp"
#include "protocol/helper_protocol.hpp"
#include "text/message.hpp"

namespace {

// One call of apply, restore, probe, persist, unpersist or recover with exactly `args`, through the same run_action() isolactl uses.
int call_change_action(const QString& name, const QStringList& args)
{
    KAuth::Action action(QStringLiteral("org.kde.isola.helper.") + name);
    action.setHelperId(QString::fromLatin1(isola::helper::helper_id));
    QVariantMap map;
    for (const QString& kv : args) {
        map.insert(kv.section(QLatin1Char('='), 0, 0), kv.section(QLatin1Char('='), 1));
    }
    action.setArguments(map);
    action.setTimeout(60000);
    int progress = 0;
    QElapsedTimer timer;
    timer.start();
    const auto answer = isola::helper::run_action(action, [&progress](const QVariantMap&) { ++progress; });
    const double ms = static_cast<double>(timer.nsecsElapsed()) / 1e6;
    if (answer.hung) {
        std::printf("call 1: hung ms=%.1f %s\n", ms, qPrintable(answer.failure));
        return 3;
    }
    if (answer.error != 0) {
        // The refusal's kind is not kept by run_action(): the sentence says it.
        std::printf("call 1: error=%d ms=%.1f sentence=%s\n", answer.error, ms, qPrintable(answer.failure));
        return 0;
    }
    std::printf("call 1: error=0 ms=%.1f outcome=%s progress=%d\n", ms,
                qPrintable(answer.data.value(QStringLiteral("outcome")).toString()), progress);
    for (const QString& line : answer.data.value(QStringLiteral("recovery")).toStringList()) {
        std::printf("recovery: %s\n", qPrintable(line));
    }
    for (const QString& line : answer.data.value(QStringLiteral("lines")).toStringList()) {
        std::printf("line: %s\n", qPrintable(line));
    }
    std::fflush(stdout);
    return 0;
}

}  // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);  // also setlocale(LC_ALL, ""), as in the GUI
    std::setlocale(LC_NUMERIC, "C");    // as isolactl: "ms=12.3" whatever the language
    isola::bind_message_catalog(isola::default_locale_dir());
    QCommandLineParser cli;
    cli.addPositionalArgument(QStringLiteral("bdf"), QStringLiteral("PCI address to read"));
    const QCommandLineOption repeat(QStringLiteral("repeat"), QStringLiteral("calls to make"), QStringLiteral("N"),
                                    QStringLiteral("1"));
    const QCommandLineOption extra(QStringLiteral("arg"), QStringLiteral("extra argument (tests refusals)"),
                                   QStringLiteral("KEY=VALUE"));
    const QCommandLineOption gap(QStringLiteral("gap-ms"), QStringLiteral("pause between calls"), QStringLiteral("MS"),
                                 QStringLiteral("0"));
    const QCommandLineOption named(QStringLiteral("action"), QStringLiteral("apply, restore, probe, persist, unpersist or recover"),
                                   QStringLiteral("NAME"));
    cli.addOptions({repeat, gap, extra, named});
    cli.process(app);
    if (cli.isSet(named)) {
        return call_change_action(cli.value(named), cli.values(extra));
    }
    if (cli.positionalArguments().size() != 1) {
        cli.showHelp(2);
    }

    KAuth::Action action = isola::helper::readconfig_action(cli.positionalArguments().constFirst());
    for (const QString& kv : cli.values(extra)) {
        action.addArgument(kv.section(QLatin1Char('='), 0, 0), kv.section(QLatin1Char('='), 1));
    }

    const int calls = cli.value(repeat).toInt();
    for (int i = 1; i <= calls; ++i) {
        if (i > 1) {
            std::this_thread::sleep_for(std::chrono::milliseconds(cli.value(gap).toInt()));
        }
        QElapsedTimer timer;
        timer.start();
        KAuth::ExecuteJob* job = action.execute();
        isola::helper::keep_refusal(job);
        bool hung = false;
        QTimer::singleShot(action.timeout() + 5000, job, [job, &hung] {
            hung = true;
            job->kill(KJob::EmitResult);
        });
        job->exec();  // synchronous on purpose: the latency of one whole call is what we report
        const double ms = static_cast<double>(timer.nsecsElapsed()) / 1e6;
        if (hung) {
            std::printf("call %d: hung ms=%.1f (no ActionPerformed signal from the helper)\n", i, ms);
            return 3;
        }

        if (job->error() == 0) {
            const QByteArray config = job->data().value(QStringLiteral("config")).toByteArray();
            std::printf("call %d: error=0 ms=%.1f length=%d head=%s\n", i, ms,
                        job->data().value(QStringLiteral("length")).toInt(), config.left(2).toHex().constData());
        } else {
            const QString kind = isola::helper::kept_refusal(job)
                                     .value(QString::fromLatin1(isola::helper::reply_refusal), QStringLiteral("none"))
                                     .toString();
            const QString sentence = isola::helper::describe_failed_job(job);
            std::printf("call %d: error=%d ms=%.1f refusal=%s sentence=%s\n", i, job->error(), ms, qPrintable(kind),
                        qPrintable(sentence));
        }
        std::fflush(stdout);
    }
    return 0;
}
