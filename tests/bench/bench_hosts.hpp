// The scale hosts of the fixture lab, written once per process to tmpfs and read back, for the
// in-process benchmarks and the shape tests. Trees are removed when the process exits.
#pragma once

#include <filesystem>

#include "fixture_lab.hpp"
#include "reader/host_roots.hpp"
#include "topology/topology.hpp"

namespace isola::bench {

struct BenchHost {
    std::filesystem::path root;  // <root>/sys, <root>/proc, <root>/dev
    HostRoots roots;
    Topology topology;           // read once with every thread
};

// Writes the host of `shape` with about `functions` functions (first call only) and reads it.
// Aborts with the reader's sentence when it cannot be read: a benchmark of nothing is no result.
const BenchHost& bench_host(lab::ScaleShape shape, int functions);

// The directory trees go to: /dev/shm when writable (30,000 small files on a disk take a minute
// to write and remove), else the temporary directory.
std::filesystem::path scratch_directory();

// A device a person would hand to a VM on this host: the first GPU, else the first SR-IOV PF, else
// the first NVMe drive that is not the boot disk (no mount), else the first endpoint with a group.
Bdf device_to_plan(const Topology& topology);

}  // namespace isola::bench
