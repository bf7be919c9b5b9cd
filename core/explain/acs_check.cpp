#include "explain/acs_check.hpp"

#include <algorithm>
#include <charconv>
#include <format>
#include <sstream>

#include "explain/acs_quirks.hpp"
#include "text/prose.hpp"

namespace isola {
namespace {

constexpr std::uint16_t kRequired = kAcsSourceValidation | kAcsRequestRedirect | kAcsCompletionRedirect |
                                    kAcsUpstreamForwarding;

AcsFinding isolated(AcsReason why, std::string detail = {}) {
    return {.verdict = AcsVerdict::Isolated, .reason = why, .detail = std::move(detail)};
}
AcsFinding not_isolated(AcsReason why, std::string detail = {}) {
    return {.verdict = AcsVerdict::NotIsolated, .reason = why, .detail = std::move(detail)};
}
AcsFinding unknown(AcsReason why, std::string detail = {}) {
    return {.verdict = AcsVerdict::Unknown, .reason = why, .detail = std::move(detail)};
}

// pci_acs_flags_enabled(): bits the capability does not advertise count as hard-wired on.
AcsFinding check_capability(const Device& d) {
    if (!d.acs) return unknown(AcsReason::CapabilityUnknown, d.acs.why_unknown);
    if (!d.acs->has_value()) return not_isolated(AcsReason::NoCapability);
    const auto& acs = **d.acs;
    const std::uint16_t missing = missing_acs_controls(acs);
    if (!missing) return isolated(AcsReason::ControlsEnabled);
    AcsFinding f = not_isolated(AcsReason::LacksControls);
    f.missing = missing;
    return f;
}

}  // namespace

Fact<bool> kernel_multifunction(const Device& d) {
    if (d.address.function > 0 && !d.is_vf()) return Fact<bool>::known(true);
    return d.multifunction;
}

std::uint16_t missing_acs_controls(const AcsCapability& acs) {
    const std::uint16_t req = kRequired & (acs.capability | kAcsEgressControl);
    return req & static_cast<std::uint16_t>(~acs.control);
}

std::string acs_bit_names(std::uint16_t missing) {
    std::vector<std::string> names;
    auto add = [&](std::uint16_t bit, std::string_view name) {
        if (missing & bit) names.emplace_back(name);
    };
    add(kAcsSourceValidation, "Source Validation (SV)");
    add(kAcsRequestRedirect, "Request Redirect (RR)");
    add(kAcsCompletionRedirect, "Completion Redirect (CR)");
    add(kAcsUpstreamForwarding, "Upstream Forwarding (UF)");
    return join_list(names);
}

std::string missing_acs_bits(const AcsCapability& acs) { return acs_bit_names(missing_acs_controls(acs)); }

AcsOverride acs_override_of(const HostFacts& host) {
    const auto& acs = host.kernel_parameters.acs_override;
    return acs && *acs ? **acs : AcsOverride{};
}

AcsCheck::AcsCheck(const Topology& topology, bool honour_override)
    : topology_(topology), override_(honour_override ? acs_override_of(topology.host()) : AcsOverride{}) {}

AcsFinding AcsCheck::device(const Device& d) const {
    const bool on_root_bus = topology_.source().tree_known && !d.parent;
    // 1. Device-specific quirks decide first (pci_dev_specific_acs_enabled).
    if (auto q = acs_quirk_for(d, on_root_bus)) {
        AcsFinding f = q->isolated ? isolated(AcsReason::QuirkIsolated, std::string(q->kernel_function))
                                   : not_isolated(AcsReason::QuirkNotIsolated, std::string(q->kernel_function));
        f.by_quirk = true;
        return f;
    }
    if (!d.port_type) return unknown(AcsReason::PortTypeUnknown, d.port_type.why_unknown);
    const PortType type = *d.port_type;

    // 2. The ACS override patch sits in the quirk table too, for PCIe functions without ACS.
    const bool has_acs_cap = d.acs && d.acs->has_value();
    if (override_.any() && type != PortType::Conventional && !has_acs_cap) {
        const bool port = type == PortType::RootPort || type == PortType::DownstreamPort;
        const bool listed = std::ranges::any_of(override_.ids, [&](const auto& id) {
            return d.vendor_id && d.device_id && id.first == *d.vendor_id && id.second == *d.device_id;
        });
        if (listed || (override_.downstream && port) ||
            (override_.multifunction && !port && kernel_multifunction(d).value_or(false))) {
            AcsFinding f = isolated(AcsReason::Override);
            f.by_override = true;
            return f;
        }
    }

    switch (type) {
        case PortType::Conventional: return not_isolated(AcsReason::Conventional);
        case PortType::PcieToPciBridge:
        case PortType::PciToPcieBridge:
        case PortType::RcEventCollector: return not_isolated(AcsReason::BridgeType);
        case PortType::RootPort:
        case PortType::DownstreamPort: return check_capability(d);
        case PortType::Endpoint:
        case PortType::UpstreamPort:
        case PortType::LegacyEndpoint:
        case PortType::RcIntegratedEndpoint:
            // PCIe 6.12.1.3: ACS does not apply to single-function devices.
            if (const auto mf = kernel_multifunction(d); !mf) return unknown(AcsReason::MultifunctionUnknown);
            else if (!*mf) return isolated(AcsReason::SingleFunction);
            return check_capability(d);
    }
    return unknown(AcsReason::UnknownPortType);
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
    return uncertain ? first_unknown : isolated(AcsReason::PathIsolated);
}

}  // namespace isola
