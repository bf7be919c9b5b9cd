#include "explain/describe_explanation.hpp"

#include "explain/acs_quirks.hpp"
#include "text/message.hpp"
#include "text/prose.hpp"

namespace isola {
namespace {

std::string bridge_kind(const std::optional<PortType>& type) {
    if (type && *type == PortType::PcieToPciBridge) return translate(N_("PCIe-to-PCI bridge"));
    if (type && *type == PortType::PciToPcieBridge) return translate(N_("PCI-to-PCIe bridge"));
    return translate(N_("conventional PCI bridge"));
}

std::vector<std::string> addresses(const std::vector<Bdf>& v) {
    std::vector<std::string> out;
    for (const auto& b : v) out.push_back(b.str());
    return out;
}

}  // namespace

std::string describe(const AcsFinding& f) {
    // TRANSLATORS: the phrases below complete a sentence about a PCI function, "<address> ...".
    switch (f.reason) {
        case AcsReason::None: return {};
        case AcsReason::CapabilityUnknown: return say("its ACS capability is unknown ({})", f.detail);
        case AcsReason::NoCapability: return say("has no ACS capability");
        case AcsReason::ControlsEnabled: return say("has ACS with the required controls enabled");
        // TRANSLATORS: {} the missing ACS controls by their PCIe names, e.g. "Request Redirect (RR)".
        case AcsReason::LacksControls: return say("lacks {}", acs_bit_names(f.missing));
        case AcsReason::QuirkIsolated:
            // TRANSLATORS: {0} a Linux kernel function, {1} the kernel version Isola's quirk table follows.
            return say("is isolated by the kernel quirk {0} (Linux {1})", f.detail, kAcsQuirkTableKernel);
        case AcsReason::QuirkNotIsolated:
            return say("is declared not isolated by the kernel quirk {0} (Linux {1})", f.detail, kAcsQuirkTableKernel);
        case AcsReason::PortTypeUnknown: return say("its PCIe port type is unknown ({})", f.detail);
        case AcsReason::Override:
            return say("is declared isolated by the ACS override (pcie_acs_override), not by hardware");
        case AcsReason::Conventional: return say("is a conventional PCI device (no ACS)");
        case AcsReason::BridgeType: return say("is a bridge type that never counts as ACS-isolated");
        case AcsReason::MultifunctionUnknown: return say("whether it is multifunction is unknown");
        case AcsReason::SingleFunction: return say("is single-function (ACS does not apply)");
        case AcsReason::UnknownPortType: return say("unknown port type");
        case AcsReason::PathIsolated: return say("the path to the root is ACS-isolated");
    }
    return {};
}

std::string describe(const GroupReason& r) {
    const std::string dev = r.device.str();
    const std::string via = r.via ? r.via->str() : std::string();
    switch (r.kind) {
        case ReasonKind::Alone:
            if (r.finding.by_override)
                return say("{} is alone in its group: the ACS override declares it isolated, not the hardware", dev);
            if (r.finding.by_quirk)
                // TRANSLATORS: {0} a PCI address, {1} a phrase about it, e.g. "is isolated by the kernel quirk ...".
                return say("{0} is alone in its group: it {1}", dev, describe(r.finding));
            return say("{} is alone in its group: its path to the root is ACS-isolated", dev);
        case ReasonKind::DmaAlias:
            // TRANSLATORS: {0} a PCI address, {1} a kind of bridge ("PCIe-to-PCI bridge"), {2} the bridge's address.
            return say("{0} is behind {1} {2}, which issues DMA for everything below it under its own requester ID, "
                       "so the IOMMU cannot tell them apart",
                       dev, bridge_kind(r.bridge_type), via);
        case ReasonKind::AcsPath: {
            const std::string anchor = r.anchor ? r.anchor->str() : via;
            // TRANSLATORS: {0} the function that is not ACS-isolated, {1} a phrase about it ("has no ACS capability").
            const std::string where = r.via && r.anchor && *r.via == *r.anchor
                                          ? say("{0} {1}", via, describe(r.finding))
                                          : say("{0} above it {1}", via, describe(r.finding));
            // TRANSLATORS: {0} a PCI address, {1} the bridge's address, {2} which function on the path is not
            // isolated, and why.
            return say("{0} shares the group of bridge {1} because the path to the root is not ACS-isolated: {2}", dev,
                       anchor, where);
        }
        case ReasonKind::Multifunction:
            // TRANSLATORS: {0} a PCI address, {1} its device (slot) address, {2} the other functions, {3} a phrase
            // about it ("has no ACS capability").
            return say("{0} is a function of multifunction device {1} and, like {2}, is not ACS-isolated: it {3}", dev,
                       r.device.slot_str(), join_list(addresses(r.partners)), describe(r.finding));
        case ReasonKind::Anchor:
            if (r.bridge_type)
                // TRANSLATORS: {0} a PCI address, {1} a kind of bridge ("PCIe-to-PCI bridge").
                return say("{0} is the {1} whose requester ID the devices below it share", dev,
                           bridge_kind(r.bridge_type));
            if (r.finding.reason == AcsReason::None)
                return say("{} is the bridge below which devices are not isolated from each other; they share its "
                           "group",
                           dev);
            // TRANSLATORS: {0} a PCI address, {1} a phrase about it ("has no ACS capability").
            return say("{0} is the bridge below which devices are not isolated from each other ({0} {1}); they share "
                       "its group",
                       dev, describe(r.finding));
        case ReasonKind::Unexplained:
            return say("{} is in this group although the kernel's rules, as Isola models them, would not put it here",
                       dev);
    }
    return {};
}

std::string describe_prediction_note(const GroupExplanation& e) {
    switch (e.note) {
        case PredictionNote::None: return {};
        case PredictionNote::NotPossible:
            // TRANSLATORS: {} why not, e.g. "the source has no bus tree (a pasted listing), so ...".
            return say("Isola cannot replay the kernel's grouping here: {}.", e.note_parameter);
        case PredictionNote::OverrideOnly:
            // TRANSLATORS: {} a list of PCI addresses.
            return say("This group exists only because of the ACS override: by the hardware's ACS the kernel would "
                       "put {} in the same group, so this boundary does not prove isolation.",
                       join_list(addresses(e.note_devices)));
        case PredictionNote::AgreesUncertain:
            return say("The prediction agrees with the kernel, but rests on facts that could not be read (config "
                       "space past 64 bytes needs root).");
        case PredictionNote::DiffersUncertain:
            return say("The kernel's grouping differs from Isola's prediction, most likely because ACS or PCIe facts "
                       "could not be read (config space past 64 bytes needs root); run the scan as root for a "
                       "certain answer.");
        case PredictionNote::OverrideSplit:
            // TRANSLATORS: {} the kernel parameter as given, e.g. "pcie_acs_override=downstream".
            return say("The ACS override ({}) split this group: by the hardware's ACS the kernel would group more "
                       "devices together, so this boundary does not prove isolation.",
                       e.note_parameter);
        case PredictionNote::KernelIsolatesMore:
            // TRANSLATORS: {} the Linux version Isola's quirk table follows, e.g. "6.12.117".
            return say("The kernel isolates more than Isola's rules predict: a device-specific ACS quirk that "
                       "Isola's table (Linux {}) does not know, or a newer kernel's grouping rules.",
                       kAcsQuirkTableKernel);
        case PredictionNote::KernelGroupsMore:
            return say("The kernel groups more devices together than Isola's rules predict: a DMA alias quirk (not "
                       "visible in sysfs) or a newer kernel's grouping rules.");
    }
    return {};
}

std::string describe_no_bus_tree() {
    return say("the source has no bus tree (a pasted listing), so the kernel's rules cannot be replayed");
}

}  // namespace isola
