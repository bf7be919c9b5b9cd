// Findings about the host itself: IOMMU and kernel settings, each group, each candidate device.
#include <algorithm>
#include <charconv>
#include <format>
#include <set>

#include "explain/acs_check.hpp"
#include "plan/describe_plan.hpp"
#include "review/device_roles.hpp"
#include "review/review_findings.hpp"

namespace isola::review_detail {
namespace {

std::string driver_text(const Device& d) {
    if (!d.driver) return "a driver not shown";
    return d.driver->empty() ? "no driver" : *d.driver;
}

std::string on_drivers(const Topology& t, const std::vector<Bdf>& devices) {
    std::vector<std::string> parts;
    for (const auto& b : devices) parts.push_back(label(*t.find(b)) + " on " + driver_text(*t.find(b)));
    return join_prose(parts);
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

    bool is_listing() const { return t_.source().from_listing(); }

    void iommu_state() {
        const auto& host = t_.host();
        if (!t_.has_groups()) {
            if (is_listing())
                add(Severity::Confirm, "no-group-data",
                    std::format("{} has no IOMMU group data, so no group can be reviewed: it may come from a host "
                                "with the IOMMU off or from a command that does not print groups (lspci without "
                                "-v); capture /sys/kernel/iommu_groups/*/devices/* on that host and review again",
                                t_.source().origin));
            else
                add(Severity::Blocker, "iommu-off", describe_iommu_state(host, false));
            return;
        }
        const bool pt_param = std::ranges::find(host.iommu_parameters, "iommu=pt") != host.iommu_parameters.end();
        if ((host.iommu_mode && *host.iommu_mode == IommuMode::Passthrough) || (!host.iommu_mode && pt_param))
            add(Severity::Note, "iommu-passthrough",
                "The IOMMU runs in passthrough mode (iommu=pt): DMA from the devices the host keeps is not "
                "translated, so they can reach all host memory, but groups handed to VFIO are still isolated");
    }

    void acs_override() {
        const auto& host = t_.host();
        if (!host.acs_override()) return;
        std::string param;
        for (const auto& p : host.iommu_parameters)
            if (p.starts_with("pcie_acs_override=")) param = p;
        const AcsOverride o = acs_override_of(host);
        std::vector<std::string> what;
        if (o.downstream) what.push_back("root and downstream ports without ACS");
        if (o.multifunction) what.push_back("functions of multifunction devices without ACS");
        for (const auto& [v, dv] : o.ids) what.push_back(std::format("devices with ID {:04x}:{:04x}", v, dv));
        if (what.empty()) what.push_back("the devices it names");
        add(Severity::Confirm, "acs-override",
            std::format("The ACS override ({}) is active: the kernel treats {} as isolated, so IOMMU groups may be "
                        "smaller than what the hardware isolates and a group boundary does not prove isolation; "
                        "devices it split apart can still reach each other by peer-to-peer DMA, so boot once without "
                        "it to see the real groups before passing devices to a VM you do not trust",
                        param, join_prose(what)));
    }

    // vfio-pci.ids= (and pci-stub.ids=) bind by vendor:device, so every identical card goes too.
    void id_binding() {
        for (const auto& p : t_.host().iommu_parameters) {
            const auto eq = p.find(".ids=");
            if (eq == std::string::npos) continue;
            const std::string module = p.substr(0, eq);
            std::string driver;
            if (module == "vfio-pci" || module == "vfio_pci") driver = "vfio-pci";
            else if (module == "pci-stub" || module == "pci_stub") driver = "pci-stub";
            else continue;
            std::string_view list = std::string_view(p).substr(eq + 5);
            while (!list.empty()) {
                const auto comma = list.find(',');
                id_entry(module, driver, list.substr(0, comma));
                list = comma == std::string_view::npos ? std::string_view{} : list.substr(comma + 1);
            }
        }
    }

    void id_entry(const std::string& module, const std::string& driver, std::string_view entry) {
        // vendor:device[:subvendor[:subdevice[:class[:class_mask]]]]
        unsigned ids[4] = {0, 0, 0xffffffff, 0xffffffff};
        std::size_t n = 0;
        for (std::string_view rest = entry; n < 4 && !rest.empty(); ++n) {
            const auto colon = rest.find(':');
            const auto field = rest.substr(0, colon);
            if (std::from_chars(field.data(), field.data() + field.size(), ids[n], 16).ec != std::errc{}) return;
            rest = colon == std::string_view::npos ? std::string_view{} : rest.substr(colon + 1);
        }
        if (n < 2) return;
        std::vector<Bdf> matches;
        for (const auto& d : t_.devices()) {
            if (d.vendor_id != ids[0] || d.device_id != ids[1]) continue;
            if (ids[2] != 0xffffffff && d.subsystem_vendor_id && *d.subsystem_vendor_id != ids[2]) continue;
            if (ids[3] != 0xffffffff && d.subsystem_device_id && *d.subsystem_device_id != ids[3]) continue;
            matches.push_back(d.address);
        }
        if (matches.size() < 2) return;
        const std::string id = std::format("{:04x}:{:04x}", ids[0], ids[1]);
        add(Severity::Confirm, "id-binding-catches-twins",
            std::format("{}.ids={} on the kernel command line binds every device with ID {} to {} at boot, and {} "
                        "devices here have it: {}; the host cannot keep any of them, so to keep one, bind the others "
                        "by address instead (driverctl set-override ADDRESS vfio-pci) and drop the ID",
                        module, entry, id, driver, matches.size(), labels(t_, matches)),
            matches);
    }

    void listing_limits() {
        if (!is_listing()) return;
        const bool drivers_shown = std::ranges::any_of(t_.devices(), [](const Device& d) { return d.driver.is_known(); });
        add(Severity::Note, "listing-limits",
            std::format("{} is a pasted listing, which does not show what the host uses its devices for (root "
                        "filesystem, default-route network interface, console GPU): host-critical here means chipset "
                        "functions (host bridge, ISA bridge, SMBus, RAM controller) and the groups they share{}; "
                        "review the host itself (isolactl review) before passing devices through",
                        t_.source().origin,
                        drivers_shown ? ""
                                      : ", and it shows no drivers, so groups that mix vfio-pci and host drivers "
                                        "cannot be seen"));
    }

    void group(const IommuGroup& g) {
        const GroupState state = states_.at(g.id);
        std::vector<Bdf> endpoints;
        for (const auto& m : g.members)
            if (!t_.find(m)->is_bridge()) endpoints.push_back(m);

        if (state == GroupState::NoIommu)
            add(Severity::Confirm, "noiommu-group",
                std::format("IOMMU group {} is a VFIO no-IOMMU group: {} {} no DMA isolation at all, so a VM given "
                            "{} could read and write all host memory; no-IOMMU mode is for trusted user-space drivers "
                            "(such as DPDK), never for VMs",
                            g.id, labels(t_, g.members), g.members.size() == 1 ? "has" : "have",
                            g.members.size() == 1 ? "it" : "them"),
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
            std::format("IOMMU group {0} is not viable: it holds {1} next to {2}; a VM given the group fails to start "
                        "with \"group {0} is not viable\", so bind every endpoint of the group to vfio-pci, or return "
                        "{3} to the host",
                        g.id, on_drivers(t_, held), on_drivers(t_, host), join_prose(held_addresses)),
            all, g.id);
    }

    // A candidate sharing its group with what the host needs, or with other devices' functions.
    void sharing(const IommuGroup& g, const std::vector<Bdf>& endpoints) {
        std::vector<Bdf> candidates, critical;
        std::vector<std::string> critical_phrases;
        for (const auto& b : g.members) {
            const Device& d = *t_.find(b);
            if (auto blocker = first_blocker(d, t_)) {
                critical.push_back(b);
                critical_phrases.push_back(label(d) + " " + describe_serves(*blocker));
            } else if (is_passthrough_candidate(d)) {
                candidates.push_back(b);
            }
        }
        if (candidates.empty()) return;
        const bool one = candidates.size() == 1;
        if (!critical.empty()) {
            std::vector<Bdf> devices = candidates;
            devices.insert(devices.end(), critical.begin(), critical.end());
            std::ranges::sort(devices);
            add(Severity::Confirm, "candidate-with-host-critical",
                std::format("{} in IOMMU group {} cannot be passed to a VM without taking what the host needs with "
                            "{}: {}; VFIO takes whole groups, so keep {} on the host, or give a plug-in card a slot "
                            "with its own IOMMU group",
                            labels(t_, candidates), g.id, one ? "it" : "them", join_prose(critical_phrases),
                            one ? "it" : "them"),
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
            std::format("IOMMU group {} holds passthrough candidate{} {}{}{}: VFIO takes the whole group, so these "
                        "devices can go to one VM together or stay on the host together, never split between them",
                        g.id, one ? "" : "s", labels(t_, candidates), others.empty() ? "" : " together with ",
                        labels(t_, others)),
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
        std::string claimed;
        if (have_vms_) {
            std::vector<std::string> quoted;
            for (const auto& v : vms) quoted.push_back("\"" + v + "\"");
            claimed = vms.empty() ? "; no VM definition claims it" : "; claimed by " + join_prose(quoted);
        }
        add(Severity::Note, "held-for-vfio",
            std::format("IOMMU group {} is ready for VFIO: {}, and no endpoint of the group is on a host driver{}",
                        g.id, on_drivers(t_, endpoints), claimed),
            endpoints, g.id, std::vector<std::string>(vms.begin(), vms.end()));
    }

    void device(const Device& d) {
        for (const auto& i : impacts_of_kind(d, t_, ImpactKind::BootGpu))
            add(Severity::Note, "boot-gpu", label(d) + " " + describe_serves(i), {d.address}, d.iommu_group);
        if (!resets_matter(d)) return;
        for (const auto& i : impacts_of_kind(d, t_, ImpactKind::NoReset))
            add(Severity::Note, "no-reset", label(d) + " " + describe_serves(i), {d.address}, d.iommu_group);
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
