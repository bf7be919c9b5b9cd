#include "apply/persist.hpp"

#include <algorithm>
#include <array>
#include <cerrno>
#include <fcntl.h>
#include <map>
#include <set>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include "apply/device_state.hpp"
#include "text/enum_names.hpp"

namespace isola {

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

constexpr int kFormatVersion = 1;
constexpr std::array kModeNames{EnumName<PersistMode>{PersistMode::Driverctl, "driverctl"},
                                EnumName<PersistMode>{PersistMode::UdevRule, "udev-rule"}};

// Drivers an initramfs commonly loads before the root filesystem is mounted (GPUs for the boot
// splash, storage): vfio-pci must be loaded before them to claim their devices at boot.
constexpr std::array<std::string_view, 9> kEarlyDrivers{"amdgpu", "radeon", "nouveau", "nvidia", "i915",
                                                        "xe", "nvme", "ahci", "mpt3sas"};

fs::path rule_file(const PersistEnvironment& env) { return env.etc / "udev/rules.d/60-isola-vfio.rules"; }
fs::path softdep_file(const PersistEnvironment& env) { return env.etc / "modprobe.d/isola-vfio.conf"; }
fs::path driverctl_file(const PersistEnvironment& env, const Bdf& d) { return env.etc / "driverctl.d" / ("pci-" + d.str()); }
fs::path journal_file(const StateStore& s) { return s.dir() / "persist-journal.json"; }
fs::path record_file(const StateStore& s) { return s.dir() / "persisted.json"; }

bool is_early(const std::string& driver) { return std::ranges::find(kEarlyDrivers, driver) != kEarlyDrivers.end(); }

// What each rule does at the device's "add" event. The override keeps every other driver off it;
// loading vfio-pci and asking the kernel to probe binds it. A driver an initramfs loaded may have
// taken the device before the real root's udev saw it (the override then comes too late): that
// driver lets go first. udev replaces %p (the device's path) and %k (its address).
constexpr const char* kRuleActions =
    "ATTR{driver_override}=\"vfio-pci\", RUN{builtin}+=\"kmod load vfio-pci\", "
    "RUN+=\"/bin/sh -c '[ -e /sys%p/driver ] && ! [ /sys%p/driver -ef /sys/bus/pci/drivers/vfio-pci ] && "
    "echo %k > /sys%p/driver/unbind; echo %k > /sys/bus/pci/drivers_probe'\"";

// Every file Isola manages for `record`, with the content the record gives it (nullopt: the file
// must not exist). `also` adds driverctl files of devices leaving the record.
std::map<fs::path, std::optional<std::string>> files_for(const std::vector<PersistedDevice>& record,
                                                         const PersistEnvironment& env, std::span<const Bdf> also = {}) {
    std::map<fs::path, std::optional<std::string>> out;
    for (const Bdf& d : also) out[driverctl_file(env, d)] = std::nullopt;
    std::string rules, softdeps;
    std::set<std::string> early;
    for (const auto& p : record) {
        if (p.mode == PersistMode::Driverctl) {
            out[driverctl_file(env, p.device)] = "vfio-pci\n";  // driverctl's format: the driver's name
        } else {
            rules += "# " + p.device.str() + " for \"" + p.vm + "\"" +
                     (p.host_driver.empty() ? std::string() : ", instead of " + p.host_driver) + "\n";
            rules += "ACTION==\"add\", SUBSYSTEM==\"pci\", KERNEL==\"" + p.device.str() + "\", " + kRuleActions + "\n";
        }
        if (is_early(p.host_driver)) early.insert(p.host_driver);
    }
    // The files are configuration, read by udev and modprobe: their comments stay English.
    out[rule_file(env)] = rules.empty() ? std::nullopt
                                        : std::optional<std::string>(
                                              "# Written by Isola (isolactl persist); isolactl unpersist removes it.\n"
                                              "# Isola checks this file against /var/lib/isola/persisted.json before it\n"
                                              "# changes it: edit the binding with isolactl, not here. Each rule binds one\n"
                                              "# PCI function, by address, to vfio-pci when it appears at boot, before udev\n"
                                              "# loads a driver for it; a driver the initramfs bound it to lets go first.\n" +
                                              rules);
    for (const auto& d : early) softdeps += "softdep " + d + " pre: vfio-pci\n";
    out[softdep_file(env)] = softdeps.empty() ? std::nullopt
                                              : std::optional<std::string>(
                                                    "# Written by Isola (isolactl persist); isolactl unpersist removes it.\n"
                                                    "# vfio-pci loads before these drivers, so it claims the devices Isola\n"
                                                    "# binds at boot. Rebuild the initramfs after a change.\n" + softdeps);
    return out;
}

std::expected<void, ApplyFailure> put_file_durably(const fs::path& file, const std::optional<std::string>& content) {
    if (content) return write_file_atomically(file, *content, ApplyFailureKind::BootFileUnwritable);
    if (::unlink(file.c_str()) != 0 && errno != ENOENT)
        return std::unexpected(ApplyFailure{.kind = ApplyFailureKind::BootFileUnwritable, .file = file.string(), .error = errno});
    if (const int dir = ::open(file.parent_path().c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC); dir >= 0) {
        ::fsync(dir);
        ::close(dir);
    }
    return {};
}

auto putter(const PersistContext& cx) { return cx.put_file ? cx.put_file : put_file_durably; }

json record_json(const std::vector<PersistedDevice>& record) {
    json devices = json::array();
    for (const auto& p : record)
        devices.push_back({{"device", p.device.str()}, {"vm", p.vm}, {"host_driver", p.host_driver},
                           {"mode", std::string(to_string(p.mode))}, {"since", p.since}});
    return {{"isola_persisted", kFormatVersion}, {"devices", devices}};
}

ApplyFailure malformed(const fs::path& file, std::string what) {
    return {.kind = ApplyFailureKind::JournalUnreadable, .file = file.string(), .found = std::move(what)};
}

// The record the change ends with is in the journal too: a crash after the record was written
// but before the journal was removed is a finished change, not one to put back.
json journal_json(const std::vector<FileChange>& files, const std::vector<PersistedDevice>& record) {
    json out = json::array();
    for (const auto& f : files)
        out.push_back({{"path", f.path.string()}, {"before", f.before ? json(*f.before) : json(nullptr)}});
    return {{"isola_persist_journal", kFormatVersion}, {"files", out}, {"record", record_json(record)}};
}

// Puts every file of `files` back to its `before`, each even when another fails.
std::vector<ApplyFailure> put_back(const std::vector<FileChange>& files, const PersistContext& cx) {
    std::vector<ApplyFailure> failed;
    const auto put = putter(cx);
    for (auto it = files.rbegin(); it != files.rend(); ++it)
        if (auto r = put(it->path, it->before); !r) failed.push_back(r.error());
    return failed;
}

// The changes from what is on disk to `want`, refusing a file Isola manages that was edited since
// (`expected`: what the current record generates) and a driverctl override Isola did not write.
std::expected<std::vector<FileChange>, ApplyFailure> changes_to(const std::map<fs::path, std::optional<std::string>>& want,
                                                                const std::map<fs::path, std::optional<std::string>>& expected,
                                                                const PersistEnvironment& env) {
    std::vector<FileChange> out;
    for (const auto& [path, after] : want) {
        auto now = read_if_present(path);
        if (!now) return std::unexpected(ApplyFailure{.kind = ApplyFailureKind::BootFileUnwritable, .file = path.string(), .error = now.error().error});
        const auto known = expected.find(path);
        const std::optional<std::string> isola_wrote = known == expected.end() ? std::nullopt : known->second;
        if (*now != isola_wrote) {
            const bool driverctl = path.parent_path() == env.etc / "driverctl.d";
            if (driverctl && !isola_wrote) {
                std::string found = **now;
                while (!found.empty() && (found.back() == '\n' || found.back() == ' ')) found.pop_back();
                return std::unexpected(ApplyFailure{.kind = ApplyFailureKind::BootFileForeign,
                                                    .device = Bdf::parse(path.filename().string().substr(4)),
                                                    .file = path.string(), .found = found});
            }
            return std::unexpected(ApplyFailure{.kind = ApplyFailureKind::BootFileEdited, .file = path.string()});
        }
        if (*now != after) out.push_back({path, *now, after});
    }
    return out;
}

// An empty record is no file: after the last unpersist, /var/lib/isola holds nothing of persist's.
std::expected<void, ApplyFailure> write_record(const std::vector<PersistedDevice>& record, const StateStore& store) {
    if (!record.empty()) return write_file_atomically(record_file(store), persisted_to_json(record), ApplyFailureKind::JournalUnwritable);
    if (::unlink(record_file(store).c_str()) != 0 && errno != ENOENT)
        return std::unexpected(ApplyFailure{.kind = ApplyFailureKind::JournalUnwritable, .file = record_file(store).string(),
                                            .error = errno});
    return {};
}

// Journal, write each file, record, remove the journal; any failure puts every file back.
void carry_out(PersistReport& report, const std::vector<PersistedDevice>& record, const PersistContext& cx) {
    auto fail = [&](ApplyFailure f) { report.failure = std::move(f); };
    if (auto j = write_file_atomically(journal_file(cx.store), journal_json(report.planned, record).dump(2) + "\n",
                                       ApplyFailureKind::JournalUnwritable);
        !j)
        return fail(j.error());
    const auto put = putter(cx);
    for (const auto& f : report.planned) {
        if (auto r = put(f.path, f.after); !r) {
            fail(r.error());
            report.not_put_back = put_back(report.planned, cx);
            if (report.not_put_back.empty()) ::unlink(journal_file(cx.store).c_str());
            return;
        }
        ++report.made;
    }
    if (auto r = write_record(record, cx.store); !r) {
        fail(r.error());
        report.not_put_back = put_back(report.planned, cx);
        if (report.not_put_back.empty()) ::unlink(journal_file(cx.store).c_str());
        return;
    }
    ::unlink(journal_file(cx.store).c_str());
}

// What persist and unpersist share before their own work: the lock, no unfinished journal, the record.
std::expected<std::pair<std::optional<StateLock>, std::vector<PersistedDevice>>, ApplyFailure> begin(const PersistContext& cx,
                                                                                                     bool dry_run) {
    std::optional<StateLock> lock;
    if (!dry_run) {
        auto l = cx.store.lock();
        if (!l) return std::unexpected(l.error());
        lock.emplace(std::move(*l));
    }
    std::error_code ec;
    if (fs::exists(journal_file(cx.store), ec))
        return std::unexpected(ApplyFailure{.kind = ApplyFailureKind::UnfinishedJournal, .file = journal_file(cx.store).string()});
    auto record = load_persisted(cx.store);
    if (!record) return std::unexpected(record.error());
    return std::pair{std::move(lock), std::move(*record)};
}

}  // namespace

std::string_view to_string(PersistMode m) { return name_of(kModeNames, m); }

PersistEnvironment persist_environment(const fs::path& root) {
    std::error_code ec;
    const bool driverctl = fs::exists(root / "usr/sbin/driverctl", ec) || fs::exists(root / "usr/bin/driverctl", ec) ||
                           fs::exists(root / "usr/lib/udev/rules.d/05-driverctl.rules", ec);
    return {.etc = root / "etc", .driverctl = driverctl};
}

std::string persisted_to_json(const std::vector<PersistedDevice>& persisted) { return record_json(persisted).dump(2) + "\n"; }

std::expected<std::vector<PersistedDevice>, ApplyFailure> load_persisted(const StateStore& store) {
    auto text = read_if_present(record_file(store));
    if (!text) return std::unexpected(text.error());
    if (!*text) return std::vector<PersistedDevice>{};
    try {
        const json j = json::parse(**text);
        if (j.at("isola_persisted").get<int>() != kFormatVersion) return std::unexpected(malformed(record_file(store), "isola_persisted"));
        std::vector<PersistedDevice> out;
        for (const auto& d : j.at("devices")) {
            auto bdf = Bdf::parse(d.at("device").get<std::string>());
            auto mode = value_of(kModeNames, d.at("mode").get<std::string>());
            const std::string driver = d.at("host_driver").get<std::string>();
            const std::string vm = d.at("vm").get<std::string>();
            if (!bdf || !mode || (!driver.empty() && !is_driver_name(driver)) ||
                std::ranges::any_of(vm, [](char c) { return c == '\n' || c == '"'; }))
                return std::unexpected(malformed(record_file(store), "devices"));
            out.push_back({*bdf, vm, driver, *mode, d.at("since").get<std::int64_t>()});
        }
        return out;
    } catch (const json::exception& e) {
        return std::unexpected(malformed(record_file(store), e.what()));
    }
}

PersistReport persist_plan(const AttachPlan& plan, const ApplyApproval& approval, const PersistContext& cx) {
    PersistReport report{.vm = plan.request.vm};
    if (auto refused = check_approval(plan, approval)) {
        report.failure = std::move(*refused);
        return report;
    }
    auto begun = begin(cx, approval.dry_run);
    if (!begun) {
        report.failure = begun.error();
        return report;
    }
    const std::vector<PersistedDevice>& old = begun->second;
    std::vector<PersistedDevice> record = old;
    const PersistMode mode = cx.env.driverctl ? PersistMode::Driverctl : PersistMode::UdevRule;
    for (const auto& a : plan.actions) {
        if (a.kind != ActionKind::BindVfio && a.kind != ActionKind::RemoveVfsThenBind && a.kind != ActionKind::AlreadyVfio) continue;
        std::string host = a.from_driver.value_or("");
        if (host.find("vfio") != std::string::npos) host.clear();
        if (!host.empty() && !is_driver_name(host)) {
            report.failure = ApplyFailure{.kind = ApplyFailureKind::BadDriverName, .device = a.device, .driver = host};
            return report;
        }
        // Persisting again re-targets the device and keeps the driver it had the first time.
        if (auto it = std::ranges::find(record, a.device, &PersistedDevice::device); it != record.end()) {
            it->vm = plan.request.vm;
            it->mode = mode;
            if (it->host_driver.empty()) it->host_driver = host;
            report.changed.push_back(*it);
        } else {
            record.push_back({a.device, plan.request.vm, host, mode, cx.now()});
            report.changed.push_back(record.back());
        }
        if (is_early(host) && std::ranges::find(report.rebuild_for, host) == report.rebuild_for.end())
            report.rebuild_for.push_back(host);
    }
    std::ranges::sort(record, {}, &PersistedDevice::device);
    auto planned = changes_to(files_for(record, cx.env), files_for(old, cx.env), cx.env);
    if (!planned) {
        report.failure = planned.error();
        return report;
    }
    report.planned = std::move(*planned);
    if (!approval.dry_run && !report.planned.empty()) carry_out(report, record, cx);
    else if (!approval.dry_run && record != old)  // the same files, another VM's name: only the record changes
        if (auto r = write_record(record, cx.store); !r) report.failure = r.error();
    return report;
}

PersistReport unpersist(std::span<const Bdf> devices, bool dry_run, const PersistContext& cx) {
    PersistReport report{.unpersist = true};
    auto begun = begin(cx, dry_run);
    if (!begun) {
        report.failure = begun.error();
        return report;
    }
    const std::vector<PersistedDevice>& old = begun->second;
    std::vector<PersistedDevice> record;
    std::vector<Bdf> leaving;
    for (const Bdf& d : devices)
        if (std::ranges::find(old, d, &PersistedDevice::device) == old.end()) {
            report.failure = ApplyFailure{.kind = ApplyFailureKind::NotPersistedByIsola, .device = d};
            return report;
        }
    for (const auto& p : old) {
        if (devices.empty() || std::ranges::find(devices, p.device) != devices.end()) {
            report.changed.push_back(p);
            leaving.push_back(p.device);
        } else {
            record.push_back(p);
        }
    }
    auto planned = changes_to(files_for(record, cx.env, leaving), files_for(old, cx.env, leaving), cx.env);
    if (!planned) {
        report.failure = planned.error();
        return report;
    }
    report.planned = std::move(*planned);
    for (const auto& p : report.changed)
        if (is_early(p.host_driver) && std::ranges::find(report.rebuild_for, p.host_driver) == report.rebuild_for.end())
            report.rebuild_for.push_back(p.host_driver);
    if (!dry_run && !report.changed.empty()) carry_out(report, record, cx);
    return report;
}

std::optional<PersistRecovery> recover_persist(const PersistContext& cx) {
    auto text = read_if_present(journal_file(cx.store));
    if (text && !*text) return std::nullopt;
    PersistRecovery recovery;
    if (!text) {
        recovery.failure = text.error();
        return recovery;
    }
    auto lock = cx.store.lock();
    if (!lock) {
        recovery.failure = lock.error();
        return recovery;
    }
    std::vector<FileChange> files;
    try {
        const json j = json::parse(**text);
        if (j.at("isola_persist_journal").get<int>() != kFormatVersion) throw std::invalid_argument("version");
        for (const auto& f : j.at("files")) {
            const fs::path path = f.at("path").get<std::string>();
            // Only files Isola manages, under the environment's /etc: a journal is not a way to write anywhere.
            const bool ours = path == rule_file(cx.env) || path == softdep_file(cx.env) ||
                              (path.parent_path() == cx.env.etc / "driverctl.d" && path.filename().string().starts_with("pci-"));
            if (!ours) throw std::invalid_argument("path");
            files.push_back({path, f.at("before").is_null() ? std::nullopt : std::optional(f.at("before").get<std::string>()), {}});
        }
        const auto now = read_if_present(record_file(cx.store));
        const bool recorded = now && (*now ? json::parse(**now) == j.at("record") : j.at("record").at("devices").empty());
        if (recorded) {
            ::unlink(journal_file(cx.store).c_str());  // the record was written: the change had finished
            recovery.finished = true;
            return recovery;
        }
    } catch (const std::exception& e) {
        recovery.failure = malformed(journal_file(cx.store), e.what());
        return recovery;
    }
    recovery.files = files.size();
    recovery.not_put_back = put_back(files, cx);
    if (recovery.not_put_back.empty()) ::unlink(journal_file(cx.store).c_str());
    return recovery;
}

}  // namespace isola
