#include "reader/host_facts_reader.hpp"

#include <algorithm>
#include <array>

#include "reader/sysfs_file.hpp"
#include "text/message.hpp"

namespace isola::detail {
namespace {

namespace fs = std::filesystem;

constexpr const char* kNoProcRoot = N_("no /proc root was given for this tree");
constexpr const char* kNoDevRoot = N_("no /dev root was given for this tree");

Fact<IommuMode> iommu_mode_of(const std::vector<IommuGroup>& groups) {
    if (groups.empty()) return Fact<IommuMode>::known(IommuMode::Off);
    bool identity = false, translated = false, unknown = false;
    for (const auto& g : groups) {
        if (!g.type) unknown = true;
        else if (*g.type == "identity") identity = true;
        else if (g.type->starts_with("DMA")) translated = true;
    }
    if (identity && translated) return Fact<IommuMode>::known(IommuMode::Mixed);
    if (identity) return Fact<IommuMode>::known(IommuMode::Passthrough);
    if (translated) return Fact<IommuMode>::known(IommuMode::Translated);
    if (unknown) return Fact<IommuMode>::unknown(N_("the IOMMU group type file needs Linux 5.11"));
    return Fact<IommuMode>::known(IommuMode::Translated);
}

}  // namespace

HostFacts read_host_facts(const HostRoots& roots, const std::vector<IommuGroup>& groups) {
    HostFacts h;
    // Reasons are msgids (translated where shown), so they name the file, not the root it is under.
    auto line_fact = [&](const fs::path& relative, const char* unreadable) {
        if (roots.proc.empty()) return Fact<std::string>::unknown(kNoProcRoot);
        auto v = sysfs::read_line(roots.proc / relative);
        return v ? Fact<std::string>::known(*v) : Fact<std::string>::unknown(unreadable);
    };
    h.hostname = line_fact("sys/kernel/hostname", N_("/proc/sys/kernel/hostname is not readable"));
    h.kernel_release = line_fact("sys/kernel/osrelease", N_("/proc/sys/kernel/osrelease is not readable"));
    h.kernel_cmdline = line_fact("cmdline", N_("/proc/cmdline is not readable"));
    h.kernel_parameters = h.kernel_cmdline ? parse_kernel_parameters(*h.kernel_cmdline)
                                           : unknown_kernel_parameters(h.kernel_cmdline.why_unknown);

    h.iommu_mode = iommu_mode_of(groups);
    h.iommu_drivers = Fact<std::vector<std::string>>::known(sysfs::list_dir(roots.sysfs / "class" / "iommu"));
    std::error_code ec;
    if (roots.dev.empty()) {
        h.dev_iommu = Fact<bool>::unknown(kNoDevRoot);
        h.vfio_cdev_support = Fact<bool>::unknown(kNoDevRoot);
    } else {
        h.dev_iommu = Fact<bool>::known(fs::exists(roots.dev / "iommu", ec));
        h.vfio_cdev_support = Fact<bool>::known(fs::is_directory(roots.dev / "vfio" / "devices", ec));
    }
    if (auto v = sysfs::read_line(roots.sysfs / "module" / "vfio" / "parameters" / "enable_unsafe_noiommu_mode"))
        h.vfio_noiommu = Fact<bool>::known(*v == "Y" || *v == "1");
    else
        h.vfio_noiommu = Fact<bool>::unknown(N_("the vfio module is not loaded"));
    return h;
}

}  // namespace isola::detail
