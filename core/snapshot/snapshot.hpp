// Snapshots: a Topology saved as versioned JSON, to review a host elsewhere (e.g. a server
// without a display) or to compare over time. Schema: core/snapshot/README.md.
#pragma once

#include <expected>
#include <filesystem>
#include <string>
#include <string_view>

#include "topology/topology.hpp"

namespace isola {

// 2: vendor and device IDs and each host-usage category may be {"unknown": why}.
inline constexpr int kSnapshotVersion = 2;

// Why a snapshot cannot be read or written, as data; describe() (describe_snapshot.cpp) says it.
enum class SnapshotErrorKind {
    NotJson,         // `number`: the byte where parsing stopped
    NotASnapshot,    // no "format": "isola-snapshot"
    NoVersion,
    NewerVersion,    // `number`: the file's version
    InvalidVersion,  // `number`: the file's version (below 1)
    Damaged,         // `damage` at the JSON path `where`
    CannotCreate,    // the file cannot be opened for writing
    WriteFailed,     // writing or flushing failed
    CannotReplace,   // renaming the written file into place failed: `detail` is the system's words
    CannotRead,      // the file cannot be read: `detail` is the sentence (text/user_file.hpp)
};

// What is wrong at a JSON path of a damaged snapshot.
enum class SnapshotDamage {
    None,
    Lacks,              // lacks the key `value`
    NotAList,
    NotAString,
    NotABoolean,
    NotAWholeNumber,
    Negative,
    NotHex,             // `value` is not a hexadecimal number of at most `digits` digits
    NotAPciAddress,     // `value`
    NotAPortType,       // `value`
    NotAnIommuMode,     // `value`
    Unreadable,         // the JSON library's own words in `detail` (no path)
};

struct SnapshotError {
    SnapshotErrorKind kind;
    std::string origin;  // the file ("host.json", "standard input")
    long long number = 0;
    SnapshotDamage damage = SnapshotDamage::None;
    std::string where;   // "snapshot.devices[3].driver"
    std::string value;
    int digits = 0;
    std::string detail;
    std::string message;  // describe(*this): which file, what is wrong, what to do
};

// The one sentence of an error, in the user's language.
std::string describe(const SnapshotError&);

std::string snapshot_to_json(const Topology& topology);
// `origin` names the input in error sentences (a file name, "standard input").
std::expected<Topology, SnapshotError> snapshot_from_json(std::string_view text, const std::string& origin);

std::expected<void, SnapshotError> save_snapshot(const Topology& topology, const std::filesystem::path& file);
std::expected<Topology, SnapshotError> load_snapshot(const std::filesystem::path& file);

}  // namespace isola
