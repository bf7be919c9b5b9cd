// A host-wide review: which groups mix host and passthrough devices, which candidates share a
// group with what the host needs, which VM definitions claim devices they cannot have, and the
// kernel settings that weaken isolation. Every finding is one sentence; tests assert them verbatim.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <vector>

#include "plan/group_state.hpp"
#include "plan/host_impact.hpp"
#include "review/vm_definition.hpp"
#include "topology/topology.hpp"

namespace isola {

struct ReviewFinding {
    Severity severity;
    std::string code;       // stable id: "mixed-group", "vms-share-group", ... (README.md lists them)
    std::string sentence;   // names the devices, group and VM, and what to do where there is something
    std::vector<Bdf> devices;
    std::optional<GroupId> group;
    std::vector<std::string> vms;
    friend bool operator==(const ReviewFinding&, const ReviewFinding&) = default;
};

// What the per-group table shows of one member.
struct ReviewedDevice {
    Bdf address;
    std::string name;                     // Device::display_name()
    std::string class_name;               // as known ("" when not)
    std::optional<std::string> driver;    // nullopt: not known; "": none bound
    std::vector<std::string> claimed_by;  // VMs whose definitions claim it
};

struct ReviewedGroup {
    GroupId id = 0;
    GroupState state = GroupState::HostOnly;
    std::vector<ReviewedDevice> members;
};

struct Review {
    std::string origin;        // sysfs root, snapshot or listing path
    SourceKind source_kind = SourceKind::LiveHost;
    std::string iommu_summary;  // one sentence on the IOMMU state
    std::vector<ReviewFinding> findings;  // blockers first, then by group, then by code
    std::vector<ReviewedGroup> groups;    // by id
    std::vector<std::string> vm_sources;  // "win11 (libvirt, /etc/libvirt/qemu/win11.xml)"
};

Review review_host(const Topology& topology, std::span<const VmDefinition> vms = {});

// 0: clean or notes only; 1: something to confirm; 2: a blocker. See README.md.
int review_exit_code(const Review& review);

// Views of a Review (never of the host): isolactl's text, JSON for scripts, and a self-contained
// HTML page (inline CSS, light and dark, no external resources).
std::string render_review_text(const Review& review);
std::string render_review_json(const Review& review);
std::string render_review_html(const Review& review);

}  // namespace isola
