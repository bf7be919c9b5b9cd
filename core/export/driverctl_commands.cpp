// driverctl overrides: binding by address, so an identical card elsewhere keeps its driver.
// driverctl writes /etc/driverctl.d/pci-<address> and its udev rule reapplies it at every boot.
#include <format>

#include "export/export_renderers.hpp"

namespace isola::export_detail {

ExportResult render_driverctl(const ExportSelection& s, const ExportOptions&) {
    ExportResult r;
    std::string text;
    for (const auto& line : closure_comment_lines(s)) text += "# " + line + "\n";
    text += comment(ExportNote{.kind = ExportNoteKind::DriverctlOverrides});
    for (const Device* d : s.endpoints) text += std::format("driverctl set-override {} vfio-pci\n", d->address.str());
    r.text = std::move(text);
    return r;
}

}  // namespace isola::export_detail
