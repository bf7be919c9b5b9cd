// The state of an IOMMU group as far as passthrough is concerned; the graph colours groups by it
// and the review reports it.
#pragma once

#include <string_view>

namespace isola {

enum class GroupState {
    HostOnly,       // every member on host drivers (or bridges); nothing assigned
    Viable,         // every endpoint unbound or on vfio-pci/pci-stub: VFIO can claim it now
    Mixed,          // some endpoints on vfio-pci, others on host drivers: not viable, a broken setup
    HostCritical,   // holds something the host needs (root filesystem, default route, console, only keyboard)
    Assigned,       // part of the plan being previewed
    NoIommu,        // a VFIO no-IOMMU group: no isolation at all
};

std::string_view to_string(GroupState);

}  // namespace isola
