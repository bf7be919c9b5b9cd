// Kernel command line for early binding: vfio-pci.ids= makes vfio-pci claim the IDs, and
// rd.driver.pre=vfio-pci (dracut) loads it before the host drivers can.
#include <format>

#include "export/early_binding_ids.hpp"
#include "export/export_renderers.hpp"

namespace isola::export_detail {

ExportResult render_kernel_cmdline(const ExportSelection& s, const ExportOptions&) {
    ExportResult r;
    std::string ids;
    for (const auto& id : closure_ids(s)) ids += (ids.empty() ? "" : ",") + id;
    // A command line has no comments: everything worth saying goes into the warnings.
    r.text = std::format("vfio-pci.ids={} rd.driver.pre=vfio-pci\n", ids);
    r.warnings = id_collision_warnings(s, "vfio-pci.ids=");
    r.warnings.push_back(describe(ExportNote{.kind = ExportNoteKind::CmdlineInitramfs}));
    return r;
}

}  // namespace isola::export_detail
