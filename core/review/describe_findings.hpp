// The words of a review, said in one place from typed values, in the user's language
// (text/message.hpp): each finding is a kind plus the arguments its sentence needs, and so is each
// problem a VM definition reader meets. Internal to core/review; the finding codes stay stable
// ids (README.md), only the sentences are translated.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "explain/acs_check.hpp"
#include "plan/host_impact.hpp"
#include "plan/refusal.hpp"
#include "topology/bdf.hpp"

namespace isola::review_detail {

enum class FindingKind {
    NoGroupData,                // `origin`, a listing, shows no IOMMU groups
    IommuPassthrough,           // iommu=pt
    AcsOverride,                // `parameter` ("pcie_acs_override=downstream") overrides what `acs` says
    IdBindingCatchesTwins,      // `parameter` (the module), `entry`, `id`, `driver`, the matching `devices`
    ListingLimits,              // `origin`, `drivers_shown`
    NoIommuGroup,               // `group` with `devices`
    MixedGroup,                 // `group`: `held` next to `host`; `addresses` of the held ones
    CandidateWithHostCritical,  // `devices` (candidates) in `group` next to `serving`
    SharedGroup,                // candidates `devices` in `group` with `others`
    HeldForVfio,                // `group`, its endpoints `held`, `claimed_by`
    BootGpu,                    // `serving` (one)
    NoReset,                    // `serving` (one)
    VmDeviceGone,               // `at`: `refusal` (about a device that is not there)
    VmDeviceChanged,            // `at`, `vm`, `address`, `mapping`, `expected`, `now`, `now_name`
    VmsShareGroup,              // `at`: `refusal`
    VmClaimsHostCritical,       // `at`: `refusal`
    VmClaimRefused,             // `at`: `refusal`
    VmPartialGroupProxmox,      // `at`, `vm` claims `devices` but not `others` in `group`
    VmPartialGroupLibvirt,      // `at`, `vm` claims `devices` but not `host` (on host drivers) in `group`; `addresses`
    VmPartialGroupUnknown,      // `at`, `vm` claims `devices` but not `others` (drivers not shown); `addresses`
    VmUnmanagedOnHostDriver,    // `at`, `vm` claims `devices` (one) with `managed`, bound to `driver`; `nodedev`
};

// A device and its driver as the review knows it: nullopt not shown, "" none.
struct DeviceOnDriver {
    std::string device;  // label(): "0000:04:00.0 (Lexa PRO [Radeon RX 550])"
    std::optional<std::string> driver;
};

// A device and what it serves the host for.
struct DeviceServing {
    std::string device;  // label()
    HostImpact impact;
};

// vendor:device (and subsystem) IDs as a definition recorded them, or as the host has them now.
struct DeviceIds {
    std::uint16_t vendor = 0;
    std::uint16_t device = 0;
    std::optional<std::pair<std::uint16_t, std::uint16_t>> subsystem;  // shown only when set
};

struct FindingDetail {
    FindingKind kind;
    std::string origin;                    // NoGroupData, ListingLimits: the listing's path
    bool drivers_shown = true;             // ListingLimits
    std::optional<GroupId> group;
    std::string parameter;                 // AcsOverride: the parameter; IdBindingCatchesTwins: the module
    AcsOverride acs;                       // AcsOverride
    std::string entry;                     // IdBindingCatchesTwins: the ids= entry as written
    std::string id;                        // IdBindingCatchesTwins: "1002:6798"
    std::string driver;                    // IdBindingCatchesTwins: vfio-pci / pci-stub; VmUnmanaged: host driver
    std::vector<std::string> devices;      // labels of the devices the finding is about
    std::vector<std::string> others;       // labels of their group-mates
    std::vector<std::string> addresses;    // bare addresses the remedy names
    std::vector<DeviceOnDriver> held, host;
    std::vector<DeviceServing> serving;
    std::optional<std::vector<std::string>> claimed_by;  // HeldForVfio: VM names; nullopt: no VM definitions read
    std::string at;                        // VM findings: "FILE:LINE" of the claim
    std::string vm;                        // vm_name_or_file(): "\"win11\"", "VM 101"
    std::optional<Refusal> refusal;        // the planner's refusal, said by describe()
    std::string address;                   // VmDeviceChanged: the claimed address
    std::string mapping;                   // VmDeviceChanged: the resource mapping's name
    DeviceIds expected, now;               // VmDeviceChanged
    std::string now_name;                  // VmDeviceChanged: what the address holds now
    std::optional<bool> managed;           // VmUnmanagedOnHostDriver: managed='no' written, or not written
    std::string nodedev;                   // VmUnmanagedOnHostDriver: "pci_0000_01_00_0"
};

std::string describe(const FindingDetail& finding);

// What a VM definition reader could not read, for DefinitionProblem::sentence and DefinitionDirError.
enum class ProblemKind {
    ClaimWithoutAddress,     // libvirt: `file`:`line`, `entry` of `vm` has no <source><address>
    AddressWithoutPart,      // libvirt: ... its <address> lacks the `name` attribute
    AddressPartNotNumber,    // libvirt: ... `name`='`value`' is not a number
    DomainUnparsable,        // libvirt: `file`:`line`, the parser's `value` (English, from pugixml)
    DomainWrongRoot,         // libvirt: `file`, root element `name`
    NotASetting,             // Proxmox: `file`:`line` is not "key: value" (`value`)
    MappingNeedsCluster,     // Proxmox: `vm` uses mapping `name` (`entry`) and pci.cfg was not read
    NoHostDevice,            // Proxmox: `entry` without a host device (`value`)
    NotAnAddress,            // Proxmox: `entry` "`value`" is not a PCI address
    MapLineBeforeName,       // pci.cfg: `file`:`line`
    MappingUndefined,        // `vm` uses mapping `name` (`entry`), which `other_file` does not define
    MappingNotOnNode,        // ... which has no device for node `value`
    MappingOffersSeveral,    // ... which offers `count` devices on this node
    MappingPathNotAddress,   // ... whose path `value` in `other_file`:`other_line` is not an address
    FileUnreadable,          // `value`: the file error's sentence
    DirectoryUnreadable,     // `name` (DefinitionDirKind::what, N_-marked), `file` (the directory), `value` (why)
};

struct ProblemDetail {
    ProblemKind kind;
    std::string file;
    int line = 0;
    std::string vm;     // vm_name_or_file()
    std::string entry;  // "hostdev 1", "interface 2", "hostpci0"
    std::string name;
    std::string value;
    std::string other_file;
    int other_line = 0;
    std::size_t count = 0;
};

std::string describe(const ProblemDetail& problem);

// "\"win11\"", "\"web\" (VM 101)", "VM 101", or "the VM" (nothing read yet).
std::string describe_vm(const std::string& name, const std::string& proxmox_id);

}  // namespace isola::review_detail
