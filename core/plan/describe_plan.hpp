// The words of a plan: refusals, their remedies and host impacts, said in one place from their
// typed values, in the user's language (text/message.hpp). The CLI, the GUI, the review and the
// helper all print these, so they say the same thing.
#pragma once

#include <string>

#include "plan/attach_plan.hpp"
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

// "Plan: assign 0000:01:00.0 to \"win11\" (legacy backend)".
std::string describe_plan_heading(const AttachRequest& request);
// What the plan does with one device, completing "<device> ...": "moves from nouveau to
// vfio-pci", "is on vfio-pci already", "stays on pcieport: VFIO leaves a bridge to the host".
std::string describe_action(const DeviceAction& action);

}  // namespace isola
