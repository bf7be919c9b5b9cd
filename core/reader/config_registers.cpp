#include "reader/config_registers.hpp"

#include <array>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace isola {
namespace {

std::uint32_t little_endian(const std::uint8_t* b) {
    return b[0] | (b[1] << 8) | (b[2] << 16) | (std::uint32_t{b[3]} << 24);
}

}  // namespace

ConfigFile::ConfigFile(const sysfs::AttributeDir& function_dir)
    : fd_(function_dir.is_open() ? ::openat(function_dir.fd(), "config", O_RDONLY | O_CLOEXEC) : -1) {
    struct stat st;
    if (fd_ >= 0 && ::fstat(fd_, &st) == 0) size_ = static_cast<std::size_t>(st.st_size);
}

ConfigFile::~ConfigFile() {
    if (fd_ >= 0) ::close(fd_);
}

std::optional<std::uint32_t> ConfigFile::dword(unsigned offset) const {
    // One pread of exactly one dword: the kernel turns it into one config transaction. A short
    // read is what a reader without root gets past byte 64, or any reader past the end.
    std::array<std::uint8_t, 4> b{};
    if (fd_ < 0 || ::pread(fd_, b.data(), b.size(), offset) != static_cast<ssize_t>(b.size())) return std::nullopt;
    return little_endian(b.data());
}

std::optional<std::uint32_t> ConfigBytes::dword(unsigned offset) const {
    if (offset > bytes_.size() || bytes_.size() - offset < 4) return std::nullopt;
    return little_endian(bytes_.data() + offset);
}

}  // namespace isola
