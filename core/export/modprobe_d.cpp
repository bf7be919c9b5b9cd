// /etc/modprobe.d text for early binding: vfio-pci takes the IDs, and softdep lines make modprobe
// load vfio-pci before each host driver that would otherwise win the race for the devices.
#include <algorithm>
#include <array>
#include <format>
#include <utility>

#include "export/early_binding_ids.hpp"
#include "export/export_renderers.hpp"

namespace isola::export_detail {
namespace {

// softdep names modules, sysfs names drivers; for most PCI drivers they are the same, but a few
// register under another name than their module's.
constexpr std::array<std::pair<std::string_view, std::string_view>, 4> kModuleOfDriver{{
    {"xhci_hcd", "xhci_pci"},
    {"ehci-pci", "ehci_pci"},
    {"ohci-pci", "ohci_pci"},
    {"nvidia-gpu", "i2c_nvidia_gpu"},
}};

std::string module_of(const std::string& driver) {
    for (const auto& [drv, module] : kModuleOfDriver)
        if (drv == driver) return std::string{module};
    return driver;
}

bool is_vfio_stub(const std::string& driver) {
    return driver.empty() || driver == "vfio-pci" || driver == "pci-stub" || driver.starts_with("vfio-pci-") ||
           driver.ends_with("-vfio-pci");
}

}  // namespace

ExportResult render_modprobe_d(const ExportSelection& s, const ExportOptions&) {
    ExportResult r;
    std::string text = "# /etc/modprobe.d/vfio.conf\n";
    for (const auto& line : closure_comment_lines(s)) text += "# " + line + "\n";

    r.warnings = id_collision_warnings(s, "options vfio-pci ids=");
    if (!r.warnings.empty())
        text += comment(ExportNote{.kind = ExportNoteKind::ModprobeNotRecommended});

    std::string ids;
    for (const auto& id : closure_ids(s)) ids += (ids.empty() ? "" : ",") + id;
    text += std::format("options vfio-pci ids={}\n", ids);

    std::vector<std::string> modules;
    for (const Device* d : s.endpoints) {
        if (!d->driver) {
            text += comment(ExportNote{.kind = ExportNoteKind::ModprobeDriverUnknown, .device = d->driver.why_unknown,
                                       .other = d->address.str()});
            continue;
        }
        if (is_vfio_stub(*d->driver)) continue;
        if (auto m = module_of(*d->driver); !std::ranges::contains(modules, m)) modules.push_back(std::move(m));
    }
    for (const auto& m : modules) text += std::format("softdep {} pre: vfio-pci\n", m);
    text += comment(ExportNote{.kind = ExportNoteKind::ModprobeInitramfs});
    r.text = std::move(text);
    return r;
}

}  // namespace isola::export_detail
