// A descriptor opened through VfioCalls, closed when it goes out of scope: every path out of the
// probe — success, a refusal at any step, an exception — closes what it opened, in reverse order
// of opening (the device before its group, the group before its container), which is the
// teardown order VFIO documents.
#pragma once

#include <utility>

#include "vfio/vfio_calls.hpp"

namespace isola {

class ProbeFd {
public:
    ProbeFd() = default;
    ProbeFd(VfioCalls& calls, int fd) : calls_(&calls), fd_(fd) {}
    ~ProbeFd() { reset(); }
    ProbeFd(ProbeFd&& other) noexcept : calls_(other.calls_), fd_(std::exchange(other.fd_, -1)) {}
    ProbeFd& operator=(ProbeFd&& other) noexcept {
        if (this != &other) {
            reset();
            calls_ = other.calls_;
            fd_ = std::exchange(other.fd_, -1);
        }
        return *this;
    }
    ProbeFd(const ProbeFd&) = delete;
    ProbeFd& operator=(const ProbeFd&) = delete;

    [[nodiscard]] int get() const { return fd_; }
    [[nodiscard]] bool is_open() const { return fd_ >= 0; }
    void reset() {
        if (fd_ >= 0 && calls_) calls_->close(fd_);
        fd_ = -1;
    }

private:
    VfioCalls* calls_ = nullptr;
    int fd_ = -1;
};

}  // namespace isola
