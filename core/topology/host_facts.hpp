// Facts about the host as a whole: kernel, IOMMU state, VFIO interfaces, kernel parameters.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "topology/fact.hpp"
#include "topology/kernel_parameters.hpp"

namespace isola {

enum class IommuMode {
    Off,          // no IOMMU groups at all
    Translated,   // default domains are DMA / DMA-FQ
    Passthrough,  // default domains are identity (iommu=pt): isolation only for VFIO-owned groups
    Mixed,        // groups disagree
};
std::string_view to_string(IommuMode);
std::optional<IommuMode> iommu_mode_from_string(std::string_view);

struct HostFacts {
    Fact<std::string> hostname;
    Fact<std::string> kernel_release;     // uname -r, from proc/sys/kernel/osrelease
    Fact<std::string> kernel_cmdline;     // proc/cmdline, as given
    KernelParameters kernel_parameters;   // what the command line says about the IOMMU, typed
    Fact<IommuMode> iommu_mode;
    Fact<std::vector<std::string>> iommu_drivers;  // class/iommu entries, e.g. "dmar0", "ivhd0"
    Fact<bool> dev_iommu;                 // /dev/iommu exists (iommufd)
    Fact<bool> vfio_cdev_support;         // /dev/vfio/devices exists
    Fact<bool> vfio_noiommu;              // vfio enable_unsafe_noiommu_mode=Y

    friend bool operator==(const HostFacts&, const HostFacts&) = default;
};

// One sentence on the IOMMU state for people: what is active, or that none is and what to do.
std::string describe_iommu_state(const HostFacts&, bool has_groups);


}  // namespace isola
