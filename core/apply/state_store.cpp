#include "apply/state_store.hpp"

#include <array>
#include <cerrno>
#include <fcntl.h>
#include <sys/file.h>
#include <fstream>
#include <sstream>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include "apply/json_forms.hpp"
#include "text/enum_names.hpp"

namespace isola {

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

constexpr int kFormatVersion = 1;

constexpr std::array kTransactionKindNames{
    EnumName<TransactionKind>{TransactionKind::Apply, "apply"},
    EnumName<TransactionKind>{TransactionKind::Restore, "restore"},
};
constexpr std::array kPhaseNames{
    EnumName<TransactionPhase>{TransactionPhase::Writing, "writing"},
    EnumName<TransactionPhase>{TransactionPhase::Committed, "committed"},
};


// Everything read back is checked as if a stranger wrote it: the files are root's, but a record
// that names "../../x" as a driver must never become a path.
struct Malformed {
    std::string what;
};

std::uint16_t hex16(const json& j, const char* key) {
    const std::string s = j.at(key).get<std::string>();
    if (s.size() != 4 || s.find_first_not_of("0123456789abcdef") != std::string::npos) throw Malformed{key};
    return static_cast<std::uint16_t>(std::stoul(s, nullptr, 16));
}

std::string driver_field(const json& j, const char* key) {
    std::string s = j.at(key).get<std::string>();
    if (!s.empty() && !is_driver_name(s)) throw Malformed{key};
    return s;
}

Bdf bdf_field(const json& j, const char* key) {
    auto b = Bdf::parse(j.at(key).get<std::string>());
    if (!b) throw Malformed{key};
    return *b;
}

DeviceState state_from(const json& j) {
    DeviceState s{.device = bdf_field(j, "device"), .vendor_id = hex16(j, "vendor"), .device_id = hex16(j, "device_id"),
                  .driver = driver_field(j, "driver"), .driver_override = driver_field(j, "driver_override")};
    if (!j.at("sriov_numvfs").is_null()) {
        const int n = j.at("sriov_numvfs").get<int>();
        if (n < 0 || n > 4096) throw Malformed{"sriov_numvfs"};
        s.sriov_numvfs = n;
    }
    return s;
}


SysfsWrite write_from(const json& j) {
    auto kind = write_kind_from_string(j.at("kind").get<std::string>());
    if (!kind) throw Malformed{"kind"};
    SysfsWrite w{.kind = *kind, .device = bdf_field(j, "device"), .driver = driver_field(j, "driver")};
    if (w.kind == WriteKind::SetVfCount) w.vf_count = j.at("vf_count").get<int>();
    if (w.vf_count < 0 || w.vf_count > 4096) throw Malformed{"vf_count"};
    return w;
}

template <class T, class F>
std::vector<T> list_from(const json& j, const char* key, F&& one) {
    std::vector<T> out;
    for (const auto& item : j.at(key)) out.push_back(one(item));
    return out;
}

}  // namespace

std::expected<std::optional<std::string>, ApplyFailure> read_if_present(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) {
        if (errno == ENOENT) return std::optional<std::string>{};
        return std::unexpected(ApplyFailure{.kind = ApplyFailureKind::JournalUnreadable, .file = file.string(), .error = errno});
    }
    std::ostringstream text;
    text << in.rdbuf();
    return std::optional<std::string>{text.str()};
}

namespace {

ApplyFailure malformed(const fs::path& file, std::string what) {
    return {.kind = ApplyFailureKind::JournalUnreadable, .file = file.string(), .found = std::move(what)};
}

}  // namespace

std::string_view to_string(TransactionKind k) { return name_of(kTransactionKindNames, k); }

nlohmann::json state_json(const DeviceState& s) {
    json j{{"device", s.device.str()},  {"vendor", std::format("{:04x}", s.vendor_id)},
           {"device_id", std::format("{:04x}", s.device_id)}, {"driver", s.driver},
           {"driver_override", s.driver_override}};
    j["sriov_numvfs"] = s.sriov_numvfs ? json(*s.sriov_numvfs) : json(nullptr);
    return j;
}

nlohmann::json write_json(const SysfsWrite& w) {
    json j{{"kind", std::string(to_string(w.kind))}, {"device", w.device.str()}, {"driver", w.driver}};
    if (w.kind == WriteKind::SetVfCount) j["vf_count"] = w.vf_count;
    return j;
}

StateLock::~StateLock() {
    if (fd_ >= 0) ::close(fd_);
}

std::expected<StateLock, ApplyFailure> StateStore::lock() const {
    std::error_code ec;
    fs::create_directories(dir_, ec);
    const int fd = ::open(lock_path().c_str(), O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0644);
    if (fd < 0)
        return std::unexpected(ApplyFailure{.kind = ApplyFailureKind::JournalUnwritable, .file = lock_path().string(), .error = errno});
    if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
        const int err = errno;
        ::close(fd);
        if (err == EWOULDBLOCK) return std::unexpected(ApplyFailure{.kind = ApplyFailureKind::Busy, .file = lock_path().string()});
        return std::unexpected(ApplyFailure{.kind = ApplyFailureKind::JournalUnwritable, .file = lock_path().string(), .error = err});
    }
    return StateLock(fd);
}

std::string transaction_to_json(const Transaction& t) {
    json before = json::array(), target = json::array(), writes = json::array();
    for (const auto& s : t.before) before.push_back(state_json(s));
    for (const auto& s : t.target) target.push_back(state_json(s));
    for (const auto& w : t.writes) writes.push_back(write_json(w));
    json j{{"isola_journal", kFormatVersion}, {"kind", std::string(to_string(t.kind))},
           {"phase", std::string(name_of(kPhaseNames, t.phase))}, {"vm", t.vm}, {"fingerprint", t.fingerprint},
           {"started", t.started}, {"before", before}, {"target", target}, {"writes", writes}, {"next", t.next}};
    return j.dump(2) + "\n";
}

std::string record_to_json(const std::vector<MovedDevice>& moved) {
    json devices = json::array();
    for (const auto& m : moved)
        devices.push_back({{"original", state_json(m.original)}, {"vm", m.vm}, {"moved_at", m.moved_at}});
    return json{{"isola_moved", kFormatVersion}, {"devices", devices}}.dump(2) + "\n";
}

std::expected<std::optional<Transaction>, ApplyFailure> StateStore::load_journal() const {
    auto text = read_if_present(journal_path());
    if (!text) return std::unexpected(text.error());
    if (!*text) return std::optional<Transaction>{};
    try {
        const json j = json::parse(**text);
        if (j.at("isola_journal").get<int>() != kFormatVersion) throw Malformed{"isola_journal"};
        Transaction t;
        auto kind = value_of(kTransactionKindNames, j.at("kind").get<std::string>());
        auto phase = value_of(kPhaseNames, j.at("phase").get<std::string>());
        if (!kind || !phase) throw Malformed{"kind"};
        t.kind = *kind;
        t.phase = *phase;
        t.vm = j.at("vm").get<std::string>();
        t.fingerprint = j.at("fingerprint").get<std::string>();
        t.started = j.at("started").get<std::int64_t>();
        t.before = list_from<DeviceState>(j, "before", state_from);
        t.target = list_from<DeviceState>(j, "target", state_from);
        t.writes = list_from<SysfsWrite>(j, "writes", write_from);
        t.next = j.at("next").get<std::size_t>();
        if (t.before.size() != t.target.size() || t.next > t.writes.size()) throw Malformed{"before"};
        for (std::size_t i = 0; i < t.before.size(); ++i)
            if (t.before[i].device != t.target[i].device) throw Malformed{"target"};
        return std::optional<Transaction>{std::move(t)};
    } catch (const Malformed& m) {
        return std::unexpected(malformed(journal_path(), m.what));
    } catch (const json::exception& e) {
        return std::unexpected(malformed(journal_path(), e.what()));
    }
}

std::expected<void, ApplyFailure> StateStore::save_journal(const Transaction& t) const {
    return write_atomically(journal_path(), transaction_to_json(t));
}

std::expected<void, ApplyFailure> StateStore::remove_journal() const {
    if (::unlink(journal_path().c_str()) != 0 && errno != ENOENT)
        return std::unexpected(ApplyFailure{.kind = ApplyFailureKind::JournalUnwritable, .file = journal_path().string(), .error = errno});
    // The removal must be durable too, or a power cut could bring the journal back.
    const int dir = ::open(dir_.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dir >= 0) {
        ::fsync(dir);
        ::close(dir);
    }
    return {};
}

std::expected<std::vector<MovedDevice>, ApplyFailure> StateStore::load_record() const {
    auto text = read_if_present(record_path());
    if (!text) return std::unexpected(text.error());
    if (!*text) return std::vector<MovedDevice>{};
    try {
        const json j = json::parse(**text);
        if (j.at("isola_moved").get<int>() != kFormatVersion) throw Malformed{"isola_moved"};
        return list_from<MovedDevice>(j, "devices", [](const json& d) {
            return MovedDevice{.original = state_from(d.at("original")), .vm = d.at("vm").get<std::string>(),
                               .moved_at = d.at("moved_at").get<std::int64_t>()};
        });
    } catch (const Malformed& m) {
        return std::unexpected(malformed(record_path(), m.what));
    } catch (const json::exception& e) {
        return std::unexpected(malformed(record_path(), e.what()));
    }
}

std::expected<void, ApplyFailure> StateStore::save_record(const std::vector<MovedDevice>& moved) const {
    return write_atomically(record_path(), record_to_json(moved));
}

std::expected<void, ApplyFailure> StateStore::write_atomically(const fs::path& file, const std::string& text) const {
    return write_file_atomically(file, text, ApplyFailureKind::JournalUnwritable);
}

std::expected<void, ApplyFailure> write_file_atomically(const fs::path& file, const std::string& text,
                                                        ApplyFailureKind kind) {
    const fs::path dir_ = file.parent_path();
    auto fail = [&](const fs::path& what) {
        return std::unexpected(ApplyFailure{.kind = kind, .file = what.string(), .error = errno});
    };
    std::error_code ec;
    fs::create_directories(dir_, ec);
    if (ec) {
        errno = ec.value();
        return fail(dir_);
    }
    const fs::path tmp = file.string() + ".new";
    ::unlink(tmp.c_str());  // a leftover of a crash between create and rename
    const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0644);
    if (fd < 0) return fail(tmp);
    std::size_t done = 0;
    while (done < text.size()) {
        const ssize_t n = ::write(fd, text.data() + done, text.size() - done);
        if (n < 0) {
            if (errno == EINTR) continue;
            const int err = errno;
            ::close(fd);
            ::unlink(tmp.c_str());
            errno = err;
            return fail(tmp);
        }
        done += static_cast<std::size_t>(n);
    }
    if (::fsync(fd) != 0) {
        const int err = errno;
        ::close(fd);
        ::unlink(tmp.c_str());
        errno = err;
        return fail(tmp);
    }
    ::close(fd);
    if (::rename(tmp.c_str(), file.c_str()) != 0) return fail(file);
    const int dir = ::open(dir_.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dir < 0) return fail(dir_);
    const int synced = ::fsync(dir);
    ::close(dir);
    if (synced != 0) return fail(dir_);
    return {};
}

}  // namespace isola
