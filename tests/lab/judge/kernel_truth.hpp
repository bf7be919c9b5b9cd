// What the running kernel itself says, read with as little code as possible and none of Isola's:
// the IOMMU groups under /sys/kernel/iommu_groups, each function's driver link, and the answers
// of VFIO's own ioctls. The lab judge compares Isola's predictions against these.
#pragma once

#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace isola::lab {

namespace fs = std::filesystem;

struct KernelState {
    std::map<std::string, std::set<std::string>> groups;  // group number -> member addresses
    std::map<std::string, std::string> group_of;           // address -> group number
    std::map<std::string, std::string> driver;             // address -> driver ("" none)
    std::map<std::string, std::string> driver_override;    // address -> override ("" none)
};
KernelState read_kernel_state(const fs::path& sysfs);

// One kernel answer: the call that failed and its errno, or success.
struct KernelAnswer {
    bool ok = true;
    std::string call;  // "VFIO_GROUP_SET_CONTAINER", "open /dev/vfio/4", ...
    int error = 0;
    [[nodiscard]] std::string str() const;  // "attach works" / "EPERM at VFIO_GROUP_SET_CONTAINER"
};
std::string errno_name(int error);  // "EPERM", "EBUSY", ... or the number

// The legacy container flow for one device (open the container and the group, GET_STATUS,
// SET_CONTAINER, SET_IOMMU TYPE1v2, GET_DEVICE_FD), undone before returning.
KernelAnswer legacy_attach(const fs::path& sysfs, const fs::path& dev, const std::string& address);
// The iommufd flow for one device (open /dev/iommu and the device cdev, BIND, IOAS_ALLOC, ATTACH).
KernelAnswer iommufd_attach(const fs::path& sysfs, const fs::path& dev, const std::string& address);
// Two devices bound to one iommufd, each attached to its own IOAS: the answer of the second attach.
KernelAnswer iommufd_split_ioas(const fs::path& sysfs, const fs::path& dev, const std::string& first,
                                const std::string& second);

}  // namespace isola::lab
