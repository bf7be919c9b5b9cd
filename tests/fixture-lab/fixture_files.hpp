// Writing files, directories and relative symlinks under a fixture root. Plain POSIX calls:
// a 16k-function host is ~400k files, and std::ofstream per file is measurably slower.
#pragma once

#include <cstdint>
#include <filesystem>
#include <span>
#include <string_view>

namespace isola::lab {

class FixtureFiles {
public:
    explicit FixtureFiles(std::filesystem::path root) : root_(std::move(root)) {}

    const std::filesystem::path& root() const { return root_; }

    // All paths are relative to the root. Parent directories are created as needed.
    void dir(std::string_view rel) const;
    void text(std::string_view rel, std::string_view content) const;
    void bytes(std::string_view rel, std::span<const std::uint8_t> content) const;
    // A symlink at `link` pointing at `target` by a relative path, as sysfs links are.
    void link(std::string_view link, std::string_view target) const;

private:
    std::filesystem::path root_;
};

}  // namespace isola::lab
