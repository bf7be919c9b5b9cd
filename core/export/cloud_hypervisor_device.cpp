// cloud-hypervisor --device arguments: one sysfs path per endpoint. Its docs ask for every device
// of the group, which is exactly the closure.
#include "export/export_renderers.hpp"

namespace isola::export_detail {

ExportResult render_cloud_hypervisor(const ExportSelection& s, const ExportOptions& o) {
    ExportResult r;
    std::string text;
    for (const auto& line : closure_comment_lines(s)) text += "# " + line + "\n";
    for (std::size_t i = 0; i < s.endpoints.size(); ++i)
        text += "--device path=/sys/bus/pci/devices/" + s.endpoints[i]->address.str() + "/" +
                (i + 1 < s.endpoints.size() ? " \\\n" : "\n");
    r.text = std::move(text);

    if (has_rom_options(o) || o.primary_gpu_xvga)
        r.warnings.push_back(describe(ExportNote{.kind = ExportNoteKind::CloudHypervisorNoRomXvga}));
    if (o.iommufd)
        r.warnings.push_back(describe(ExportNote{.kind = ExportNoteKind::CloudHypervisorIommufd}));
    return r;
}

}  // namespace isola::export_detail
