#include "group_table.hpp"

#include <algorithm>
#include <format>
#include <map>

#include "text/message.hpp"

namespace isola::cli {
namespace {

std::string join(const std::vector<std::string>& parts, std::string_view sep) {
    std::string out;
    for (const auto& p : parts) {
        if (!out.empty()) out += sep;
        out += p;
    }
    return out;
}

std::string driver_text(const Device& d) {
    if (!d.driver) return "?";
    return d.driver->empty() ? "-" : *d.driver;
}

std::string class_text(const Device& d) {
    if (!d.class_name.empty()) return d.class_name;
    return d.class_id ? say("class {:04x}", *d.class_id) : "?";
}

std::string name_text(const Device& d) {
    const std::string name = d.display_name();
    const auto id = d.pci_id();
    if (!id) return name;
    const std::string ids = "[" + *id + "]";
    return name == ids ? ids : name + " " + ids;
}

std::string fit(std::string s, std::size_t width) {
    if (s.size() > width) s = s.substr(0, width - 1) + "~";
    return s;
}

struct Row {
    std::string address, cls, name, driver, use;
};

}  // namespace

std::string describe_usage(const Device& d) {
    std::vector<std::string> parts;
    const auto& use = d.usage;
    for (const auto& n : use.net.value_or({})) {
        // TRANSLATORS: {0} an interface name, {1} its state as the kernel says it ("up", "down": untranslated).
        std::string s = say("network {0} {1}", n.name, n.operstate);
        if (!n.addresses.empty()) s += " " + join(n.addresses, " ");
        if (n.default_route_v4 || n.default_route_v6) s += " " + say("(default route)");
        parts.push_back(s);
    }
    for (const auto& b : use.block.value_or({})) {
        std::vector<std::string> mounts = b.mountpoints;
        for (const auto& p : b.partitions) mounts.insert(mounts.end(), p.mountpoints.begin(), p.mountpoints.end());
        // TRANSLATORS: {} a block device name (nvme0n1).
        std::string s = say("storage {}", b.name);
        if (!mounts.empty()) s += " (" + join(mounts, ", ") + ")";
        parts.push_back(s);
    }
    const DisplayUse display = use.display.value_or({});
    if (!display.drm_cards.empty() || display.console) {
        // TRANSLATORS: {} DRM card names (card0), or nothing.
        std::string s = say("display {}", join(display.drm_cards, " "));
        if (display.console) s += " " + say("(console)");
        parts.push_back(s);
    }
    const auto usb = use.usb.value_or({});
    if (!usb.empty()) {
        const bool kbd = std::ranges::any_of(usb, &UsbDevice::keyboard);
        const bool mouse = std::ranges::any_of(usb, &UsbDevice::mouse);
        std::string s = say_n("USB: {} device", "USB: {} devices", usb.size(), usb.size());
        if (kbd || mouse) s += " " + (kbd && mouse ? say("(keyboard, mouse)") : kbd ? say("(keyboard)") : say("(mouse)"));
        parts.push_back(s);
    }
    // TRANSLATORS: {} a sound card (card1) and its name.
    for (const auto& s : use.sound.value_or({})) parts.push_back(say("sound {}", s.card + (s.name.empty() ? "" : " " + s.name)));
    // Nothing seen, but not everything known: the empty cell would claim "not in use".
    if (parts.empty() && !use.unknown_categories().empty()) return "?";
    return join(parts, "; ");
}

std::string render_host_summary(const Topology& t) {
    std::string out;
    const auto& src = t.source();
    const auto& h = t.host();
    if (src.snapshot_of)
        // TRANSLATORS: a heading of the host summary, aligned with the others; {0} a file, {1} a source kind
        // (machine word: live-host, listing), {2} where that source was.
        out += (src.captured_at.empty()
                    ? say("Source:  {0} (snapshot of {1} {2})", src.origin, to_string(src.snapshot_of->kind),
                          src.snapshot_of->origin)
                    // TRANSLATORS: as above; {3} when the snapshot was taken (an ISO 8601 time).
                    : say("Source:  {0} (snapshot of {1} {2}, taken {3})", src.origin, to_string(src.snapshot_of->kind),
                          src.snapshot_of->origin, src.captured_at)) +
               "\n";
    else
        // TRANSLATORS: {0} where the host was read from, {1} the source kind (machine word: live-host, listing).
        out += say("Source:  {0} ({1})", src.origin, to_string(src.kind)) + "\n";
    if (h.hostname || h.kernel_release)
        // TRANSLATORS: {0} the host name, {1} the kernel release ("?" when not known).
        out += say("Host:    {0}  kernel {1}", h.hostname.value_or("?"), h.kernel_release.value_or("?")) + "\n";
    // TRANSLATORS: {0} a number of PCI functions, {1} a number of IOMMU groups.
    out += say("Devices: {0} PCI functions, {1} IOMMU groups", t.devices().size(), t.groups().size()) + "\n";
    if (src.from_listing() && !t.has_groups())
        out += say("IOMMU:   this listing has no IOMMU group data.") + "\n";
    else
        // TRANSLATORS: {} says the state of the host's IOMMU (a clause).
        out += say("IOMMU:   {}", describe_iommu_state(h, t.has_groups())) + "\n";
    // TRANSLATORS: {} the IOMMU parameters of the kernel command line.
    if (!h.kernel_parameters.relevant.empty()) out += say("Kernel:  {}", join(h.kernel_parameters.relevant, " ")) + "\n";
    // What the source does not say, from the facts themselves (a listing says neither; a tree
    // without a /proc root lacks routes and mounts).
    const auto use_unknown = std::ranges::count_if(t.devices(), [](const Device& d) {
        return !d.is_bridge() && !d.usage.unknown_categories().empty();
    });
    const auto driver_unknown = std::ranges::count_if(t.devices(), [](const Device& d) { return !d.driver; });
    if (use_unknown > 0)
        // TRANSLATORS: {} a number of PCI functions.
        out += say_n("Note:    the source does not fully say what the host uses {} function for.",
                     "Note:    the source does not fully say what the host uses {} functions for.",
                     static_cast<unsigned long>(use_unknown), use_unknown) +
               "\n";
    if (driver_unknown > 0)
        // TRANSLATORS: {} a number of PCI functions; '?' is what the table shows in their driver column.
        out += say_n("Note:    the source does not say which driver holds {} function ('?' in the table).",
                     "Note:    the source does not say which driver holds {} functions ('?' in the table).",
                     static_cast<unsigned long>(driver_unknown), driver_unknown) +
               "\n";
    if (!t.diagnostics().empty())
        out += say_n("Notes:   {} thing could not be read or understood (see --json \"diagnostics\").",
                     "Notes:   {} things could not be read or understood (see --json \"diagnostics\").",
                     t.diagnostics().size(), t.diagnostics().size()) +
               "\n";
    return out;
}

std::string render_group_table(const Topology& t) {
    // Sections: one per group, then devices without a group.
    std::map<std::optional<GroupId>, std::vector<Row>> sections;
    for (const auto& d : t.devices())
        sections[d.iommu_group].push_back(
            {d.address.str(), fit(class_text(d), 24), fit(name_text(d), 72), driver_text(d), describe_usage(d)});

    std::size_t w_cls = 5, w_name = 6, w_drv = 6;
    for (const auto& [g, rows] : sections)
        for (const auto& r : rows) {
            w_cls = std::max(w_cls, r.cls.size());
            w_name = std::max(w_name, r.name.size());
            w_drv = std::max(w_drv, r.driver.size());
        }

    std::string out;
    auto emit_rows = [&](const std::vector<Row>& rows) {
        for (const auto& r : rows) {
            std::string line = std::format("  {:<12}  {:<{}}  {:<{}}  {:<{}}  {}", r.address, r.cls, w_cls, r.name,
                                           w_name, r.driver, w_drv, r.use);
            while (!line.empty() && line.back() == ' ') line.pop_back();
            out += line + "\n";
        }
    };
    for (const auto& [g, rows] : sections) {
        if (!g) continue;
        const IommuGroup* group = t.group(*g);
        std::string type = group && group->type ? " · " + *group->type : "";
        if (group && group->noiommu) type += " · " + say("no-IOMMU (unsafe, not isolated)");
        // TRANSLATORS: {0} a group number, {1} " · " and the group's type (DMA, identity: untranslated) or
        // nothing, {2} how many functions the group has.
        out += say_n("IOMMU group {0}{1} · {2} function", "IOMMU group {0}{1} · {2} functions", rows.size(), *g, type,
                     rows.size()) +
               "\n";
        emit_rows(rows);
    }
    if (auto it = sections.find(std::nullopt); it != sections.end()) {
        out += say_n("No IOMMU group · {} function", "No IOMMU group · {} functions", it->second.size(),
                     it->second.size()) +
               "\n";
        emit_rows(it->second);
    }
    return out;
}

}  // namespace isola::cli
