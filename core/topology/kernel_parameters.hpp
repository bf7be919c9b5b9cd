// The kernel command line as far as IOMMU isolation is concerned, typed: whether the IOMMU was
// switched on or off, the default DMA domain (iommu=pt), the ACS override and the drivers bound by
// vendor:device ID at boot (vfio-pci.ids=, pci-stub.ids=).
//
// One parser for every source: the reader gives it /proc/cmdline, the importers a command line
// pasted beside a listing, the snapshot loader the recorded one. Each field is a Fact: a host
// whose command line is not known has every field unknown, never "not given" — "no ACS override"
// is a claim about the host that only its command line can make. A listing may still state one
// field on its own (a pcie_acs_override= mention in prose), which then is known alone.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "topology/fact.hpp"

namespace isola {

// intel_iommu= / amd_iommu= / iommu=off; the last one given wins, as in the kernel.
enum class IommuSwitch { NotGiven, On, Off };
std::string_view to_string(IommuSwitch);

// The default DMA domain asked for: iommu=pt / iommu.passthrough=1 (identity), iommu=nopt /
// iommu.passthrough=0 (translated). NotGiven: the kernel's build-time default.
enum class DmaDefault { NotGiven, Passthrough, Translated };
std::string_view to_string(DmaDefault);

// What pcie_acs_override= asks for (Alex Williamson's out-of-tree patch, carried by Proxmox and
// others). Its parser only ever sets flags and appends IDs, so several occurrences add up.
struct AcsOverride {
    std::string parameter;       // as given, e.g. "pcie_acs_override=downstream,multifunction"
    bool downstream = false;     // root and downstream ports without an ACS capability
    bool multifunction = false;  // multifunction endpoints without an ACS capability
    std::vector<std::pair<std::uint16_t, std::uint16_t>> ids;  // id:vvvv:dddd
    [[nodiscard]] bool any() const { return downstream || multifunction || !ids.empty(); }
    friend bool operator==(const AcsOverride&, const AcsOverride&) = default;
};

// One entry of an ids= list: vendor:device[:subvendor[:subdevice[:class[:class_mask]]]].
struct IdMatch {
    std::string text;  // as given, "10de:1b80"
    std::uint16_t vendor = 0;
    std::uint16_t device = 0;
    std::optional<std::uint16_t> subsystem_vendor;  // nullopt: any (PCI_ANY_ID or not given)
    std::optional<std::uint16_t> subsystem_device;
    friend bool operator==(const IdMatch&, const IdMatch&) = default;
};

// vfio-pci.ids= or pci-stub.ids=: a driver claiming every function with these IDs at boot.
struct IdBinding {
    std::string module;   // as spelled on the command line: "vfio-pci", "vfio_pci", "pci-stub"
    std::string driver;   // the driver it binds: "vfio-pci" or "pci-stub"
    std::vector<IdMatch> ids;
    std::vector<std::string> unreadable;  // entries that are not vendor:device in hex, as given
    friend bool operator==(const IdBinding&, const IdBinding&) = default;
};

struct KernelParameters {
    Fact<IommuSwitch> iommu;
    Fact<DmaDefault> dma_default;
    Fact<std::optional<AcsOverride>> acs_override;  // known nullopt: the command line has none
    Fact<std::vector<IdBinding>> id_bindings;       // known empty: nothing is bound by ID
    // The IOMMU- and VFIO-related parameters as given, in order, each once: for people.
    std::vector<std::string> relevant;

    // True when the command line is known to carry an ACS override; false when known not to.
    [[nodiscard]] Fact<bool> has_acs_override() const;

    friend bool operator==(const KernelParameters&, const KernelParameters&) = default;
};

// Every field known, from a whole command line ("BOOT_IMAGE=... root=... intel_iommu=on").
// Double-quoted values may contain spaces, as the kernel's own parser allows.
KernelParameters parse_kernel_parameters(std::string_view cmdline);

// Every field unknown, for `why` (a msgid: shown through translate()).
KernelParameters unknown_kernel_parameters(std::string why);

// For a source that states some parameters without the whole command line (a listing's prose, an
// older snapshot): the fields these tokens decide are known, the others unknown for `why`.
KernelParameters kernel_parameters_from_mentions(const std::vector<std::string>& tokens, std::string why);

// The command-line words, split as the kernel does: by spaces, except inside double quotes.
std::vector<std::string_view> kernel_cmdline_words(std::string_view cmdline);

}  // namespace isola
