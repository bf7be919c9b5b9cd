// A proposed attach and its whole-group effect, as a value. The GUI, the CLI and the helper all
// compute it with plan_attach(); the helper recomputes it from the live host and refuses when the
// fingerprint differs from the one the person approved.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "plan/host_impact.hpp"
#include "plan/refusal.hpp"
#include "topology/topology.hpp"

namespace isola {

enum class Backend { LegacyContainer, Iommufd };
std::string_view to_string(Backend);
std::optional<Backend> backend_from_string(std::string_view);  // "legacy", "iommufd"

// A device that a VM definition (or another plan) already claims.
struct VmClaim {
    std::string vm;
    Bdf device;
};

struct AttachRequest {
    std::vector<Bdf> devices;  // what the person selected
    std::string vm;            // the target, e.g. "win11"
    Backend backend = Backend::LegacyContainer;
    std::vector<VmClaim> existing_claims;  // other VMs' devices (from the review of VM definitions)
};

enum class ActionKind {
    BindVfio,            // save driver, driver_override=vfio-pci, unbind, drivers_probe
    RemoveVfsThenBind,   // an SR-IOV PF: sriov_numvfs=0 first (vfio-pci refuses a PF with VFs)
    AlreadyVfio,         // on vfio-pci already
    KeepUnbound,         // no driver: viable as it is
    KeepStub,            // on pci-stub: viable, not usable by the VM
    KeepBridge,          // a bridge on pcieport (driver_managed_dma) or without driver
};
std::string_view to_string(ActionKind);

struct DeviceAction {
    Bdf device;
    ActionKind kind;
    Fact<std::string> from_driver;  // known "": no driver bound; unknown: the source does not say
    bool selected = false;    // named by the person (vs. pulled in by the group)
};

struct AttachPlan {
    AttachRequest request;
    std::vector<GroupId> groups;
    std::vector<DeviceAction> actions;  // every member of every group, sorted by address
    std::vector<HostImpact> impacts;    // confirmations and notes (blockers become refusals)
    std::vector<Refusal> refusals;
    std::string fingerprint;            // of the host facts the plan depends on

    [[nodiscard]] bool refused() const { return !refusals.empty(); }
    [[nodiscard]] bool needs_confirmation() const;
};

AttachPlan plan_attach(const Topology& topology, const AttachRequest& request);

// The facts a plan over `groups` depends on (addresses, IDs, drivers, groups, VF counts), hashed.
std::string plan_fingerprint(const Topology& topology, const std::vector<GroupId>& groups);

std::string plan_to_json(const AttachPlan& plan);

}  // namespace isola
