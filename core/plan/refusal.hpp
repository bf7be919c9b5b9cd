// Why a plan cannot go ahead, as data: a kind and the arguments its sentence needs. The words
// come from describe() (describe_plan.hpp), the one place that says them, in the user's language.
#pragma once

#include <optional>
#include <string>

#include "plan/host_impact.hpp"
#include "topology/bdf.hpp"
#include "topology/device.hpp"

namespace isola {

enum class RefusalKind {
    NoVmName,             // the request names no VM
    NoDevices,            // the request names no device
    NoSuchDevice,         // `device` is not on this host
    NoGroup,              // `device` has no IOMMU group
    IsBridge,             // `device` is a bridge
    NoIommuGroup,         // `group` is a VFIO no-IOMMU group
    HostNeedsDevice,      // the selected `device` itself serves the host (`impact`, a blocker)
    GroupMateServesHost,  // `holder` in `group` is on `driver` and serves the host (`impact`)
    AlreadyAssigned,      // `device` is claimed by `other_vm`
    GroupMateAssigned,    // `holder` in `group` is claimed by `other_vm`
    NoIommufd,            // the iommufd backend was asked for; the kernel has none
};
std::string_view to_string(RefusalKind);

struct Refusal {
    RefusalKind kind;
    std::optional<Bdf> device;     // what the person asked for; empty when the request itself is wrong
    std::optional<GroupId> group;
    std::optional<Bdf> holder;     // who stands in the way (may be the device itself)
    std::string vm;                // the target VM
    std::string driver;            // the holder's driver ("" none)
    std::string other_vm;          // AlreadyAssigned, GroupMateAssigned
    std::optional<HostImpact> impact;  // HostNeedsDevice, GroupMateServesHost
};

}  // namespace isola
