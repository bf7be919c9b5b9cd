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

// Argument and reply keys of readconfig.
inline constexpr std::string_view arg_bdf = "bdf";
inline constexpr std::string_view reply_config = "config";
inline constexpr std::string_view reply_length = "length";

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
