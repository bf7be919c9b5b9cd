// The apply engine: a plan (or a restore) becomes a journaled transaction of sysfs writes.
//
//   1. Check before any write: the plan is not refused, its confirmations were given, its
//      fingerprint is the approved one, vfio-pci is loaded, no earlier journal is unfinished, and
//      the device at every address is the one the plan was made for.
//   2. Record every device's driver, driver_override and VF count in the journal (atomically,
//      fsync'd), then, before each write, which write is next.
//   3. Write (writes_between(): VFs off, overrides, every unbind, then every bind), each bounded by
//      a deadline; after each probe or bind re-read the driver link, because the kernel can report
//      success for a probe that failed.
//   4. On any failure put every device back from the journal's record, in reverse; on success
//      commit: mark the journal, update the record of moved devices, remove the journal.
//
// A journal found at the next start (a crash, a kill, a power cut) is settled by
// recover_unfinished() before anything else: rolled back, or — when it was committed — finished.
#pragma once

#include <chrono>
#include <filesystem>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "apply/apply_failure.hpp"
#include "apply/state_store.hpp"
#include "apply/sysfs_writer.hpp"
#include "plan/attach_plan.hpp"

namespace isola {

struct ApplyOptions {
    std::chrono::milliseconds write_deadline{10'000};
    // Creating or removing VFs is slow on real hardware (i40e: 22 s for 64 VFs).
    std::chrono::milliseconds vf_deadline{90'000};
};

// Where and how a transaction writes. Everything a test needs to point elsewhere is here.
struct ApplyContext {
    std::filesystem::path sysfs = "/sys";
    StateStore store{"/var/lib/isola"};
    SysfsWriter& writer;
    std::function<std::int64_t()> now;  // seconds since the epoch
    ApplyOptions options{};
};

// What the person approved: the plan's fingerprint (empty: the plan computed just now is the one
// approved, as when isolactl plans and applies in one go) and whether they confirmed its
// confirmations.
struct ApplyApproval {
    std::string fingerprint;
    bool confirmed = false;
    bool dry_run = false;  // check everything, compute the writes, write nothing (confirmation not needed to look)
};

struct WriteOutcome {
    SysfsWrite write;
    WriteResult result;
    friend bool operator==(const WriteOutcome&, const WriteOutcome&) = default;
};

struct TransactionReport {
    TransactionKind kind = TransactionKind::Apply;
    std::string vm;
    std::vector<SysfsWrite> planned;    // every write, in order (what --dry-run prints)
    std::vector<WriteOutcome> made;     // the writes made, with their results
    std::optional<ApplyFailure> failure;
    std::vector<WriteOutcome> rollback;          // the writes made to put things back
    std::vector<ApplyFailure> not_put_back;      // devices the rollback could not return
    std::vector<DeviceState> before;             // as recorded
    std::vector<DeviceState> after;              // as re-read at the end
    std::vector<Bdf> forgotten;                  // restore: recorded devices no longer on the host
    [[nodiscard]] bool succeeded() const { return !failure; }
};

// A journal found at start, and what settling it did.
struct RecoveryReport {
    Transaction interrupted;
    bool finished_commit = false;        // it had committed: only the record was completed
    std::vector<WriteOutcome> rollback;
    std::vector<ApplyFailure> not_put_back;
    std::optional<ApplyFailure> failure;  // the journal or record could not be read or written
};

// What the person approved, checked against `plan` before anything is read from the host: it is
// not refused, its fingerprint is the approved one, its confirmations were given (not needed for
// a dry run). apply_plan() starts with this; a client that leaves the writing to the helper uses it too.
std::optional<ApplyFailure> check_approval(const AttachPlan& plan, const ApplyApproval& approval);

// `plan` must have been computed from `topology`, which must be a fresh read of the host.
TransactionReport apply_plan(const AttachPlan& plan, const Topology& topology, const ApplyApproval& approval,
                             const ApplyContext& context);

// Returns `devices` (every device Isola moved, when empty) to their recorded state.
TransactionReport restore_moved(std::span<const Bdf> devices, bool dry_run, const ApplyContext& context);

// Settles an unfinished journal; nullopt when there is none.
std::optional<RecoveryReport> recover_unfinished(const ApplyContext& context);

}  // namespace isola
