// Reads a live host (or a fixture tree shaped like one) into a Topology. See README.md here.
#pragma once

#include <chrono>
#include <expected>
#include <filesystem>
#include <functional>
#include <string>

#include "reader/host_roots.hpp"
#include "topology/topology.hpp"

namespace isola {

struct ReadOptions {
    // pci.ids for names; empty: libpci's default (/usr/share/misc/pci.ids).
    std::filesystem::path pci_ids;
    // The capture time written into Source::captured_at. Injected so tests are reproducible.
    std::function<std::chrono::system_clock::time_point()> clock = [] { return std::chrono::system_clock::now(); };
    // Threads reading per-function attribute files; 0: one per CPU (at most 8). The result does
    // not depend on it. Reading sysfs costs CPU in the kernel, so hosts with thousands of SR-IOV
    // functions scan nearly twice as fast on two cores.
    unsigned threads = 0;
    // Read the configuration space of runtime-suspended functions too. Reading it wakes them — a
    // laptop's discrete GPU in D3cold takes over a second and draws power to answer — so by default
    // a sleeping function's config-space facts (header, port type, ACS) stay unknown, with why, and
    // everything sysfs already holds is read as usual. A full read (isolactl --wake, or the GUI's
    // Read Full Configuration Space through isola-helper) is the person's choice.
    bool wake_suspended = false;
};

struct ReadError {
    std::string message;  // a sentence: what could not be read and what to do
};

// Fails only when there is no PCI bus to read at all (sysfs not mounted, wrong root). Everything
// else that cannot be read becomes an unknown field plus a Diagnostic in the Topology.
std::expected<Topology, ReadError> read_host(const HostRoots& roots, const ReadOptions& options = {});

}  // namespace isola
