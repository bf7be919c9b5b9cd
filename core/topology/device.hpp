// One PCI function as Isola knows it: identity, place in the tree, IOMMU group, driver, and what
// the host uses it for. Plain data; readers and importers fill it, views only read it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "topology/bdf.hpp"
#include "topology/fact.hpp"
#include "topology/host_usage.hpp"

namespace isola {

using GroupId = unsigned;

// From the PCIe capability's Device/Port Type field (flags bits 7:4); Conventional when the
// function has no PCIe capability at all.
enum class PortType {
    Endpoint,
    LegacyEndpoint,
    RootPort,
    UpstreamPort,
    DownstreamPort,
    PcieToPciBridge,
    PciToPcieBridge,
    RcIntegratedEndpoint,
    RcEventCollector,
    Conventional,
};

std::string_view to_string(PortType);
std::optional<PortType> port_type_from_string(std::string_view);

// ACS extended capability (ID 0x000D). The raw registers are kept; bit names per pci_regs.h.
struct AcsCapability {
    std::uint16_t capability = 0;  // ACS Capability register (+4)
    std::uint16_t control = 0;     // ACS Control register (+6)
    friend bool operator==(const AcsCapability&, const AcsCapability&) = default;
};
inline constexpr std::uint16_t kAcsSourceValidation = 0x01;
inline constexpr std::uint16_t kAcsTranslationBlocking = 0x02;
inline constexpr std::uint16_t kAcsRequestRedirect = 0x04;
inline constexpr std::uint16_t kAcsCompletionRedirect = 0x08;
inline constexpr std::uint16_t kAcsUpstreamForwarding = 0x10;
inline constexpr std::uint16_t kAcsEgressControl = 0x20;
inline constexpr std::uint16_t kAcsDirectTranslated = 0x40;

struct PcieLink {
    Fact<std::string> current_speed;  // sysfs spelling, e.g. "8.0 GT/s PCIe"
    Fact<int> current_width;
    Fact<std::string> max_speed;
    Fact<int> max_width;
    friend bool operator==(const PcieLink&, const PcieLink&) = default;
};

struct SriovInfo {
    Fact<int> num_vfs;        // sriov_numvfs (PF only)
    Fact<int> total_vfs;      // sriov_totalvfs (PF only)
    std::vector<Bdf> vfs;     // virtfnN links (PF only), sorted
    std::optional<Bdf> physfn;  // set on a VF
    friend bool operator==(const SriovInfo&, const SriovInfo&) = default;
};

struct Device {
    Bdf address;

    // Identity. Every real function has vendor and device IDs, but a pasted listing may not show
    // them (iommu.sh without -nn, a bare group/address list): then they are unknown, never 0000.
    Fact<std::uint16_t> vendor_id;
    Fact<std::uint16_t> device_id;
    Fact<std::uint16_t> subsystem_vendor_id;
    Fact<std::uint16_t> subsystem_device_id;
    Fact<std::uint16_t> class_id;  // base class and sub-class, e.g. 0x0300 (VGA)
    Fact<std::uint8_t> prog_if;    // programming interface (listings usually lack it)
    Fact<std::uint8_t> revision;

    // Names from pci.ids (or as printed in a listing); empty when unknown.
    std::string vendor_name;
    std::string device_name;
    std::string subsystem_name;
    std::string class_name;

    // Configuration header and PCIe.
    Fact<std::uint8_t> header_type;  // low 7 bits: 0 normal, 1 bridge, 2 CardBus
    Fact<bool> multifunction;
    Fact<PortType> port_type;
    Fact<std::optional<AcsCapability>> acs;  // known nullopt: the function has no ACS capability
    PcieLink link;

    // Tree: the bridge above (nullopt on a root bus, or unknown in a listing without a tree).
    std::optional<Bdf> parent;
    std::vector<Bdf> children;  // sorted

    // IOMMU and drivers.
    std::optional<GroupId> iommu_group;    // nullopt: no group (IOMMU off, or not in the source)
    Fact<std::string> driver;              // known "": no driver bound
    Fact<std::string> driver_override;     // known "": none set
    Fact<std::string> vfio_cdev;           // e.g. "vfio3" while bound to a VFIO driver with cdev support
    Fact<std::vector<std::string>> reset_methods;  // known empty: the device cannot be reset
    Fact<bool> boot_vga;                   // only VGA-class devices have the attribute
    Fact<int> numa_node;                   // -1 is the kernel's "no node"
    SriovInfo sriov;

    // What the host is using this function for (network, storage, display, input, sound).
    DeviceUsage usage;

    [[nodiscard]] bool is_bridge() const;          // header type 1, or a PCIe port / bridge
    [[nodiscard]] bool is_vf() const { return sriov.physfn.has_value(); }
    // 0xff when the class is not known (0xff is "unassigned class" in the PCI spec too).
    [[nodiscard]] std::uint8_t base_class() const { return class_id ? static_cast<std::uint8_t>(*class_id >> 8) : 0xff; }
    [[nodiscard]] std::uint8_t sub_class() const { return class_id ? static_cast<std::uint8_t>(*class_id & 0xff) : 0xff; }
    [[nodiscard]] std::string display_name() const;  // "vendor device", "[vvvv:dddd]" or the class
    // "vvvv:dddd", or nullopt when either ID is unknown.
    [[nodiscard]] std::optional<std::string> pci_id() const;

    friend bool operator==(const Device&, const Device&) = default;
};

}  // namespace isola
