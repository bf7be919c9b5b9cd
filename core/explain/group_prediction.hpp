// The grouping the kernel's rules predict from topology and ACS: a mirror of
// pci_device_group() (drivers/iommu/iommu.c) over a Topology. Explanations are built from the
// per-device trace, and every disagreement with the kernel's actual groups is labelled.
#pragma once

#include <map>
#include <optional>
#include <vector>

#include "explain/acs_check.hpp"

namespace isola {

// How one function found its place, step by step as pci_device_group() does.
struct GroupingTrace {
    Bdf device;
    std::optional<Bdf> alias_bridge;   // the topmost PCIe-to-PCI / conventional bridge above it
    Bdf anchor;                        // where the ACS climb stopped: the device it groups with
    std::optional<Bdf> acs_blocker;    // the function whose missing ACS made it climb to `anchor`
    AcsFinding acs_blocker_finding;    // why `acs_blocker` is not isolated, e.g. it has no ACS capability
    std::vector<Bdf> function_partners;  // non-isolated sibling functions it joins (multifunction)
    AcsFinding own;                    // the anchor's own ACS verdict (for the multifunction step)
    bool uncertain = false;            // an ACS or port-type fact needed here was unknown
};

struct GroupPrediction {
    bool possible = false;          // false when the source has no bus tree (pasted listings)
    std::string why_not;            // a phrase (describe_no_bus_tree()) when not possible
    std::vector<GroupingTrace> traces;          // one per device, in address order
    std::map<Bdf, int> predicted_group;         // device -> predicted group index
};

GroupPrediction predict_groups(const Topology& topology, bool honour_acs_override = true);

}  // namespace isola
