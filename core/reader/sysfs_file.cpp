#include "reader/sysfs_file.hpp"

#include <algorithm>
#include <charconv>
#include <cerrno>
#include <fcntl.h>
#include <unistd.h>
#include <system_error>

namespace isola::sysfs {

std::optional<std::string> read_file(const fs::path& path, std::size_t limit) {
    // Plain open/read/close: a scan reads ~15 attribute files per function on hosts with
    // thousands of functions, and an ifstream costs an extra fstat and buffer setup each time.
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
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
    }
    ::close(fd);
    data.resize(used);
    return data;
}

std::optional<std::string> read_line(const fs::path& path) {
    auto text = read_file(path, 64 * 1024);
    if (!text) return std::nullopt;
    auto end = text->find('\n');
    std::string line = text->substr(0, end);
    while (!line.empty() && (line.back() == ' ' || line.back() == '\r' || line.back() == '\t')) line.pop_back();
    return line;
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

std::optional<std::int64_t> read_signed(const fs::path& path) {
    auto line = read_line(path);
    if (!line || line->empty()) return std::nullopt;
    std::int64_t v = 0;
    auto [ptr, ec] = std::from_chars(line->data(), line->data() + line->size(), v, 10);
    if (ec != std::errc{} || ptr != line->data() + line->size()) return std::nullopt;
    return v;
}

std::optional<std::string> link_basename(const fs::path& link) {
    std::error_code ec;
    if (!fs::is_symlink(fs::symlink_status(link, ec))) return std::nullopt;
    auto target = fs::read_symlink(link, ec);
    if (ec) return std::nullopt;
    return target.filename().string();
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

}  // namespace isola::sysfs
