#include "demo_hosts.hpp"

// The listings themselves live in resources/demo-hosts and are shared with isolactl through the
// Qt-free Isola::DemoHosts library, so the CLI and the GUI always offer the same demo hosts.
#include "isola_demo_hosts.hpp"

namespace isola::gui {

QStringList demo_host_names() {
    QStringList names;
    for (const auto& d : isola::demo_hosts()) names << QString::fromUtf8(d.name.data(), static_cast<qsizetype>(d.name.size()));
    return names;
}

std::optional<QByteArray> demo_host_listing(const QString& name) {
    const auto* d = isola::find_demo_host(name.toStdString());
    if (!d) return std::nullopt;
    return QByteArray(d->listing.data(), static_cast<qsizetype>(d->listing.size()));
}

}  // namespace isola::gui
