// Findings about VM definitions: each VM's claim judged by plan_attach() against the host and the
// other VMs' claims, so the sentences are the planner's where the two overlap.
#include <algorithm>
#include <format>
#include <set>

#include "plan/attach_plan.hpp"
#include "review/describe_findings.hpp"
#include "review/device_roles.hpp"
#include "review/review_findings.hpp"
#include "review/vm_definition_files.hpp"

namespace isola::review_detail {
namespace {

// The device a claim names holds what the definition recorded (unknown subsystem IDs: no objection).
bool holds_expected(const Device& d, const ExpectedIdentity& e) {
    if (!d.vendor_id || !d.device_id) return true;  // a source without IDs cannot object either
    if (*d.vendor_id != e.vendor_id || *d.device_id != e.device_id) return false;
    if (!e.subsystem || !d.subsystem_vendor_id || !d.subsystem_device_id) return true;
    return *d.subsystem_vendor_id == e.subsystem->first && *d.subsystem_device_id == e.subsystem->second;
}

DeviceIds ids_of(std::uint16_t vendor, std::uint16_t device, std::optional<std::pair<std::uint16_t, std::uint16_t>> sub) {
    return {vendor, device, sub};
}

std::vector<std::string> labels_of(const Topology& t, const std::vector<Bdf>& devices) {
    std::vector<std::string> out;
    for (const auto& b : devices) {
        const Device* d = t.find(b);
        out.push_back(d ? label(*d) : b.str());
    }
    return out;
}

}  // namespace

std::vector<ExpandedVm> expand_vms(const Topology& t, std::span<const VmDefinition> vms) {
    std::map<std::string, int> names;
    for (const auto& vm : vms) ++names[vm.name];
    std::vector<ExpandedVm> out;
    for (const auto& vm : vms) {
        ExpandedVm e;
        e.definition = &vm;
        // A Proxmox VM without a name is "VM 102" in its own UI; a nameless libvirt file is its path.
        e.key = !vm.name.empty() ? (names[vm.name] > 1 ? std::format("{} ({})", vm.name, vm.source_file) : vm.name)
                : vm.kind == "proxmox" && !vm.id.empty() ? "VM " + vm.id
                                                         : vm.source_file;
        for (const auto& c : vm.devices) {
            if (c.expected) {
                // A slot claim records the identity of its function 0, as Proxmox's own check does.
                const Device* at = t.find(c.address);
                if (at && !holds_expected(*at, *c.expected)) {
                    e.changed.emplace_back(&c, at);
                    continue;
                }
            }
            bool found = false;
            if (c.whole_slot)
                for (const auto& d : t.devices())
                    if (d.address.same_slot(c.address)) {
                        e.claims.push_back({d.address, &c});
                        found = true;
                    }
            // A whole slot with nothing in it is judged as its function 0, which is then "gone".
            if (!found) e.claims.push_back({c.address, &c});
        }
        out.push_back(std::move(e));
    }
    return out;
}

std::map<Bdf, std::vector<std::string>> claims_by_device(const std::vector<ExpandedVm>& vms) {
    std::map<Bdf, std::vector<std::string>> out;
    for (const auto& vm : vms)
        for (const auto& c : vm.claims) {
            auto& list = out[c.address];
            if (std::ranges::find(list, vm.key) == list.end()) list.push_back(vm.key);
        }
    return out;
}

namespace {

bool has_blocker(const Device& d, const Topology& t) {
    return std::ranges::any_of(host_impacts_of(d, t), [](const HostImpact& i) { return i.severity == Severity::Blocker; });
}

class VmReview {
public:
    VmReview(const Topology& t, const std::vector<ExpandedVm>& vms, std::vector<ReviewFinding>& out)
        : t_(t), vms_(vms), out_(out) {}

    void run() {
        for (const auto& vm : vms_) review(vm);
    }

private:
    void review(const ExpandedVm& vm) {
        const VmDefinition& def = *vm.definition;
        for (const auto& p : def.problems)
            out_.push_back({Severity::Confirm, p.code, p.sentence, {}, std::nullopt, {vm.key}});
        for (const auto& [claim, now] : vm.changed) changed_device(vm, *claim, *now);
        if (vm.claims.empty()) return;

        AttachRequest request;
        request.vm = vm.key;
        for (const auto& c : vm.claims)
            if (std::ranges::find(request.devices, c.address) == request.devices.end()) request.devices.push_back(c.address);
        for (const auto& other : vms_)
            if (&other != &vm)
                for (const auto& c : other.claims) request.existing_claims.push_back({other.key, c.address});
        const AttachPlan plan = plan_attach(t_, request);

        for (const auto& r : plan.refusals) refusal(vm, r, request);
        for (GroupId gid : plan.groups) partial_group(vm, gid, request);
        if (def.kind == "libvirt") unmanaged(vm);
    }

    void changed_device(const ExpandedVm& vm, const ClaimedDevice& claim, const Device& now) {
        const ExpectedIdentity& e = *claim.expected;
        // Only called when holds_expected() said no, so the IDs are known.
        const std::uint16_t now_vendor = now.vendor_id.value_or(0), now_device = now.device_id.value_or(0);
        const bool same_ids = now_vendor == e.vendor_id && now_device == e.device_id;
        const auto now_sub = now.subsystem_vendor_id && now.subsystem_device_id
                                 ? std::optional{std::pair{*now.subsystem_vendor_id, *now.subsystem_device_id}}
                                 : std::nullopt;
        const FindingDetail detail{
            .kind = FindingKind::VmDeviceChanged,
            .at = std::format("{}:{}", vm.definition->source_file, claim.line),
            .vm = vm_name_or_file(*vm.definition),
            .address = claim.address.str(),
            .mapping = e.mapping,
            .expected = ids_of(e.vendor_id, e.device_id, same_ids ? e.subsystem : std::nullopt),
            .now = ids_of(now_vendor, now_device, same_ids ? now_sub : std::nullopt),
            .now_name = now.display_name()};
        out_.push_back({Severity::Blocker, "vm-device-changed", describe(detail),
                        {claim.address}, now.iommu_group, {vm.key}});
    }

    const ClaimedDevice* claim_of(const ExpandedVm& vm, const Bdf& b) const {
        for (const auto& c : vm.claims)
            if (c.address == b) return c.source;
        return nullptr;
    }

    std::string where(const ExpandedVm& vm, const Bdf& b) const {
        const ClaimedDevice* c = claim_of(vm, b);
        return c && c->line > 0 ? std::format("{}:{}", vm.definition->source_file, c->line) : vm.definition->source_file;
    }

    bool claimed_by(const ExpandedVm& vm, const Bdf& b) const { return claim_of(vm, b) != nullptr; }

    std::optional<std::string> other_claimant(const AttachRequest& r, const Bdf& b) const {
        for (const auto& c : r.existing_claims)
            if (c.device == b) return c.vm;
        return std::nullopt;
    }

    void refusal(const ExpandedVm& vm, const Refusal& r, const AttachRequest& request) {
        // The review's plans always name devices, so each refusal is about one.
        const Bdf subject = r.device.value_or(Bdf{});
        const std::string at = where(vm, subject);
        const Device* device = t_.find(subject);
        auto said = [&](FindingKind kind) { return describe(FindingDetail{.kind = kind, .at = at, .refusal = r}); };
        if (!device) {
            out_.push_back({Severity::Blocker, "vm-device-gone", said(FindingKind::VmDeviceGone),
                            {subject}, std::nullopt, {vm.key}});
            return;
        }
        const Bdf holder = r.holder.value_or(subject);
        if (auto other = other_claimant(request, holder)) {
            // Each of the two VMs' plans refuses; report the pair once per group.
            const auto key = std::make_tuple(r.group.value_or(0), std::min(vm.key, *other), std::max(vm.key, *other));
            if (!shared_.insert(key).second) return;
            std::vector<Bdf> devices{subject};
            if (holder != subject) devices.push_back(holder);
            std::ranges::sort(devices);
            out_.push_back({Severity::Blocker, "vms-share-group", said(FindingKind::VmsShareGroup),
                            devices, r.group, {vm.key, *other}});
            return;
        }
        const Device* holder_device = t_.find(holder);
        if (holder_device && has_blocker(*holder_device, t_)) {
            std::vector<Bdf> devices{subject};
            if (holder != subject) devices.push_back(holder);
            std::ranges::sort(devices);
            out_.push_back({Severity::Blocker, "vm-claims-host-critical", said(FindingKind::VmClaimsHostCritical),
                            devices, r.group, {vm.key}});
            return;
        }
        // A group-mate left on a host driver that the host can spare: partial_group() says what happens.
        if (r.holder && holder != subject && !claimed_by(vm, holder)) return;
        out_.push_back({Severity::Blocker, "vm-claim-refused", said(FindingKind::VmClaimRefused),
                        {subject}, r.group, {vm.key}});
    }

    // Group-mates the VM does not name, which no other VM claims and the host can spare.
    void partial_group(const ExpandedVm& vm, GroupId gid, const AttachRequest& request) {
        const IommuGroup* g = t_.group(gid);
        if (!g) return;
        std::vector<Bdf> named, known_host, unknown;
        for (const auto& m : g->members) {
            const Device& d = *t_.find(m);
            if (claimed_by(vm, m)) {
                named.push_back(m);
                continue;
            }
            if (d.is_bridge() || other_claimant(request, m) || has_blocker(d, t_)) continue;
            if (on_host_driver(d)) known_host.push_back(m);
            else if (!d.driver) unknown.push_back(m);
        }
        if (named.empty() || (known_host.empty() && unknown.empty())) return;
        const std::string at = where(vm, named.front());
        const std::string who = vm_name_or_file(*vm.definition);

        if (vm.definition->kind == "proxmox") {
            std::vector<Bdf> mates = known_host;
            mates.insert(mates.end(), unknown.begin(), unknown.end());
            std::ranges::sort(mates);
            out_.push_back({Severity::Confirm, "vm-partial-group",
                            describe(FindingDetail{.kind = FindingKind::VmPartialGroupProxmox,
                                                   .group = gid,
                                                   .devices = labels_of(t_, named),
                                                   .others = labels_of(t_, mates),
                                                   .at = at,
                                                   .vm = who}),
                            with(named, mates), gid, {vm.key}});
            return;
        }
        if (!known_host.empty()) {
            std::vector<DeviceOnDriver> mates;
            for (const auto& b : known_host) mates.push_back({label(*t_.find(b)), t_.find(b)->driver.value});
            out_.push_back({Severity::Blocker, "vm-partial-group",
                            describe(FindingDetail{.kind = FindingKind::VmPartialGroupLibvirt,
                                                   .group = gid,
                                                   .devices = labels_of(t_, named),
                                                   .addresses = addresses(known_host),
                                                   .host = mates,
                                                   .at = at,
                                                   .vm = who}),
                            with(named, known_host), gid, {vm.key}});
            return;
        }
        out_.push_back({Severity::Confirm, "vm-partial-group",
                        describe(FindingDetail{.kind = FindingKind::VmPartialGroupUnknown,
                                               .group = gid,
                                               .devices = labels_of(t_, named),
                                               .others = labels_of(t_, unknown),
                                               .addresses = addresses(unknown),
                                               .at = at,
                                               .vm = who}),
                        with(named, unknown), gid, {vm.key}});
    }

    // managed='no' (libvirt's default): libvirt leaves the driver alone, so the device must already be on vfio-pci.
    void unmanaged(const ExpandedVm& vm) {
        for (const auto& c : vm.claims) {
            if (!c.source || c.source->managed.value_or(false)) continue;
            const Device* d = t_.find(c.address);
            if (!d || !on_host_driver(*d)) continue;
            const std::string nodedev = std::format("pci_{:04x}_{:02x}_{:02x}_{:x}", c.address.domain, c.address.bus,
                                                    c.address.device, c.address.function);
            out_.push_back({Severity::Confirm, "vm-unmanaged-on-host-driver",
                            describe(FindingDetail{.kind = FindingKind::VmUnmanagedOnHostDriver,
                                                   .driver = *d->driver,
                                                   .devices = {label(*d)},
                                                   .at = where(vm, c.address),
                                                   .vm = vm_name_or_file(*vm.definition),
                                                   .managed = c.source->managed,
                                                   .nodedev = nodedev}),
                            {c.address}, d->iommu_group, {vm.key}});
        }
    }

    static std::vector<Bdf> with(std::vector<Bdf> a, const std::vector<Bdf>& b) {
        a.insert(a.end(), b.begin(), b.end());
        std::ranges::sort(a);
        return a;
    }

    static std::vector<std::string> addresses(const std::vector<Bdf>& v) {
        std::vector<std::string> parts;
        for (const auto& b : v) parts.push_back(b.str());
        return parts;
    }

    const Topology& t_;
    const std::vector<ExpandedVm>& vms_;
    std::vector<ReviewFinding>& out_;
    std::set<std::tuple<GroupId, std::string, std::string>> shared_;
};

}  // namespace

void add_vm_findings(const Topology& t, const std::vector<ExpandedVm>& vms, std::vector<ReviewFinding>& out) {
    VmReview(t, vms, out).run();
}

}  // namespace isola::review_detail
