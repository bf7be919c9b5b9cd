// Writing a file the person chose (snapshot, graph, VM configuration, review): beside it first and
// renamed over it (QSaveFile), so a failed save leaves the old file whole.
#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QSaveFile>
#include <QString>

#include <optional>

namespace isola::gui {

class SaveFile {
    Q_DECLARE_TR_FUNCTIONS(SaveFile)

public:
    // The sentence why `path` could not be written, or nothing.
    static std::optional<QString> write(const QString& path, const QByteArray& bytes) {
        QSaveFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
            return tr("Cannot write %1: %2").arg(path, file.errorString());
        return std::nullopt;
    }
};

}  // namespace isola::gui
