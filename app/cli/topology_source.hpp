// The source options every view command accepts, turned into core's TopologySource and loaded
// with core's load_topology(): the live host (optionally under other roots), a snapshot, an
// imported listing or a bundled demo host.
#pragma once

#include <expected>
#include <string>

#include "arguments.hpp"
#include "source/topology_source.hpp"

namespace isola::cli {

// Options every view command accepts.
void add_source_options(ArgumentSpec& spec);

// The source the options name; a sentence when they contradict each other.
std::expected<TopologySource, std::string> source_from_arguments(const Arguments& args);

std::expected<LoadedTopology, std::string> load_topology(const Arguments& args);

// "Demo host: TITLE — not this machine." before a view of a demo host, else "".
std::string demo_banner(const LoadedTopology& loaded);

}  // namespace isola::cli
