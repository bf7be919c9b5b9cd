// Facts about the host as a whole: kernel, IOMMU state, VFIO interfaces, kernel parameters.
#pragma once

#include <string>
#include <vector>

#include "topology/fact.hpp"

namespace isola {

enum class IommuMode {
    Off,          // no IOMMU groups at all
    Translated,   // default domains are DMA / DMA-FQ
    Passthrough,  // default domains are identity (iommu=pt): isolation only for VFIO-owned groups
    Mixed,        // groups disagree
};
std::string_view to_string(IommuMode);

struct HostFacts {
    Fact<std::string> hostname;
    Fact<std::string> kernel_release;     // uname -r, from proc/sys/kernel/osrelease
    Fact<std::string> kernel_cmdline;     // proc/cmdline
    Fact<IommuMode> iommu_mode;
    Fact<std::vector<std::string>> iommu_drivers;  // class/iommu entries, e.g. "dmar0", "ivhd0"
    Fact<bool> dev_iommu;                 // /dev/iommu exists (iommufd)
    Fact<bool> vfio_cdev_support;         // /dev/vfio/devices exists
    Fact<bool> vfio_noiommu;              // vfio enable_unsafe_noiommu_mode=Y
    // IOMMU-related kernel parameters as given on the command line, e.g. "intel_iommu=on",
    // "iommu=pt", "pcie_acs_override=downstream,multifunction", "vfio-pci.ids=10de:1b80".
    std::vector<std::string> iommu_parameters;
    [[nodiscard]] bool acs_override() const;  // a pcie_acs_override= parameter is present

    friend bool operator==(const HostFacts&, const HostFacts&) = default;
};

// One sentence on the IOMMU state for people: what is active, or that none is and what to do.
std::string describe_iommu_state(const HostFacts&, bool has_groups);


}  // namespace isola
