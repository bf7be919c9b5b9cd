#include "apply/describe_apply.hpp"

#include <array>
#include <chrono>
#include <format>

#include "text/enum_names.hpp"
#include "text/errno_text.hpp"
#include "text/message.hpp"
#include "text/prose.hpp"

namespace isola {

namespace {

constexpr std::array kFailureNames{
    EnumName<ApplyFailureKind>{ApplyFailureKind::PlanRefused, "plan-refused"},
    EnumName<ApplyFailureKind>{ApplyFailureKind::NeedsConfirmation, "needs-confirmation"},
    EnumName<ApplyFailureKind>{ApplyFailureKind::StaleFingerprint, "stale-fingerprint"},
    EnumName<ApplyFailureKind>{ApplyFailureKind::NothingToChange, "nothing-to-change"},
    EnumName<ApplyFailureKind>{ApplyFailureKind::VfioPciMissing, "vfio-pci-missing"},
    EnumName<ApplyFailureKind>{ApplyFailureKind::UnfinishedJournal, "unfinished-journal"},
    EnumName<ApplyFailureKind>{ApplyFailureKind::Busy, "busy"},
    EnumName<ApplyFailureKind>{ApplyFailureKind::JournalUnreadable, "journal-unreadable"},
    EnumName<ApplyFailureKind>{ApplyFailureKind::JournalUnwritable, "journal-unwritable"},
    EnumName<ApplyFailureKind>{ApplyFailureKind::DeviceGone, "device-gone"},
    EnumName<ApplyFailureKind>{ApplyFailureKind::DeviceChanged, "device-changed"},
    EnumName<ApplyFailureKind>{ApplyFailureKind::StateUnreadable, "state-unreadable"},
    EnumName<ApplyFailureKind>{ApplyFailureKind::BadDriverName, "bad-driver-name"},
    EnumName<ApplyFailureKind>{ApplyFailureKind::WriteFailed, "write-failed"},
    EnumName<ApplyFailureKind>{ApplyFailureKind::WriteTimedOut, "write-timed-out"},
    EnumName<ApplyFailureKind>{ApplyFailureKind::NotBound, "not-bound"},
    EnumName<ApplyFailureKind>{ApplyFailureKind::NotMovedByIsola, "not-moved-by-isola"},
    EnumName<ApplyFailureKind>{ApplyFailureKind::NotPutBack, "not-put-back"},
    EnumName<ApplyFailureKind>{ApplyFailureKind::BootFileForeign, "boot-file-foreign"},
    EnumName<ApplyFailureKind>{ApplyFailureKind::BootFileEdited, "boot-file-edited"},
    EnumName<ApplyFailureKind>{ApplyFailureKind::BootFileUnwritable, "boot-file-unwritable"},
    EnumName<ApplyFailureKind>{ApplyFailureKind::NotPersistedByIsola, "not-persisted-by-isola"},
};

std::string when(std::int64_t seconds) {
    const std::chrono::sys_seconds t{std::chrono::seconds{seconds}};
    return std::format("{:%Y-%m-%d %H:%M} UTC", t);
}

std::string dev(const std::optional<Bdf>& d) { return d ? d->str() : std::string("?"); }

std::string write_failed(const ApplyFailure& f) {
    const std::string device = dev(f.device);
    const std::string err = errno_text(f.error);
    // Which write it was follows from the file written.
    if (f.file.ends_with("/unbind"))
        return say("the kernel refused to unbind {0} from {1} ({2})", device, f.driver, err);
    if (f.file.ends_with("/bind")) {
        // The lab: a host driver cannot bind while a group-mate is held through VFIO.
        if (f.error == EBUSY)
            return say("the kernel refused to bind {0} to {1} ({2}): another device of its IOMMU group is in use "
                       "through VFIO; stop the VM or program using it, then try again",
                       device, f.driver, err);
        return say("the kernel refused to bind {0} to {1} ({2})", device, f.driver, err);
    }
    if (f.file.ends_with("/drivers_probe")) {
        if (f.error == EINVAL)
            return say("the kernel refused to probe {0} for a driver ({1}): a device of its IOMMU group is in use "
                       "through VFIO, which keeps host drivers out; stop the VM or program using it, then try again",
                       device, err);
        return say("the kernel refused to probe {0} for a driver ({1})", device, err);
    }
    if (f.file.ends_with("/driver_override"))
        return f.value == "\n" ? say("the kernel refused to clear the driver override of {0} ({1})", device, err)
                               : say("the kernel refused to set the driver override of {0} to {1} ({2})", device, f.value, err);
    if (f.file.ends_with("/sriov_numvfs"))
        return say("the kernel refused to set the number of VFs of {0} to {1} ({2})", device, f.value, err);
    return say("the kernel refused to write {0} to {1} ({2})", f.value, f.file, err);
}

// "on e1000", "without a driver": where a device is, completing "it should be …".
std::string where(const std::string& driver) {
    return driver.empty() ? say("without a driver") : say_in("a device's place", "on {}", driver);
}

std::string shown_value(const std::string& value) { return value == "\n" ? std::string("''") : value; }

}  // namespace

std::string_view to_string(ApplyFailureKind k) { return name_of(kFailureNames, k); }

std::string describe_on_driver(const Bdf& device, const std::string& driver) {
    if (driver.empty()) return say("{} without a driver", device.str());
    return say_in("a device on its driver", "{0} on {1}", device.str(), driver);
}

std::string describe(const ApplyFailure& f) {
    const std::string device = dev(f.device);
    switch (f.kind) {
        case ApplyFailureKind::PlanRefused:
            return say("nothing was changed, because the plan is refused: {}", join_list(f.items, "; "));
        case ApplyFailureKind::NeedsConfirmation:
            return say("nothing was changed, because the plan needs confirmation: {}; check each, then confirm "
                       "(isolactl apply --confirm)",
                       join_list(f.items, "; "));
        case ApplyFailureKind::StaleFingerprint:
            return say("nothing was changed: the host is no longer as it was when the plan was approved (fingerprint "
                       "{0}, now {1}); make the plan again and review it",
                       f.expected, f.found);
        case ApplyFailureKind::NothingToChange:
            return say("nothing to change: every device of the plan is already on vfio-pci");
        case ApplyFailureKind::VfioPciMissing:
            return say("nothing was changed: the vfio-pci driver is not loaded ({} does not exist); load it with "
                       "\"modprobe vfio-pci\" and try again",
                       f.file);
        case ApplyFailureKind::UnfinishedJournal:
            return say("nothing was changed: an earlier change by Isola is unfinished ({}); Isola tries to put it back "
                       "each time it starts, and isolactl status shows it",
                       f.file);
        case ApplyFailureKind::Busy:
            return say("nothing was changed: another change by Isola is in progress on this host (it holds {}); wait "
                       "until it has finished",
                       f.file);
        case ApplyFailureKind::JournalUnreadable:
            if (!f.found.empty()) return say("cannot read Isola's record {0}: it is malformed ({1})", f.file, f.found);
            return say("cannot read Isola's record {0} ({1})", f.file, errno_text(f.error));
        case ApplyFailureKind::JournalUnwritable:
            return say("cannot write Isola's record {0} ({1}), and Isola changes nothing it cannot record", f.file,
                       errno_text(f.error));
        case ApplyFailureKind::DeviceGone:
            return say("{} is no longer on this host", device);
        case ApplyFailureKind::DeviceChanged:
            return say("nothing was changed: the device at {0} is {1}, but the plan was made for {2}; make the plan "
                       "again",
                       device, f.found, f.expected);
        case ApplyFailureKind::StateUnreadable:
            return say("nothing was changed: cannot read {0}, so Isola cannot record how {1} is now", f.file, device);
        case ApplyFailureKind::BadDriverName:
            return say("nothing was changed: {0} names the driver \"{1}\", which is not a driver name Isola accepts",
                       device, f.driver);
        case ApplyFailureKind::WriteFailed:
            return write_failed(f);
        case ApplyFailureKind::WriteTimedOut:
            // TRANSLATORS: {0} a value written, {1} a sysfs file, {2} seconds.
            return say("writing {0} to {1} did not return within {2} s; the kernel may still be working on it",
                       shown_value(f.value), f.file, static_cast<double>(f.deadline.count()) / 1000.0);
        case ApplyFailureKind::NotBound:
            if (f.found.empty())
                return say("{0} has no driver after the kernel accepted the probe for {1}: the driver's probe failed "
                           "(the kernel log, dmesg, says why)",
                           device, f.driver);
            return say("{0} is on {1} instead of {2} after the probe: another driver took it", device, f.found, f.driver);
        case ApplyFailureKind::NotMovedByIsola:
            return say("Isola did not move {}, so there is nothing to restore (isolactl status lists what it moved)", device);
        case ApplyFailureKind::NotPutBack:
            // TRANSLATORS: {1} and {2} are "on e1000" or "without a driver".
            return say("{0} could not be put back: it should be {1}, and is {2}", device, where(f.driver), where(f.found));
        case ApplyFailureKind::BootFileForeign:
            // TRANSLATORS: {0} a file under /etc, {1} a PCI address, {2} a driver; driverctl is a program.
            return say("nothing was changed: {0} already binds {1} to {2} at boot, and Isola did not write it; remove "
                       "it first (driverctl unset-override {1}) or leave the device as it is",
                       f.file, device, f.found);
        case ApplyFailureKind::BootFileEdited:
            return say("nothing was changed: {} is not as Isola wrote it (it was edited since); Isola changes only "
                       "files it can put back, so restore its content or remove it by hand",
                       f.file);
        case ApplyFailureKind::BootFileUnwritable:
            return say("cannot write {0} ({1})", f.file, errno_text(f.error));
        case ApplyFailureKind::NotPersistedByIsola:
            return say("Isola did not persist {}, so there is nothing to unpersist (isolactl status lists what it "
                       "binds at boot)",
                       device);
    }
    return {};
}

namespace {

std::string devices_on(const std::vector<DeviceState>& states) {
    std::vector<std::string> items;
    for (const auto& s : states) items.push_back(describe_on_driver(s.device, s.driver));
    return join_prose(items);
}

void describe_putting_back(const std::vector<DeviceState>& before, const std::vector<ApplyFailure>& not_put_back,
                           std::vector<std::string>& out) {
    if (not_put_back.empty()) {
        if (!before.empty()) out.push_back(say("Isola put every device back as it was: {}.", devices_on(before)));
        return;
    }
    for (const auto& f : not_put_back) out.push_back(describe(f) + ".");
    out.push_back(say("Isola keeps its journal and tries again each time it starts; isolactl status shows what is left."));
}

}  // namespace

std::vector<std::string> describe_report(const TransactionReport& r) {
    std::vector<std::string> out;
    if (r.failure) {
        out.push_back(describe(*r.failure) + ".");
        if (!r.made.empty()) describe_putting_back(r.before, r.not_put_back, out);
        return out;
    }
    if (r.kind == TransactionKind::Apply) {
        if (r.planned.empty()) out.push_back(describe(ApplyFailure{.kind = ApplyFailureKind::NothingToChange}) + ".");
        else
            out.push_back(say_n("{0} device is now on vfio-pci for \"{1}\": {2}.", "{0} devices are now on vfio-pci for \"{1}\": {2}.",
                                r.after.size(), r.after.size(), r.vm, devices_on(r.after)));
        if (!r.planned.empty()) out.push_back(say("isolactl restore puts them back as they were."));
    } else {
        if (!r.after.empty()) out.push_back(say("Back as they were before Isola moved them: {}.", devices_on(r.after)));
        if (r.after.empty() && r.forgotten.empty()) out.push_back(say("Isola has moved no device on this host; there is nothing to restore."));
    }
    for (const Bdf& gone : r.forgotten)
        out.push_back(say("{} is no longer on this host; Isola forgets it.", gone.str()));
    return out;
}

namespace {

std::string transaction_started(const Transaction& t) {
    return t.kind == TransactionKind::Apply ? say("An apply for \"{0}\" started {1}", t.vm, when(t.started))
                                            : say("A restore started {}", when(t.started));
}

}  // namespace

std::string describe_unfinished(const Transaction& t) {
    if (t.phase == TransactionPhase::Committed)
        return say("{} made all its writes but did not finish its record; run isolactl status as root to finish it.",
                   transaction_started(t));
    return say("{0} was interrupted at write {1} of {2}; run isolactl status as root to put it back.",
               transaction_started(t), t.next + 1, t.writes.size());
}

std::vector<std::string> describe_recovery(const RecoveryReport& r) {
    std::vector<std::string> out;
    if (r.interrupted.writes.empty() && r.interrupted.before.empty() && r.failure) {
        out.push_back(describe(*r.failure) + ".");
        return out;
    }
    const Transaction& t = r.interrupted;
    const std::string what = transaction_started(t);
    if (r.finished_commit) {
        out.push_back(say("{} had made all its writes but not finished its record; Isola finished it.", what));
    } else {
        // TRANSLATORS: {0} "An apply for "win11" started 2026-12-02 18:30 UTC", {1} and {2} numbers.
        out.push_back(say("{0} was interrupted at write {1} of {2}.", what, t.next + 1, t.writes.size()));
        describe_putting_back(t.before, r.not_put_back, out);
    }
    if (r.failure) out.push_back(describe(*r.failure) + ".");
    return out;
}

std::string describe_nothing_interrupted() {
    return say("No change of Isola's was interrupted on this host; there is nothing to put back.");
}

std::vector<std::string> describe_moved(const std::vector<MovedDevice>& moved) {
    std::vector<std::string> out;
    if (moved.empty()) {
        out.push_back(say("Isola has moved no device on this host."));
        return out;
    }
    out.push_back(say_n("Isola has moved {} device on this host:", "Isola has moved {} devices on this host:", moved.size(),
                        moved.size()));
    for (const auto& m : moved) {
        const DeviceState& o = m.original;
        std::string was = o.driver.empty() ? say("it had no driver") : say("it was on {}", o.driver);
        if (!o.driver_override.empty()) was += say(", with driver_override {}", o.driver_override);
        if (o.sriov_numvfs.value_or(0) > 0) was += say_n(", with {} VF", ", with {} VFs", *o.sriov_numvfs, *o.sriov_numvfs);
        // TRANSLATORS: {0} an address, {1} vendor:device, {2} a VM, {3} a date, {4} how it was ("it was on e1000").
        out.push_back(say("{0} [{1}] for \"{2}\" since {3}; {4}", o.device.str(), o.pci_id(), m.vm, when(m.moved_at), was));
    }
    return out;
}

}  // namespace isola
