#include "reader/sysfs_file.hpp"

#include <algorithm>
#include <charconv>
#include <cerrno>
#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <system_error>

namespace isola::sysfs {

namespace {

// Reads fd to its end (bounded) and closes it. Plain read(2): an ifstream costs an extra fstat
// and buffer setup per file. `whole_on_short_read` stops at the first short read — right for
// sysfs attributes, which the kernel renders in one piece; procfs tables arrive in chunks.
std::optional<std::string> read_and_close(int fd, std::size_t limit, bool whole_on_short_read) {
    if (fd < 0) return std::nullopt;
    std::string data;
    // Attribute files are small; start with a page and grow only for proc tables.
    data.resize(std::min<std::size_t>(limit, 4096));
    std::size_t used = 0;
    for (;;) {
        if (used == data.size()) {
            if (data.size() >= limit) break;
            data.resize(std::min(limit, data.size() * 2));
        }
        const ssize_t n = ::read(fd, data.data() + used, data.size() - used);
        if (n < 0) {
            if (errno == EINTR) continue;
            ::close(fd);
            return std::nullopt;
        }
        if (n == 0) break;
        used += static_cast<std::size_t>(n);
        if (whole_on_short_read && used < data.size()) break;
    }
    ::close(fd);
    data.resize(used);
    return data;
}

std::string first_line(std::string text) {
    text.resize(std::min(text.size(), text.find('\n')));
    while (!text.empty() && (text.back() == ' ' || text.back() == '\r' || text.back() == '\t')) text.pop_back();
    return text;
}

std::optional<std::int64_t> parse_signed(const std::optional<std::string>& line) {
    if (!line || line->empty()) return std::nullopt;
    std::int64_t v = 0;
    auto [ptr, ec] = std::from_chars(line->data(), line->data() + line->size(), v, 10);
    if (ec != std::errc{} || ptr != line->data() + line->size()) return std::nullopt;
    return v;
}

std::optional<std::string> basename_of(std::optional<std::string> target) {
    if (!target) return std::nullopt;
    while (!target->empty() && target->back() == '/') target->pop_back();
    if (auto slash = target->rfind('/'); slash != std::string::npos) target->erase(0, slash + 1);
    return target;
}

std::optional<std::string> read_link_at(int dirfd, const char* name) {
    // readlink alone answers "missing" (ENOENT) and "not a link" (EINVAL): no lstat first.
    char buf[4096];
    const ssize_t n = ::readlinkat(dirfd, name, buf, sizeof buf);
    if (n < 0 || static_cast<std::size_t>(n) >= sizeof buf) return std::nullopt;
    return std::string(buf, static_cast<std::size_t>(n));
}

}  // namespace

std::optional<std::string> read_file(const fs::path& path, std::size_t limit) {
    return read_and_close(::open(path.c_str(), O_RDONLY | O_CLOEXEC), limit, false);
}

std::optional<std::string> read_line(const fs::path& path) {
    auto text = read_file(path, 64 * 1024);
    if (!text) return std::nullopt;
    return first_line(std::move(*text));
}

std::optional<std::uint64_t> read_number(const fs::path& path, int base) {
    auto line = read_line(path);
    if (!line) return std::nullopt;
    std::string_view s = *line;
    if (base == 16 && (s.starts_with("0x") || s.starts_with("0X"))) s.remove_prefix(2);
    std::uint64_t v = 0;
    auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), v, base);
    if (ec != std::errc{} || ptr != s.data() + s.size() || s.empty()) return std::nullopt;
    return v;
}

std::optional<std::int64_t> read_signed(const fs::path& path) { return parse_signed(read_line(path)); }

std::optional<std::string> link_basename(const fs::path& link) {
    return basename_of(read_link_at(AT_FDCWD, link.c_str()));
}

std::vector<std::string> list_dir(const fs::path& dir) {
    std::vector<std::string> names;
    std::error_code ec;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec))
        names.push_back(it->path().filename().string());
    std::ranges::sort(names);
    return names;
}

std::optional<Bdf> owning_pci_function(const fs::path& canonical_device_path) {
    for (fs::path p = canonical_device_path; p.has_relative_path(); p = p.parent_path()) {
        if (auto bdf = Bdf::parse(p.filename().string()); bdf && p.filename().string().size() >= 12) return bdf;
        if (p == p.parent_path()) break;
    }
    return std::nullopt;
}

std::optional<fs::path> canonical(const fs::path& path) {
    std::error_code ec;
    auto c = fs::canonical(path, ec);
    if (ec) return std::nullopt;
    return c;
}

AttributeDir::AttributeDir(const fs::path& dir)
    : fd_(::open(dir.c_str(), O_PATH | O_DIRECTORY | O_CLOEXEC)) {}

AttributeDir::AttributeDir(const AttributeDir& parent, const char* name)
    : fd_(parent.fd_ < 0 ? -1 : ::openat(parent.fd_, name, O_PATH | O_DIRECTORY | O_CLOEXEC)) {}

AttributeDir::~AttributeDir() {
    if (fd_ >= 0) ::close(fd_);
}

std::optional<std::string> AttributeDir::read(const char* name, std::size_t limit) const {
    if (fd_ < 0) return std::nullopt;
    return read_and_close(::openat(fd_, name, O_RDONLY | O_CLOEXEC), limit, true);
}

std::optional<std::string> AttributeDir::read_line(const char* name) const {
    auto text = read(name);
    if (!text) return std::nullopt;
    return first_line(std::move(*text));
}

std::optional<std::int64_t> AttributeDir::read_signed(const char* name) const { return parse_signed(read_line(name)); }

std::optional<std::string> AttributeDir::link_target(const char* name) const {
    if (fd_ < 0) return std::nullopt;
    return read_link_at(fd_, name);
}

std::optional<std::string> AttributeDir::link_basename(const char* name) const { return basename_of(link_target(name)); }

bool AttributeDir::has(const char* name) const {
    struct stat st;
    return fd_ >= 0 && ::fstatat(fd_, name, &st, AT_SYMLINK_NOFOLLOW) == 0;
}

std::vector<std::string> AttributeDir::list(const char* name) const {
    std::vector<std::string> names;
    if (fd_ < 0) return names;
    const int fd = ::openat(fd_, name, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) return names;
    DIR* d = ::fdopendir(fd);
    if (!d) {
        ::close(fd);
        return names;
    }
    while (const dirent* e = ::readdir(d))
        if (e->d_name[0] != '.') names.emplace_back(e->d_name);
    ::closedir(d);
    std::ranges::sort(names);
    return names;
}

}  // namespace isola::sysfs
