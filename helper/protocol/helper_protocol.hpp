// The contract between Isola's clients (GUI, CLI) and isola-helper: ids, argument and reply
// keys, error codes. Header-only and Qt-free so both sides and the tests spell them one way.
#pragma once

#include <cstddef>
#include <string_view>

namespace isola::helper {

// D-Bus name of the helper; every action id is "<helper id>.<action>" and maps to the helper
// slot named <action> (KAuth strips the prefix).
inline constexpr std::string_view helper_id = "org.kde.isola.helper";
inline constexpr std::string_view readconfig_action_id = "org.kde.isola.helper.readconfig";
inline constexpr std::string_view apply_action_id = "org.kde.isola.helper.apply";
inline constexpr std::string_view restore_action_id = "org.kde.isola.helper.restore";
inline constexpr std::string_view probe_action_id = "org.kde.isola.helper.probe";
inline constexpr std::string_view persist_action_id = "org.kde.isola.helper.persist";
inline constexpr std::string_view unpersist_action_id = "org.kde.isola.helper.unpersist";
inline constexpr std::string_view recover_action_id = "org.kde.isola.helper.recover";

// Argument and reply keys of readconfig.
inline constexpr std::string_view arg_bdf = "bdf";
inline constexpr std::string_view reply_config = "config";
inline constexpr std::string_view reply_length = "length";

// Arguments of apply, restore and probe (every one a QString; see helper/README.md):
//   apply:   devices, vm, backend, fingerprint, locale
//   restore: devices ("" = everything Isola moved), locale
//   probe:   bdf, backend, locale
//   persist: devices, vm, backend, fingerprint, locale (as apply); unpersist: devices, locale (as restore)
//   recover: locale
inline constexpr std::string_view arg_devices = "devices";          // addresses separated by one space
inline constexpr std::string_view arg_vm = "vm";
inline constexpr std::string_view arg_backend = "backend";          // "legacy" or "iommufd"
inline constexpr std::string_view arg_fingerprint = "fingerprint";  // the approved plan's, 16 hex digits
inline constexpr std::string_view arg_locale = "locale";            // the caller's LC_MESSAGES, for the report's words
// Replies of apply and restore: the transaction's report (JSON, as isolactl --json prints it,
// its sentences in the caller's language), its outcome, and the lines of an unfinished journal
// that the helper settled first (QStringList, possibly empty). Probe: its report (JSON) and outcome.
inline constexpr std::string_view reply_report = "report";
inline constexpr std::string_view reply_outcome = "outcome";  // see outcome_* below
inline constexpr std::string_view reply_recovery = "recovery";
inline constexpr std::string_view outcome_done = "done";                  // applied, restored, probe succeeded
inline constexpr std::string_view outcome_refused = "refused";            // nothing was written
inline constexpr std::string_view outcome_put_back = "put-back";          // failed after writes; all put back
inline constexpr std::string_view outcome_not_put_back = "not-put-back";  // failed; some device not put back
inline constexpr std::string_view outcome_failed = "failed";              // the probe failed (nothing changed)
inline constexpr std::string_view reply_lines = "lines";                  // QStringList: what to say
// The most devices one apply or restore names: more than any IOMMU group a host has shown.
inline constexpr std::size_t max_devices_per_call = 32;

// Reply keys of every refusal (refusal/helper_refusal.hpp): the kind's stable name ("no-such-device")
// and a map of the arguments its sentence needs. The English sentence is the reply's error text.
inline constexpr std::string_view reply_refusal = "refusal";
inline constexpr std::string_view reply_refusal_args = "refusal-args";

// Reading more is never useful: PCIe extended configuration space is exactly 4096 bytes.
inline constexpr std::size_t config_space_max = 4096;

// Error codes of the helper's refusals (ActionReply::HelperErrorReply(code)). KAuth reports its
// own failures (denied = 4, D-Bus = 8, ...) through the same KJob::error() on the client, and KJob
// reserves codes below 100, so ours start above KJob::UserDefinedError to stay unambiguous.
enum class ErrorCode : int {
    BadArguments = 101,     // unknown key, missing key, wrong type, over-long value
    NotAPciAddress = 102,   // "bdf" is not DDDD:BB:DD.F
    NoSuchDevice = 103,     // well-formed address, but no such function on this host
    UnsafeFile = 104,       // a file the helper would read is a symlink or not a regular file
    ReadFailed = 105,       // the kernel refused or failed the read (errno in the refusal)
    Internal = 106,         // a bug or resource exhaustion inside the helper
};

inline constexpr int first_error_code = static_cast<int>(ErrorCode::BadArguments);
inline constexpr int last_error_code = static_cast<int>(ErrorCode::Internal);

}  // namespace isola::helper
