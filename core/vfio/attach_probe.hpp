// Attach probes: do what a VM's VFIO open does to one device — through the legacy container or
// through iommufd and the device cdev — and undo it, closing everything, so that "will QEMU get
// this device?" is answered by the kernel itself, before a VM is started. Nothing is mapped, no
// driver changes. The answer is a value: every call made and its outcome, and on failure a typed
// ProbeFailure whose sentence (describe_probe.hpp) names the group, the device and what holds it.
#pragma once

#include <optional>
#include <vector>

#include "plan/attach_plan.hpp"
#include "reader/host_roots.hpp"
#include "topology/topology.hpp"
#include "vfio/probe_failure.hpp"
#include "vfio/vfio_calls.hpp"

namespace isola {

struct StepOutcome {
    ProbeStep step;
    int error = 0;     // errno; 0: the call succeeded
    long value = 0;    // what it returned: API version, group flags, device ID, IOAS ID, page table ID
    std::string path;  // the node opened or looked for
    [[nodiscard]] bool ok() const { return error == 0; }
    friend bool operator==(const StepOutcome&, const StepOutcome&) = default;
};

struct AttachProbe {
    Bdf device;
    std::string device_name;  // "82540EM Gigabit Ethernet Controller", "" when not known
    Backend backend = Backend::LegacyContainer;
    std::optional<GroupId> group;
    bool noiommu = false;
    std::vector<StepOutcome> steps;  // in order, teardown included
    std::optional<ProbeFailure> failure;

    // Filled as the calls succeed (for the success summary and JSON).
    bool viable = false;          // VFIO_GROUP_GET_STATUS had VIABLE
    std::string cdev;             // "vfio3"
    unsigned device_id = 0;       // BIND's out_devid
    unsigned ioas_id = 0;
    unsigned pt_id = 0;           // the page table ATTACH returned

    [[nodiscard]] bool ok() const { return !failure.has_value(); }
};

// Probes `device` of `topology` (read from the host at `roots`) through `backend`. Device nodes
// are opened under roots.dev, the cdev is looked up under roots.sysfs, and, when the kernel says
// a group is busy, the processes holding it are looked for under roots.proc (when given).
AttachProbe probe_attach(const Topology& topology, const HostRoots& roots, const Bdf& device, Backend backend,
                         VfioCalls& calls);

// The processes under `proc` (<proc>/<pid>/fd/* links) that have one of `nodes` open, by pid.
std::vector<NodeHolder> find_node_holders(const std::filesystem::path& proc, const std::vector<std::string>& nodes);

}  // namespace isola
