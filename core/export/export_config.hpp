// Ready-to-paste VM configuration for a selection of PCI functions, always for the whole IOMMU
// group closure: VFIO hands out groups, never single functions, so a snippet that names only the
// GPU and not its HDMI audio function fails at VM start with "group N is not viable".
// Formats and examples: core/export/README.md.
#pragma once

#include <expected>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "topology/topology.hpp"

namespace isola {

enum class ExportFormat {
    LibvirtHostdev,   // <hostdev mode='subsystem' type='pci'> elements for a domain's <devices>
    QemuArgs,         // -device vfio-pci,... (legacy container or iommufd backend)
    Proxmox,          // hostpciN: lines for /etc/pve/qemu-server/<vmid>.conf
    CloudHypervisor,  // --device path=/sys/bus/pci/devices/.../
    KernelCmdline,    // vfio-pci.ids=... rd.driver.pre=vfio-pci
    ModprobeD,        // /etc/modprobe.d/vfio.conf: options vfio-pci ids=..., softdep lines
    Driverctl,        // driverctl set-override <address> vfio-pci
};

// Stable names for the CLI and file names: "libvirt", "qemu", "proxmox", "cloud-hypervisor",
// "kernel-cmdline", "modprobe.d", "driverctl".
std::string_view to_string(ExportFormat);
std::optional<ExportFormat> export_format_from_string(std::string_view);
std::span<const ExportFormat> all_export_formats();

// The option ROM a guest sees. Typical uses: hide it (rombar=0) for NICs whose PXE ROM slows the
// boot, or present a clean vBIOS dump for a GPU whose ROM the host firmware has shadowed.
struct RomOptions {
    bool bar_off = false;             // <rom bar='off'/>, rombar=0
    std::optional<std::string> file;  // <rom file=.../>, romfile=...; must be an absolute path
    // The functions the ROM options apply to. Empty: every display controller (class 03) in the
    // closure, since a vBIOS file for a GPU must not be presented by its HDMI audio function too.
    std::vector<Bdf> devices;
};

struct ExportOptions {
    bool managed = true;            // libvirt: managed='yes' detaches/reattaches the host driver itself
    bool iommufd = false;           // iommufd backend instead of the legacy VFIO container
    RomOptions rom;
    // x-vga=on (QEMU) / x-vga=1 (Proxmox) on VGA-compatible controllers (class 0300): the guest's
    // primary GPU gets the legacy VGA ranges. Needs CONFIG_VFIO_PCI_VGA in the host kernel.
    bool primary_gpu_xvga = false;
    unsigned proxmox_first_index = 0;  // the N of the first hostpciN line
};

struct ExportResult {
    std::string text;                   // the configuration, ready to paste
    std::vector<std::string> warnings;  // sentences: group-mates that came along, ID binding traps, versions
    std::vector<Bdf> devices;           // the endpoints the text hands to VFIO (the whole closure), sorted
};

enum class ExportErrorKind {
    NothingSelected,
    NotOnHost,         // an address that is not a PCI function on this host
    NoIommuGroup,      // a function without an IOMMU group: VFIO cannot take it
    OnlyBridges,       // the closure holds no endpoint (a bridge alone in its group)
    RomFileNotAbsolute,
    IdsUnknown,        // binding by ID (kernel-cmdline, modprobe.d) for a function whose IDs the source lacks
};

// Why an export cannot be made, as data; describe() (describe_export.cpp) says it.
struct ExportError {
    ExportErrorKind kind;
    std::string sentence;          // describe(*this): which device, what is wrong, what to do
    std::string device;            // "0000:0b:00.0 (NVIDIA GP104 [GeForce GTX 1080])"; NotOnHost: the address
    std::vector<GroupId> groups;   // OnlyBridges: the groups that hold no endpoint
    std::string rom_file;          // RomFileNotAbsolute
    std::string format;            // IdsUnknown: the format's name
    bool host_has_groups = false;  // NoIommuGroup: other devices have a group (else no IOMMU is active)
};

// The one sentence of an export error, in the user's language.
std::string describe(const ExportError&);

// Renders `format` for every endpoint of every IOMMU group that `selected` touches. Bridges in
// those groups are never passed through (they stay on pcieport); the text says so where the
// format has comments.
std::expected<ExportResult, ExportError> export_config(const Topology& topology, std::span<const Bdf> selected,
                                                       ExportFormat format, const ExportOptions& options = {});

}  // namespace isola
