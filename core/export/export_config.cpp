#include "export/export_config.hpp"

#include <algorithm>
#include <array>
#include <format>
#include <utility>

#include "export/export_renderers.hpp"

namespace isola {
namespace {

using namespace export_detail;

constexpr std::array<std::pair<ExportFormat, std::string_view>, 7> kFormatNames{{
    {ExportFormat::LibvirtHostdev, "libvirt"},
    {ExportFormat::QemuArgs, "qemu"},
    {ExportFormat::Proxmox, "proxmox"},
    {ExportFormat::CloudHypervisor, "cloud-hypervisor"},
    {ExportFormat::KernelCmdline, "kernel-cmdline"},
    {ExportFormat::ModprobeD, "modprobe.d"},
    {ExportFormat::Driverctl, "driverctl"},
}};
constexpr std::array<ExportFormat, 7> kAllFormats{
    ExportFormat::LibvirtHostdev, ExportFormat::QemuArgs,  ExportFormat::Proxmox,   ExportFormat::CloudHypervisor,
    ExportFormat::KernelCmdline,  ExportFormat::ModprobeD, ExportFormat::Driverctl,
};

ExportError no_group_error(const Topology& t, const Device& d) {
    if (!t.has_groups())
        return {ExportErrorKind::NoIommuGroup,
                std::format("{} has no IOMMU group because no IOMMU is active on this host, and VFIO cannot take "
                            "a device without one: enable VT-d (Intel) or AMD-Vi (AMD) in the firmware setup, "
                            "boot with intel_iommu=on on Intel systems, and export again",
                            describe(d))};
    return {ExportErrorKind::NoIommuGroup,
            std::format("{} has no IOMMU group although other devices on this host have one, so VFIO cannot take "
                        "it: the IOMMU does not cover it, or the source did not record its group; read the live "
                        "host again before exporting",
                        describe(d))};
}

std::expected<ExportSelection, ExportError> select(const Topology& t, std::span<const Bdf> selected,
                                                   const ExportOptions& o) {
    if (selected.empty())
        return std::unexpected(ExportError{ExportErrorKind::NothingSelected,
                                           "nothing is selected: choose at least one PCI function to export"});
    if (o.rom.file && !o.rom.file->starts_with('/'))
        return std::unexpected(ExportError{
            ExportErrorKind::RomFileNotAbsolute,
            std::format("the ROM file \"{}\" is not an absolute path: libvirt requires one and QEMU would look "
                        "for a relative name in its own data directory; give the full path",
                        *o.rom.file)});

    ExportSelection s;
    s.topology = &t;
    s.selected.assign(selected.begin(), selected.end());
    std::ranges::sort(s.selected);
    s.selected.erase(std::ranges::unique(s.selected).begin(), s.selected.end());
    s.closure = close_over_groups(t, s.selected);

    if (!s.closure.not_found.empty())
        return std::unexpected(ExportError{
            ExportErrorKind::NotOnHost,
            std::format("{} is not a PCI function on this host", s.closure.not_found.front().str())});
    if (!s.closure.without_group.empty())
        return std::unexpected(no_group_error(t, *t.find(s.closure.without_group.front())));
    if (s.closure.endpoints.empty()) {
        const Device& first = *t.find(s.selected.front());
        return std::unexpected(ExportError{
            ExportErrorKind::OnlyBridges,
            std::format("{} is a PCI bridge and {} holds no endpoint to pass through; bridges stay with the host, "
                        "so select the devices behind it instead",
                        describe(first), groups_phrase(s.closure.groups))});
    }
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

std::string_view to_string(ExportFormat f) {
    for (const auto& [format, name] : kFormatNames)
        if (format == f) return name;
    return "unknown";
}

std::optional<ExportFormat> export_format_from_string(std::string_view s) {
    for (const auto& [format, name] : kFormatNames)
        if (name == s) return format;
    return std::nullopt;
}

std::span<const ExportFormat> all_export_formats() { return kAllFormats; }

std::expected<ExportResult, ExportError> export_config(const Topology& topology, std::span<const Bdf> selected,
                                                       ExportFormat format, const ExportOptions& options) {
    auto selection = select(topology, selected, options);
    if (!selection) return std::unexpected(std::move(selection.error()));

    ExportResult result = render(format, *selection, options);
    auto warnings = common_warnings(*selection, options);
    warnings.insert(warnings.end(), std::make_move_iterator(result.warnings.begin()),
                    std::make_move_iterator(result.warnings.end()));
    result.warnings = std::move(warnings);
    result.devices = selection->closure.endpoints;
    return result;
}

}  // namespace isola
