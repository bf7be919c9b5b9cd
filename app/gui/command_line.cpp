#include "command_line.hpp"

#include <QCommandLineParser>
#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace isola::gui {
namespace {
struct CommandLineText {
    Q_DECLARE_TR_FUNCTIONS(CommandLineText)
};
}  // namespace

std::expected<CommandLine, QString> parse_command_line(const QStringList& arguments) {
    QCommandLineParser parser;
    parser.setApplicationDescription(CommandLineText::tr("Shows a Linux host's PCI devices grouped by IOMMU group."));
    const QCommandLineOption sysfs(u"sysfs-root"_s, CommandLineText::tr("Read sysfs from <dir> instead of /sys."), CommandLineText::tr("dir"));
    const QCommandLineOption proc(u"proc-root"_s, CommandLineText::tr("Read procfs from <dir> instead of /proc."), CommandLineText::tr("dir"));
    const QCommandLineOption snapshot(u"snapshot"_s, CommandLineText::tr("Open an Isola snapshot <file>."), CommandLineText::tr("file"));
    const QCommandLineOption import(u"import"_s, CommandLineText::tr("Open a pasted IOMMU/lspci listing <file>."), CommandLineText::tr("file"));
    const QCommandLineOption demo(u"demo"_s, CommandLineText::tr("Open the bundled demo host <name>; \"list\" prints the names."),
                                  CommandLineText::tr("name"));
    QCommandLineOption screenshot(u"screenshot"_s, u"Save a PNG of the window after loading, then exit."_s, u"file"_s);
    QCommandLineOption select(u"select"_s, u"Select this device after loading."_s, u"address"_s);
    QCommandLineOption dark(u"dark"_s, u"Use a dark palette."_s);
    for (auto* hidden : {&screenshot, &select, &dark}) hidden->setFlags(QCommandLineOption::HiddenFromHelp);
    const auto help = parser.addHelpOption();
    const auto version = parser.addVersionOption();
    parser.addOptions({sysfs, proc, snapshot, import, demo, screenshot, select, dark});

    if (!parser.parse(arguments)) return std::unexpected(parser.errorText());
    CommandLine cl;
    cl.help_text = parser.helpText();
    cl.show_help = parser.isSet(help);
    cl.show_version = parser.isSet(version);
    if (!parser.positionalArguments().isEmpty())
        return std::unexpected(CommandLineText::tr("Unexpected argument: %1").arg(parser.positionalArguments().constFirst()));

    const int sources = int(parser.isSet(snapshot)) + int(parser.isSet(import)) + int(parser.isSet(demo)) +
                        int(parser.isSet(sysfs) || parser.isSet(proc));
    if (sources > 1)
        return std::unexpected(CommandLineText::tr("Give only one of --sysfs-root/--proc-root, --snapshot, --import and --demo."));

    if (parser.isSet(snapshot)) {
        cl.request = {LoadRequest::Kind::Snapshot, {}, parser.value(snapshot)};
    } else if (parser.isSet(import)) {
        cl.request = {LoadRequest::Kind::Listing, {}, parser.value(import)};
    } else if (parser.isSet(demo)) {
        cl.list_demos = parser.value(demo) == u"list"_s;
        cl.request = {LoadRequest::Kind::Demo, {}, parser.value(demo)};
    } else {
        cl.request.kind = LoadRequest::Kind::LiveHost;
        if (parser.isSet(sysfs)) {
            // Another tree: this machine's /proc and /dev are not its own (core/reader/host_roots.hpp).
            cl.request.roots.sysfs = parser.value(sysfs).toStdString();
            cl.request.roots.proc.clear();
            cl.request.roots.dev.clear();
        }
        if (parser.isSet(proc)) cl.request.roots.proc = parser.value(proc).toStdString();
        // Another tree's VM definitions are not this machine's /etc.
        if (parser.isSet(sysfs) || parser.isSet(proc)) cl.request.roots.etc.clear();
    }
    cl.screenshot = parser.value(screenshot);
    cl.select = parser.value(select);
    cl.dark = parser.isSet(dark);
    return cl;
}

}  // namespace isola::gui
