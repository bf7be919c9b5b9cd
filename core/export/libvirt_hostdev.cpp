// libvirt <hostdev> elements, built with pugixml so quoting is never done by hand.
#include <format>
#include <sstream>

#include <pugixml.hpp>

#include "export/export_renderers.hpp"

namespace isola::export_detail {
namespace {

// "--" may not appear inside an XML comment; device names from pci.ids could contain it.
std::string comment_text(std::string text) {
    for (auto at = text.find("--"); at != std::string::npos; at = text.find("--", at)) text.replace(at, 2, "- -");
    return " " + text + " ";
}

void add_comment(pugi::xml_node parent, const std::string& text) {
    parent.append_child(pugi::node_comment).set_value(comment_text(text).c_str());
}

std::string hex(unsigned value, int digits) { return std::format("0x{:0{}x}", value, digits); }

void add_hostdev(pugi::xml_node parent, const Device& d, const Topology& t, const ExportOptions& o) {
    pugi::xml_node hostdev = parent.append_child("hostdev");
    hostdev.append_attribute("mode") = "subsystem";
    hostdev.append_attribute("type") = "pci";
    hostdev.append_attribute("managed") = o.managed ? "yes" : "no";
    add_comment(hostdev, describe(ExportNote{.kind = ExportNoteKind::LibvirtHostdev, .device = d.display_name(),
                                             .other = d.address.str(), .group = t.group_of(d.address)->id}));
    if (o.iommufd) hostdev.append_child("driver").append_attribute("iommufd") = "yes";

    pugi::xml_node address = hostdev.append_child("source").append_child("address");
    address.append_attribute("domain") = hex(d.address.domain, 4).c_str();
    address.append_attribute("bus") = hex(d.address.bus, 2).c_str();
    address.append_attribute("slot") = hex(d.address.device, 2).c_str();
    address.append_attribute("function") = hex(d.address.function, 1).c_str();

    if (rom_applies(o, d)) {
        pugi::xml_node rom = hostdev.append_child("rom");
        if (o.rom.bar_off) rom.append_attribute("bar") = "off";
        if (o.rom.file) rom.append_attribute("file") = o.rom.file->c_str();
    }
}

std::string libvirt_node_name(const Bdf& b) {
    return std::format("pci_{:04x}_{:02x}_{:02x}_{:x}", b.domain, b.bus, b.device, b.function);
}

}  // namespace

ExportResult render_libvirt_hostdev(const ExportSelection& s, const ExportOptions& o) {
    ExportResult r;
    pugi::xml_document doc;
    for (const auto& line : closure_comment_lines(s)) add_comment(doc, line);
    add_comment(doc, describe(ExportNote{.kind = ExportNoteKind::LibvirtCardsTogether}));
    if (o.iommufd) {
        // The per-hostdev attribute arrived in libvirt 12.1.0 (its 12.2.0 NEWS credits 12.1.0 with
        // "IOMMUFD backend support for host devices"); the domain-wide <iommufd> element is 12.2.0.
        add_comment(doc, describe(ExportNote{.kind = ExportNoteKind::LibvirtIommufdComment}));
        r.warnings.push_back(describe(ExportNote{.kind = ExportNoteKind::LibvirtIommufdWarning}));
    }
    if (!o.managed) {
        add_comment(doc, describe(ExportNote{.kind = ExportNoteKind::LibvirtUnmanaged}));
        for (const Device* d : s.endpoints) add_comment(doc, "virsh nodedev-detach " + libvirt_node_name(d->address));
    }
    if (o.primary_gpu_xvga)
        r.warnings.push_back(describe(ExportNote{.kind = ExportNoteKind::LibvirtNoXvga}));

    for (const auto& slot : slots_of(s))
        for (const Device* d : slot.functions) add_hostdev(doc, *d, *s.topology, o);

    std::ostringstream out;
    doc.save(out, "  ", pugi::format_indent | pugi::format_no_declaration | pugi::format_attribute_single_quote);
    r.text = out.str();
    return r;
}

}  // namespace isola::export_detail
