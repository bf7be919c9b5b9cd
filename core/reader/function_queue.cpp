#include "reader/function_queue.hpp"

namespace isola::detail {

void FunctionQueue::open(std::size_t count) { slots_.resize(count); }

void FunctionQueue::publish() {
    published_.store(++filled_, std::memory_order_release);
    if (filled_ % kWakeEvery == 0) {
        // Taking the lock orders this store before any reader's check-then-wait.
        std::lock_guard lock(mutex_);
        changed_.notify_all();
    }
}

void FunctionQueue::close() {
    {
        std::lock_guard lock(mutex_);
        closed_ = true;
    }
    changed_.notify_all();
}

std::optional<std::size_t> FunctionQueue::claim() {
    const std::size_t index = next_claim_.fetch_add(1, std::memory_order_relaxed);
    if (index < published_.load(std::memory_order_acquire)) return index;
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [&] { return closed_ || index < published_.load(std::memory_order_acquire); });
    if (index < published_.load(std::memory_order_acquire)) return index;
    return std::nullopt;
}

std::vector<Device> FunctionQueue::take() {
    slots_.resize(filled_);  // a failed scan may have published fewer than it announced
    return std::move(slots_);
}

}  // namespace isola::detail
