// What Isola changed on this host, as isolactl status says it: the devices it moved to vfio-pci
// (and what they were on), the ones it binds at boot, and an interrupted change. Read from the
// helper's state directory (world-readable); Restore All and Unpersist All go through the helper,
// which also puts an interrupted change back first and says so.
#pragma once

#include <QWidget>

#include <filesystem>
#include <optional>

#include "helper_changes.hpp"

class QLabel;
class QPushButton;
class QTextBrowser;

namespace isola::gui {

class HostChangesPanel : public QWidget {
    Q_OBJECT

public:
    explicit HostChangesPanel(QWidget* parent = nullptr);

    // Reads the state in `state_dir` (/var/lib/isola of the host shown); nullopt: the source is not
    // a host (a demo host, a snapshot, a listing), so there is nothing Isola changed on it.
    void refresh(const std::optional<std::filesystem::path>& state_dir);
    [[nodiscard]] QStringList lines() const { return lines_; }
    [[nodiscard]] bool unfinished() const { return unfinished_; }
    [[nodiscard]] HelperChanges* changes() const { return changes_; }
    [[nodiscard]] QPushButton* recoverButton() const { return recover_; }

Q_SIGNALS:
    void hostChanged();  // a helper call finished: the window reads the host again

private:
    QTextBrowser* text_;
    QPushButton* recover_;
    QPushButton* restore_;
    QPushButton* unpersist_;
    QLabel* answer_;
    HelperChanges* changes_;
    QStringList lines_;
    bool unfinished_ = false;
    bool moved_ = false;
    bool persisted_ = false;
    bool host_ = false;
};

}  // namespace isola::gui
