#include "explain/acs_check.hpp"

#include <algorithm>
#include <charconv>
#include <format>
#include <sstream>

#include "explain/acs_quirks.hpp"

namespace isola {
namespace {

constexpr std::uint16_t kRequired = kAcsSourceValidation | kAcsRequestRedirect | kAcsCompletionRedirect |
                                    kAcsUpstreamForwarding;

AcsFinding isolated(std::string why) { return {AcsVerdict::Isolated, std::move(why)}; }
AcsFinding not_isolated(std::string why) { return {AcsVerdict::NotIsolated, std::move(why)}; }
AcsFinding unknown(std::string why) { return {AcsVerdict::Unknown, std::move(why)}; }

// pci_acs_flags_enabled(): bits the capability does not advertise count as hard-wired on.
AcsFinding check_capability(const Device& d) {
    if (!d.acs) return unknown("its ACS capability is unknown (" + d.acs.why_unknown + ")");
    if (!d.acs->has_value()) return not_isolated("has no ACS capability");
    const auto& acs = **d.acs;
    const std::uint16_t req = kRequired & (acs.capability | kAcsEgressControl);
    if ((acs.control & req) == req) return isolated("has ACS with the required controls enabled");
    return not_isolated("lacks " + missing_acs_bits(acs));
}

}  // namespace

std::string missing_acs_bits(const AcsCapability& acs) {
    const std::uint16_t req = kRequired & (acs.capability | kAcsEgressControl);
    const std::uint16_t missing = req & static_cast<std::uint16_t>(~acs.control);
    std::string out;
    auto add = [&](std::uint16_t bit, std::string_view name) {
        if (!(missing & bit)) return;
        if (!out.empty()) out += ", ";
        out += name;
    };
    add(kAcsSourceValidation, "Source Validation (SV)");
    add(kAcsRequestRedirect, "Request Redirect (RR)");
    add(kAcsCompletionRedirect, "Completion Redirect (CR)");
    add(kAcsUpstreamForwarding, "Upstream Forwarding (UF)");
    return out;
}

AcsOverride acs_override_of(const HostFacts& host) {
    AcsOverride o;
    for (const auto& p : host.iommu_parameters) {
        if (!p.starts_with("pcie_acs_override=")) continue;
        std::istringstream in(p.substr(p.find('=') + 1));
        for (std::string item; std::getline(in, item, ',');) {
            if (item == "downstream") o.downstream = true;
            else if (item == "multifunction") o.multifunction = true;
            else if (item.starts_with("id:") && item.size() == 12) {
                unsigned v = 0, dv = 0;
                auto r1 = std::from_chars(item.data() + 3, item.data() + 7, v, 16);
                auto r2 = std::from_chars(item.data() + 8, item.data() + 12, dv, 16);
                if (r1.ec == std::errc{} && r2.ec == std::errc{})
                    o.ids.emplace_back(static_cast<std::uint16_t>(v), static_cast<std::uint16_t>(dv));
            }
        }
    }
    return o;
}

AcsCheck::AcsCheck(const Topology& topology, bool honour_override)
    : topology_(topology), override_(honour_override ? acs_override_of(topology.host()) : AcsOverride{}) {}

AcsFinding AcsCheck::device(const Device& d) const {
    const bool on_root_bus = topology_.source().tree_known && !d.parent;
    // 1. Device-specific quirks decide first (pci_dev_specific_acs_enabled).
    if (auto q = acs_quirk_for(d, on_root_bus)) {
        AcsFinding f = q->isolated ? isolated(std::format("is isolated by the kernel quirk {} (Linux {})",
                                                          q->kernel_function, kAcsQuirkTableKernel))
                                   : not_isolated(std::format("is declared not isolated by the kernel quirk {} (Linux {})",
                                                              q->kernel_function, kAcsQuirkTableKernel));
        f.by_quirk = true;
        return f;
    }
    if (!d.port_type) return unknown("its PCIe port type is unknown (" + d.port_type.why_unknown + ")");
    const PortType type = *d.port_type;

    // 2. The ACS override patch sits in the quirk table too, for PCIe functions without ACS.
    const bool has_acs_cap = d.acs && d.acs->has_value();
    if (override_.any() && type != PortType::Conventional && !has_acs_cap) {
        const bool port = type == PortType::RootPort || type == PortType::DownstreamPort;
        const bool listed = std::ranges::any_of(override_.ids, [&](const auto& id) {
            return id.first == d.vendor_id && id.second == d.device_id;
        });
        if (listed || (override_.downstream && port) ||
            (override_.multifunction && !port && d.multifunction.value_or(false))) {
            AcsFinding f = isolated("is declared isolated by the ACS override (pcie_acs_override), not by hardware");
            f.by_override = true;
            return f;
        }
    }

    switch (type) {
        case PortType::Conventional: return not_isolated("is a conventional PCI device (no ACS)");
        case PortType::PcieToPciBridge:
        case PortType::PciToPcieBridge:
        case PortType::RcEventCollector: return not_isolated("is a bridge type that never counts as ACS-isolated");
        case PortType::RootPort:
        case PortType::DownstreamPort: return check_capability(d);
        case PortType::Endpoint:
        case PortType::UpstreamPort:
        case PortType::LegacyEndpoint:
        case PortType::RcIntegratedEndpoint:
            // PCIe 6.12.1.3: ACS does not apply to single-function devices.
            if (!d.multifunction) return unknown("whether it is multifunction is unknown");
            if (!*d.multifunction) return isolated("is single-function (ACS does not apply)");
            return check_capability(d);
    }
    return unknown("unknown port type");
}

AcsFinding AcsCheck::path(const Device& bridge, const Device** blocker) const {
    bool uncertain = false;
    AcsFinding first_unknown;
    for (const Device* d = &bridge; d;) {
        AcsFinding f = device(*d);
        if (f.verdict == AcsVerdict::NotIsolated) {
            if (blocker) *blocker = d;
            return f;
        }
        if (f.verdict == AcsVerdict::Unknown && !uncertain) {
            uncertain = true;
            first_unknown = f;
            if (blocker) *blocker = d;
        }
        d = d->parent ? topology_.find(*d->parent) : nullptr;
    }
    return uncertain ? first_unknown : isolated("the path to the root is ACS-isolated");
}

}  // namespace isola
