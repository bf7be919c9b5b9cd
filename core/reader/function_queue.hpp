// The hand-over between the libpci scan (one producer thread: libpci is not thread-safe) and the
// attribute readers (any number of threads): each function is published as soon as libpci has
// filled it, and claimed by the first reader free, so both halves of a scan run side by side.
#pragma once

#include <atomic>
#include <cassert>
#include <condition_variable>
#include <cstddef>
#include <mutex>
#include <optional>
#include <vector>

#include "topology/device.hpp"

namespace isola::detail {

class FunctionQueue {
public:
    // Producer: the number of functions, once, before the first publish. The slots exist from
    // here on, so readers never touch a container that is still growing.
    void open(std::size_t count);
    // Producer: the next slot, to fill in place; then publish() makes it claimable.
    Device& next_slot() {
        assert(filled_ < slots_.size() && "more functions published than announced by open()");
        return slots_[filled_];
    }
    void publish();
    // Producer: no more functions (also after a failed scan). Wakes every waiting reader.
    void close();

    // Readers: the index of a published, unclaimed function, waiting for the producer if needed;
    // nullopt once the producer has closed and every function is claimed.
    std::optional<std::size_t> claim();
    Device& operator[](std::size_t index) { return slots_[index]; }

    // After producer and readers are done: the functions in scan order.
    std::vector<Device> take();

private:
    // Readers are woken every this many functions (and at close), not for each one: a wake-up
    // costs two system calls, as much as reading an attribute file.
    static constexpr std::size_t kWakeEvery = 32;

    std::vector<Device> slots_;
    std::size_t filled_ = 0;  // producer only
    std::atomic<std::size_t> published_{0};
    std::atomic<std::size_t> next_claim_{0};
    std::mutex mutex_;
    std::condition_variable changed_;
    bool closed_ = false;  // guarded by mutex_
};

}  // namespace isola::detail
