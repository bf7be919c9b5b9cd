// The seam between the attach probe and the kernel's VFIO and iommufd device nodes: open, ioctl,
// close, stat — nothing else. Production uses KernelVfioCalls; tests script a fake kernel that
// answers each call (and counts opens and closes). Paths are built by the caller from HostRoots,
// so the same probe runs against a fixture tree's /dev.
#pragma once

#include <expected>
#include <filesystem>

namespace isola {

// A call's non-negative result (an fd, a count, 0), or the errno it failed with.
using CallResult = std::expected<int, int>;

// What stat() says of a device node.
struct NodeStatus {
    bool char_device = false;
    unsigned major = 0;
    unsigned minor = 0;
};

class VfioCalls {
public:
    virtual ~VfioCalls() = default;
    // open(path, O_RDWR | O_CLOEXEC): VFIO's nodes are opened read-write, as QEMU does.
    virtual CallResult open(const std::filesystem::path& path) = 0;
    // ioctl(fd, request, arg) for the requests whose argument is a pointer (structs, the device
    // name, the container fd)...
    virtual CallResult ioctl(int fd, unsigned long request, void* arg) = 0;
    // ...and for those that take a plain number (VFIO_GET_API_VERSION, VFIO_CHECK_EXTENSION,
    // VFIO_SET_IOMMU).
    virtual CallResult ioctl_value(int fd, unsigned long request, unsigned long value) = 0;
    virtual void close(int fd) = 0;
    virtual std::expected<NodeStatus, int> stat(const std::filesystem::path& path) = 0;
};

// The real kernel: the system calls themselves, errno as the error.
class KernelVfioCalls final : public VfioCalls {
public:
    CallResult open(const std::filesystem::path& path) override;
    CallResult ioctl(int fd, unsigned long request, void* arg) override;
    CallResult ioctl_value(int fd, unsigned long request, unsigned long value) override;
    void close(int fd) override;
    std::expected<NodeStatus, int> stat(const std::filesystem::path& path) override;
};

}  // namespace isola
