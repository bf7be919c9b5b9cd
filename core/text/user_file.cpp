#include "text/user_file.hpp"

#include "text/message.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <format>
#include <utility>
#include <sys/stat.h>
#include <unistd.h>

namespace isola {
namespace {

class Fd {
public:
    explicit Fd(int fd) : fd_(fd) {}
    ~Fd() {
        if (fd_ >= 0) ::close(fd_);
    }
    Fd(const Fd&) = delete;
    Fd& operator=(const Fd&) = delete;
    int get() const { return fd_; }

private:
    int fd_;
};

UserFileError error(UserFileError::Kind kind, std::string message) { return {kind, std::move(message)}; }

// "the listing /x": the object of "cannot read …" (translators: in the case that sentence needs).
std::string the_file(UserFileKind what, const std::filesystem::path& file) {
    const std::string name = file.string();
    switch (what) {
        case UserFileKind::Listing: return say("the listing {}", name);
        case UserFileKind::Snapshot: return say("the snapshot {}", name);
        case UserFileKind::LibvirtDomain: return say("the libvirt domain {}", name);
        case UserFileKind::ProxmoxConfig: return say("the Proxmox VM config {}", name);
        case UserFileKind::ProxmoxMappings: return say("the Proxmox resource mappings file {}", name);
        case UserFileKind::PciIds: return say("the pci.ids file {}", name);
    }
    return name;
}

std::string not_a_file(mode_t mode, const std::string& object) {
    if (S_ISCHR(mode) || S_ISBLK(mode))
        return say("cannot read {}: it is a device, not a file; save its content to a file first", object);
    if (S_ISFIFO(mode))
        return say("cannot read {}: it is a pipe (FIFO), not a file; save its content to a file first", object);
    if (S_ISSOCK(mode)) return say("cannot read {}: it is a socket, not a file", object);
    return say("cannot read {}: it is not a regular file", object);
}

// Opens without blocking (a FIFO without a writer would block open() itself) and checks what the
// path is before a single byte is read.
std::expected<void, UserFileError> check_open(int fd, int open_errno, const std::filesystem::path& file,
                                              std::size_t limit, UserFileKind what, struct stat& st) {
    const std::string object = the_file(what, file);
    if (fd < 0) {
        if (open_errno == ENOENT || open_errno == ENOTDIR)
            return std::unexpected(error(UserFileError::Kind::Missing, say("cannot read {}: there is no such file", object)));
        return std::unexpected(
            error(UserFileError::Kind::Unreadable, say("cannot read {0}: {1}", object, std::strerror(open_errno))));
    }
    if (::fstat(fd, &st) != 0)
        return std::unexpected(error(UserFileError::Kind::Unreadable, say("cannot read {0}: {1}", object, std::strerror(errno))));
    if (S_ISDIR(st.st_mode))
        return std::unexpected(
            error(UserFileError::Kind::Directory, say("cannot read {}: it is a directory; name a file in it", object)));
    if (!S_ISREG(st.st_mode)) return std::unexpected(error(UserFileError::Kind::NotRegular, not_a_file(st.st_mode, object)));
    if (static_cast<std::uintmax_t>(st.st_size) > limit)
        return std::unexpected(error(
            UserFileError::Kind::TooLarge,
            say("cannot read {0}: at {1} it is larger than the {2} limit for this kind of file; is it the right file?",
                object, describe_size(static_cast<std::uintmax_t>(st.st_size)), describe_size(limit))));
    return {};
}

}  // namespace

std::string describe_size(std::uintmax_t bytes) {
    constexpr std::uintmax_t kib = 1024, mib = kib * 1024, gib = mib * 1024;
    for (const auto& [unit, name] : {std::pair{gib, "GiB"}, std::pair{mib, "MiB"}, std::pair{kib, "KiB"}}) {
        if (bytes < unit) continue;
        if (bytes % unit == 0) return std::format("{} {}", bytes / unit, name);
        return std::format("{:.1f} {}", static_cast<double>(bytes) / static_cast<double>(unit), name);
    }
    return say_n("{} byte", "{} bytes", static_cast<unsigned long>(bytes), bytes);
}

std::expected<void, UserFileError> check_user_file(const std::filesystem::path& file, std::size_t limit,
                                                   UserFileKind what) {
    Fd fd(::open(file.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY));
    const int open_errno = errno;
    struct stat st{};
    return check_open(fd.get(), open_errno, file, limit, what, st);
}

std::expected<std::string, UserFileError> read_user_file(const std::filesystem::path& file, std::size_t limit,
                                                          UserFileKind what) {
    Fd fd(::open(file.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY));
    const int open_errno = errno;
    struct stat st{};
    if (auto ok = check_open(fd.get(), open_errno, file, limit, what, st); !ok) return std::unexpected(ok.error());
    // Regular files can still grow while read, or report size 0 (procfs): read at most limit + 1.
    std::string text;
    text.resize(static_cast<std::size_t>(st.st_size));
    std::size_t used = 0;
    for (;;) {
        if (used == text.size()) {
            if (text.size() > limit) break;
            text.resize(std::min(limit + 1, std::max<std::size_t>(text.size() * 2, 64 * 1024)));
        }
        const ssize_t n = ::read(fd.get(), text.data() + used, text.size() - used);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0)
            return std::unexpected(error(UserFileError::Kind::Unreadable,
                                         say("cannot read {0}: {1}", the_file(what, file), std::strerror(errno))));
        if (n == 0) break;
        used += static_cast<std::size_t>(n);
    }
    if (used > limit)
        return std::unexpected(error(UserFileError::Kind::TooLarge,
                                     say("cannot read {0}: it is larger than the {1} limit for this kind of file; is it "
                                         "the right file?",
                                         the_file(what, file), describe_size(limit))));
    text.resize(used);
    return text;
}

}  // namespace isola
