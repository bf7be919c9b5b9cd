// Installs Isola's translations (compiled into the binary under :/i18n) for a locale.
#pragma once

#include <QLocale>

class QCoreApplication;

namespace isola::gui {

// English plural forms first, then the locale's language on top (later translators win), then
// Qt's own strings for standard dialogs. Returns true when Isola's file for `locale` was found.
bool install_translators(QCoreApplication& app, const QLocale& locale);

}  // namespace isola::gui
