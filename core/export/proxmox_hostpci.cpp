// Proxmox VE hostpciN: lines (qm.conf(5)). One line per card: the bare slot "0000:0b:00" passes
// every function of it, "A;B" passes a subset together, and a single function stands alone.
#include <format>

#include "export/export_renderers.hpp"

namespace isola::export_detail {
namespace {

constexpr std::string_view kProxmoxRomDir = "/usr/share/kvm/";

std::string host_ids(const SlotFunctions& slot) {
    if (slot.whole_slot && slot.functions.size() > 1) return slot.functions.front()->address.slot_str();
    std::string ids;
    for (const Device* d : slot.functions) ids += (ids.empty() ? "" : ";") + d->address.str();
    return ids;
}

}  // namespace

ExportResult render_proxmox_hostpci(const ExportSelection& s, const ExportOptions& o) {
    ExportResult r;
    std::string text;
    for (const auto& line : closure_comment_lines(s)) text += "# " + line + "\n";
    text += comment(ExportNote{.kind = ExportNoteKind::ProxmoxPcie});

    // Proxmox reads romfile= relative to /usr/share/kvm/ only.
    std::string romfile;
    if (o.rom.file) {
        const std::string& file = *o.rom.file;
        if (file.starts_with(kProxmoxRomDir)) {
            romfile = file.substr(kProxmoxRomDir.size());
        } else {
            romfile = file.substr(file.rfind('/') + 1);
            r.warnings.push_back(describe(
                ExportNote{.kind = ExportNoteKind::ProxmoxRomDir, .device = file, .other = std::string(kProxmoxRomDir)}));
        }
    }
    if (romfile.contains(',') || romfile.contains(';'))
        r.warnings.push_back(describe(ExportNote{.kind = ExportNoteKind::ProxmoxRomSeparator, .other = romfile}));
    if (o.iommufd)
        r.warnings.push_back(describe(ExportNote{.kind = ExportNoteKind::ProxmoxIommufd}));

    unsigned index = o.proxmox_first_index;
    for (const auto& slot : slots_of(s)) {
        bool xvga = false, rom = false;
        for (const Device* d : slot.functions) {
            xvga = xvga || xvga_applies(o, *d);
            rom = rom || rom_applies(o, *d);
        }
        std::string line = std::format("hostpci{}: {},pcie=1", index++, host_ids(slot));
        if (xvga) line += ",x-vga=1";
        if (rom && o.rom.bar_off) line += ",rombar=0";
        if (rom && o.rom.file) line += ",romfile=" + romfile;
        text += line + "\n";
    }
    r.text = std::move(text);
    return r;
}

}  // namespace isola::export_detail
