// isolactl apply / restore / status: the commands that change a host, through core/apply.
//
// As root they run the engine directly; anyone else checks the plan here, in their own words, and
// leaves the writing to isola-helper (through_helper.hpp), which checks it all again as root. An
// unfinished journal (a crash, a kill, a power cut) is settled first, and said so, before anything
// else happens — by isolactl as root, by the helper otherwise.
#include <csignal>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <iostream>
#include <sstream>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include "apply/apply_engine.hpp"
#include "apply/describe_apply.hpp"
#include "apply/describe_persist.hpp"
#include "apply/persist.hpp"
#include "apply/json_forms.hpp"
#include "commands.hpp"
#include "request_arguments.hpp"
#include "plan/describe_plan.hpp"
#include "text/message.hpp"
#include "through_helper.hpp"
#include "topology_source.hpp"

namespace isola::cli {
namespace {

constexpr const char* kStateDir = "/var/lib/isola";

int fail(int code, const std::string& message) {
    std::cerr << "isolactl: " << message << "\n";
    return code;
}

// For the kernel lab's crash test: ISOLA_TEST_KILL_AFTER_WRITE=k kills isolactl (SIGKILL, as a
// power cut or the OOM killer would) right after its k-th write (1-based) reached the kernel. It
// only ends the process early; only root runs isolactl's writes.
class KillingWriter final : public SysfsWriter {
public:
    KillingWriter(SysfsWriter& inner, long after) : inner_(inner), after_(after) {}
    WriteResult write(const std::filesystem::path& file, std::string_view value, std::chrono::milliseconds deadline) override {
        const WriteResult r = inner_.write(file, value, deadline);
        if (++count_ == after_) std::raise(SIGKILL);
        return r;
    }

private:
    SysfsWriter& inner_;
    long after_;
    long count_ = 0;
};

struct ChangeSetup {
    std::filesystem::path sysfs;
    std::filesystem::path state_dir;
};

void add_change_options(ArgumentSpec& spec) {
    add_source_options(spec);
    spec.with_value.insert("--state-dir");
}

std::expected<ChangeSetup, std::string> change_setup(const Arguments& args, const TopologySource& source) {
    if (!source.reads_host_files())
        return std::unexpected(say("this command changes a host, so it reads the host itself (or --root DIR, "
                                   "--sysfs-root DIR), not a snapshot, a listing or a demo host"));
    ChangeSetup s{.sysfs = source.roots.sysfs, .state_dir = kStateDir};
    if (s.sysfs.empty()) return std::unexpected(say("this command changes a host and needs its sysfs: --sysfs-root DIR"));
    if (const std::string* root = args.value("--root")) s.state_dir = std::filesystem::path(*root) / "var/lib/isola";
    if (const std::string* dir = args.value("--state-dir")) s.state_dir = *dir;
    return s;
}

// Root writes /sys itself; anyone else asks isola-helper, which writes as root once polkit said
// yes. A tree that is not the real /sys is the caller's own, and written directly.
bool via_helper(const ChangeSetup& s) { return ::geteuid() != 0 && s.sysfs == "/sys"; }

// Root writes /sys; a tree that is not the real /sys is the caller's own.
std::optional<std::string> needs_root(const ChangeSetup& s, const char* command) {
    if (::geteuid() == 0 || s.sysfs != "/sys") return std::nullopt;
    return say("{0} changes drivers and needs root: run it as root (for example sudo isolactl {0} …)", command);
}

void print_lines(const std::vector<std::string>& lines, std::ostream& out) {
    for (const auto& l : lines) out << l << "\n";
}

std::int64_t now_seconds() { return static_cast<std::int64_t>(std::time(nullptr)); }

struct Engine {
    KernelSysfsWriter kernel;
    std::optional<KillingWriter> killing;
    SysfsWriter* writer = &kernel;

    Engine() {
        if (const char* k = std::getenv("ISOLA_TEST_KILL_AFTER_WRITE"); k && *k) {
            killing.emplace(kernel, std::strtol(k, nullptr, 10));
            writer = &*killing;
        }
    }
    ApplyContext context(const ChangeSetup& s) {
        return ApplyContext{.sysfs = s.sysfs, .store = StateStore(s.state_dir), .writer = *writer, .now = now_seconds};
    }
};

// Settles an unfinished journal and says what it did: 0, or the exit status when it could not
// (another Isola process is at work: refused; a device not put back: the journal stays).
int settle_unfinished(const ApplyContext& cx) {
    auto recovery = recover_unfinished(cx);
    if (!recovery) return 0;
    for (const auto& line : describe_recovery(*recovery)) std::cerr << "isolactl: " << line << "\n";
    if (recovery->failure && recovery->failure->kind == ApplyFailureKind::Busy) return kExitBlocked;
    return !recovery->failure && recovery->not_put_back.empty() ? 0 : kExitNotPutBack;
}

// What apply and restore share before their own work: the host they change, and — when they are
// about to write — root, and an unfinished change settled first. The error is the exit status.
std::expected<ChangeSetup, int> prepare_change(const Arguments& args, const char* command, bool will_write, Engine& engine) {
    auto source = source_from_arguments(args);
    if (!source) return std::unexpected(fail(kExitUsage, source.error()));
    auto setup = change_setup(args, *source);
    if (!setup) return std::unexpected(fail(kExitUsage, setup.error()));
    // The helper settles an unfinished journal itself, as root, before its own work.
    if (!will_write || via_helper(*setup)) return *setup;
    if (auto why = needs_root(*setup, command)) return std::unexpected(fail(kExitBlocked, *why));
    if (const int settled = settle_unfinished(engine.context(*setup)); settled != 0) return std::unexpected(settled);
    return *setup;
}

int report_status(const TransactionReport& r) {
    if (!r.failure) return 0;
    if (r.made.empty()) return kExitBlocked;
    return r.not_put_back.empty() ? kExitNotApplied : kExitNotPutBack;
}

void print_report(const TransactionReport& r, const ChangeSetup& s, bool dry_run, bool json) {
    if (json) {
        std::cout << report_to_json(r, s.sysfs);
        return;
    }
    if (dry_run && !r.failure) {
        // Exactly what would be written, as shell lines someone could check or run.
        for (const auto& w : r.planned) std::cout << write_as_shell(w, s.sysfs) << "\n";
        if (r.planned.empty()) std::cout << describe(ApplyFailure{.kind = ApplyFailureKind::NothingToChange}) << "\n";
        return;
    }
    if (!r.failure) {
        print_lines(describe_report(r), std::cout);
        return;
    }
    for (const auto& line : describe_report(r)) std::cerr << "isolactl: " << line << "\n";
}

// A plan file from `isolactl plan --json`: the request it was made for and the fingerprint approved.
std::expected<std::pair<AttachRequest, std::string>, std::string> read_plan_file(const std::string& file) {
    std::ifstream in(file);
    if (!in) return std::unexpected(say("cannot read the plan {}: there is no such file, or it is not readable", file));
    std::stringstream text;
    text << in.rdbuf();
    try {
        const auto j = nlohmann::json::parse(text.str());
        AttachRequest request{.vm = j.at("vm").get<std::string>()};
        for (const auto& d : j.at("selected")) {
            auto b = Bdf::parse(d.get<std::string>());
            if (!b) throw std::invalid_argument("selected");
            request.devices.push_back(*b);
        }
        auto backend = backend_from_string(j.at("backend").get<std::string>());
        if (!backend) throw std::invalid_argument("backend");
        request.backend = *backend;
        return std::pair{request, j.at("fingerprint").get<std::string>()};
    } catch (const std::exception&) {
        return std::unexpected(say("{} is not a plan made by isolactl plan --json", file));
    }
}

}  // namespace

int run_apply(const std::vector<std::string>& raw) {
    ArgumentSpec spec{{"--confirm", "--dry-run", "--json"}, {"--vm", "--backend", "--plan", "--fingerprint"}};
    add_change_options(spec);
    auto args = parse_arguments(raw, spec);
    if (!args) return fail(kExitUsage, args.error());

    AttachRequest request;
    std::string approved;
    if (const std::string* file = args->value("--plan")) {
        if (!args->positional.empty() || args->value("--vm") || args->value("--backend"))
            return fail(kExitUsage, say("--plan FILE says the devices and the VM; drop the addresses, --vm and --backend"));
        auto read = read_plan_file(*file);
        if (!read) return fail(kExitNoInput, read.error());
        std::tie(request, approved) = *read;
    } else {
        const std::string* vm = args->value("--vm");
        if (!vm || vm->empty()) return fail(kExitUsage, say("apply needs the target VM: --vm NAME, or a plan: --plan FILE"));
        auto parsed = parse_attach_request(*args, "apply");
        if (!parsed) return fail(kExitUsage, parsed.error());
        request = std::move(*parsed);
    }
    if (const std::string* fp = args->value("--fingerprint")) approved = *fp;

    const bool dry_run = args->has("--dry-run");
    Engine engine;
    auto setup = prepare_change(*args, "apply", !dry_run, engine);
    if (!setup) return setup.error();
    const ApplyContext cx = engine.context(*setup);
    // The plan is made now, from the host as it is now: what the person approved is checked
    // against it by fingerprint.
    auto loaded = load_topology(*args);
    if (!loaded) return fail(kExitNoInput, loaded.error());
    const AttachPlan plan = plan_attach(loaded->topology, request);
    const bool confirmed = args->has("--confirm"), json = args->has("--json");
    if (!dry_run && via_helper(*setup)) {
        // Checked here first, so the person reads any refusal in their own words before polkit asks
        // for a password; the helper re-reads the host and checks all of it again.
        auto checked = apply_plan(plan, loaded->topology, {.fingerprint = approved, .confirmed = confirmed, .dry_run = true}, cx);
        if (!checked.failure) checked.failure = check_approval(plan, {.fingerprint = approved, .confirmed = confirmed});
        const bool helper_settles = checked.failure && checked.failure->kind == ApplyFailureKind::UnfinishedJournal;
        if ((checked.failure && !helper_settles) || (!checked.failure && checked.planned.empty())) {
            print_report(checked, *setup, false, json);
            return report_status(checked);
        }
        return apply_through_helper(request, approved.empty() ? plan.fingerprint : approved, json);
    }
    const auto report =
        apply_plan(plan, loaded->topology, {.fingerprint = approved, .confirmed = confirmed, .dry_run = dry_run}, cx);
    print_report(report, *setup, dry_run, json);
    return report_status(report);
}

int run_restore(const std::vector<std::string>& raw) {
    ArgumentSpec spec{{"--dry-run", "--json"}, {}};
    add_change_options(spec);
    auto args = parse_arguments(raw, spec);
    if (!args) return fail(kExitUsage, args.error());
    auto named = parse_addresses(args->positional);
    if (!named) return fail(kExitUsage, named.error());
    const std::vector<Bdf>& devices = *named;
    const bool dry_run = args->has("--dry-run");
    Engine engine;
    auto setup = prepare_change(*args, "restore", !dry_run, engine);
    if (!setup) return setup.error();
    const ApplyContext cx = engine.context(*setup);
    if (!dry_run && via_helper(*setup)) {
        // What Isola's record says is checked here first (a device it did not move); the helper
        // settles an unfinished journal and restores as root.
        const auto checked = restore_moved(devices, true, cx);
        if (checked.failure && checked.failure->kind != ApplyFailureKind::UnfinishedJournal) {
            print_report(checked, *setup, false, args->has("--json"));
            return report_status(checked);
        }
        return restore_through_helper(devices, args->has("--json"));
    }
    const auto report = restore_moved(devices, dry_run, cx);
    print_report(report, *setup, dry_run, args->has("--json"));
    return report_status(report);
}

int run_status(const std::vector<std::string>& raw) {
    ArgumentSpec spec{{"--json"}, {}};
    add_change_options(spec);
    auto args = parse_arguments(raw, spec);
    if (!args) return fail(kExitUsage, args.error());
    if (!args->positional.empty()) return fail(kExitUsage, say("status takes no arguments, but was given \"{}\"", args->positional.front()));
    auto source = source_from_arguments(*args);
    if (!source) return fail(kExitUsage, source.error());
    auto setup = change_setup(*args, *source);
    if (!setup) return fail(kExitUsage, setup.error());
    Engine engine;
    const ApplyContext cx = engine.context(*setup);
    // Root settles an unfinished journal (and an interrupted persist change of the host whose
    // /etc it knows); anyone else is told about it.
    if (!needs_root(*setup, "status")) {
        (void)settle_unfinished(cx);
        if (const std::string* root = args->value("--root")) (void)settle_persist_under(*root);
        else if (setup->sysfs == "/sys") (void)settle_persist_under("/");
    }
    auto journal = cx.store.load_journal();
    auto record = cx.store.load_record();
    if (!record) return fail(kExitNoInput, describe(record.error()));
    auto persisted = load_persisted(cx.store);
    if (!persisted) return fail(kExitNoInput, describe(persisted.error()));
    if (args->has("--json")) {
        nlohmann::json j = nlohmann::json::parse(record_to_json(*record));
        j["unfinished"] = journal && *journal ? nlohmann::json::parse(transaction_to_json(**journal)) : nlohmann::json(nullptr);
        j["persisted"] = nlohmann::json::parse(persisted_to_json(*persisted));
        std::cout << j.dump(2) << "\n";
        return 0;
    }
    print_lines(describe_moved(*record), std::cout);
    if (!persisted->empty()) print_lines(describe_persisted(*persisted), std::cout);
    if (!journal) std::cout << describe(journal.error()) << "\n";
    else if (*journal) std::cout << describe_unfinished(**journal) << "\n";
    if (std::error_code ec; std::filesystem::exists(cx.store.dir() / "persist-journal.json", ec))
        std::cout << say("A persist change is unfinished ({}); isolactl status, run as root, puts its files back.",
                         (cx.store.dir() / "persist-journal.json").string())
                  << "\n";
    return 0;
}

}  // namespace isola::cli
