// Where a Topology comes from — this host, a tree shaped like one, a snapshot, a pasted listing
// or a bundled demo host — and the one function that loads it. The CLI and the GUI both go
// through load_topology(), so they read the same thing the same way and refuse it with the same
// sentence.
#pragma once

#include <expected>
#include <filesystem>
#include <optional>
#include <string>

#include "importers/import_listing.hpp"
#include "reader/host_roots.hpp"
#include "reader/read_host.hpp"
#include "topology/topology.hpp"

namespace isola {

struct TopologySource {
    enum class Kind {
        LiveHost,  // this machine, at "/"
        Roots,     // a tree shaped like a host (a fixture, a chroot, a mounted image)
        Snapshot,  // an Isola snapshot file
        Listing,   // a pasted listing file
        Demo,      // a bundled demo host, by name
    };
    Kind kind = Kind::LiveHost;
    HostRoots roots;                              // LiveHost ("/") and Roots
    std::filesystem::path file;                   // Snapshot and Listing
    ListingFormat format = ListingFormat::Auto;   // Listing
    std::string demo;                             // Demo

    static TopologySource live_host() { return {}; }
    static TopologySource host_roots(HostRoots roots) { return {.kind = Kind::Roots, .roots = std::move(roots)}; }
    static TopologySource snapshot(std::filesystem::path file) { return {.kind = Kind::Snapshot, .file = std::move(file)}; }
    static TopologySource listing(std::filesystem::path file, ListingFormat format = ListingFormat::Auto) {
        return {.kind = Kind::Listing, .file = std::move(file), .format = format};
    }
    static TopologySource demo_host(std::string name) { return {.kind = Kind::Demo, .demo = std::move(name)}; }

    // A host read from roots (the live host or another tree) has files beyond the PCI tree to
    // look at: VM definitions under roots.etc. Snapshots, listings and demo hosts do not.
    [[nodiscard]] bool reads_host_files() const { return kind == Kind::LiveHost || kind == Kind::Roots; }
    friend bool operator==(const TopologySource&, const TopologySource&) = default;
};

struct DemoHostInfo {
    std::string name;   // "b550-gpu-in-chipset-group"
    std::string title;  // one line for people
};

struct LoadedTopology {
    Topology topology;
    std::optional<DemoHostInfo> demo;  // set when this is a bundled demo host, not this machine
    // The roots it was read from, when it was read from a host's roots: where its VM definitions
    // are. Empty for snapshots, listings and demo hosts.
    std::optional<HostRoots> roots;
};

struct LoadError {
    std::string message;  // one sentence: which input, what is wrong, what to do
};

std::expected<LoadedTopology, LoadError> load_topology(const TopologySource& source, const ReadOptions& options = {});

// The bundled demo hosts, the default first.
std::vector<DemoHostInfo> demo_host_list();

}  // namespace isola
