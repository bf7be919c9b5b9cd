// The words of a plan: refusals, their remedies and host impacts, said in one place from their
// typed values, in the user's language (text/message.hpp). The CLI, the GUI, the review and the
// helper all print these, so they say the same thing.
#pragma once

#include <string>

#include "plan/host_impact.hpp"
#include "plan/refusal.hpp"

namespace isola {

// "cannot assign 0000:0b:00.0 to \"win11\": 0000:0b:00.1 in the same IOMMU group 14 is bound to
// snd_hda_intel and serves the host's sound card"
std::string describe(const Refusal& refusal);
// What to do about it; "" when there is nothing to suggest.
std::string describe_remedy(const Refusal& refusal);

// The phrase completing "<device> ...": "holds the host's root filesystem (/ on nvme0n1p2)".
std::string describe_serves(const HostImpact& impact);
// "<device> <phrase>".
std::string describe(const HostImpact& impact);

}  // namespace isola
