#include "message_banner.hpp"

#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
#include <QStyle>

namespace isola::gui {
namespace {

QColor mix(const QColor& a, const QColor& b, double t) {
    return QColor::fromRgbF(static_cast<float>(a.redF() * (1 - t) + b.redF() * t),
                            static_cast<float>(a.greenF() * (1 - t) + b.greenF() * t),
                            static_cast<float>(a.blueF() * (1 - t) + b.blueF() * t));
}

}  // namespace

MessageBanner::MessageBanner(QWidget* parent)
    : QFrame(parent), icon_(new QLabel(this)), text_(new QLabel(this)), actions_(new QHBoxLayout) {
    text_->setWordWrap(true);
    text_->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    text_->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    auto* layout = new QHBoxLayout(this);
    const int margin = style()->pixelMetric(QStyle::PM_LayoutTopMargin, nullptr, this);
    layout->setContentsMargins(margin, margin, margin, margin);
    layout->addWidget(icon_, 0, Qt::AlignTop);
    layout->addWidget(text_, 1);
    layout->addLayout(actions_);
    setAccessibleName(tr("Message"));
    hide();
}

void MessageBanner::showMessage(Kind kind, const QString& text) {
    kind_ = kind;
    const auto pixmap = [&] {
        switch (kind) {
            case Kind::Information: return QStyle::SP_MessageBoxInformation;
            case Kind::Warning: return QStyle::SP_MessageBoxWarning;
            case Kind::Error: return QStyle::SP_MessageBoxCritical;
        }
        return QStyle::SP_MessageBoxInformation;
    }();
    // Icon size from the style, not pixels, so it scales with the screen's DPI.
    const int size = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this);
    icon_->setPixmap(style()->standardIcon(pixmap, nullptr, this).pixmap(QSize(size, size), devicePixelRatioF()));
    text_->setText(text);
    setAccessibleDescription(text);
    show();
    update();
}

QString MessageBanner::text() const { return text_->text(); }

void MessageBanner::addActionButton(QWidget* button) { actions_->addWidget(button, 0, Qt::AlignVCenter); }

void MessageBanner::clearActions() {
    while (auto* item = actions_->takeAt(0)) {
        if (auto* w = item->widget()) w->deleteLater();
        delete item;
    }
}

void MessageBanner::paintEvent(QPaintEvent*) {
    // Plain Qt has no "warning" palette role (KColorScheme has one), so every kind is a tint of
    // Highlight, warnings a stronger one, and the icon tells kinds apart. Colours are read at
    // paint time, so a switch between light and dark palettes repaints correctly.
    const auto& pal = palette();
    const QColor accent = pal.color(QPalette::Highlight);
    const double tint = kind_ == Kind::Information ? 0.12 : 0.22;
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const qreal radius = fontMetrics().height() / 4.0;
    painter.setPen(QPen(mix(pal.color(QPalette::Window), accent, 0.6), 1));
    painter.setBrush(mix(pal.color(QPalette::Window), accent, tint));
    painter.drawRoundedRect(QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5), radius, radius);
}

}  // namespace isola::gui
