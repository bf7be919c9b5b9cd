// What every helper action returns: reply data for the client, or a refusal.
#pragma once

#include <expected>

#include <QVariantMap>

#include "ops/failure.hpp"

namespace isola::helper {

using ActionResult = std::expected<QVariantMap, Failure>;

}  // namespace isola::helper
