// Turns a LoadRequest into a Topology through core's load_topology(), as isolactl does. Blocking: the main
// window runs it on a worker thread and receives the value.
#pragma once

#include "load_request.hpp"

namespace isola::gui {

LoadResult load_topology(const LoadRequest& request);

}  // namespace isola::gui
