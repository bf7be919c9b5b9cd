// Kernel command lines pasted next to a listing (`cat /proc/cmdline`, dmesg "Command line:").
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace isola::importers {

// The command line if `line` (already cleaned, dmesg timestamp removed) is one: it starts with
// "BOOT_IMAGE=", "Command line:" or "Kernel command line:", or consists of parameters including
// "root=". nullopt otherwise.
std::optional<std::string> kernel_cmdline_in(std::string_view line);

// A "pcie_acs_override=..." token anywhere in `text` (also prose and '#' notes: a listing captured
// with the override must never be read as real isolation, so any mention counts).
std::optional<std::string> acs_override_mention(std::string_view text);

}  // namespace isola::importers
