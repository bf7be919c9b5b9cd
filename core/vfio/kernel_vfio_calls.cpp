#include <cerrno>
#include <fcntl.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include "vfio/vfio_calls.hpp"

namespace isola {

CallResult KernelVfioCalls::open(const std::filesystem::path& path) {
    const int fd = ::open(path.c_str(), O_RDWR | O_CLOEXEC);
    if (fd < 0) return std::unexpected(errno);
    return fd;
}

CallResult KernelVfioCalls::ioctl(int fd, unsigned long request, void* arg) {
    const int r = ::ioctl(fd, request, arg);
    if (r < 0) return std::unexpected(errno);
    return r;
}

CallResult KernelVfioCalls::ioctl_value(int fd, unsigned long request, unsigned long value) {
    const int r = ::ioctl(fd, request, value);
    if (r < 0) return std::unexpected(errno);
    return r;
}

void KernelVfioCalls::close(int fd) {
    // Not retried on EINTR: on Linux the descriptor is released even then, and a retry could
    // close a descriptor another thread has just been given.
    ::close(fd);
}

std::expected<NodeStatus, int> KernelVfioCalls::stat(const std::filesystem::path& path) {
    struct ::stat st {};
    if (::stat(path.c_str(), &st) != 0) return std::unexpected(errno);
    return NodeStatus{.char_device = S_ISCHR(st.st_mode), .major = ::major(st.st_rdev), .minor = ::minor(st.st_rdev)};
}

}  // namespace isola
