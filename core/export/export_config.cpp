#include "export/export_config.hpp"

#include <algorithm>
#include <array>
#include <utility>

#include "export/export_renderers.hpp"
#include "text/enum_names.hpp"

namespace isola {
namespace {

using namespace export_detail;

constexpr std::array kFormatNames{
    EnumName<ExportFormat>{ExportFormat::LibvirtHostdev, "libvirt"},
    EnumName<ExportFormat>{ExportFormat::QemuArgs, "qemu"},
    EnumName<ExportFormat>{ExportFormat::Proxmox, "proxmox"},
    EnumName<ExportFormat>{ExportFormat::CloudHypervisor, "cloud-hypervisor"},
    EnumName<ExportFormat>{ExportFormat::KernelCmdline, "kernel-cmdline"},
    EnumName<ExportFormat>{ExportFormat::ModprobeD, "modprobe.d"},
    EnumName<ExportFormat>{ExportFormat::Driverctl, "driverctl"},
};
// In the table's order: the order of the CLI's --format help and the GUI's menu.
constexpr auto kAllFormats = [] {
    std::array<ExportFormat, kFormatNames.size()> all{};
    for (std::size_t i = 0; i < all.size(); ++i) all[i] = kFormatNames[i].value;
    return all;
}();

ExportError error(ExportError e) {
    e.sentence = describe(e);
    return e;
}

std::expected<ExportSelection, ExportError> select(const Topology& t, std::span<const Bdf> selected,
                                                   const ExportOptions& o) {
    if (selected.empty()) return std::unexpected(error({.kind = ExportErrorKind::NothingSelected}));
    if (o.rom.file && !o.rom.file->starts_with('/'))
        return std::unexpected(error({.kind = ExportErrorKind::RomFileNotAbsolute, .rom_file = *o.rom.file}));

    ExportSelection s;
    s.topology = &t;
    s.selected.assign(selected.begin(), selected.end());
    std::ranges::sort(s.selected);
    s.selected.erase(std::ranges::unique(s.selected).begin(), s.selected.end());
    s.closure = close_over_groups(t, s.selected);

    if (!s.closure.not_found.empty())
        return std::unexpected(
            error({.kind = ExportErrorKind::NotOnHost, .device = s.closure.not_found.front().str()}));
    if (!s.closure.without_group.empty())
        return std::unexpected(error({.kind = ExportErrorKind::NoIommuGroup,
                                      .device = describe(*t.find(s.closure.without_group.front())),
                                      .host_has_groups = t.has_groups()}));
    if (s.closure.endpoints.empty())
        return std::unexpected(error({.kind = ExportErrorKind::OnlyBridges,
                                      .device = describe(*t.find(s.selected.front())),
                                      .groups = s.closure.groups}));
    for (const Bdf& b : s.closure.endpoints) s.endpoints.push_back(t.find(b));
    for (const Bdf& b : s.closure.bridges) s.bridges.push_back(t.find(b));
    return s;
}

ExportResult render(ExportFormat format, const ExportSelection& s, const ExportOptions& o) {
    switch (format) {
        case ExportFormat::LibvirtHostdev: return render_libvirt_hostdev(s, o);
        case ExportFormat::QemuArgs: return render_qemu_args(s, o);
        case ExportFormat::Proxmox: return render_proxmox_hostpci(s, o);
        case ExportFormat::CloudHypervisor: return render_cloud_hypervisor(s, o);
        case ExportFormat::KernelCmdline: return render_kernel_cmdline(s, o);
        case ExportFormat::ModprobeD: return render_modprobe_d(s, o);
        case ExportFormat::Driverctl: return render_driverctl(s, o);
    }
    std::unreachable();
}

}  // namespace

std::string_view to_string(ExportFormat f) { return name_of(kFormatNames, f); }
std::optional<ExportFormat> export_format_from_string(std::string_view s) { return value_of(kFormatNames, s); }

std::span<const ExportFormat> all_export_formats() { return kAllFormats; }

std::expected<ExportResult, ExportError> export_config(const Topology& topology, std::span<const Bdf> selected,
                                                       ExportFormat format, const ExportOptions& options) {
    auto selection = select(topology, selected, options);
    if (!selection) return std::unexpected(std::move(selection.error()));

    // vfio-pci.ids= and "options vfio-pci ids=" need every endpoint's IDs; 0000:0000 would bind nothing.
    if (format == ExportFormat::KernelCmdline || format == ExportFormat::ModprobeD)
        for (const Device* d : selection->endpoints)
            if (!d->pci_id())
                return std::unexpected(error({.kind = ExportErrorKind::IdsUnknown, .device = describe(*d),
                                              .format = std::string(to_string(format))}));

    ExportResult result = render(format, *selection, options);
    auto warnings = common_warnings(*selection, options);
    warnings.insert(warnings.end(), std::make_move_iterator(result.warnings.begin()),
                    std::make_move_iterator(result.warnings.end()));
    result.warnings = std::move(warnings);
    result.devices = selection->closure.endpoints;
    return result;
}

}  // namespace isola
