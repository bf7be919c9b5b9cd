// isola's command line: where to load the topology from, plus hidden options used by the
// screenshot checks. Parsed before QApplication exists, so `--demo list` works without a display.
#pragma once

#include <QStringList>

#include <expected>

#include "load_request.hpp"

namespace isola::gui {

struct CommandLine {
    LoadRequest request;          // LiveHost with default roots when nothing was given
    bool list_demos = false;      // --demo list
    bool show_help = false;
    bool show_version = false;
    QString help_text;
    QString screenshot;           // hidden: grab the window to this PNG after loading, then exit
    QString select;               // hidden: select this device (BDF) after loading
    bool dark = false;            // hidden: Fusion style with a dark palette
};

// `arguments` includes the program name, as QCoreApplication::arguments() does.
std::expected<CommandLine, QString> parse_command_line(const QStringList& arguments);

}  // namespace isola::gui
