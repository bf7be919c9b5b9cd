#include "kernel_truth.hpp"

#include <fcntl.h>
#include <linux/iommufd.h>
#include <linux/vfio.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <expected>
#include <format>
#include <fstream>
#include <optional>
#include <system_error>

namespace isola::lab {

namespace {

std::string first_line(const fs::path& file) {
    std::ifstream in(file);
    std::string line;
    std::getline(in, line);
    return line;
}

std::string link_name(const fs::path& link) {
    std::error_code ec;
    const fs::path target = fs::read_symlink(link, ec);
    return ec ? std::string() : target.filename().string();
}

// An fd closed on every path out.
class Fd {
public:
    explicit Fd(int fd = -1) : fd_(fd) {}
    Fd(const Fd&) = delete;
    Fd& operator=(const Fd&) = delete;
    ~Fd() {
        if (fd_ >= 0) ::close(fd_);
    }
    [[nodiscard]] int get() const { return fd_; }
    [[nodiscard]] bool ok() const { return fd_ >= 0; }

private:
    int fd_;
};

KernelAnswer failed(std::string call, int error) { return {false, std::move(call), error}; }

std::optional<fs::path> cdev_node(const fs::path& sysfs, const fs::path& dev, const std::string& address) {
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(sysfs / "bus/pci/devices" / address / "vfio-dev", ec))
        return dev / "vfio/devices" / e.path().filename();
    return std::nullopt;
}

// Binds the device's cdev to `iommufd`; on success `cdev` stays open (the binding lives with it).
KernelAnswer bind(const fs::path& sysfs, const fs::path& dev, const std::string& address, int iommufd,
                  std::optional<Fd>& cdev) {
    const auto node = cdev_node(sysfs, dev, address);
    if (!node) return failed("find " + address + "'s vfio-dev cdev", ENOENT);
    cdev.emplace(::open(node->c_str(), O_RDWR | O_CLOEXEC));
    if (!cdev->ok()) return failed("open " + node->string(), errno);
    vfio_device_bind_iommufd b{};
    b.argsz = sizeof b;
    b.iommufd = iommufd;
    if (::ioctl(cdev->get(), VFIO_DEVICE_BIND_IOMMUFD, &b) != 0) return failed("VFIO_DEVICE_BIND_IOMMUFD", errno);
    return {};
}

std::expected<unsigned, KernelAnswer> alloc_ioas(int iommufd) {
    iommu_ioas_alloc a{};
    a.size = sizeof a;
    if (::ioctl(iommufd, IOMMU_IOAS_ALLOC, &a) != 0) return std::unexpected(failed("IOMMU_IOAS_ALLOC", errno));
    return a.out_ioas_id;
}

KernelAnswer attach(int cdev, unsigned ioas) {
    vfio_device_attach_iommufd_pt at{};
    at.argsz = sizeof at;
    at.pt_id = ioas;
    if (::ioctl(cdev, VFIO_DEVICE_ATTACH_IOMMUFD_PT, &at) != 0) return failed("VFIO_DEVICE_ATTACH_IOMMUFD_PT", errno);
    return {};
}

}  // namespace

KernelState read_kernel_state(const fs::path& sysfs) {
    KernelState s;
    std::error_code ec;
    for (const auto& g : fs::directory_iterator(sysfs / "kernel/iommu_groups", ec)) {
        const std::string id = g.path().filename().string();
        std::error_code ec2;
        for (const auto& m : fs::directory_iterator(g.path() / "devices", ec2)) {
            s.groups[id].insert(m.path().filename().string());
            s.group_of[m.path().filename().string()] = id;
        }
    }
    for (const auto& d : fs::directory_iterator(sysfs / "bus/pci/devices", ec)) {
        const std::string address = d.path().filename().string();
        s.driver[address] = link_name(d.path() / "driver");
        std::string o = first_line(d.path() / "driver_override");
        s.driver_override[address] = o == "(null)" ? "" : o;
    }
    return s;
}

std::string errno_name(int error) {
    switch (error) {
        case EPERM: return "EPERM";
        case ENOENT: return "ENOENT";
        case EBUSY: return "EBUSY";
        case EINVAL: return "EINVAL";
        case ENODEV: return "ENODEV";
        case EACCES: return "EACCES";
        case ENOTTY: return "ENOTTY";
        default: return std::format("errno {}", error);
    }
}

std::string KernelAnswer::str() const { return ok ? "attach works" : errno_name(error) + " at " + call; }

KernelAnswer legacy_attach(const fs::path& sysfs, const fs::path& dev, const std::string& address) {
    const std::string group = link_name(sysfs / "bus/pci/devices" / address / "iommu_group");
    if (group.empty()) return failed("read " + address + "'s iommu_group", ENOENT);
    Fd container(::open((dev / "vfio/vfio").c_str(), O_RDWR | O_CLOEXEC));
    if (!container.ok()) return failed("open /dev/vfio/vfio", errno);
    const fs::path node = dev / "vfio" / group;
    Fd g(::open(node.c_str(), O_RDWR | O_CLOEXEC));
    if (!g.ok()) return failed("open " + node.string(), errno);
    vfio_group_status status{};
    status.argsz = sizeof status;
    if (::ioctl(g.get(), VFIO_GROUP_GET_STATUS, &status) != 0) return failed("VFIO_GROUP_GET_STATUS", errno);
    int c = container.get();
    if (::ioctl(g.get(), VFIO_GROUP_SET_CONTAINER, &c) != 0) return failed("VFIO_GROUP_SET_CONTAINER", errno);
    if (::ioctl(container.get(), VFIO_SET_IOMMU, VFIO_TYPE1v2_IOMMU) != 0) {
        const int e = errno;
        ::ioctl(g.get(), VFIO_GROUP_UNSET_CONTAINER);
        return failed("VFIO_SET_IOMMU", e);
    }
    const int device = ::ioctl(g.get(), VFIO_GROUP_GET_DEVICE_FD, address.c_str());
    const int e = errno;
    if (device >= 0) ::close(device);
    ::ioctl(g.get(), VFIO_GROUP_UNSET_CONTAINER);
    if (device < 0) return failed("VFIO_GROUP_GET_DEVICE_FD", e);
    return {};
}

KernelAnswer iommufd_attach(const fs::path& sysfs, const fs::path& dev, const std::string& address) {
    Fd iommufd(::open((dev / "iommu").c_str(), O_RDWR | O_CLOEXEC));
    if (!iommufd.ok()) return failed("open /dev/iommu", errno);
    std::optional<Fd> cdev;
    if (auto b = bind(sysfs, dev, address, iommufd.get(), cdev); !b.ok) return b;
    auto ioas = alloc_ioas(iommufd.get());
    if (!ioas) return ioas.error();
    return attach(cdev->get(), *ioas);  // closing the cdev and /dev/iommu undoes everything
}

KernelAnswer iommufd_split_ioas(const fs::path& sysfs, const fs::path& dev, const std::string& first,
                                const std::string& second) {
    Fd iommufd(::open((dev / "iommu").c_str(), O_RDWR | O_CLOEXEC));
    if (!iommufd.ok()) return failed("open /dev/iommu", errno);
    std::optional<Fd> a, b;
    if (auto r = bind(sysfs, dev, first, iommufd.get(), a); !r.ok) return r;
    if (auto r = bind(sysfs, dev, second, iommufd.get(), b); !r.ok) return r;
    auto ioas_a = alloc_ioas(iommufd.get());
    if (!ioas_a) return ioas_a.error();
    auto ioas_b = alloc_ioas(iommufd.get());
    if (!ioas_b) return ioas_b.error();
    if (auto r = attach(a->get(), *ioas_a); !r.ok) return r;
    return attach(b->get(), *ioas_b);
}

}  // namespace isola::lab
