// driverctl overrides: binding by address, so an identical card elsewhere keeps its driver.
// driverctl writes /etc/driverctl.d/pci-<address> and its udev rule reapplies it at every boot.
#include <format>

#include "export/export_renderers.hpp"

namespace isola::export_detail {

ExportResult render_driverctl(const ExportSelection& s, const ExportOptions&) {
    ExportResult r;
    std::string text;
    for (const auto& line : closure_comment_lines(s)) text += "# " + line + "\n";
    text += "# Each override is stored under /etc/driverctl.d/ and applied again at every boot. It rebinds the\n"
            "# device at once, so the host loses it now; undo with: driverctl unset-override <address>\n";
    for (const Device* d : s.endpoints) text += std::format("driverctl set-override {} vfio-pci\n", d->address.str());
    r.text = std::move(text);
    return r;
}

}  // namespace isola::export_detail
