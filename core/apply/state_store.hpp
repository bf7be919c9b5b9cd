// Where Isola keeps what it changed on a host (/var/lib/isola in production): the journal of the
// transaction in progress and the record of every device it moved. Both are written atomically
// (a new file, fsync, rename, fsync of the directory), so a crash leaves the old or the new file,
// never half of one.
#pragma once

#include <cstdint>
#include <expected>
#include <filesystem>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "apply/apply_failure.hpp"
#include "apply/device_state.hpp"
#include "apply/sysfs_write.hpp"

namespace isola {

enum class TransactionKind { Apply, Restore };
std::string_view to_string(TransactionKind);

enum class TransactionPhase {
    Writing,    // writes may be half done: a recovery puts every device back as it was before
    Committed,  // every write was made and verified: a recovery finishes the record instead
};

// A transaction as the journal records it, before its first write and again before each one.
struct Transaction {
    TransactionKind kind = TransactionKind::Apply;
    std::string vm;                   // Apply: the VM the devices are for
    std::string fingerprint;          // Apply: of the plan carried out
    std::int64_t started = 0;         // seconds since the epoch
    std::vector<DeviceState> before;  // every device the transaction touches, as it was
    std::vector<DeviceState> target;  // the same devices, as they are to be
    std::vector<SysfsWrite> writes;
    std::size_t next = 0;             // the write about to be made (== writes.size(): all made)
    TransactionPhase phase = TransactionPhase::Writing;
    friend bool operator==(const Transaction&, const Transaction&) = default;
};

// A device Isola moved, with how it was before: what restore returns it to, also after a reboot.
struct MovedDevice {
    DeviceState original;
    std::string vm;
    std::int64_t moved_at = 0;  // seconds since the epoch
    friend bool operator==(const MovedDevice&, const MovedDevice&) = default;
};

// Held while a transaction runs, so that two Isola processes (two isolactl, or isolactl and the
// helper) never write one host at the same time: flock() on <dir>/lock, released when destroyed
// (and by the kernel when the process dies, so a crash never leaves it held).
class StateLock {
public:
    explicit StateLock(int fd) : fd_(fd) {}
    StateLock(StateLock&& other) noexcept : fd_(std::exchange(other.fd_, -1)) {}
    StateLock(const StateLock&) = delete;
    StateLock& operator=(const StateLock&) = delete;
    StateLock& operator=(StateLock&&) = delete;
    ~StateLock();

private:
    int fd_;
};

class StateStore {
public:
    explicit StateStore(std::filesystem::path dir) : dir_(std::move(dir)) {}

    [[nodiscard]] const std::filesystem::path& dir() const { return dir_; }
    [[nodiscard]] std::filesystem::path journal_path() const { return dir_ / "journal.json"; }
    [[nodiscard]] std::filesystem::path record_path() const { return dir_ / "moved.json"; }
    [[nodiscard]] std::filesystem::path lock_path() const { return dir_ / "lock"; }

    // Busy when another process holds it; never waits.
    [[nodiscard]] std::expected<StateLock, ApplyFailure> lock() const;

    // No journal is nullopt, not a failure.
    [[nodiscard]] std::expected<std::optional<Transaction>, ApplyFailure> load_journal() const;
    [[nodiscard]] std::expected<void, ApplyFailure> save_journal(const Transaction& t) const;
    [[nodiscard]] std::expected<void, ApplyFailure> remove_journal() const;

    // No record yet is an empty list.
    [[nodiscard]] std::expected<std::vector<MovedDevice>, ApplyFailure> load_record() const;
    [[nodiscard]] std::expected<void, ApplyFailure> save_record(const std::vector<MovedDevice>& moved) const;

private:
    [[nodiscard]] std::expected<void, ApplyFailure> write_atomically(const std::filesystem::path& file,
                                                                     const std::string& text) const;
    std::filesystem::path dir_;
};

// A new file, fsync, rename over `file`, fsync of its directory: a crash leaves the old or the new
// file, never half of one. A failure is `kind` naming the file and errno. Also for what Isola
// writes under /etc (persist.hpp).
std::expected<void, ApplyFailure> write_file_atomically(const std::filesystem::path& file, const std::string& text,
                                                        ApplyFailureKind kind);
// A file's whole content; nullopt when it does not exist; JournalUnreadable (with errno) otherwise.
std::expected<std::optional<std::string>, ApplyFailure> read_if_present(const std::filesystem::path& file);

// The JSON forms (version 1), exposed for tests and `isolactl status --json`.
std::string transaction_to_json(const Transaction& t);
std::string record_to_json(const std::vector<MovedDevice>& moved);

}  // namespace isola
