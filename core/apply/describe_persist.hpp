// The words of persist / unpersist (persist.hpp), said in one place from their typed values.
#pragma once

#include <string>
#include <vector>

#include "apply/persist.hpp"

namespace isola {

// The lines after a persist or unpersist: what boots how now, which files changed, the initramfs
// to rebuild; or the failure and what was put back.
std::vector<std::string> describe_persist_report(const PersistReport& report);

// The lines after an interrupted persist change was settled at start.
std::vector<std::string> describe_persist_recovery(const PersistRecovery& recovery);

// What Isola binds at boot (for isolactl status).
std::vector<std::string> describe_persisted(const std::vector<PersistedDevice>& persisted);

// --dry-run: each file change as a comment line and, for a write, the exact content.
std::string describe_file_change(const FileChange& change);

}  // namespace isola
