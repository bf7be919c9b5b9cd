// The words of the apply engine — failures, what a transaction did, what a recovery did, what
// Isola has moved — said in one place from their typed values (text/message.hpp). isolactl, the
// GUI and the helper's clients print these.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "apply/apply_engine.hpp"

namespace isola {

std::string describe(const ApplyFailure& failure);

// The lines after a transaction: what changed, or what went wrong and what was put back.
std::vector<std::string> describe_report(const TransactionReport& report);

// The lines after an unfinished journal was settled at start.
std::vector<std::string> describe_recovery(const RecoveryReport& recovery);
// What a recovery that found no interrupted change says.
std::string describe_nothing_interrupted();

// What Isola has moved on this host, and how each device was before.
std::vector<std::string> describe_moved(const std::vector<MovedDevice>& moved);

// "0000:02:01.0 on e1000", "0000:02:01.0 without a driver".
std::string describe_on_driver(const Bdf& device, const std::string& driver);

}  // namespace isola

namespace isola {

// "An apply for "win11" started … was interrupted at write 3 of 6; run isolactl status as root
// to put it back.": an unfinished journal seen by someone who cannot settle it.
std::string describe_unfinished(const Transaction& t);

}  // namespace isola
