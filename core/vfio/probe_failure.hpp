// Why an attach probe stopped, as data: a kind, the step and errno where the kernel refused, and
// what stands in the way — group members on host drivers (from the Topology) and processes that
// hold the group or a device cdev open (from /proc). The words come from describe()
// (describe_probe.hpp), the one place that says them.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "topology/bdf.hpp"
#include "topology/device.hpp"

namespace isola {

// Every call the probe makes, in the order the flows make them (kernel.md §5).
enum class ProbeStep {
    OpenContainer,   // open(/dev/vfio/vfio)
    GetApiVersion,   // VFIO_GET_API_VERSION
    CheckExtension,  // VFIO_CHECK_EXTENSION(VFIO_TYPE1v2_IOMMU, or VFIO_NOIOMMU_IOMMU)
    OpenGroup,       // open(/dev/vfio/N), or /dev/vfio/noiommu-N
    GetGroupStatus,  // VFIO_GROUP_GET_STATUS
    SetContainer,    // VFIO_GROUP_SET_CONTAINER
    SetIommu,        // VFIO_SET_IOMMU
    GetDeviceFd,     // VFIO_GROUP_GET_DEVICE_FD
    OpenIommufd,     // open(/dev/iommu)
    FindCdev,        // sysfs vfio-dev/vfioN/dev against the st_rdev of /dev/vfio/devices/vfioN
    OpenCdev,        // open(/dev/vfio/devices/vfioN)
    BindIommufd,     // VFIO_DEVICE_BIND_IOMMUFD
    AllocIoas,       // IOMMU_IOAS_ALLOC
    AttachPt,        // VFIO_DEVICE_ATTACH_IOMMUFD_PT
    DetachPt,        // VFIO_DEVICE_DETACH_IOMMUFD_PT
    DestroyIoas,     // IOMMU_DESTROY
};
std::string_view to_string(ProbeStep);  // "open-container", "set-container", ... (JSON)
std::string_view call_name(ProbeStep);  // "open", "VFIO_GROUP_SET_CONTAINER", ... (the kernel's names)

enum class ProbeFailureKind {
    // Before any call, from the Topology and the backend asked for.
    NoSuchDevice,          // `device` is not on the host
    NoGroup,               // `device` has no IOMMU group
    NotOnVfioPci,          // `device` is on `driver` ("" none), not a VFIO driver
    NoIommuIommufd,        // iommufd asked for a no-IOMMU group
    // The kernel's interfaces are missing or closed to this user.
    NoVfioContainer,       // /dev/vfio/vfio does not exist (`path`)
    NoIommufd,             // /dev/iommu does not exist (`path`)
    NoAccess,              // an open failed with EACCES or EPERM (`path`, `error`)
    ApiVersionMismatch,    // VFIO_GET_API_VERSION returned `value`
    NoIommuDriver,         // VFIO_CHECK_EXTENSION said no to the IOMMU type needed
    GroupNodeMissing,      // /dev/vfio/N does not exist though the device is on vfio-pci (`path`)
    CdevNotBuilt,          // no vfio-dev/vfioN (`cdev` ""), or vfio-dev/vfioN without `dev` (the trap)
    CdevNodeMismatch,      // /dev/vfio/devices/vfioN missing (`found` "") or another node (`found` M:m)
    // The kernel refused the attach.
    GroupNotViable,        // a member is on a host driver (`blockers`); EPERM, or status not VIABLE
    GroupInUse,            // another VFIO user holds the group or a member (`holders`); EBUSY
    CdevAlreadyBound,      // VFIO_DEVICE_BIND_IOMMUFD EINVAL: the cdev is bound elsewhere (`holders`)
    GroupMateOnOtherIoas,  // VFIO_DEVICE_ATTACH_IOMMUFD_PT EINVAL (`holders`)
    DeviceNotOnVfio,       // VFIO_GROUP_GET_DEVICE_FD ENODEV: the kernel has no VFIO device by that name
    InterruptsNotIsolated, // EPERM with no host driver and no holder in the group: MSI not isolated
    CallFailed,            // any other (step, errno)
};
std::string_view to_string(ProbeFailureKind);

// A group member on a driver that keeps the group from being viable.
struct GroupBlocker {
    Bdf device;
    std::string name;    // "82540EM Gigabit Ethernet Controller", or "" when not known
    std::string driver;
    friend bool operator==(const GroupBlocker&, const GroupBlocker&) = default;
};

// A process that has a VFIO node of the group open.
struct NodeHolder {
    int pid = 0;
    std::string command;  // its comm, e.g. "qemu-system-x86"
    std::string node;     // the node it holds, e.g. "/dev/vfio/4"
    friend bool operator==(const NodeHolder&, const NodeHolder&) = default;
};

struct ProbeFailure {
    ProbeFailureKind kind = ProbeFailureKind::CallFailed;
    std::optional<ProbeStep> step;  // empty: found before any call
    int error = 0;                  // the errno of the refused call (0: none)
    Bdf device;
    std::string device_name;        // as in GroupBlocker::name
    std::string driver;             // NotOnVfioPci: the device's driver
    std::optional<GroupId> group;
    bool noiommu = false;
    std::string path;               // the node concerned (opens, FindCdev)
    std::string cdev;               // "vfio3" (CdevNotBuilt, CdevNodeMismatch)
    std::string expected;           // CdevNodeMismatch: the M:m sysfs gives
    std::string found;              // CdevNodeMismatch: the M:m of the node, "" when absent
    long value = 0;                 // ApiVersionMismatch: the version the kernel said
    std::vector<GroupBlocker> blockers;
    std::vector<NodeHolder> holders;
    bool holders_searched = false;  // a proc root was given and read
};

}  // namespace isola
