// Whether the kernel treats a function as ACS-isolated for IOMMU grouping: a mirror of
// pci_acs_enabled() with REQ_ACS_FLAGS = SV|RR|CR|UF (drivers/pci/pci.c, drivers/iommu/iommu.c),
// including the quirk table and the out-of-tree pcie_acs_override patch.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "topology/topology.hpp"

namespace isola {

enum class AcsVerdict { Isolated, NotIsolated, Unknown };

// Why a function counts as isolated or not, as data; describe() (describe_explanation.hpp) says the
// phrase ("has no ACS capability", "lacks Request Redirect (RR)", ...).
enum class AcsReason {
    None,
    CapabilityUnknown,   // `detail`: why it is unknown
    NoCapability,
    ControlsEnabled,
    LacksControls,       // `missing`: the REQ_ACS_FLAGS bits not enabled
    QuirkIsolated,       // `detail`: the kernel quirk function
    QuirkNotIsolated,    // `detail`: the kernel quirk function
    PortTypeUnknown,     // `detail`: why it is unknown
    Override,
    Conventional,
    BridgeType,
    MultifunctionUnknown,
    SingleFunction,
    UnknownPortType,
    PathIsolated,
};

struct AcsFinding {
    AcsVerdict verdict = AcsVerdict::Unknown;
    AcsReason reason = AcsReason::None;
    std::string detail;
    std::uint16_t missing = 0;
    bool by_quirk = false;
    bool by_override = false;
};

// What the ACS override asks for; none when the command line has none or is not known (callers
// that must tell the two apart read host.kernel_parameters.acs_override).
AcsOverride acs_override_of(const HostFacts& host);

// Whether the kernel's pci_dev->multifunction is set: the header type's bit on function 0, but
// any function the slot scan finds after function 0 is marked multifunction whatever its own
// header says (pci_scan_slot(), drivers/pci/probe.c). VFs are added by the SR-IOV code, not by
// the slot scan, and keep their header's bit. The grouping rules and the ACS check read this,
// never Device::multifunction directly: QEMU's e1000e at function 1 without multifunction=on
// shares function 0's group on a real kernel (tests/lab, lab-ground-truth.md §3a).
Fact<bool> kernel_multifunction(const Device& d);

// The REQ_ACS_FLAGS bits the capability advertises but does not enable.
std::uint16_t missing_acs_controls(const AcsCapability& acs);
// Names of the missing REQ_ACS_FLAGS bits, e.g. "Request Redirect (RR), Completion Redirect (CR)"
// (the PCIe specification's names, not translated).
std::string missing_acs_bits(const AcsCapability& acs);
std::string acs_bit_names(std::uint16_t bits);

class AcsCheck {
public:
    // `honour_override`: apply pcie_acs_override= as the patched kernel does (true), or judge the
    // hardware alone (false) to show what the override changed.
    explicit AcsCheck(const Topology& topology, bool honour_override = true);

    AcsFinding device(const Device& d) const;
    // pci_acs_path_enabled(bridge, NULL, REQ): the bridge and every bridge above it pass. On
    // failure `blocker` names the first function that does not.
    AcsFinding path(const Device& bridge, const Device** blocker = nullptr) const;

private:
    const Topology& topology_;
    AcsOverride override_;
};

}  // namespace isola
