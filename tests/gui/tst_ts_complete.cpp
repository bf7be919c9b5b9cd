// Every Qt Linguist file in translations/ is complete: each message has a translation that is
// present, not empty and not type="unfinished", with the same placeholders (%1..%99, %n, %L1) and
// the same number of accelerators (&) as its source, and the right number of plural forms. The
// English file carries plural forms only, so only its numerus messages need translations. All files
// hold the same messages (a file lupdate did not refresh is caught too). The files are read from
// the source tree (ISOLA_TRANSLATIONS_DIR), not from the build.
#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QXmlStreamReader>
#include <QtTest>

#include <map>
#include <optional>

using namespace Qt::StringLiterals;

namespace {

struct Message {
    QString context;
    QString source;
    QString comment;
    bool numerus = false;
    bool unfinished = false;
    bool hasTranslation = false;
    QStringList translations;  // one entry, or the numerus forms
    qint64 line = 0;

    QString key() const { return context + u" | "_s + source + (comment.isEmpty() ? QString() : u" ("_s + comment + u')'); }
};

struct TsFile {
    QString language;
    QList<Message> messages;
    QString error;
};

// Reads one .ts file; messages lupdate marked vanished or obsolete are not shown, so they are
// skipped (lupdate -no-obsolete removes them anyway).
TsFile read_ts(const QString& path) {
    TsFile ts;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        ts.error = u"cannot open: "_s + file.errorString();
        return ts;
    }
    QXmlStreamReader xml(&file);
    QString context;
    std::optional<Message> message;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement()) {
            if (xml.isEndElement() && xml.name() == "message"_L1 && message) {
                ts.messages.append(*message);
                message.reset();
            }
            continue;
        }
        const auto name = xml.name();
        if (name == "TS"_L1) {
            ts.language = xml.attributes().value("language"_L1).toString();
        } else if (name == "name"_L1 && !message) {
            context = xml.readElementText();
        } else if (name == "message"_L1) {
            message = Message{.context = context,
                              .numerus = xml.attributes().value("numerus"_L1) == "yes"_L1,
                              .line = xml.lineNumber()};
        } else if (message && name == "source"_L1) {
            message->source = xml.readElementText();
        } else if (message && name == "comment"_L1) {
            message->comment = xml.readElementText();
        } else if (message && name == "translation"_L1) {
            const auto type = xml.attributes().value("type"_L1);
            if (type == "vanished"_L1 || type == "obsolete"_L1) {
                message.reset();
                xml.skipCurrentElement();
                continue;
            }
            message->hasTranslation = true;
            message->unfinished = type == "unfinished"_L1;
            if (!message->numerus) {
                message->translations.append(xml.readElementText());
                continue;
            }
            while (xml.readNextStartElement()) {
                if (xml.name() == "numerusform"_L1)
                    message->translations.append(xml.readElementText());
                else
                    xml.skipCurrentElement();
            }
        }
    }
    if (xml.hasError())
        ts.error = u"line %1: %2"_s.arg(xml.lineNumber()).arg(xml.errorString());
    return ts;
}

// %1..%99 and %n, with or without L (localised numbers); as a set, since a translation may
// repeat a placeholder or change their order.
QSet<QString> placeholders(const QString& text) {
    static const QRegularExpression re(u"%L?([1-9][0-9]?|n)"_s);
    QSet<QString> found;
    for (const auto& m : re.globalMatch(text)) found.insert(u'%' + m.captured(1));
    return found;
}

// Accelerator markers: "&x", not "&&" (a literal ampersand) and not "& " (text).
qsizetype accelerators(const QString& text) {
    qsizetype count = 0;
    for (qsizetype i = 0; i + 1 < text.size(); ++i) {
        if (text[i] != u'&') continue;
        if (text[i + 1] == u'&') {
            ++i;
            continue;
        }
        if (!text[i + 1].isSpace()) ++count;
    }
    return count;
}

QString sorted(const QSet<QString>& set) {
    QStringList list(set.begin(), set.end());
    list.sort();
    return u'{' + list.join(u", "_s) + u'}';
}

// Plural forms per language, as lupdate/lrelease use them (Qt's numerus rules); a language not
// listed here needs at least one form.
std::optional<qsizetype> plural_forms(const QString& language) {
    static const std::map<QString, qsizetype> forms{{u"de"_s, 2}, {u"en"_s, 2}, {u"fr"_s, 2}};
    const auto it = forms.find(language.section(u'_', 0, 0));
    return it == forms.end() ? std::nullopt : std::optional(it->second);
}

// Everything wrong with one file, one sentence per problem, naming the line and the message.
QStringList problems(const TsFile& ts) {
    QStringList found;
    if (!ts.error.isEmpty()) return {ts.error};
    if (ts.language.isEmpty()) found << u"the TS element has no language attribute"_s;
    if (ts.messages.isEmpty()) found << u"no messages"_s;
    const bool englishSource = ts.language.startsWith(u"en"_s);
    const auto forms = plural_forms(ts.language);
    for (const auto& m : ts.messages) {
        const auto where = u"line %1, %2"_s.arg(m.line).arg(m.key());
        if (englishSource && !m.numerus) continue;  // English strings are the sources themselves
        if (!m.hasTranslation) {
            found << where + u": no translation"_s;
            continue;
        }
        if (m.unfinished) found << where + u": translation is unfinished"_s;
        if (m.numerus && forms && m.translations.size() != *forms)
            found << where + u": %1 plural forms, %2 needs %3"_s.arg(m.translations.size()).arg(ts.language).arg(*forms);
        if (m.translations.isEmpty()) found << where + u": no plural forms"_s;
        const auto want = placeholders(m.source);
        for (qsizetype i = 0; i < m.translations.size(); ++i) {
            const auto& t = m.translations[i];
            const auto form = m.numerus ? u" (plural form %1)"_s.arg(i + 1) : QString();
            if (t.trimmed().isEmpty()) {
                found << where + form + u": translation is empty"_s;
                continue;
            }
            if (const auto got = placeholders(t); got != want)
                found << where + form + u": placeholders %1, source has %2"_s.arg(sorted(got), sorted(want));
            if (accelerators(t) != accelerators(m.source))
                found << where + form + u": %1 accelerators (&), source has %2"_s.arg(accelerators(t)).arg(accelerators(m.source));
        }
    }
    return found;
}

QSet<QString> keys(const TsFile& ts) {
    QSet<QString> set;
    for (const auto& m : ts.messages) set.insert(m.key());
    return set;
}

QString translations_dir() { return QStringLiteral(ISOLA_TRANSLATIONS_DIR); }

QStringList ts_files() {
    return QDir(translations_dir()).entryList({u"isola_*.ts"_s}, QDir::Files, QDir::Name);
}

}  // namespace

class TsCompleteTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void filesAreFound() {
        const auto files = ts_files();
        for (const auto& expected : {u"isola_de.ts"_s, u"isola_en.ts"_s, u"isola_fr.ts"_s})
            QVERIFY2(files.contains(expected), qPrintable(expected + u" not found in "_s + translations_dir()));
    }

    void fileIsComplete_data() {
        QTest::addColumn<QString>("path");
        for (const auto& file : ts_files()) QTest::newRow(qPrintable(file)) << QDir(translations_dir()).filePath(file);
    }

    void fileIsComplete() {
        QFETCH(QString, path);
        const auto found = problems(read_ts(path));
        QVERIFY2(found.isEmpty(), qPrintable(u"\n  "_s + found.join(u"\n  "_s)));
    }

    // Every file holds the same messages (context, source, comment) as the German one.
    void filesHoldTheSameMessages() {
        const QDir dir(translations_dir());
        const auto reference = read_ts(dir.filePath(u"isola_de.ts"_s));
        QVERIFY(reference.error.isEmpty());
        const auto want = keys(reference);
        QCOMPARE(want.size(), reference.messages.size());  // no duplicate messages
        for (const auto& file : ts_files()) {
            const auto got = keys(read_ts(dir.filePath(file)));
            QStringList missing(want.begin(), want.end()), extra(got.begin(), got.end());
            missing.removeIf([&](const QString& k) { return got.contains(k); });
            extra.removeIf([&](const QString& k) { return want.contains(k); });
            QVERIFY2(missing.isEmpty() && extra.isEmpty(),
                     qPrintable(file + u": missing "_s + missing.join(u"; "_s) + u"; extra "_s + extra.join(u"; "_s)));
        }
    }

    // The checker itself finds each kind of problem in a broken file.
    void brokenFileIsReported() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const auto path = dir.filePath(u"isola_fr.ts"_s);
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(R"(<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>C</name>
    <message><source>fine %1</source><translation>bien %1</translation></message>
    <message><source>unfinished</source><translation type="unfinished">pas fini</translation></message>
    <message><source>empty</source><translation></translation></message>
    <message><source>missing</source></message>
    <message><source>moved %1 %2</source><translation>déplacé %1 %3</translation></message>
    <message><source>&amp;File</source><translation>Fichier</translation></message>
    <message numerus="yes"><source>%n device(s)</source><translation>
        <numerusform>%n périphérique</numerusform>
        <numerusform></numerusform>
    </translation></message>
    <message numerus="yes"><source>%n group(s)</source><translation>
        <numerusform>%n groupe</numerusform>
    </translation></message>
    <message><source>gone</source><translation type="vanished">parti</translation></message>
</context>
</TS>
)");
        file.close();
        const auto found = problems(read_ts(path));
        const QStringList expected{
            u"line 7, C | unfinished: translation is unfinished"_s,
            u"line 8, C | empty: translation is empty"_s,
            u"line 9, C | missing: no translation"_s,
            u"line 10, C | moved %1 %2: placeholders {%1, %3}, source has {%1, %2}"_s,
            u"line 11, C | &File: 0 accelerators (&), source has 1"_s,
            u"line 12, C | %n device(s) (plural form 2): translation is empty"_s,
            u"line 16, C | %n group(s): 1 plural forms, fr needs 2"_s,
        };
        QCOMPARE(found, expected);
    }
};

QTEST_GUILESS_MAIN(TsCompleteTest)
#include "tst_ts_complete.moc"
