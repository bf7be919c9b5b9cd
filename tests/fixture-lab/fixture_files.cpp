#include "fixture_files.hpp"

#include <cerrno>
#include <fcntl.h>
#include <string>
#include <system_error>
#include <unistd.h>

namespace isola::lab {
namespace fs = std::filesystem;
namespace {

[[noreturn]] void fail(const std::string& what, const fs::path& path) {
    throw fs::filesystem_error(what, path, std::error_code(errno, std::generic_category()));
}

// Try first, create parents only on ENOENT: most files land in an existing directory.
template <class Op>
void with_parents(const fs::path& path, Op op, const char* what) {
    if (op() == 0) return;
    if (errno != ENOENT) fail(what, path);
    fs::create_directories(path.parent_path());
    if (op() != 0) fail(what, path);
}

}  // namespace

void FixtureFiles::dir(std::string_view rel) const { fs::create_directories(root_ / rel); }

void FixtureFiles::text(std::string_view rel, std::string_view content) const {
    bytes(rel, {reinterpret_cast<const std::uint8_t*>(content.data()), content.size()});
}

void FixtureFiles::bytes(std::string_view rel, std::span<const std::uint8_t> content) const {
    const fs::path path = root_ / rel;
    int fd = -1;
    with_parents(path, [&] { return (fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644)) < 0 ? -1 : 0; },
                 "cannot create fixture file");
    std::size_t done = 0;
    while (done < content.size()) {
        const auto n = ::write(fd, content.data() + done, content.size() - done);
        if (n < 0) {
            ::close(fd);
            fail("cannot write fixture file", path);
        }
        done += static_cast<std::size_t>(n);
    }
    ::close(fd);
}

void FixtureFiles::link(std::string_view link, std::string_view target) const {
    const fs::path from{link};
    const fs::path relative = fs::path{target}.lexically_relative(from.parent_path());
    const fs::path path = root_ / from;
    with_parents(path, [&] { return ::symlink(relative.c_str(), path.c_str()); }, "cannot create fixture link");
}

}  // namespace isola::lab
