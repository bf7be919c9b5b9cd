#include "apply/apply_engine.hpp"

#include <algorithm>
#include <system_error>

#include "plan/describe_plan.hpp"
#include "reader/sysfs_file.hpp"

namespace isola {

namespace fs = std::filesystem;

namespace {

constexpr const char* kVfio = "vfio-pci";

WriteResult perform(const SysfsWrite& w, const ApplyContext& cx) {
    const auto deadline = w.kind == WriteKind::SetVfCount ? cx.options.vf_deadline : cx.options.write_deadline;
    return cx.writer.write(write_path(w, cx.sysfs), write_value(w), deadline);
}

std::string driver_now(const ApplyContext& cx, const Bdf& device) {
    return sysfs::link_basename(cx.sysfs / "bus/pci/devices" / device.str() / "driver").value_or("");
}

ApplyFailure write_failure(const SysfsWrite& w, const WriteResult& r, const ApplyContext& cx) {
    ApplyFailure f{.kind = r.timed_out ? ApplyFailureKind::WriteTimedOut : ApplyFailureKind::WriteFailed,
                   .device = w.device, .file = write_path(w, cx.sysfs).string(), .value = write_value(w),
                   .driver = w.driver, .error = r.error};
    if (r.timed_out) f.deadline = w.kind == WriteKind::SetVfCount ? cx.options.vf_deadline : cx.options.write_deadline;
    return f;
}

// Takes `to.size()` devices from wherever they are now to `to`, making every write it can even
// when one fails, and says which devices did not get there. Used to roll back and to recover, so
// it trusts nothing but what the host says now and the record.
void converge(std::span<const DeviceState> to, const ApplyContext& cx, std::vector<WriteOutcome>& made,
              std::vector<ApplyFailure>& not_there) {
    std::vector<DeviceState> now, want;
    for (const auto& target : to) {
        auto s = read_device_state(cx.sysfs, target.device);
        if (!s) {
            not_there.push_back(s.error());
            continue;
        }
        now.push_back(*s);
        want.push_back(target);
    }
    for (const auto& w : writes_between(now, want)) made.push_back({w, perform(w, cx)});
    for (const auto& target : want) {
        auto s = read_device_state(cx.sysfs, target.device);
        if (!s) not_there.push_back(s.error());
        else if (!s->same_setting(target))
            not_there.push_back({.kind = ApplyFailureKind::NotPutBack, .device = target.device,
                                 .driver = target.driver, .found = s->driver});
    }
}

// A device that vanished cannot be put back, and no later recovery could do better: keeping the
// journal for it would only block every next apply.
bool recoverable(const std::vector<ApplyFailure>& not_there) {
    return std::ranges::any_of(not_there, [](const ApplyFailure& f) { return f.kind != ApplyFailureKind::DeviceGone; });
}

// The record after a committed transaction: an apply adds the devices it changed (a device
// already recorded keeps its first original, so restore goes back to before Isola ever touched
// it); a restore removes the devices it returned.
std::vector<MovedDevice> record_after(std::vector<MovedDevice> record, const Transaction& t, std::int64_t now) {
    for (std::size_t i = 0; i < t.before.size(); ++i) {
        const Bdf& d = t.before[i].device;
        auto it = std::ranges::find_if(record, [&](const MovedDevice& m) { return m.original.device == d; });
        if (t.kind == TransactionKind::Restore) {
            if (it != record.end()) record.erase(it);
        } else if (it == record.end() && !t.before[i].same_setting(t.target[i])) {
            record.push_back({.original = t.before[i], .vm = t.vm, .moved_at = now});
        }
    }
    std::ranges::sort(record, {}, [](const MovedDevice& m) { return m.original.device; });
    return record;
}

std::expected<void, ApplyFailure> finish_commit(const Transaction& t, const ApplyContext& cx) {
    auto record = cx.store.load_record();
    if (!record) return std::unexpected(record.error());
    if (auto saved = cx.store.save_record(record_after(std::move(*record), t, cx.now())); !saved) return saved;
    return cx.store.remove_journal();
}

void roll_back(const Transaction& t, const ApplyContext& cx, TransactionReport& report) {
    converge(t.before, cx, report.rollback, report.not_put_back);
    // Put back: the journal has done its work. Not put back: it stays, so that the next start
    // tries again and says so.
    if (!recoverable(report.not_put_back)) (void)cx.store.remove_journal();
}

std::vector<DeviceState> states_now(std::span<const DeviceState> devices, const ApplyContext& cx) {
    std::vector<DeviceState> out;
    for (const auto& d : devices)
        if (auto s = read_device_state(cx.sysfs, d.device)) out.push_back(*s);
    return out;
}

// Journal, write, verify, commit — or put everything back. `check_after` may find a reason to
// roll back once every write is made (a group-mate that a driver took meanwhile).
template <class CheckAfter>
void run(Transaction t, const ApplyContext& cx, TransactionReport& report, CheckAfter&& check_after) {
    report.planned = t.writes;
    report.before = t.before;
    t.phase = TransactionPhase::Writing;
    for (t.next = 0; t.next < t.writes.size(); ++t.next) {
        const SysfsWrite& w = t.writes[t.next];
        // Intent first: if this process dies during the write, the journal says which one.
        if (auto saved = cx.store.save_journal(t); !saved) {
            report.failure = saved.error();
            if (t.next > 0) roll_back(t, cx, report);
            return;
        }
        const WriteResult r = perform(w, cx);
        report.made.push_back({w, r});
        if (!r.ok()) {
            report.failure = write_failure(w, r, cx);
            roll_back(t, cx, report);
            return;
        }
        if (w.kind == WriteKind::Probe || w.kind == WriteKind::Bind) {
            // drivers_probe says success when the driver's probe failed (seen with vfio-pci on a
            // bridge): only the driver link tells.
            if (const std::string now = driver_now(cx, w.device); now != w.driver) {
                report.failure = ApplyFailure{.kind = ApplyFailureKind::NotBound, .device = w.device,
                                              .driver = w.driver, .found = now};
                roll_back(t, cx, report);
                return;
            }
        }
    }
    if (auto why = check_after(); why) {
        report.failure = *why;
        roll_back(t, cx, report);
        return;
    }
    t.phase = TransactionPhase::Committed;
    if (auto saved = cx.store.save_journal(t); !saved) {
        report.failure = saved.error();
        roll_back(t, cx, report);
        return;
    }
    // Committed: the host is as planned. A failure from here on leaves a committed journal, which
    // the next start finishes.
    if (auto finished = finish_commit(t, cx); !finished) report.failure = finished.error();
    report.after = states_now(t.target, cx);
}

std::optional<ApplyFailure> unfinished_journal(const ApplyContext& cx) {
    std::error_code ec;
    if (fs::exists(cx.store.journal_path(), ec))
        return ApplyFailure{.kind = ApplyFailureKind::UnfinishedJournal, .file = cx.store.journal_path().string()};
    return std::nullopt;
}

// A dry run's report: the writes that would be made and where they would take the devices.
TransactionReport planned_only(TransactionReport report, const Transaction& t) {
    report.planned = t.writes;
    report.before = t.before;
    report.after = t.target;
    return report;
}

bool claimable_driver(const std::string& driver) {
    // What leaves a group viable (DMA ownership, 5.19+): no driver, vfio-pci and its variants, pci-stub.
    return driver.empty() || driver == "pci-stub" || driver.find("vfio") != std::string::npos;
}

}  // namespace

std::optional<ApplyFailure> check_approval(const AttachPlan& plan, const ApplyApproval& approval) {
    if (plan.refused()) {
        ApplyFailure f{.kind = ApplyFailureKind::PlanRefused};
        for (const auto& r : plan.refusals) f.items.push_back(describe(r));
        return f;
    }
    if (!approval.fingerprint.empty() && approval.fingerprint != plan.fingerprint)
        return ApplyFailure{.kind = ApplyFailureKind::StaleFingerprint, .expected = approval.fingerprint, .found = plan.fingerprint};
    if (plan.needs_confirmation() && !approval.confirmed && !approval.dry_run) {
        ApplyFailure f{.kind = ApplyFailureKind::NeedsConfirmation};
        for (const auto& i : plan.impacts)
            if (i.severity == Severity::Confirm) f.items.push_back(describe(i));
        return f;
    }
    return std::nullopt;
}

TransactionReport apply_plan(const AttachPlan& plan, const Topology& topology, const ApplyApproval& approval,
                             const ApplyContext& cx) {
    TransactionReport report{.kind = TransactionKind::Apply, .vm = plan.request.vm};
    auto fail = [&](ApplyFailure f) {
        report.failure = std::move(f);
        return report;
    };
    if (auto refused = check_approval(plan, approval)) return fail(std::move(*refused));
    if (auto journal = unfinished_journal(cx)) return fail(*journal);

    Transaction t{.kind = TransactionKind::Apply, .vm = plan.request.vm, .fingerprint = plan.fingerprint,
                  .started = cx.now()};
    for (const auto& a : plan.actions) {
        if (a.kind != ActionKind::BindVfio && a.kind != ActionKind::RemoveVfsThenBind) continue;
        auto s = read_device_state(cx.sysfs, a.device);
        if (!s) return fail(s.error());
        // The device at the address must be the one the plan was made for.
        const Device* d = topology.find(a.device);
        const std::string planned_id = d && d->pci_id() ? *d->pci_id() : std::string("?");
        if (planned_id != s->pci_id())
            return fail({.kind = ApplyFailureKind::DeviceChanged, .device = a.device, .expected = planned_id, .found = s->pci_id()});
        DeviceState target = *s;
        target.driver = kVfio;
        target.driver_override = kVfio;
        if (target.sriov_numvfs) target.sriov_numvfs = 0;
        t.before.push_back(*s);
        t.target.push_back(target);
    }
    t.writes = writes_between(t.before, t.target);
    std::error_code ec;
    if (!t.writes.empty() && !fs::is_directory(cx.sysfs / "bus/pci/drivers" / kVfio, ec))
        return fail({.kind = ApplyFailureKind::VfioPciMissing, .file = (cx.sysfs / "bus/pci/drivers" / kVfio).string()});
    if (approval.dry_run || t.writes.empty()) return planned_only(std::move(report), t);
    auto lock = cx.store.lock();
    if (!lock) return fail(lock.error());
    if (auto journal = unfinished_journal(cx)) return fail(*journal);  // one that appeared meanwhile
    // After the last write every member of every group must leave the group claimable: a device
    // that was unbound or on pci-stub may have been taken by a driver while Isola worked.
    auto group_claimable = [&]() -> std::optional<ApplyFailure> {
        for (const auto& a : plan.actions) {
            const Device* d = topology.find(a.device);
            if (a.kind == ActionKind::KeepBridge || (d && d->is_bridge())) continue;
            if (const std::string now = driver_now(cx, a.device); !claimable_driver(now))
                return ApplyFailure{.kind = ApplyFailureKind::NotBound, .device = a.device, .driver = kVfio, .found = now};
        }
        return std::nullopt;
    };
    run(std::move(t), cx, report, group_claimable);
    return report;
}

TransactionReport restore_moved(std::span<const Bdf> devices, bool dry_run, const ApplyContext& cx) {
    TransactionReport report{.kind = TransactionKind::Restore};
    auto fail = [&](ApplyFailure f) {
        report.failure = std::move(f);
        return report;
    };
    if (auto journal = unfinished_journal(cx)) return fail(*journal);
    auto record = cx.store.load_record();
    if (!record) return fail(record.error());

    std::vector<MovedDevice> chosen;
    if (devices.empty()) chosen = *record;
    for (const Bdf& d : devices) {
        auto it = std::ranges::find_if(*record, [&](const MovedDevice& m) { return m.original.device == d; });
        if (it == record->end()) return fail({.kind = ApplyFailureKind::NotMovedByIsola, .device = d});
        if (std::ranges::find(chosen, *it) == chosen.end()) chosen.push_back(*it);
    }
    Transaction t{.kind = TransactionKind::Restore, .started = cx.now()};
    for (const auto& m : chosen) {
        auto s = read_device_state(cx.sysfs, m.original.device);
        if (!s && s.error().kind == ApplyFailureKind::DeviceGone) {
            report.forgotten.push_back(m.original.device);
            continue;
        }
        if (!s) return fail(s.error());
        if (s->pci_id() != m.original.pci_id())
            return fail({.kind = ApplyFailureKind::DeviceChanged, .device = m.original.device,
                         .expected = m.original.pci_id(), .found = s->pci_id()});
        if (t.vm.empty()) t.vm = m.vm;
        t.before.push_back(*s);
        t.target.push_back(m.original);
    }
    report.vm = t.vm;
    t.writes = writes_between(t.before, t.target);
    if (dry_run) return planned_only(std::move(report), t);
    auto lock = cx.store.lock();
    if (!lock) return fail(lock.error());
    // The forgotten are dropped from the record with the rest.
    for (const Bdf& gone : report.forgotten) {
        t.before.push_back({.device = gone});
        t.target.push_back({.device = gone});
    }
    if (t.writes.empty()) {
        // Already as recorded (after a reboot, the kernel put them back itself): only the record changes.
        report.before = t.before;
        if (auto saved = cx.store.save_record(record_after(std::move(*record), t, cx.now())); !saved)
            report.failure = saved.error();
        report.after = states_now(t.target, cx);
        return report;
    }
    run(std::move(t), cx, report, [] { return std::optional<ApplyFailure>{}; });
    return report;
}

std::optional<RecoveryReport> recover_unfinished(const ApplyContext& cx) {
    std::error_code ec;
    if (!fs::exists(cx.store.journal_path(), ec)) return std::nullopt;
    // The journal of a transaction another process is running now is not unfinished.
    auto lock = cx.store.lock();
    if (!lock) return RecoveryReport{.failure = lock.error()};
    auto journal = cx.store.load_journal();
    if (!journal) return RecoveryReport{.failure = journal.error()};
    if (!*journal) return std::nullopt;
    RecoveryReport out{.interrupted = **journal};
    const Transaction& t = out.interrupted;
    if (t.phase == TransactionPhase::Committed) {
        out.finished_commit = true;
        if (auto finished = finish_commit(t, cx); !finished) out.failure = finished.error();
        return out;
    }
    converge(t.before, cx, out.rollback, out.not_put_back);
    if (!recoverable(out.not_put_back))
        if (auto removed = cx.store.remove_journal(); !removed) out.failure = removed.error();
    return out;
}

}  // namespace isola
