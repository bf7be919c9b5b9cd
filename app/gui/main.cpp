// isola: the Qt GUI. Parses the command line, installs translations and shows the main window,
// which loads the requested topology off the GUI thread.
#include <QApplication>
#include <QStyleFactory>
#include <QTimer>

#include <cstdio>

#include "app_translator.hpp"
#include "command_line.hpp"
#include "dark_palette.hpp"
#include "demo_hosts.hpp"
#include "load_topology.hpp"
#include "main_window.hpp"

using namespace Qt::StringLiterals;
using namespace isola::gui;

#include "text/message.hpp"

namespace {

void print(const QString& text) { std::fputs(qUtf8Printable(text), stdout); }

// --screenshot: grab the window once the loaded topology has been laid out and painted.
void grab_when_shown(MainWindow& window, const CommandLine& cl) {
    auto grab = [&window, file = cl.screenshot] {
        const bool ok = window.grab().save(file);
        if (!ok) std::fprintf(stderr, "isola: cannot write %s\n", qUtf8Printable(file));
        QCoreApplication::exit(ok ? 0 : 1);
    };
    QObject::connect(&window, &MainWindow::topologyShown, &window, [&window, cl, grab] {
        if (!cl.select.isEmpty())
            if (auto bdf = isola::Bdf::parse(cl.select.toStdString())) window.selectDevice(*bdf);
        QTimer::singleShot(500, &window, grab);
    });
    QObject::connect(&window, &MainWindow::loadFailed, &window, [grab] { QTimer::singleShot(500, grab); });
}

}  // namespace

int main(int argc, char** argv) {
    QStringList arguments;
    for (int i = 0; i < argc; ++i) arguments << QString::fromLocal8Bit(argv[i]);
    QCoreApplication::setApplicationVersion(QStringLiteral(ISOLA_VERSION));
    const auto cl = parse_command_line(arguments);
    if (!cl) {
        std::fprintf(stderr, "isola: %s\n", qUtf8Printable(cl.error()));
        return 2;
    }
    if (cl->show_help) return print(cl->help_text), 0;
    if (cl->show_version) return print(u"isola "_s + QStringLiteral(ISOLA_VERSION) + u'\n'), 0;
    if (cl->list_demos) return print(demo_host_names().join(u'\n') + u'\n'), 0;

    QApplication app(argc, argv);  // also setlocale(LC_ALL, ""): the core's sentences follow the locale
    isola::bind_message_catalog(isola::default_locale_dir());
    QApplication::setApplicationName(u"isola"_s);
    QApplication::setApplicationDisplayName(u"Isola"_s);
    QApplication::setOrganizationDomain(u"kde.org"_s);
    QApplication::setDesktopFileName(u"org.kde.isola"_s);
    QApplication::setWindowIcon(QIcon(u":/icons/org.kde.isola.svg"_s));
    install_translators(app, QLocale::system());
    if (cl->dark) {
        QApplication::setStyle(QStyleFactory::create(u"Fusion"_s));
        QApplication::setPalette(dark_palette());
    }

    MainWindow window(load_topology);
    if (!cl->screenshot.isEmpty()) grab_when_shown(window, *cl);
    window.show();
    window.load(cl->request);
    return QApplication::exec();
}
