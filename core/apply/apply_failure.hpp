// Why an apply, a restore or a recovery stopped, as data: a kind and the values its sentence
// needs. The words come from describe() (describe_apply.hpp), the one place that says them.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "topology/bdf.hpp"

namespace isola {

enum class ApplyFailureKind {
    PlanRefused,         // the plan has refusals (`items`: their sentences)
    NeedsConfirmation,   // the plan needs confirmations the person has not given (`items`)
    StaleFingerprint,    // the host changed since the plan was approved (`expected`, `found`)
    NothingToChange,     // every device is already where the plan wants it
    VfioPciMissing,      // /sys/bus/pci/drivers/vfio-pci does not exist
    UnfinishedJournal,   // an earlier transaction's journal is still there (`file`)
    Busy,                // another Isola process holds the state directory's lock (`file`)
    JournalUnreadable,   // the journal or the record cannot be read or parsed (`file`, `error`/`found`)
    JournalUnwritable,   // the journal or the record cannot be written (`file`, `error`)
    DeviceGone,          // `device` is not on the host
    DeviceChanged,       // another device sits at `device` (`expected` vs `found` vendor:device)
    StateUnreadable,     // a sysfs file of `device` cannot be read (`file`, `error`)
    BadDriverName,       // a driver name (from the host or a record) is not a safe name (`driver`)
    WriteFailed,         // the kernel refused a write (`write` index into the report, `error`)
    WriteTimedOut,       // a write did not return within `deadline`
    NotBound,            // after the probe `device` is on `found` instead of `driver`
    NotMovedByIsola,     // restore: Isola's record has no `device`
    NotPutBack,          // rollback/recovery: `device` is on `found` instead of `driver` as recorded
    BootFileForeign,     // persist: `file` already binds `device` to `found` at boot, not written by Isola
    BootFileEdited,      // persist: `file` is not as Isola wrote it
    BootFileUnwritable,  // persist: `file` cannot be written or removed (`error`)
    NotPersistedByIsola, // unpersist: Isola's record has no `device`
};
std::string_view to_string(ApplyFailureKind);

struct ApplyFailure {
    ApplyFailureKind kind;
    std::optional<Bdf> device;
    std::string file;       // the sysfs or state file concerned
    std::string value;      // what was written
    std::string driver;     // the driver involved (unbind from / bind to / expected)
    std::string expected;   // fingerprint, vendor:device, driver
    std::string found;      // what is there instead ("" none)
    int error = 0;          // errno of a failed write or read
    std::chrono::milliseconds deadline{0};
    std::vector<std::string> items;  // sentences of the plan's refusals or confirmations
};

}  // namespace isola
