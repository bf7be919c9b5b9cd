// Merges the sightings of a parsed listing into one Topology.
//
// Rules (README.md, "Merging"):
//  - group: from the group listings, first one wins; a later group block that contradicts an
//    earlier one (an address in another group, or a new address in a group already listed) was
//    captured at another moment and is ignored as a whole, with one diagnostic;
//  - vendor:device: the first group listing's, else the first seen; a sighting with other IDs is
//    ignored, with a diagnostic naming the address and both IDs;
//  - names from the first sighting that printed IDs and a real name; driver from -k blocks
//    (known "" when a -k block shows no driver line for the device); parent from an lspci -t tree.
#pragma once

#include <string>

#include "importers/sighting.hpp"
#include "topology/topology.hpp"

namespace isola::importers {

Topology merge_sightings(ParsedListing parsed, std::string origin);

}  // namespace isola::importers
