// Action org.kde.isola.helper.probe: VFIO's attach tried on one device and undone (core/vfio),
// for a client that is not root. It changes nothing: no driver moves, nothing is mapped.
#pragma once

#include <QVariantMap>

#include "actions/action_result.hpp"
#include "actions/helper_host.hpp"

namespace isola::helper {

// Arguments: exactly {"bdf", "backend", "locale"}, all QString.
// Reply:     {"outcome": done|failed, "report": the probe's JSON, "lines": its sentence}.
ActionResult probe(const QVariantMap& args, const HelperHost& host);

}  // namespace isola::helper
