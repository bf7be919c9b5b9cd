// How a core Fact<T> reads on screen: its value, or "unknown" plus the reason the core recorded.
// Views never invent a value for an unknown fact; they show that it is unknown and why.
#pragma once

#include <QCoreApplication>
#include <QString>

#include "text/message.hpp"
#include "topology/fact.hpp"

namespace isola::gui {

struct FactText {
    Q_DECLARE_TR_FUNCTIONS(FactText)

public:
    QString text;        // the value, or "unknown"
    bool known = true;
    QString why_unknown;  // empty when known (or when the core gave no reason)

    static FactText value(QString text) { return {std::move(text), true, {}}; }
    // The core's reasons are msgids of its catalogs (marked N_() where they are recorded), so
    // they read in the user's language; a reason that is not one stays as the core wrote it.
    static FactText unknown(const std::string& why) {
        return {tr("unknown"), false, why.empty() ? QString() : QString::fromStdString(isola::translate(why.c_str()))};
    }

    // "unknown — not in a pasted listing" for the details pane, where there is room for the reason.
    [[nodiscard]] QString with_reason() const {
        if (known || why_unknown.isEmpty()) return text;
        return tr("unknown — %1").arg(why_unknown);
    }
};

// Formats a known value with `format`, or yields "unknown" with the fact's reason.
template <class T, class Format>
FactText fact_text(const Fact<T>& fact, Format&& format) {
    if (!fact) return FactText::unknown(fact.why_unknown);
    return FactText::value(format(*fact));
}

// Hex with a fixed number of digits, the way lspci prints IDs ("10de", "0300").
inline QString hex(unsigned value, int digits) {
    return QStringLiteral("%1").arg(value, digits, 16, QLatin1Char('0'));
}

}  // namespace isola::gui
