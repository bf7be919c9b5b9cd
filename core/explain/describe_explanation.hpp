// The words of group explanations: why each device shares its group, and the notes on the
// kernel's grouping against Isola's prediction, said in one place from their typed values
// (explain_groups.hpp, acs_check.hpp), in the user's language (text/message.hpp).
#pragma once

#include <string>

#include "explain/explain_groups.hpp"

namespace isola {

// The phrase completing "<device> ...": "has no ACS capability", "is single-function (ACS does not apply)".
std::string describe(const AcsFinding& finding);

// "0000:03:00.0 shares the group of bridge 0000:02:00.0 because the path to the root is not
// ACS-isolated: 0000:02:00.0 has no ACS capability"
std::string describe(const GroupReason& reason);

// The note on a group's prediction; "" when there is none.
std::string describe_prediction_note(const GroupExplanation& explanation);

// Why a source cannot be replayed: "the source has no bus tree (a pasted listing), so ...".
std::string describe_no_bus_tree();

}  // namespace isola
