#include "app_translator.hpp"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QTranslator>

using namespace Qt::StringLiterals;

namespace isola::gui {

bool install_translators(QCoreApplication& app, const QLocale& locale) {
    // Source strings use "%n device(s)"; isola_en supplies the English singular/plural forms, so
    // it is installed for every locale and any other language overrides it.
    auto* english = new QTranslator(&app);
    if (english->load(u":/i18n/isola_en.qm"_s)) QCoreApplication::installTranslator(english);

    auto* qt = new QTranslator(&app);
    if (qt->load(locale, u"qtbase"_s, u"_"_s, QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);

    auto* own = new QTranslator(&app);
    if (!own->load(locale, u"isola"_s, u"_"_s, u":/i18n"_s) || own->language().startsWith(u"en"_s)) {
        delete own;
        return false;
    }
    QCoreApplication::installTranslator(own);
    return true;
}

}  // namespace isola::gui
