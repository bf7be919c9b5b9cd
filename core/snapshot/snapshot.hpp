// Snapshots: a Topology saved as versioned JSON, to review a host elsewhere (e.g. a server
// without a display) or to compare over time. Schema: core/snapshot/README.md.
#pragma once

#include <expected>
#include <filesystem>
#include <string>
#include <string_view>

#include "topology/topology.hpp"

namespace isola {

inline constexpr int kSnapshotVersion = 1;

struct SnapshotError {
    std::string message;  // one sentence: which file, what is wrong, what to do
};

std::string snapshot_to_json(const Topology& topology);
// `origin` names the input in error sentences (a file name, "standard input").
std::expected<Topology, SnapshotError> snapshot_from_json(std::string_view text, const std::string& origin);

std::expected<void, SnapshotError> save_snapshot(const Topology& topology, const std::filesystem::path& file);
std::expected<Topology, SnapshotError> load_snapshot(const std::filesystem::path& file);

}  // namespace isola
