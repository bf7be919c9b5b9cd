#include "group_table.hpp"

#include <algorithm>
#include <format>
#include <map>

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
    return d.class_id ? std::format("class {:04x}", *d.class_id) : "?";
}

std::string name_text(const Device& d) {
    const std::string ids = std::format("[{:04x}:{:04x}]", d.vendor_id, d.device_id);
    const std::string name = d.display_name();
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
    for (const auto& n : d.usage.net) {
        std::string s = std::format("network {} {}", n.name, n.operstate);
        if (!n.addresses.empty()) s += " " + join(n.addresses, " ");
        if (n.default_route_v4 || n.default_route_v6) s += " (default route)";
        parts.push_back(s);
    }
    for (const auto& b : d.usage.block) {
        std::vector<std::string> mounts = b.mountpoints;
        for (const auto& p : b.partitions) mounts.insert(mounts.end(), p.mountpoints.begin(), p.mountpoints.end());
        std::string s = "storage " + b.name;
        if (!mounts.empty()) s += " (" + join(mounts, ", ") + ")";
        parts.push_back(s);
    }
    if (!d.usage.display.drm_cards.empty() || d.usage.display.console) {
        std::string s = "display " + join(d.usage.display.drm_cards, " ");
        if (d.usage.display.console) s += " (console)";
        parts.push_back(s);
    }
    if (!d.usage.usb.empty()) {
        const bool kbd = std::ranges::any_of(d.usage.usb, &UsbDevice::keyboard);
        const bool mouse = std::ranges::any_of(d.usage.usb, &UsbDevice::mouse);
        std::string s = std::format("USB: {} device{}", d.usage.usb.size(), d.usage.usb.size() == 1 ? "" : "s");
        if (kbd || mouse) s += std::format(" ({})", kbd && mouse ? "keyboard, mouse" : kbd ? "keyboard" : "mouse");
        parts.push_back(s);
    }
    for (const auto& s : d.usage.sound) parts.push_back("sound " + s.card + (s.name.empty() ? "" : " " + s.name));
    return join(parts, "; ");
}

std::string render_host_summary(const Topology& t) {
    std::string out;
    const auto& src = t.source();
    const auto& h = t.host();
    if (src.snapshot_of)
        out += std::format("Source:  {} (snapshot of {} {}{})\n", src.origin, to_string(src.snapshot_of->kind),
                           src.snapshot_of->origin, src.captured_at.empty() ? "" : ", taken " + src.captured_at);
    else
        out += std::format("Source:  {} ({})\n", src.origin, to_string(src.kind));
    if (h.hostname || h.kernel_release)
        out += std::format("Host:    {}  kernel {}\n", h.hostname.value_or("?"), h.kernel_release.value_or("?"));
    out += std::format("Devices: {} PCI functions, {} IOMMU groups\n", t.devices().size(), t.groups().size());
    if (src.from_listing() && !t.has_groups())
        out += "IOMMU:   this listing has no IOMMU group data.\n";
    else
        out += "IOMMU:   " + describe_iommu_state(h, t.has_groups()) + "\n";
    if (!h.iommu_parameters.empty()) out += "Kernel:  " + join(h.iommu_parameters, " ") + "\n";
    if (src.from_listing())
        out += "Note:    a pasted listing does not say what the host uses each device for, nor (without -k) which "
               "driver holds it; '?' marks what is not known.\n";
    if (!t.diagnostics().empty())
        out += std::format("Notes:   {} things could not be read or understood (see --json \"diagnostics\").\n",
                           t.diagnostics().size());
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
        if (group && group->noiommu) type += " · no-IOMMU (unsafe, not isolated)";
        out += std::format("IOMMU group {}{} · {} function{}\n", *g, type, rows.size(), rows.size() == 1 ? "" : "s");
        emit_rows(rows);
    }
    if (auto it = sections.find(std::nullopt); it != sections.end()) {
        out += std::format("No IOMMU group · {} function{}\n", it->second.size(), it->second.size() == 1 ? "" : "s");
        emit_rows(it->second);
    }
    return out;
}

}  // namespace isola::cli
