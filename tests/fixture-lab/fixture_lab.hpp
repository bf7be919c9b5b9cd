// The fixture lab: a compact description of a machine in, a sysfs + proc + dev tree out.
//
// The written tree is shaped the way a Linux 6.12 kernel lays out /sys, /proc and /dev, and
// provides exactly the files core/reader/README.md reads, so the reader (and real libpci/lspci)
// can be pointed at it. The JSON schema is documented in tests/fixture-lab/README.md.
#pragma once

#include <cstdint>
#include <expected>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace isola::lab {

// A PCI function address, always with its domain once parsed ("01:00.0" means 0000:01:00.0).
struct Address {
    std::uint16_t domain = 0;
    std::uint8_t bus = 0;
    std::uint8_t slot = 0;
    std::uint8_t function = 0;

    [[nodiscard]] std::string to_string() const;  // "0000:01:00.0", as sysfs names devices
    [[nodiscard]] std::uint16_t routing_id() const { return static_cast<std::uint16_t>(bus << 8 | slot << 3 | function); }
    auto operator<=>(const Address&) const = default;
};

// PCIe capability "device/port type" (flags bits 7:4), plus Conventional for functions without
// a PCIe capability (256-byte config space).
enum class PortType {
    Endpoint = 0x0,
    LegacyEndpoint = 0x1,
    RootPort = 0x4,
    UpstreamPort = 0x5,
    DownstreamPort = 0x6,
    PcieToPciBridge = 0x7,
    PciToPcieBridge = 0x8,
    RootComplexIntegratedEndpoint = 0x9,
    RootComplexEventCollector = 0xa,
    Conventional = 0x100,
};

// ACS capability: Auto = present and isolating on a root/downstream port that is alone in its
// group, absent otherwise (consistent with what pci_device_group() would have produced).
struct AcsSpec {
    enum class Mode { Auto, None, Explicit } mode = Mode::Auto;
    std::uint16_t capability = 0;  // ACS CAP register (+4)
    std::uint16_t control = 0;     // ACS CTRL register (+6)
};

struct SriovSpec {
    int total_vfs = 0;
    int num_vfs = 0;
    std::uint16_t vf_device = 0;            // VF device ID (vendor is the PF's)
    std::optional<std::string> vf_driver;   // empty string: VFs unbound; nullopt: by class
    int first_vf_offset = 1;
    int vf_stride = 1;
    std::optional<int> vf_group;            // every VF in this group (no ACS above the PF); nullopt: one each
};

struct NetInterfaceSpec {
    std::string name;
    std::string operstate = "up";
    std::string mac;                        // generated from the address when empty
    std::optional<std::string> ipv4;        // "192.168.1.20/24"
    std::optional<std::string> gateway4;    // default route via this interface
    std::optional<std::string> ipv6;        // "2001:db8::20/64" (global scope)
    std::optional<std::string> gateway6;
};

// A block device stacked on a partition: device-mapper (LVM, dm-crypt; dm-N numbered in order of
// appearance) or md RAID. The same name on two partitions is one device with two slaves.
struct VolumeSpec {
    enum class Kind { DeviceMapper, Md } kind = Kind::DeviceMapper;
    std::string name;                       // dm name "vg0-home", or md name "md127"
    std::string mount;                      // "" not mounted
    bool swap = false;                      // active swap (/proc/swaps)
    std::vector<VolumeSpec> holders;        // stacked on it in turn (an LV on dm-crypt)
};

struct PartitionSpec {
    std::string mount;                      // "" not mounted
    bool swap = false;
    std::vector<VolumeSpec> holders;
};

struct BlockDiskSpec {
    std::string name;                       // "nvme0n1", "sda"
    std::vector<PartitionSpec> partitions;  // [i] is partition i+1
};

struct UsbDeviceSpec {
    std::uint16_t vendor = 0;
    std::uint16_t product_id = 0;
    std::string product;
    std::string manufacturer;
    std::string kind;                       // keyboard | mouse | storage | net | other
    std::optional<NetInterfaceSpec> net;    // kind net: its interface (below the USB interface)
};

// A process in /proc: its comm and the files it holds open (fd links), or an fd table that
// cannot be listed, as another user's process is to a reader without root.
struct ProcessSpec {
    int pid = 0;
    std::string comm;
    std::vector<std::string> open;          // "/dev/dri/card0"
    bool unreadable = false;
};

struct SoundCardSpec {
    int card = 0;
    std::string id;                         // ALSA card id, e.g. "Generic" or "NVidia"
};

struct ResetSpec {
    enum class Kind { Default, Absent, Methods } kind = Kind::Default;
    std::string methods;                    // "" with Kind::Methods: methods cleared (empty file)
};

struct DeviceSpec {
    Address address;
    std::uint16_t vendor = 0;
    std::uint16_t device = 0;
    std::uint32_t class_code = 0;           // 0xCCSSPP
    std::uint8_t revision = 0;
    std::uint16_t subsystem_vendor = 0;
    std::uint16_t subsystem_device = 0;
    std::optional<std::string> driver;      // nullopt: usual driver for the class; "": unbound
    std::optional<std::string> driver_override;
    std::optional<int> group;               // nullopt: a group of its own (when the host has an IOMMU)
    std::optional<Address> parent;          // nullopt: the bridge whose secondary bus this is on
    std::optional<int> secondary_bus;       // bridges; nullopt: numbered depth-first like firmware
    std::optional<PortType> port;           // nullopt: derived from class and position
    AcsSpec acs;
    ResetSpec reset;
    bool boot_vga = false;
    int numa_node = -1;
    std::optional<int> irq;
    std::optional<std::string> link;        // "16GT/s x16"; nullopt: a default for PCIe functions
    std::optional<SriovSpec> sriov;
    std::optional<int> vfio_device;         // N of vfio-dev/vfioN; nullopt: numbered when on vfio-pci
    std::vector<NetInterfaceSpec> net;
    std::vector<BlockDiskSpec> block;
    std::optional<int> drm_card;
    bool console_framebuffer = false;       // class/graphics/fb0 belongs to this device
    std::vector<UsbDeviceSpec> usb;
    std::optional<SoundCardSpec> sound;
};

enum class IommuKind { Intel, Amd, None };

struct MachineSpec {
    std::string name;
    std::string description;
    std::string source;                     // the listing this machine is modelled on, if any
    IommuKind iommu = IommuKind::Intel;
    bool noiommu_mode = false;              // vfio enable_unsafe_noiommu_mode=Y
    bool iommufd = false;                   // CONFIG_IOMMUFD + VFIO_DEVICE_CDEV: /dev/iommu, vfio-dev
    std::string kernel_release = "6.12.38+deb13-amd64";
    std::string hostname = "isola-lab";
    std::string cmdline;                    // nullopt-like: derived from iommu kind when empty
    std::string default_group_type = "DMA";
    std::map<int, std::string> group_types; // per-group override of `type`
    std::vector<DeviceSpec> devices;        // physical functions; VFs come from `sriov`
    // Configuration files under <root>/etc, by path relative to it: libvirt domains
    // ("libvirt/qemu/win11.xml"), Proxmox VMs ("pve/qemu-server/100.conf") and mappings.
    std::map<std::string, std::string> etc;
    std::vector<ProcessSpec> processes;     // /proc/<pid>; none by default
};

// Parses and validates a machine description. Errors are one sentence naming the device and field.
[[nodiscard]] std::expected<MachineSpec, std::string> parse_machine_spec(std::string_view json);

// Checks a spec built in code (parse_machine_spec already did this): one sentence, or nothing.
[[nodiscard]] std::optional<std::string> validate_machine_spec(const MachineSpec& spec);

// Writes <root>/sys, <root>/proc, <root>/dev and <root>/etc. Throws std::invalid_argument for a spec that
// validate_machine_spec rejects and std::filesystem::filesystem_error when writing fails.
void write_fixture(const MachineSpec& spec, const std::filesystem::path& root);

// The shapes of benchmark host (issue 12): each stresses another part of Isola at scale.
enum class ScaleShape {
    VfHeavy,      // few switches full of SR-IOV NICs, 127 VFs each: nearly every function a VF
    SwitchHeavy,  // a PCIe switch per root port, NICs (63 VFs), NVMe and GPU + audio: hundreds of endpoint groups
    OneGroup,     // no ACS anywhere: everything below one root port, VFs included, in one IOMMU group
    MultiDomain,  // an endpoint per root port, eight root buses per PCI domain: over 256 buses, several domains
};
inline constexpr ScaleShape kScaleShapes[] = {ScaleShape::VfHeavy, ScaleShape::SwitchHeavy, ScaleShape::OneGroup,
                                              ScaleShape::MultiDomain};
[[nodiscard]] std::string_view to_string(ScaleShape shape);  // "vf-heavy", "switch-heavy", "one-group", "multi-domain"
[[nodiscard]] std::optional<ScaleShape> scale_shape_named(std::string_view name);

// A benchmark host of `shape` with about `functions` PCI functions (within a few percent), always
// with a boot NVMe and a management NIC carrying the default route in PCI domain 0.
[[nodiscard]] MachineSpec scale_machine(int functions, ScaleShape shape = ScaleShape::VfHeavy);

// Number of PCI functions the spec describes, VFs included.
[[nodiscard]] int function_count(const MachineSpec& spec);

}  // namespace isola::lab
