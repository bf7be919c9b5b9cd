// Where a CLI command gets its Topology: the live host (optionally under other roots), a
// snapshot, an imported listing or a bundled demo host. Shared by every view command.
#pragma once

#include <expected>
#include <string>

#include "arguments.hpp"
#include "topology/topology.hpp"

namespace isola::cli {

// Options every view command accepts.
void add_source_options(ArgumentSpec& spec);

struct LoadedTopology {
    Topology topology;
    std::string demo_title;  // non-empty when this is a bundled demo host, not this machine
};

std::expected<LoadedTopology, std::string> load_topology(const Arguments& args);
std::expected<LoadedTopology, std::string> load_demo(const std::string& name);

}  // namespace isola::cli
