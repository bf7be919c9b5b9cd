#include "topology/host_facts.hpp"

#include <array>

#include "text/enum_names.hpp"

#include "text/message.hpp"

namespace isola {

namespace {
constexpr std::array kIommuModeNames{
    EnumName<IommuMode>{IommuMode::Off, "off"},
    EnumName<IommuMode>{IommuMode::Translated, "translated"},
    EnumName<IommuMode>{IommuMode::Passthrough, "passthrough"},
    EnumName<IommuMode>{IommuMode::Mixed, "mixed"},
};
}  // namespace

std::string_view to_string(IommuMode m) { return name_of(kIommuModeNames, m); }
std::optional<IommuMode> iommu_mode_from_string(std::string_view name) { return value_of(kIommuModeNames, name); }

}  // namespace isola

namespace isola {

std::string describe_iommu_state(const HostFacts& host, bool has_groups) {
    std::string s;
    if (!has_groups) {
        s = say("No IOMMU is active on this host, so no device can be isolated for VFIO: enable VT-d (Intel) or "
                "AMD-Vi/IOMMU (AMD) in the firmware setup and boot with intel_iommu=on on Intel systems; inside a "
                "virtual machine, give the VM a virtual IOMMU first.");
        return s;  // without groups there is nothing an ACS override could have split
    }
    if (!host.iommu_mode) {
        if (host.iommu_mode.why_unknown.empty())
            s = say("IOMMU groups are present, so an IOMMU was active; whether it translated DMA or passed it "
                    "through (iommu=pt) is not known.");
        else
            // TRANSLATORS: {} why the IOMMU's mode is not known.
            s = say("IOMMU groups are present, so an IOMMU was active; whether it translated DMA or passed it through "
                    "(iommu=pt) is not known ({}).",
                    translate(host.iommu_mode.why_unknown.c_str()));
    } else if (*host.iommu_mode == IommuMode::Passthrough) {
        s = say("An IOMMU is active in passthrough mode (iommu=pt): devices the host keeps are not translated, but "
                "groups handed to VFIO are isolated.");
    } else if (*host.iommu_mode == IommuMode::Mixed) {
        s = say("An IOMMU is active; some groups translate DMA and some pass it through (identity).");
    } else {
        s = say("An IOMMU is active and translates DMA for every group.");
    }
    const auto& acs = host.kernel_parameters.acs_override;
    if (acs && *acs) {
        // TRANSLATORS: {} the kernel parameter as given, e.g. "pcie_acs_override=downstream".
        s += " " + say("The ACS override ({}) is active: groups may be split beyond what the hardware "
                       "isolates, so a group boundary does not prove isolation.",
                       (*acs)->parameter);
    } else if (!acs) {
        // TRANSLATORS: {} why the kernel command line is not known, e.g. "a listing does not say".
        s += " " + say("Whether an ACS override (pcie_acs_override) split the groups is not known ({}), so a group "
                       "boundary is not proof of isolation by itself.",
                       acs.why_unknown.empty() ? say("not recorded") : translate(acs.why_unknown.c_str()));
    }
    return s;
}

}  // namespace isola
