// The demo hosts bundled with Isola (resources/demo-hosts, shared with isolactl): real listings
// people posted, so a machine without an IOMMU still has something meaningful to explore.
#pragma once

#include <QByteArray>
#include <QStringList>

#include <optional>

namespace isola::gui {

QStringList demo_host_names();  // the default first, e.g. "b550-gpu-in-chipset-group"
std::optional<QByteArray> demo_host_listing(const QString& name);

}  // namespace isola::gui
