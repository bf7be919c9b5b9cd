// Persist / unpersist: a plan's binding to vfio-pci made to survive a reboot, by address, with an
// exact undo.
//
// Where driverctl is installed, its own overrides (/etc/driverctl.d/pci-<address>, holding
// "vfio-pci"), which its udev rule applies when a device appears; otherwise one udev rule file
// Isola owns (/etc/udev/rules.d/60-isola-vfio.rules: driver_override set when the device is
// added, before udev loads a driver for it). Never vendor:device IDs (vfio-pci.ids= takes every
// card of a model, the host's too). A host driver the initramfs loads early (amdgpu, nvidia, ...)
// gets a softdep in /etc/modprobe.d/isola-vfio.conf, and the person is told to rebuild the
// initramfs (Isola does not run it).
//
// Every file is generated from Isola's record (persisted.json beside moved.json). Before a
// change, each file Isola manages must still hold what the record generates (else it was
// edited: refused), and a driverctl override Isola did not write is never taken over. The change
// is journaled (persist-journal.json: each file's content before) before the first write; a
// failure, or a crash found at the next start, puts every file back as it was.
#pragma once

#include <cstdint>
#include <expected>
#include <filesystem>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "apply/apply_engine.hpp"

namespace isola {

enum class PersistMode { Driverctl, UdevRule };
std::string_view to_string(PersistMode);  // "driverctl", "udev-rule"

struct PersistEnvironment {
    std::filesystem::path etc = "/etc";
    bool driverctl = false;  // driverctl is installed: its overrides are what boot applies
};

// driverctl is installed under `root` ("/" for this host): its program or its udev rule exists.
PersistEnvironment persist_environment(const std::filesystem::path& root);

// A device Isola binds to vfio-pci at boot.
struct PersistedDevice {
    Bdf device;
    std::string vm;
    std::string host_driver;  // what it was on when persisted ("" none): decides the softdep
    PersistMode mode = PersistMode::UdevRule;
    std::int64_t since = 0;
    friend bool operator==(const PersistedDevice&, const PersistedDevice&) = default;
};

// One file Isola writes (after) or removes (after: nullopt), with what it held before (the undo).
struct FileChange {
    std::filesystem::path path;
    std::optional<std::string> before;
    std::optional<std::string> after;
    friend bool operator==(const FileChange&, const FileChange&) = default;
};

struct PersistContext {
    PersistEnvironment env;
    StateStore store{"/var/lib/isola"};
    std::function<std::int64_t()> now;
    // Makes one file hold `content` (nullopt: removes it), durably. Tests inject faults here.
    std::function<std::expected<void, ApplyFailure>(const std::filesystem::path&, const std::optional<std::string>&)>
        put_file = {};
};

struct PersistReport {
    bool unpersist = false;
    std::string vm;
    std::vector<FileChange> planned;           // every file change, in order (what --dry-run prints)
    std::size_t made = 0;                      // how many were made before the failure (or all)
    std::optional<ApplyFailure> failure;
    std::vector<ApplyFailure> not_put_back;    // files the rollback could not return
    std::vector<PersistedDevice> changed;      // the devices persisted (or unpersisted) now
    std::vector<std::string> rebuild_for;      // early host drivers: the initramfs must be rebuilt
    [[nodiscard]] bool succeeded() const { return !failure; }
};

// Persists every endpoint `plan` moves to vfio-pci (the whole group). Checks the approval like
// apply_plan() (refusals, fingerprint, confirmations; a dry run needs none).
PersistReport persist_plan(const AttachPlan& plan, const ApplyApproval& approval, const PersistContext& cx);

// Removes `devices` (everything Isola persisted, when empty) from the boot-time binding.
PersistReport unpersist(std::span<const Bdf> devices, bool dry_run, const PersistContext& cx);

// A persist journal found at start: every file put back as it was before; the files it could
// not put back (the journal then stays). nullopt when there was none.
struct PersistRecovery {
    bool finished = false;  // it had written its record: only the journal was left
    std::size_t files = 0;
    std::vector<ApplyFailure> not_put_back;
    std::optional<ApplyFailure> failure;
};
std::optional<PersistRecovery> recover_persist(const PersistContext& cx);

// The record's JSON form (persisted.json; isolactl status --json's "persisted").
std::string persisted_to_json(const std::vector<PersistedDevice>& persisted);

// What Isola binds at boot (the record; empty when none).
std::expected<std::vector<PersistedDevice>, ApplyFailure> load_persisted(const StateStore& store);

}  // namespace isola
