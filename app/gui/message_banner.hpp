// A KMessageWidget-like strip above the device table: an icon, a sentence and optional buttons.
// Plain Qt: its colours are derived from the current palette, so it reads in light and dark themes.
#pragma once

#include <QFrame>

class QHBoxLayout;
class QLabel;

namespace isola::gui {

class MessageBanner : public QFrame {
    Q_OBJECT

public:
    enum class Kind { Information, Warning, Error };

    explicit MessageBanner(QWidget* parent = nullptr);

    void showMessage(Kind kind, const QString& text);
    [[nodiscard]] QString text() const;
    [[nodiscard]] Kind kind() const { return kind_; }
    // Buttons added here stay until clearActions(); the banner does not own their meaning.
    void addActionButton(QWidget* button);
    void clearActions();

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    Kind kind_ = Kind::Information;
    QLabel* icon_;
    QLabel* text_;
    QHBoxLayout* actions_;
};

}  // namespace isola::gui
