// Which functions' configuration space the explanation of one IOMMU group still needs: the facts
// that decide it (ACS, port type, multifunction) but could not be read — typically because the
// kernel serves a non-root reader only the first 64 bytes. The GUI reads exactly these through
// isola-helper's readconfig (one polkit prompt) and explains the group again.
#pragma once

#include <vector>

#include "topology/topology.hpp"

namespace isola {

// The group's members, every bridge above them and every other function in the slots of those
// (the multifunction step looks at siblings) — those of them with an unknown ACS, port type or
// multifunction fact, in address order. Empty: nothing a full read could add to the explanation.
std::vector<Bdf> config_reads_for_group(const Topology& topology, GroupId group);

}  // namespace isola
