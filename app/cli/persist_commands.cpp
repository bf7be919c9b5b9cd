// isolactl persist / unpersist: a plan's vfio-pci binding made to survive reboots, by address, and
// its exact undo — through core/apply/persist.hpp. As root they write /etc directly; anyone else
// checks here and leaves the writes to isola-helper.
#include <ctime>
#include <iostream>
#include <unistd.h>

#include "apply/describe_apply.hpp"
#include "apply/describe_persist.hpp"
#include "apply/persist.hpp"
#include "commands.hpp"
#include "request_arguments.hpp"
#include "text/message.hpp"
#include "through_helper.hpp"
#include "topology_source.hpp"

namespace isola::cli {
namespace {

int fail(int code, const std::string& message) {
    std::cerr << "isolactl: " << message << "\n";
    return code;
}

struct PersistSetup {
    std::filesystem::path root;  // the host whose /etc and /var/lib/isola are written
    bool via_helper = false;
};

std::expected<PersistSetup, std::string> persist_setup(const Arguments& args, const TopologySource& source) {
    if (!source.reads_host_files())
        return std::unexpected(say("this command changes a host, so it reads the host itself (or --root DIR, "
                                   "--sysfs-root DIR), not a snapshot, a listing or a demo host"));
    if (const std::string* root = args.value("--root")) return PersistSetup{.root = *root};
    if (source.roots.sysfs != "/sys" || source.roots.etc != "/etc")
        return std::unexpected(say("persist and unpersist write a host's /etc and /var/lib/isola: name it with --root DIR"));
    return PersistSetup{.root = "/", .via_helper = ::geteuid() != 0};
}

PersistContext context_for(const PersistSetup& s) {
    return {.env = persist_environment(s.root), .store = StateStore(s.root / "var/lib/isola"),
            .now = [] { return static_cast<std::int64_t>(std::time(nullptr)); }};
}

// Settles an interrupted persist change first, as apply does with its journal.
int settle_persist(const PersistContext& cx) {
    auto recovery = recover_persist(cx);
    if (!recovery) return 0;
    for (const auto& line : describe_persist_recovery(*recovery)) std::cerr << "isolactl: " << line << "\n";
    return recovery->failure || !recovery->not_put_back.empty() ? kExitNotPutBack : 0;
}

int report_status(const PersistReport& r) {
    if (!r.failure) return 0;
    if (r.made == 0 && r.not_put_back.empty()) return kExitBlocked;
    return r.not_put_back.empty() ? kExitNotApplied : kExitNotPutBack;
}

int print(const PersistReport& r, bool dry_run) {
    if (dry_run && !r.failure) {
        for (const auto& f : r.planned) std::cout << describe_file_change(f);
        if (r.planned.empty()) std::cout << describe_persist_report(r).front() << "\n";
        return 0;
    }
    for (const auto& line : describe_persist_report(r))
        (r.failure ? std::cerr : std::cout) << (r.failure ? "isolactl: " : "") << line << "\n";
    return report_status(r);
}

}  // namespace

int run_persist(const std::vector<std::string>& raw) {
    ArgumentSpec spec{{"--confirm", "--dry-run"}, {"--vm", "--backend", "--fingerprint"}};
    add_source_options(spec);
    auto args = parse_arguments(raw, spec);
    if (!args) return fail(kExitUsage, args.error());
    auto parsed = parse_attach_request(*args, "persist");
    if (!parsed) return fail(kExitUsage, parsed.error());
    const AttachRequest& request = *parsed;
    auto source = source_from_arguments(*args);
    if (!source) return fail(kExitUsage, source.error());
    auto setup = persist_setup(*args, *source);
    if (!setup) return fail(kExitUsage, setup.error());
    auto loaded = load_topology(*args);
    if (!loaded) return fail(kExitNoInput, loaded.error());
    const AttachPlan plan = plan_attach(loaded->topology, request);
    const std::string approved = args->value("--fingerprint") ? *args->value("--fingerprint") : std::string();
    const bool dry_run = args->has("--dry-run"), confirmed = args->has("--confirm");
    const PersistContext cx = context_for(*setup);
    if (!dry_run && setup->via_helper) {
        // Checked here first, in the person's words; the helper checks it all again as root.
        auto checked = persist_plan(plan, {.fingerprint = approved, .confirmed = confirmed, .dry_run = true}, cx);
        if (!checked.failure)
            if (auto f = check_approval(plan, {.fingerprint = approved, .confirmed = confirmed})) checked.failure = *f;
        if (checked.failure && checked.failure->kind != ApplyFailureKind::UnfinishedJournal) return print(checked, false);
        return persist_through_helper(request, approved.empty() ? plan.fingerprint : approved);
    }
    if (!dry_run)
        if (const int settled = settle_persist(cx); settled != 0) return settled;
    return print(persist_plan(plan, {.fingerprint = approved, .confirmed = confirmed, .dry_run = dry_run}, cx), dry_run);
}

int run_unpersist(const std::vector<std::string>& raw) {
    ArgumentSpec spec{{"--dry-run"}, {}};
    add_source_options(spec);
    auto args = parse_arguments(raw, spec);
    if (!args) return fail(kExitUsage, args.error());
    auto named = parse_addresses(args->positional);
    if (!named) return fail(kExitUsage, named.error());
    const std::vector<Bdf>& devices = *named;
    auto source = source_from_arguments(*args);
    if (!source) return fail(kExitUsage, source.error());
    auto setup = persist_setup(*args, *source);
    if (!setup) return fail(kExitUsage, setup.error());
    const bool dry_run = args->has("--dry-run");
    const PersistContext cx = context_for(*setup);
    if (!dry_run && setup->via_helper) {
        auto checked = unpersist(devices, true, cx);
        if (checked.failure && checked.failure->kind != ApplyFailureKind::UnfinishedJournal) return print(checked, false);
        return unpersist_through_helper(devices);
    }
    if (!dry_run)
        if (const int settled = settle_persist(cx); settled != 0) return settled;
    return print(unpersist(devices, dry_run, cx), dry_run);
}

int settle_persist_under(const std::filesystem::path& root) { return settle_persist(context_for({.root = root})); }

}  // namespace isola::cli
