#include "topology/host_facts.hpp"

#include <algorithm>

#include "text/message.hpp"

namespace isola {

std::string_view to_string(IommuMode m) {
    switch (m) {
        case IommuMode::Off: return "off";
        case IommuMode::Translated: return "translated";
        case IommuMode::Passthrough: return "passthrough";
        case IommuMode::Mixed: return "mixed";
    }
    return "unknown";
}

bool HostFacts::acs_override() const {
    return std::ranges::any_of(iommu_parameters,
                               [](const std::string& p) { return p.starts_with("pcie_acs_override="); });
}

}  // namespace isola

namespace isola {

std::string describe_iommu_state(const HostFacts& host, bool has_groups) {
    std::string s;
    if (!has_groups) {
        s = say("No IOMMU is active on this host, so no device can be isolated for VFIO: enable VT-d (Intel) or "
                "AMD-Vi/IOMMU (AMD) in the firmware setup and boot with intel_iommu=on on Intel systems; inside a "
                "virtual machine, give the VM a virtual IOMMU first.");
    } else if (host.iommu_mode && *host.iommu_mode == IommuMode::Passthrough) {
        s = say("An IOMMU is active in passthrough mode (iommu=pt): devices the host keeps are not translated, but "
                "groups handed to VFIO are isolated.");
    } else if (host.iommu_mode && *host.iommu_mode == IommuMode::Mixed) {
        s = say("An IOMMU is active; some groups translate DMA and some pass it through (identity).");
    } else {
        s = say("An IOMMU is active and translates DMA for every group.");
    }
    if (host.acs_override()) {
        for (const auto& p : host.iommu_parameters)
            if (p.starts_with("pcie_acs_override="))
                // TRANSLATORS: {} the kernel parameter as given, e.g. "pcie_acs_override=downstream".
                s += " " + say("The ACS override ({}) is active: groups may be split beyond what the hardware "
                               "isolates, so a group boundary does not prove isolation.",
                               p);
    }
    return s;
}

}  // namespace isola
