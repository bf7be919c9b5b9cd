#include "ops/config_space.hpp"

#include <cerrno>
#include <format>
#include <string>
#include <utility>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace isola::helper {

namespace {

// Owns one file descriptor; closes it on every path out of read_config_space().
class UniqueFd {
public:
    explicit UniqueFd(int fd) : fd_(fd) {}
    UniqueFd(const UniqueFd&) = delete;
    UniqueFd& operator=(const UniqueFd&) = delete;
    ~UniqueFd()
    {
        if (fd_ >= 0) {
            ::close(fd_);
        }
    }
    [[nodiscard]] int get() const { return fd_; }
    [[nodiscard]] bool valid() const { return fd_ >= 0; }

private:
    int fd_;
};

// The path as it reads on the host, whatever root the test used: that is what a person can
// look at, and it keeps the sentences identical between unit tests and the real helper.
std::string host_path(const PciAddress& bdf)
{
    return std::format("/sys/bus/pci/devices/{}/config", bdf.str());
}

Failure read_failed(const PciAddress& bdf, int err)
{
    return Failure{{.kind = HelperRefusalKind::ReadFailed, .device = bdf.bdf(), .error_number = err}};
}

}  // namespace

std::expected<std::vector<std::byte>, Failure> read_config_space(const std::filesystem::path& root,
                                                                 const PciAddress& bdf)
{
    const std::filesystem::path device_dir = root / "sys/bus/pci/devices" / bdf.str();

    // O_PATH: we only need the directory as an anchor for openat(), so the existence check and
    // the open of "config" below refer to the same directory even if the tree changes meanwhile.
    const UniqueFd dir(::open(device_dir.c_str(), O_PATH | O_DIRECTORY | O_CLOEXEC));
    if (!dir.valid()) {
        const int err = errno;
        if (err == ENOENT || err == ENOTDIR) {
            return std::unexpected(Failure{{.kind = HelperRefusalKind::NoSuchDevice, .device = bdf.bdf()}});
        }
        return std::unexpected(read_failed(bdf, err));
    }

    // O_NONBLOCK only matters for a planted FIFO, which would otherwise block the helper in
    // open(); it changes nothing for a regular file.
    const UniqueFd file(::openat(dir.get(), "config", O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK));
    if (!file.valid()) {
        const int err = errno;
        if (err == ELOOP) {
            return std::unexpected(Failure{{.kind = HelperRefusalKind::SymbolicLink, .path = host_path(bdf)}});
        }
        return std::unexpected(read_failed(bdf, err));
    }

    struct stat st {};
    if (::fstat(file.get(), &st) != 0) {
        return std::unexpected(read_failed(bdf, errno));
    }
    if (!S_ISREG(st.st_mode)) {
        return std::unexpected(Failure{{.kind = HelperRefusalKind::NotARegularFile, .path = host_path(bdf)}});
    }

    // sysfs reports the config file's size (256 or 4096) but serves short reads, so read until
    // EOF or the cap; never trust st_size for how much to allocate.
    std::vector<std::byte> data(config_space_max);
    std::size_t used = 0;
    while (used < data.size()) {
        const ssize_t n = ::pread(file.get(), data.data() + used, data.size() - used, static_cast<off_t>(used));
        if (n < 0) {
            if (errno == EINTR) {
                continue;
            }
            return std::unexpected(read_failed(bdf, errno));
        }
        if (n == 0) {
            break;
        }
        used += static_cast<std::size_t>(n);
    }
    data.resize(used);
    return data;
}

}  // namespace isola::helper
