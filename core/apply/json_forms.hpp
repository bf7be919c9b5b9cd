// The JSON forms of the apply engine's values, shared by the journal, the record and the reports
// that isolactl prints with --json (and the helper will send), so each value has one spelling.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "apply/apply_engine.hpp"

namespace isola {

nlohmann::json state_json(const DeviceState& s);
nlohmann::json write_json(const SysfsWrite& w);

// A transaction's report: what was planned and made, the failure (kind and sentence), what was
// put back, and each device before and after.
std::string report_to_json(const TransactionReport& report, const std::filesystem::path& sysfs);

}  // namespace isola
