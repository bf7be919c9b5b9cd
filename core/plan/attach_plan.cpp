#include "plan/attach_plan.hpp"

#include <algorithm>
#include <cstring>
#include <format>
#include <set>

#include "plan/group_closure.hpp"
#include "text/enum_names.hpp"

namespace isola {

namespace {

constexpr std::array kBackendNames{
    EnumName<Backend>{Backend::LegacyContainer, "legacy"},
    EnumName<Backend>{Backend::Iommufd, "iommufd"},
};

constexpr std::array kActionNames{
    EnumName<ActionKind>{ActionKind::BindVfio, "bind-vfio-pci"},
    EnumName<ActionKind>{ActionKind::RemoveVfsThenBind, "remove-vfs-then-bind-vfio-pci"},
    EnumName<ActionKind>{ActionKind::AlreadyVfio, "already-vfio-pci"},
    EnumName<ActionKind>{ActionKind::KeepUnbound, "keep-unbound"},
    EnumName<ActionKind>{ActionKind::KeepStub, "keep-pci-stub"},
    EnumName<ActionKind>{ActionKind::KeepBridge, "keep-bridge"},
};

}  // namespace

std::string_view to_string(Backend b) { return name_of(kBackendNames, b); }
std::optional<Backend> backend_from_string(std::string_view name) { return value_of(kBackendNames, name); }
std::string_view to_string(ActionKind k) { return name_of(kActionNames, k); }

bool AttachPlan::needs_confirmation() const {
    return std::ranges::any_of(impacts, [](const HostImpact& i) { return i.severity == Severity::Confirm; });
}

namespace {

const std::string& driver_of(const Device& d) {
    static const std::string kNone;
    return d.driver ? *d.driver : kNone;
}

bool is_vfio_driver(std::string_view drv) {
    // vfio-pci and its variant drivers (mlx5-vfio-pci, hisi-acc-vfio-pci, ...).
    return drv == "vfio-pci" || (drv.find("vfio") != std::string::npos && drv.ends_with("pci"));
}

DeviceAction action_for(const Device& d, bool selected) {
    DeviceAction a{d.address, ActionKind::BindVfio, d.driver, selected};
    // From a listing the driver may be unknown: the endpoint must then be made viable like any
    // other, and the impact list says that Isola could not tell what it leaves.
    if (!d.driver) {
        a.kind = d.is_bridge() ? ActionKind::KeepBridge : ActionKind::BindVfio;
        return a;
    }
    const std::string& drv = *d.driver;
    if (d.is_bridge()) a.kind = ActionKind::KeepBridge;
    else if (is_vfio_driver(drv)) a.kind = ActionKind::AlreadyVfio;
    else if (d.sriov.num_vfs.value_or(0) > 0) a.kind = ActionKind::RemoveVfsThenBind;
    else if (!selected && drv.empty()) a.kind = ActionKind::KeepUnbound;
    else if (!selected && drv == "pci-stub") a.kind = ActionKind::KeepStub;
    return a;
}

class PlanBuilder {
public:
    PlanBuilder(const Topology& t, const AttachRequest& r) : t_(t) { plan_.request = r; }

    AttachPlan build() {
        const auto& r = plan_.request;
        check_request_shape();
        const GroupClosure closure = close_over_groups(t_, r.devices);
        plan_.groups = closure.groups;
        const std::set<Bdf> selected(r.devices.begin(), r.devices.end());

        for (const auto& bdf : closure.not_found) refuse({.kind = RefusalKind::NoSuchDevice, .device = bdf});
        for (const auto& bdf : closure.without_group) refuse({.kind = RefusalKind::NoGroup, .device = bdf});

        for (const auto& bdf : r.devices)
            if (const Device* d = t_.find(bdf); d && d->is_bridge())
                refuse({.kind = RefusalKind::IsBridge, .device = bdf, .group = d->iommu_group, .holder = bdf});

        for (GroupId gid : closure.groups) plan_group(gid, selected);
        check_backend();
        plan_.fingerprint = plan_fingerprint(t_, plan_.groups);
        // One group's members come in order already; re-sorting thousands of actions is not free.
        if (!std::ranges::is_sorted(plan_.actions, {}, &DeviceAction::device))
            std::ranges::sort(plan_.actions, {}, &DeviceAction::device);
        return std::move(plan_);
    }

private:
    // The device named in a refusal is the first selected one of the group (what the person asked for).
    Bdf subject_for(GroupId gid) const {
        for (const auto& bdf : plan_.request.devices)
            if (const Device* d = t_.find(bdf); d && d->iommu_group == gid) return bdf;
        return plan_.request.devices.front();
    }

    void refuse(Refusal r) {
        r.vm = plan_.request.vm;
        plan_.refusals.push_back(std::move(r));
    }

    void check_request_shape() {
        const auto& r = plan_.request;
        if (r.vm.empty()) refuse({.kind = RefusalKind::NoVmName});
        if (r.devices.empty()) refuse({.kind = RefusalKind::NoDevices});
    }

    void plan_group(GroupId gid, const std::set<Bdf>& selected) {
        const IommuGroup* g = t_.group(gid);
        const Bdf subject = subject_for(gid);
        if (g->noiommu) refuse({.kind = RefusalKind::NoIommuGroup, .device = subject, .group = gid});

        for (const auto& m : g->members) {
            const Device& d = *t_.find(m);
            const bool is_selected = selected.contains(m);
            plan_.actions.push_back(action_for(d, is_selected));
            check_claims(d, gid, subject);
            if (d.is_bridge()) continue;

            bool serves_host = false;  // a use the source shows, not one it merely cannot rule out
            for (auto& impact : host_impacts_of(d, t_)) {
                const bool leaves_host = !is_vfio_driver(driver_of(d));
                if (impact.kind == ImpactKind::UsageUnknown) {
                    // Not knowing is no reason to refuse, but the person must confirm it, like an
                    // unknown driver; a device already on vfio-pci serves the host with nothing.
                    if (leaves_host) plan_.impacts.push_back(std::move(impact));
                    continue;
                }
                if (impact.kind == ImpactKind::NoReset) {
                    // A property of the device, not a use by the host: the VM takes it along and
                    // the person confirms that a second start may need a host reboot.
                    if (leaves_host) plan_.impacts.push_back(std::move(impact));
                    continue;
                }
                serves_host = true;
                if (!leaves_host) continue;
                if (is_selected) {
                    // The person chose this device: only what would break the host is refused.
                    if (impact.severity == Severity::Blocker)
                        refuse({.kind = RefusalKind::HostNeedsDevice, .device = m, .group = gid, .holder = m,
                                .driver = driver_of(d), .impact = std::move(impact)});
                    else
                        plan_.impacts.push_back(std::move(impact));
                } else if (impact.severity != Severity::Note) {
                    // A group-mate the host uses would leave silently: never without being named.
                    refuse({.kind = RefusalKind::GroupMateServesHost, .device = subject, .group = gid, .holder = m,
                            .driver = driver_of(d), .impact = std::move(impact)});
                } else {
                    plan_.impacts.push_back(std::move(impact));
                }
            }
            if (!d.driver) {
                plan_.impacts.push_back({.severity = Severity::Confirm, .kind = ImpactKind::UnknownDriver, .device = m,
                                         .why_unknown = d.driver.why_unknown});
                continue;
            }
            if (!is_selected && !driver_of(d).empty() && !is_vfio_driver(driver_of(d)) && driver_of(d) != "pci-stub" &&
                !serves_host)
                plan_.impacts.push_back({.severity = Severity::Confirm, .kind = ImpactKind::LeavesHostDriver, .device = m,
                                         .count = static_cast<int>(gid), .driver = driver_of(d)});
        }
        note_companions(gid, selected);
    }

    void check_claims(const Device& d, GroupId gid, const Bdf& subject) {
        for (const auto& c : plan_.request.existing_claims) {
            if (c.device != d.address || c.vm == plan_.request.vm) continue;
            refuse({.kind = d.address == subject ? RefusalKind::AlreadyAssigned : RefusalKind::GroupMateAssigned,
                    .device = subject, .group = gid, .holder = d.address, .other_vm = c.vm});
        }
    }

    // Functions of a selected device's slot that sit in another group (GPU audio, USB-C) are easy to
    // forget; VFIO does not need them, but the guest usually does. SR-IOV functions are never such
    // companions: VFs are independent devices that merely share slots (with ARI, also the PF's),
    // so a VF's plan says instead what it needs from its PF.
    void note_companions(GroupId gid, const std::set<Bdf>& selected) {
        for (const auto& bdf : plan_.request.devices) {
            const Device* d = t_.find(bdf);
            if (!d || d->iommu_group != gid) continue;
            if (d->is_vf()) {
                note_physical_function(*d);
                continue;
            }
            for (const auto& other : t_.devices()) {
                if (other.address == bdf || !other.address.same_slot(bdf) || selected.contains(other.address)) continue;
                if (other.is_vf()) continue;
                if (other.iommu_group == gid || !other.iommu_group) continue;
                plan_.impacts.push_back({.severity = Severity::Note, .kind = ImpactKind::CompanionFunction,
                                         .device = other.address, .name = other.display_name(),
                                         .count = static_cast<int>(*other.iommu_group)});
            }
        }
    }

    // A VF exists only while its PF has a driver and enough VFs enabled: unbinding the PF, or
    // writing sriov_numvfs, removes the VF from under the VM (the kernel hot-unplugs it).
    void note_physical_function(const Device& vf) {
        const Device* pf = t_.find(*vf.sriov.physfn);
        plan_.impacts.push_back({.severity = Severity::Note, .kind = ImpactKind::NeedsPhysicalFunction,
                                 .device = vf.address, .name = vf.sriov.physfn->str(),
                                 .count = pf && pf->sriov.num_vfs ? *pf->sriov.num_vfs : -1,
                                 .driver = pf && pf->driver ? *pf->driver : std::string()});
    }

    void check_backend() {
        if (plan_.request.backend != Backend::Iommufd) return;
        const auto& h = t_.host();
        if ((h.dev_iommu && !*h.dev_iommu) || (h.vfio_cdev_support && !*h.vfio_cdev_support)) {
            std::optional<Bdf> subject;
            if (!plan_.request.devices.empty()) subject = plan_.request.devices.front();
            refuse({.kind = RefusalKind::NoIommufd, .device = subject});
        }
    }

    const Topology& t_;
    AttachPlan plan_;
};

}  // namespace

AttachPlan plan_attach(const Topology& topology, const AttachRequest& request) {
    return PlanBuilder(topology, request).build();
}

std::string plan_fingerprint(const Topology& t, const std::vector<GroupId>& groups) {
    // FNV-1a over a canonical text of what the plan rests on; stable across processes and builds.
    // Appended piece by piece rather than formatted line by line: the same text, a quarter of the
    // time, which matters for a plan of a group with thousands of members.
    std::string text;
    auto add = [&text](std::string_view piece, char end) {
        text += piece;
        text += end;
    };
    for (GroupId gid : groups) {
        const IommuGroup* g = t.group(gid);
        if (!g) continue;
        add("group " + std::to_string(gid), '\n');
        for (const auto& m : g->members) {
            const Device& d = *t.find(m);
            add(m.str(), ' ');
            add(d.pci_id().value_or("?"), ' ');
            add(d.driver ? std::string_view(*d.driver) : "?", ' ');
            add(d.driver_override ? std::string_view(*d.driver_override) : "?", ' ');
            add(std::to_string(d.sriov.num_vfs.value_or(-1)), '\n');
        }
    }
    // FNV-1a, fed eight bytes at a time (byte by byte, the multiply chain took 0.2 ms for a
    // 4,000-member group). Only ever compared with a fingerprint made by this same function.
    std::uint64_t h = 0xcbf29ce484222325ull;
    std::size_t i = 0;
    for (; i + 8 <= text.size(); i += 8) {
        std::uint64_t word = 0;
        std::memcpy(&word, text.data() + i, 8);
        h ^= word;
        h *= 0x100000001b3ull;
    }
    for (; i < text.size(); ++i) {
        h ^= static_cast<unsigned char>(text[i]);
        h *= 0x100000001b3ull;
    }
    return std::format("{:016x}", h);
}

}  // namespace isola
