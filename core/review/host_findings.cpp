// Findings about the host itself: IOMMU and kernel settings, each group, each candidate device.
#include <algorithm>
#include <charconv>
#include <format>
#include <set>

#include "explain/acs_check.hpp"
#include "plan/describe_plan.hpp"
#include "review/describe_findings.hpp"
#include "review/device_roles.hpp"
#include "review/review_findings.hpp"

namespace isola::review_detail {
namespace {

std::vector<DeviceOnDriver> on_drivers(const Topology& t, const std::vector<Bdf>& devices) {
    std::vector<DeviceOnDriver> out;
    for (const auto& b : devices) out.push_back({label(*t.find(b)), t.find(b)->driver.value});
    return out;
}

std::vector<std::string> labels_of(const Topology& t, const std::vector<Bdf>& devices) {
    std::vector<std::string> out;
    for (const auto& b : devices) {
        const Device* d = t.find(b);
        out.push_back(d ? label(*d) : b.str());
    }
    return out;
}

std::vector<HostImpact> impacts_of_kind(const Device& d, const Topology& t, ImpactKind kind) {
    std::vector<HostImpact> out;
    for (auto& i : host_impacts_of(d, t))
        if (i.kind == kind) out.push_back(std::move(i));
    return out;
}

std::optional<HostImpact> first_blocker(const Device& d, const Topology& t) {
    if (d.is_bridge()) return std::nullopt;
    for (auto& i : host_impacts_of(d, t))
        if (i.severity == Severity::Blocker) return i;
    return std::nullopt;
}

class HostReview {
public:
    HostReview(const Topology& t, const std::map<GroupId, GroupState>& states, bool have_vms,
               const std::map<Bdf, std::vector<std::string>>& claims, std::vector<ReviewFinding>& out)
        : t_(t), states_(states), have_vms_(have_vms), claims_(claims), out_(out) {}

    void run() {
        iommu_state();
        acs_override();
        id_binding();
        listing_limits();
        for (const auto& d : t_.devices())
            if (d.base_class() == 0x03) gpu_slots_.insert(d.address.slot_str());
        for (const auto& g : t_.groups()) group(g);
        for (const auto& d : t_.devices()) device(d);
    }

private:
    void add(Severity s, std::string code, std::string sentence, std::vector<Bdf> devices = {},
             std::optional<GroupId> group = std::nullopt, std::vector<std::string> vms = {}) {
        out_.push_back({s, std::move(code), std::move(sentence), std::move(devices), group, std::move(vms)});
    }
    void add(Severity s, std::string code, const FindingDetail& detail, std::vector<Bdf> devices = {},
             std::optional<GroupId> group = std::nullopt, std::vector<std::string> vms = {}) {
        add(s, std::move(code), describe(detail), std::move(devices), group, std::move(vms));
    }

    bool is_listing() const { return t_.source().from_listing(); }

    void iommu_state() {
        const auto& host = t_.host();
        if (!t_.has_groups()) {
            if (is_listing())
                add(Severity::Confirm, "no-group-data",
                    FindingDetail{.kind = FindingKind::NoGroupData, .origin = t_.source().origin});
            else
                add(Severity::Blocker, "iommu-off", describe_iommu_state(host, false));
            return;
        }
        const auto& dma = host.kernel_parameters.dma_default;
        const bool pt_param = dma && *dma == DmaDefault::Passthrough;
        if ((host.iommu_mode && *host.iommu_mode == IommuMode::Passthrough) || (!host.iommu_mode && pt_param))
            add(Severity::Note, "iommu-passthrough", FindingDetail{.kind = FindingKind::IommuPassthrough});
    }

    void acs_override() {
        const auto& host = t_.host();
        const auto& acs = host.kernel_parameters.acs_override;
        if (!acs || !*acs) return;
        add(Severity::Confirm, "acs-override",
            FindingDetail{.kind = FindingKind::AcsOverride, .parameter = (*acs)->parameter, .acs = **acs});
    }

    // vfio-pci.ids= (and pci-stub.ids=) bind by vendor:device, so every identical card goes too.
    void id_binding() {
        const auto& bindings = t_.host().kernel_parameters.id_bindings;
        if (!bindings) return;
        for (const auto& binding : *bindings)
            for (const auto& id : binding.ids) id_entry(binding, id);
    }

    void id_entry(const IdBinding& binding, const IdMatch& id) {
        std::vector<Bdf> matches;
        for (const auto& d : t_.devices()) {
            // A function whose IDs the source does not give cannot be matched either way.
            if (!d.vendor_id || !d.device_id || *d.vendor_id != id.vendor || *d.device_id != id.device) continue;
            if (id.subsystem_vendor && d.subsystem_vendor_id && *d.subsystem_vendor_id != *id.subsystem_vendor) continue;
            if (id.subsystem_device && d.subsystem_device_id && *d.subsystem_device_id != *id.subsystem_device) continue;
            matches.push_back(d.address);
        }
        if (matches.size() < 2) return;
        add(Severity::Confirm, "id-binding-catches-twins",
            FindingDetail{.kind = FindingKind::IdBindingCatchesTwins,
                          .parameter = binding.module,
                          .entry = id.text,
                          .id = std::format("{:04x}:{:04x}", id.vendor, id.device),
                          .driver = binding.driver,
                          .devices = labels_of(t_, matches)},
            matches);
    }

    void listing_limits() {
        if (!is_listing()) return;
        const bool drivers_shown = std::ranges::any_of(t_.devices(), [](const Device& d) { return d.driver.is_known(); });
        add(Severity::Note, "listing-limits",
            FindingDetail{.kind = FindingKind::ListingLimits, .origin = t_.source().origin, .drivers_shown = drivers_shown});
    }

    void group(const IommuGroup& g) {
        const GroupState state = states_.at(g.id);
        std::vector<Bdf> endpoints;
        for (const auto& m : g.members)
            if (!t_.find(m)->is_bridge()) endpoints.push_back(m);

        if (state == GroupState::NoIommu)
            add(Severity::Confirm, "noiommu-group",
                FindingDetail{.kind = FindingKind::NoIommuGroup, .group = g.id, .devices = labels_of(t_, g.members)},
                g.members, g.id);
        if (state == GroupState::Mixed) mixed(g, endpoints);
        sharing(g, endpoints);
        if (state == GroupState::Viable) held_for_vfio(g, endpoints);
    }

    void mixed(const IommuGroup& g, const std::vector<Bdf>& endpoints) {
        std::vector<Bdf> held, host;
        for (const auto& b : endpoints) {
            const Device& d = *t_.find(b);
            if (d.driver && holds_for_vfio(*d.driver)) held.push_back(b);
            else if (on_host_driver(d)) host.push_back(b);
        }
        std::vector<Bdf> all = held;
        all.insert(all.end(), host.begin(), host.end());
        std::ranges::sort(all);
        std::vector<std::string> held_addresses;
        for (const auto& b : held) held_addresses.push_back(b.str());
        add(Severity::Blocker, "mixed-group",
            FindingDetail{.kind = FindingKind::MixedGroup,
                          .group = g.id,
                          .addresses = held_addresses,
                          .held = on_drivers(t_, held),
                          .host = on_drivers(t_, host)},
            all, g.id);
    }

    // A candidate sharing its group with what the host needs, or with other devices' functions.
    void sharing(const IommuGroup& g, const std::vector<Bdf>& endpoints) {
        std::vector<Bdf> candidates, critical;
        std::vector<DeviceServing> critical_serving;
        for (const auto& b : g.members) {
            const Device& d = *t_.find(b);
            if (auto blocker = first_blocker(d, t_)) {
                critical.push_back(b);
                critical_serving.push_back({label(d), *blocker});
            } else if (is_passthrough_candidate(d)) {
                candidates.push_back(b);
            }
        }
        if (candidates.empty()) return;
        if (!critical.empty()) {
            std::vector<Bdf> devices = candidates;
            devices.insert(devices.end(), critical.begin(), critical.end());
            std::ranges::sort(devices);
            add(Severity::Confirm, "candidate-with-host-critical",
                FindingDetail{.kind = FindingKind::CandidateWithHostCritical,
                              .group = g.id,
                              .devices = labels_of(t_, candidates),
                              .serving = critical_serving},
                devices, g.id);
            return;
        }
        std::set<std::string> slots;
        for (const auto& b : endpoints) slots.insert(b.slot_str());
        if (slots.size() < 2) return;
        std::vector<Bdf> others;
        for (const auto& b : endpoints)
            if (std::ranges::find(candidates, b) == candidates.end()) others.push_back(b);
        add(Severity::Note, "shared-group",
            FindingDetail{.kind = FindingKind::SharedGroup,
                          .group = g.id,
                          .devices = labels_of(t_, candidates),
                          .others = labels_of(t_, others)},
            endpoints, g.id);
    }

    void held_for_vfio(const IommuGroup& g, const std::vector<Bdf>& endpoints) {
        std::vector<Bdf> held;
        std::set<std::string> vms;
        for (const auto& b : endpoints) {
            const Device& d = *t_.find(b);
            if (d.driver && holds_for_vfio(*d.driver)) held.push_back(b);
            if (auto it = claims_.find(b); it != claims_.end()) vms.insert(it->second.begin(), it->second.end());
        }
        if (held.empty()) return;
        FindingDetail detail{.kind = FindingKind::HeldForVfio, .group = g.id, .held = on_drivers(t_, endpoints)};
        if (have_vms_) detail.claimed_by = std::vector<std::string>(vms.begin(), vms.end());
        add(Severity::Note, "held-for-vfio", detail,
            endpoints, g.id, std::vector<std::string>(vms.begin(), vms.end()));
    }

    void device(const Device& d) {
        for (const auto& i : impacts_of_kind(d, t_, ImpactKind::BootGpu))
            add(Severity::Note, "boot-gpu", FindingDetail{.kind = FindingKind::BootGpu, .serving = {{label(d), i}}},
                {d.address}, d.iommu_group);
        if (!resets_matter(d)) return;
        for (const auto& i : impacts_of_kind(d, t_, ImpactKind::NoReset))
            add(Severity::Note, "no-reset", FindingDetail{.kind = FindingKind::NoReset, .serving = {{label(d), i}}},
                {d.address}, d.iommu_group);
    }

    // A candidate, or another function of a GPU (HDMI audio, USB-C, UCSI go to the VM with it).
    bool resets_matter(const Device& d) const {
        return is_passthrough_candidate(d) || (!d.is_bridge() && gpu_slots_.contains(d.address.slot_str()));
    }

    const Topology& t_;
    const std::map<GroupId, GroupState>& states_;
    bool have_vms_;
    const std::map<Bdf, std::vector<std::string>>& claims_;
    std::vector<ReviewFinding>& out_;
    std::set<std::string> gpu_slots_;
};

}  // namespace

void add_host_findings(const Topology& t, const std::map<GroupId, GroupState>& states, bool have_vm_definitions,
                       const std::map<Bdf, std::vector<std::string>>& claims, std::vector<ReviewFinding>& out) {
    HostReview(t, states, have_vm_definitions, claims, out).run();
}

}  // namespace isola::review_detail
