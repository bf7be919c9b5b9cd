#include "topology/host_facts.hpp"

#include <algorithm>

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
