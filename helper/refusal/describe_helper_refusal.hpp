// The words of the helper's refusals: the one place a HelperRefusal becomes a sentence, in the
// language of the process that calls it (text/message.hpp). The client calls it with the user's
// locale; the helper calls it in the C locale for the English error text of its reply and its log.
#pragma once

#include <string>

#include "refusal/helper_refusal.hpp"

namespace isola::helper {

// "isola-helper: no PCI device 0000:42:00.0 on this host"
std::string describe_helper_refusal(const HelperRefusal& refusal);

}  // namespace isola::helper
