#include "reader/host_facts_reader.hpp"

#include <algorithm>
#include <array>
#include <sstream>

#include "reader/sysfs_file.hpp"
#include "text/message.hpp"

namespace isola::detail {
namespace {

namespace fs = std::filesystem;

// Parameters that change grouping, isolation or which driver claims a device at boot.
constexpr std::array<std::string_view, 16> kIommuParameterPrefixes{
    "intel_iommu=", "amd_iommu=", "amd_iommu_intr=", "iommu=", "iommu.passthrough=", "iommu.strict=",
    "pcie_acs_override=", "pci=", "vfio-pci.", "vfio_pci.", "vfio_iommu_type1.", "vfio.", "iommufd.",
    "rd.driver.pre=", "modprobe.blacklist=", "video=efifb",
};

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

std::vector<std::string> iommu_parameters_of(std::string_view cmdline) {
    std::vector<std::string> params;
    std::istringstream in{std::string(cmdline)};
    for (std::string word; in >> word;) {
        if (std::ranges::any_of(kIommuParameterPrefixes, [&](std::string_view p) { return word.starts_with(p); }))
            params.push_back(word);
    }
    return params;
}

HostFacts read_host_facts(const HostRoots& roots, const std::vector<IommuGroup>& groups) {
    HostFacts h;
    auto line_fact = [](const fs::path& p) {
        auto v = sysfs::read_line(p);
        return v ? Fact<std::string>::known(*v) : Fact<std::string>::unknown(p.string() + " is not readable");
    };
    h.hostname = line_fact(roots.proc / "sys" / "kernel" / "hostname");
    h.kernel_release = line_fact(roots.proc / "sys" / "kernel" / "osrelease");
    h.kernel_cmdline = line_fact(roots.proc / "cmdline");
    if (h.kernel_cmdline) h.iommu_parameters = iommu_parameters_of(*h.kernel_cmdline);

    h.iommu_mode = iommu_mode_of(groups);
    h.iommu_drivers = Fact<std::vector<std::string>>::known(sysfs::list_dir(roots.sysfs / "class" / "iommu"));
    std::error_code ec;
    h.dev_iommu = Fact<bool>::known(fs::exists(roots.dev / "iommu", ec));
    h.vfio_cdev_support = Fact<bool>::known(fs::is_directory(roots.dev / "vfio" / "devices", ec));
    if (auto v = sysfs::read_line(roots.sysfs / "module" / "vfio" / "parameters" / "enable_unsafe_noiommu_mode"))
        h.vfio_noiommu = Fact<bool>::known(*v == "Y" || *v == "1");
    else
        h.vfio_noiommu = Fact<bool>::unknown(N_("the vfio module is not loaded"));
    return h;
}

}  // namespace isola::detail
