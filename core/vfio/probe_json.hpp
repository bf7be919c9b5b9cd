// An attach probe as JSON (isolactl probe --json): every step with its errno name, the failure's
// kind and what stands in the way, and the sentence.
#pragma once

#include <string>

#include "vfio/attach_probe.hpp"

namespace isola {

std::string probe_to_json(const AttachProbe& probe);

}  // namespace isola
