#include "export/export_selection.hpp"

#include <algorithm>
#include <format>
#include <map>

namespace isola::export_detail {

std::vector<SlotFunctions> slots_of(const ExportSelection& s) {
    std::vector<SlotFunctions> slots;
    for (const Device* d : s.endpoints) {  // sorted, so a slot's functions are adjacent
        if (slots.empty() || !slots.back().functions.front()->address.same_slot(d->address)) slots.emplace_back();
        slots.back().functions.push_back(d);
    }
    for (auto& slot : slots) {
        const Bdf head = slot.functions.front()->address;
        const auto host_functions = std::ranges::count_if(
            s.topology->devices(), [&](const Device& d) { return d.address.same_slot(head); });
        slot.whole_slot = static_cast<std::size_t>(host_functions) == slot.functions.size();
    }
    return slots;
}

bool has_rom_options(const ExportOptions& o) { return o.rom.bar_off || o.rom.file.has_value(); }

bool rom_applies(const ExportOptions& o, const Device& d) {
    if (!has_rom_options(o)) return false;
    if (!o.rom.devices.empty()) return std::ranges::contains(o.rom.devices, d.address);
    return d.base_class() == 0x03;  // display controller: VGA, XGA, 3D
}

bool xvga_applies(const ExportOptions& o, const Device& d) {
    // Only VGA-compatible controllers (03.00) decode the legacy VGA ranges; a 3D controller (03.02)
    // has none to expose.
    return o.primary_gpu_xvga && d.class_id && *d.class_id == 0x0300;
}

std::string describe(const Device& d) { return std::format("{} ({})", d.address.str(), d.display_name()); }

std::vector<std::string> closure_comment_lines(const ExportSelection& s) {
    std::vector<std::string> lines;
    lines.push_back(describe(ExportNote{.kind = ExportNoteKind::ClosureGroups, .groups = s.closure.groups}));
    if (s.bridges.empty()) {
        lines.push_back(describe(ExportNote{.kind = ExportNoteKind::NoBridges}));
    } else {
        std::vector<std::string> names;
        for (const Device* b : s.bridges) names.push_back(b->address.str());
        lines.push_back(describe(ExportNote{.kind = ExportNoteKind::BridgesStay, .items = std::move(names)}));
    }
    return lines;
}

std::vector<std::string> common_warnings(const ExportSelection& s, const ExportOptions& o) {
    std::vector<std::string> w;
    const Topology& t = *s.topology;

    // Group-mates the user did not name: the whole point of exporting the closure.
    for (const Device* d : s.endpoints) {
        if (std::ranges::contains(s.selected, d->address)) continue;
        const IommuGroup* g = t.group_of(d->address);
        const auto named = std::ranges::find_if(s.selected, [&](const Bdf& b) {
            return b != d->address && std::ranges::contains(g->members, b);
        });
        w.push_back(describe(ExportNote{.kind = ExportNoteKind::GroupMateIncluded, .device = describe(*d),
                                        .other = named->str(), .group = g->id}));
    }

    for (GroupId id : s.closure.groups)
        if (t.group(id)->noiommu)
            w.push_back(describe(ExportNote{.kind = ExportNoteKind::NoIommuGroup, .group = id}));

    if (has_rom_options(o)) {
        for (const Bdf& b : o.rom.devices)
            if (!std::ranges::contains(s.closure.endpoints, b))
                w.push_back(describe(ExportNote{.kind = ExportNoteKind::RomNotEndpoint, .other = b.str()}));
        if (std::ranges::none_of(s.endpoints, [&](const Device* d) { return rom_applies(o, *d); }))
            w.push_back(describe(ExportNote{.kind = ExportNoteKind::RomNoDisplay}));
    }

    if (o.primary_gpu_xvga) {
        const auto vga = std::ranges::count_if(s.endpoints, [&](const Device* d) { return xvga_applies(o, *d); });
        if (vga == 0)
            w.push_back(describe(ExportNote{.kind = ExportNoteKind::XvgaNoVga}));
        else if (vga > 1)
            w.push_back(describe(ExportNote{.kind = ExportNoteKind::XvgaSeveral, .count = vga}));
    }

    if (o.iommufd) {
        const HostFacts& h = t.host();
        if (h.dev_iommu && !*h.dev_iommu)
            w.push_back(describe(ExportNote{.kind = ExportNoteKind::NoDevIommu}));
        else if (h.vfio_cdev_support && !*h.vfio_cdev_support)
            w.push_back(describe(ExportNote{.kind = ExportNoteKind::NoVfioCdev}));
    }
    return w;
}

}  // namespace isola::export_detail
