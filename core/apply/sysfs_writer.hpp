// The seam between the apply engine and the kernel: the engine decides what to write, a
// SysfsWriter writes it. Production uses KernelSysfsWriter; tests use a simulated kernel on a
// fixture tree, with faults injected at any write.
#pragma once

#include <chrono>
#include <filesystem>
#include <string_view>

namespace isola {

struct WriteResult {
    int error = 0;           // errno, 0 on success
    bool timed_out = false;  // the write had not returned when its deadline passed
    [[nodiscard]] bool ok() const { return error == 0 && !timed_out; }
    // Without it WriteOutcome's defaulted == was silently deleted (clang -Wdefaulted-function-deleted).
    friend bool operator==(const WriteResult&, const WriteResult&) = default;
};

class SysfsWriter {
public:
    virtual ~SysfsWriter() = default;
    virtual WriteResult write(const std::filesystem::path& file, std::string_view value,
                              std::chrono::milliseconds deadline) = 0;
};

// Writes in a child process, so that a write the kernel blocks (an unbind waiting for a driver, a
// VF disable waiting for a VFIO user to let go — the lab saw 7-8 s) is bounded by its deadline:
// the parent reports a timeout and moves on; the child finishes (or not) on its own. The final
// path component is opened with O_NOFOLLOW.
class KernelSysfsWriter final : public SysfsWriter {
public:
    WriteResult write(const std::filesystem::path& file, std::string_view value,
                      std::chrono::milliseconds deadline) override;
};

}  // namespace isola
