// Persist / unpersist (core/apply/persist.hpp) on the apply engine's fixture host: the exact files
// of both modes, an undo that leaves /etc byte for byte as it was, a failure and a crash at every
// file write put back, and refusals (an edited file, a driverctl override Isola did not write)
// that change nothing, in the core's words.
#include <fstream>
#include <stdexcept>

#include <nlohmann/json.hpp>

#include "apply/describe_apply.hpp"
#include "apply/describe_persist.hpp"
#include "apply/persist.hpp"
#include "apply_test_host.hpp"
#include "support/require_tool.hpp"
#include "support/run_tool.hpp"
#include "support/speaking.hpp"

namespace isola::test {
namespace {

namespace fs = std::filesystem;

const ApplyApproval kConfirmed{.confirmed = true};
const char* const kRules = "etc/udev/rules.d/60-isola-vfio.rules";

// Every regular file under a tree with its content: what "left as it was" is compared by.
std::map<std::string, std::string> tree(const fs::path& dir) {
    std::map<std::string, std::string> out;
    std::error_code ec;
    if (!fs::exists(dir, ec)) return out;
    for (const auto& e : fs::recursive_directory_iterator(dir))
        if (e.is_regular_file()) {
            std::ifstream in(e.path());
            out[fs::relative(e.path(), dir).string()] = {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
        }
    return out;
}

void write_text(const fs::path& file, const std::string& text) {
    fs::create_directories(file.parent_path());
    std::ofstream(file) << text;
}

std::string read_text(const fs::path& file) {
    std::ifstream in(file);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

class Persist : public ApplyHost {
protected:
    void SetUp() override {
        ApplyHost::SetUp();
        // A host's /etc holds other files; none of them may change.
        write_text(root_ / "etc/hostname", "lab\n");
        write_text(root_ / "etc/udev/rules.d/70-local.rules", "# the admin's own rule\n");
        etc_before_ = tree(root_ / "etc");
    }
    [[nodiscard]] PersistContext persist_context(bool driverctl = false) const {
        return {.env = {.etc = root_ / "etc", .driverctl = driverctl}, .store = store(), .now = [] { return kNow; }};
    }
    [[nodiscard]] fs::path journal() const { return store().dir() / "persist-journal.json"; }
    [[nodiscard]] std::vector<PersistedDevice> persisted() const { return load_persisted(store()).value(); }

    std::map<std::string, std::string> etc_before_;
};

const std::string kRuleHeader =
    "# Written by Isola (isolactl persist); isolactl unpersist removes it.\n"
    "# Isola checks this file against /var/lib/isola/persisted.json before it\n"
    "# changes it: edit the binding with isolactl, not here. Each rule binds one\n"
    "# PCI function, by address, to vfio-pci when it appears at boot, before udev\n"
    "# loads a driver for it; a driver the initramfs bound it to lets go first.\n";
// What each rule does: the override, vfio-pci loaded, and a driver that took the device first let go.
const std::string kActions =
    "ATTR{driver_override}=\"vfio-pci\", RUN{builtin}+=\"kmod load vfio-pci\", RUN+=\"/bin/sh -c '[ -e /sys%p/driver ] && "
    "! [ /sys%p/driver -ef /sys/bus/pci/drivers/vfio-pci ] && echo %k > /sys%p/driver/unbind; echo %k > "
    "/sys/bus/pci/drivers_probe'\"";

TEST_F(Persist, AUdevRuleBindsTheWholeGroupByAddressAndUnpersistLeavesEtcAsItWas) {
    const auto report = persist_plan(plan_for({bdf("0000:02:01.0")}), kConfirmed, persist_context());
    ASSERT_TRUE(report.succeeded()) << describe(*report.failure);
    EXPECT_EQ(read_text(root_ / kRules),
              kRuleHeader +
                  "# 0000:02:01.0 for \"win11\", instead of e1000\n"
                  "ACTION==\"add\", SUBSYSTEM==\"pci\", KERNEL==\"0000:02:01.0\", " + kActions + "\n"
                  "# 0000:02:02.0 for \"win11\", instead of e1000\n"
                  "ACTION==\"add\", SUBSYSTEM==\"pci\", KERNEL==\"0000:02:02.0\", " + kActions + "\n");
    EXPECT_FALSE(fs::exists(root_ / "etc/modprobe.d/isola-vfio.conf"));  // e1000 is not loaded from an initramfs
    EXPECT_FALSE(fs::exists(journal()));
    EXPECT_EQ(states(), initial_);  // nothing moves now: that is apply's work
    EXPECT_EQ(persisted(), (std::vector<PersistedDevice>{{bdf("0000:02:01.0"), "win11", "e1000", PersistMode::UdevRule, kNow},
                                                         {bdf("0000:02:02.0"), "win11", "e1000", PersistMode::UdevRule, kNow}}));
    EXPECT_EQ(describe_persist_report(report),
              (std::vector<std::string>{
                  "2 devices are bound to vfio-pci at boot for \"win11\", by Isola's udev rule "
                  "(/etc/udev/rules.d/60-isola-vfio.rules): 0000:02:01.0 and 0000:02:02.0.",
                  "wrote " + (root_ / kRules).string() + ".",
                  "The devices move at the next boot; isolactl apply moves them now.",
              }));
    EXPECT_EQ(describe_persisted(persisted()),
              (std::vector<std::string>{
                  "Isola binds 2 devices to vfio-pci at boot:",
                  "0000:02:01.0 for \"win11\" since 2025-12-02 18:26 UTC, by Isola's udev rule "
                  "(/etc/udev/rules.d/60-isola-vfio.rules); it was on e1000",
                  "0000:02:02.0 for \"win11\" since 2025-12-02 18:26 UTC, by Isola's udev rule "
                  "(/etc/udev/rules.d/60-isola-vfio.rules); it was on e1000",
              }));

    const auto undone = unpersist({}, false, persist_context());
    ASSERT_TRUE(undone.succeeded()) << describe(*undone.failure);
    EXPECT_EQ(tree(root_ / "etc"), etc_before_);
    EXPECT_TRUE(persisted().empty());
    EXPECT_EQ(describe_persist_report(undone),
              (std::vector<std::string>{
                  "2 devices boot on their host drivers again: 0000:02:01.0 and 0000:02:02.0.",
                  "removed " + (root_ / kRules).string() + ".",
              }));
    EXPECT_EQ(describe_persist_report(unpersist({}, false, persist_context())),
              (std::vector<std::string>{"Isola binds no device at boot; there is nothing to unpersist."}));
}

// The file is what udev itself accepts: systemd's own checker, on the rules of a group, of a
// device with an initramfs driver and of a VM name with characters a rule must not be broken by.
TEST_F(Persist, UdevAcceptsTheRuleFile) {
    ISOLA_REQUIRE_TOOL("udevadm", "udev");
    ASSERT_TRUE(persist_plan(plan_for({bdf("0000:02:01.0")}), kConfirmed, persist_context()).succeeded());
    const auto run = run_tool("udevadm verify --no-style '" + (root_ / kRules).string() + "'");
    EXPECT_EQ(run.exit_code, 0) << run.output;
    EXPECT_NE(run.output.find("Success: 1"), std::string::npos) << run.output;
}

// The rule's program, run as udev would (its %p and %k replaced, /sys moved under the fixture):
// a device on another driver is let go and probed; one already on vfio-pci is only probed.
TEST_F(Persist, TheRulesProgramLetsAnotherDriverGoAndProbes) {
    ASSERT_TRUE(persist_plan(plan_for({bdf("0000:02:01.0")}), kConfirmed, persist_context()).succeeded());
    const std::string rules = read_text(root_ / kRules);
    const auto start = rules.find("RUN+=\"") + 6;
    std::string program = rules.substr(start, rules.find("\"\n", start) - start);
    const fs::path sys = root_ / "sys";
    const std::string devpath = "/" + fs::relative(fs::canonical(sys / "bus/pci/devices/0000:02:01.0"), sys).string();
    auto replace_all = [](std::string& s, const std::string& from, const std::string& to) {
        for (auto at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size())) s.replace(at, from.size(), to);
    };
    replace_all(program, "/sys", sys.string());
    replace_all(program, "%p", devpath);
    replace_all(program, "%k", "0000:02:01.0");
    fs::remove(sys / "bus/pci/drivers/e1000/unbind");
    fs::remove(sys / "bus/pci/drivers_probe");
    ASSERT_EQ(std::system(program.c_str()), 0) << program;
    EXPECT_EQ(read_text(sys / "bus/pci/drivers/e1000/unbind"), "0000:02:01.0\n");
    EXPECT_EQ(read_text(sys / "bus/pci/drivers_probe"), "0000:02:01.0\n");

    const fs::path link = sys / "bus/pci/devices/0000:02:01.0/driver";
    fs::remove(link);
    fs::create_directory_symlink(fs::canonical(sys / "bus/pci/drivers/vfio-pci"), link);
    fs::remove(sys / "bus/pci/drivers/e1000/unbind");
    fs::remove(sys / "bus/pci/drivers/vfio-pci/unbind");
    ASSERT_EQ(std::system(program.c_str()), 0) << program;
    EXPECT_FALSE(fs::exists(sys / "bus/pci/drivers/e1000/unbind"));
    EXPECT_FALSE(fs::exists(sys / "bus/pci/drivers/vfio-pci/unbind"));
    EXPECT_EQ(read_text(sys / "bus/pci/drivers_probe"), "0000:02:01.0\n");
}

TEST_F(Persist, WithDriverctlItWritesDriverctlsOwnOverrides) {
    const auto report = persist_plan(plan_for({bdf("0000:02:02.0")}), kConfirmed, persist_context(true));
    ASSERT_TRUE(report.succeeded()) << describe(*report.failure);
    auto now = tree(root_ / "etc");
    EXPECT_EQ(now["driverctl.d/pci-0000:02:01.0"], "vfio-pci\n");
    EXPECT_EQ(now["driverctl.d/pci-0000:02:02.0"], "vfio-pci\n");
    EXPECT_FALSE(now.contains("udev/rules.d/60-isola-vfio.rules"));
    EXPECT_EQ(describe_persist_report(report).front(),
              "2 devices are bound to vfio-pci at boot for \"win11\", through driverctl's overrides (/etc/driverctl.d): "
              "0000:02:01.0 and 0000:02:02.0.");
    // One device back, the other stays.
    const std::vector one{bdf("0000:02:01.0")};
    ASSERT_TRUE(unpersist(one, false, persist_context(true)).succeeded());
    now = tree(root_ / "etc");
    EXPECT_FALSE(now.contains("driverctl.d/pci-0000:02:01.0"));
    EXPECT_EQ(now["driverctl.d/pci-0000:02:02.0"], "vfio-pci\n");
    ASSERT_TRUE(unpersist({}, false, persist_context(true)).succeeded());
    EXPECT_EQ(tree(root_ / "etc"), etc_before_);
}

TEST_F(Persist, ADryRunShowsEveryByteAndWritesNothing) {
    const auto report = persist_plan(plan_for({bdf("0000:03:00.0")}), {.dry_run = true}, persist_context());
    ASSERT_TRUE(report.succeeded()) << describe(*report.failure);
    ASSERT_EQ(report.planned.size(), 1u);
    EXPECT_EQ(describe_file_change(report.planned[0]),
              "# write " + (root_ / kRules).string() + ":\n" + kRuleHeader +
                  "# 0000:03:00.0 for \"win11\", instead of igb\n"
                  "ACTION==\"add\", SUBSYSTEM==\"pci\", KERNEL==\"0000:03:00.0\", " + kActions + "\n");
    EXPECT_EQ(tree(root_ / "etc"), etc_before_);
    EXPECT_FALSE(fs::exists(store().dir()));
}

TEST_F(Persist, ChecksTheApprovalLikeApply) {
    const AttachPlan plan = plan_for({bdf("0000:02:02.0")});
    ASSERT_TRUE(plan.needs_confirmation());
    EXPECT_EQ(persist_plan(plan, {}, persist_context()).failure->kind, ApplyFailureKind::NeedsConfirmation);
    EXPECT_EQ(persist_plan(plan, {.fingerprint = "0123456789abcdef", .confirmed = true}, persist_context()).failure->kind,
              ApplyFailureKind::StaleFingerprint);
    EXPECT_EQ(tree(root_ / "etc"), etc_before_);
}

// A GPU's driver comes from the initramfs before udev's rules run: vfio-pci must load first, and
// the person is told to rebuild the initramfs. The fixture has no GPU, so the plan says amdgpu.
TEST_F(Persist, AnEarlyHostDriverGetsASoftdepAndTheInitramfsSentence) {
    AttachPlan plan = plan_for({bdf("0000:03:00.0")});
    for (auto& a : plan.actions)
        if (a.device == bdf("0000:03:00.0")) a.from_driver = Fact<std::string>::known("amdgpu");
    const auto report = persist_plan(plan, kConfirmed, persist_context());
    ASSERT_TRUE(report.succeeded()) << describe(*report.failure);
    EXPECT_EQ(read_text(root_ / "etc/modprobe.d/isola-vfio.conf"),
              "# Written by Isola (isolactl persist); isolactl unpersist removes it.\n"
              "# vfio-pci loads before these drivers, so it claims the devices Isola\n"
              "# binds at boot. Rebuild the initramfs after a change.\n"
              "softdep amdgpu pre: vfio-pci\n");
    EXPECT_EQ(describe_persist_report(report)[3],
              "amdgpu loads from the initramfs: rebuild it (update-initramfs -u, or dracut -f) so the change takes "
              "effect there; Isola does not run it.");
    const auto undone = unpersist({}, false, persist_context());
    ASSERT_TRUE(undone.succeeded());
    EXPECT_EQ(undone.rebuild_for, std::vector<std::string>{"amdgpu"});
    EXPECT_EQ(tree(root_ / "etc"), etc_before_);
}

// Persisting twice re-targets the devices; the files do not change and the first host driver stays.
TEST_F(Persist, PersistingAgainKeepsTheFirstHostDriver) {
    ASSERT_TRUE(persist_plan(plan_for({bdf("0000:03:00.0")}), kConfirmed, persist_context()).succeeded());
    AttachPlan again = plan_for({bdf("0000:03:00.0")});
    for (auto& a : again.actions) a.from_driver = Fact<std::string>::known("vfio-pci");
    again.request.vm = "linux";
    const auto report = persist_plan(again, kConfirmed, persist_context());
    ASSERT_TRUE(report.succeeded());
    ASSERT_EQ(persisted().size(), 1u);
    EXPECT_EQ(persisted()[0].host_driver, "igb");
    EXPECT_EQ(persisted()[0].vm, "linux");
    EXPECT_NE(read_text(root_ / kRules).find("# 0000:03:00.0 for \"linux\", instead of igb\n"), std::string::npos);
}

TEST_F(Persist, AFileEditedSinceIsRefusedAndNothingChanges) {
    ASSERT_TRUE(persist_plan(plan_for({bdf("0000:03:00.0")}), kConfirmed, persist_context()).succeeded());
    std::ofstream(root_ / kRules, std::ios::app) << "# my note\n";
    const auto edited = tree(root_ / "etc");
    const auto record = persisted();
    const auto report = persist_plan(plan_for({bdf("0000:02:01.0")}), kConfirmed, persist_context());
    ASSERT_TRUE(report.failure);
    EXPECT_EQ(describe(*report.failure),
              "nothing was changed: " + (root_ / kRules).string() +
                  " is not as Isola wrote it (it was edited since); Isola changes only files it can put back, so "
                  "restore its content or remove it by hand");
    EXPECT_EQ(describe_persist_report(report), std::vector<std::string>{describe(*report.failure) + "."});
    EXPECT_EQ(unpersist({}, false, persist_context()).failure->kind, ApplyFailureKind::BootFileEdited);
    EXPECT_EQ(tree(root_ / "etc"), edited);
    EXPECT_EQ(persisted(), record);
}

TEST_F(Persist, ADriverctlOverrideIsolaDidNotWriteIsNeverTakenOver) {
    write_text(root_ / "etc/driverctl.d/pci-0000:02:02.0", "pci-stub\n");
    const auto before = tree(root_ / "etc");
    const auto report = persist_plan(plan_for({bdf("0000:02:01.0")}), kConfirmed, persist_context(true));
    ASSERT_TRUE(report.failure);
    EXPECT_EQ(describe(*report.failure),
              "nothing was changed: " + (root_ / "etc/driverctl.d/pci-0000:02:02.0").string() +
                  " already binds 0000:02:02.0 to pci-stub at boot, and Isola did not write it; remove it first "
                  "(driverctl unset-override 0000:02:02.0) or leave the device as it is");
    EXPECT_EQ(tree(root_ / "etc"), before);
    EXPECT_FALSE(fs::exists(store().dir() / "persisted.json"));
}

TEST_F(Persist, UnpersistRefusesADeviceIsolaDidNotPersist) {
    ASSERT_TRUE(persist_plan(plan_for({bdf("0000:03:00.0")}), kConfirmed, persist_context()).succeeded());
    const auto after = tree(root_ / "etc");
    const std::vector other{bdf("0000:02:01.0")};
    const auto report = unpersist(other, false, persist_context());
    ASSERT_TRUE(report.failure);
    EXPECT_EQ(describe(*report.failure),
              "Isola did not persist 0000:02:01.0, so there is nothing to unpersist (isolactl status lists what it "
              "binds at boot)");
    EXPECT_EQ(tree(root_ / "etc"), after);
}

// A change that writes three files (two driverctl overrides and the softdep), failing at each of
// them: every file is put back, the record is unchanged and no journal is left.
TEST_F(Persist, AFailureAtEveryFileWritePutsEveryFileBack) {
    AttachPlan plan = plan_for({bdf("0000:02:01.0")});
    for (auto& a : plan.actions) a.from_driver = Fact<std::string>::known("nvme");
    for (int fail_at = 1; fail_at <= 3; ++fail_at) {
        SCOPED_TRACE(fail_at);
        PersistContext cx = persist_context(true);
        int calls = 0;
        cx.put_file = [&](const fs::path& f, const std::optional<std::string>& content) -> std::expected<void, ApplyFailure> {
            if (++calls == fail_at)
                return std::unexpected(ApplyFailure{.kind = ApplyFailureKind::BootFileUnwritable, .file = f.string(), .error = ENOSPC});
            if (content) return write_file_atomically(f, *content, ApplyFailureKind::BootFileUnwritable);
            fs::remove(f);
            return {};
        };
        const auto report = persist_plan(plan, kConfirmed, cx);
        ASSERT_TRUE(report.failure);
        EXPECT_EQ(report.made, static_cast<std::size_t>(fail_at - 1));
        EXPECT_TRUE(report.not_put_back.empty());
        EXPECT_EQ(tree(root_ / "etc"), etc_before_);
        EXPECT_FALSE(fs::exists(journal()));
        EXPECT_TRUE(persisted().empty());
        const auto lines = describe_persist_report(report);
        EXPECT_EQ(lines.front(), "cannot write " + report.failure->file + " (ENOSPC, No space left on device).");
        if (fail_at > 1) {
            EXPECT_EQ(lines.back(), "Isola put every file back as it was.");
        }
    }
}

// Isola dies after each file write (the seam throws): the journal stays, and recover_persist()
// at the next start puts every file back as it was before the change.
TEST_F(Persist, ACrashAfterEveryFileWriteIsPutBackAtTheNextStart) {
    ASSERT_TRUE(persist_plan(plan_for({bdf("0000:03:00.0")}), kConfirmed, persist_context(true)).succeeded());
    const auto before = tree(root_ / "etc");
    const auto record = persisted();
    AttachPlan plan = plan_for({bdf("0000:02:01.0")});
    for (auto& a : plan.actions) a.from_driver = Fact<std::string>::known("i915");
    for (int crash_at = 1; crash_at <= 3; ++crash_at) {
        SCOPED_TRACE(crash_at);
        PersistContext cx = persist_context(true);
        int calls = 0;
        cx.put_file = [&](const fs::path& f, const std::optional<std::string>& content) -> std::expected<void, ApplyFailure> {
            if (content) {
                if (auto r = write_file_atomically(f, *content, ApplyFailureKind::BootFileUnwritable); !r) return r;
            } else {
                fs::remove(f);
            }
            if (++calls == crash_at) throw std::runtime_error("killed");
            return {};
        };
        EXPECT_THROW(persist_plan(plan, kConfirmed, cx), std::runtime_error);
        ASSERT_TRUE(fs::exists(journal()));
        EXPECT_NE(tree(root_ / "etc"), before);
        // Until it is settled, nothing else changes the files.
        EXPECT_EQ(persist_plan(plan, kConfirmed, persist_context(true)).failure->kind, ApplyFailureKind::UnfinishedJournal);
        const auto recovery = recover_persist(persist_context(true));
        ASSERT_TRUE(recovery);
        EXPECT_FALSE(recovery->failure);
        EXPECT_EQ(recovery->files, 3u);
        EXPECT_EQ(tree(root_ / "etc"), before);
        EXPECT_EQ(persisted(), record);
        EXPECT_FALSE(fs::exists(journal()));
        EXPECT_EQ(describe_persist_recovery(*recovery),
                  std::vector<std::string>{"A persist change was interrupted; Isola put 3 files back as they were."});
    }
    EXPECT_FALSE(recover_persist(persist_context(true)));
}

// Dead between writing the record and removing the journal: the change had finished.
TEST_F(Persist, AJournalWhoseRecordWasWrittenIsAFinishedChange) {
    ASSERT_TRUE(persist_plan(plan_for({bdf("0000:03:00.0")}), kConfirmed, persist_context()).succeeded());
    const auto after = tree(root_ / "etc");
    const nlohmann::json journal_text{{"isola_persist_journal", 1},
                                      {"files", {{{"path", (root_ / kRules).string()}, {"before", nullptr}}}},
                                      {"record", nlohmann::json::parse(read_text(store().dir() / "persisted.json"))}};
    write_text(journal(), journal_text.dump());
    const auto recovery = recover_persist(persist_context());
    ASSERT_TRUE(recovery);
    EXPECT_TRUE(recovery->finished);
    EXPECT_EQ(tree(root_ / "etc"), after);
    EXPECT_FALSE(fs::exists(journal()));
    EXPECT_EQ(describe_persist_recovery(*recovery),
              std::vector<std::string>{"A persist change had finished but not removed its journal; Isola removed it."});
}

// The last unpersist removes the record; dead before it removed the journal, that change had finished too.
TEST_F(Persist, AJournalOfTheLastUnpersistWhoseRecordWasRemovedIsAFinishedChange) {
    ASSERT_TRUE(persist_plan(plan_for({bdf("0000:03:00.0")}), kConfirmed, persist_context()).succeeded());
    ASSERT_TRUE(unpersist({}, false, persist_context()).succeeded());
    EXPECT_FALSE(fs::exists(store().dir() / "persisted.json"));
    const nlohmann::json journal_text{{"isola_persist_journal", 1},
                                      {"files", {{{"path", (root_ / kRules).string()}, {"before", "# a rule\n"}}}},
                                      {"record", nlohmann::json::parse(persisted_to_json({}))}};
    write_text(journal(), journal_text.dump());
    const auto recovery = recover_persist(persist_context());
    ASSERT_TRUE(recovery);
    EXPECT_TRUE(recovery->finished);
    EXPECT_EQ(tree(root_ / "etc"), etc_before_);  // the rule is not put back
    EXPECT_FALSE(fs::exists(journal()));
}

// A journal is not a way to make root write anywhere: a path outside Isola's files is refused.
TEST_F(Persist, AJournalNamingAnotherFileIsRefusedAndTouchesNothing) {
    const nlohmann::json journal_text{{"isola_persist_journal", 1},
                                      {"files", {{{"path", (root_ / "etc/hostname").string()}, {"before", "owned\n"}}}},
                                      {"record", {{"isola_persisted", 1}, {"devices", nlohmann::json::array()}}}};
    write_text(journal(), journal_text.dump());
    const auto recovery = recover_persist(persist_context());
    ASSERT_TRUE(recovery);
    ASSERT_TRUE(recovery->failure);
    EXPECT_EQ(recovery->failure->kind, ApplyFailureKind::JournalUnreadable);
    EXPECT_EQ(read_text(root_ / "etc/hostname"), "lab\n");
    EXPECT_TRUE(fs::exists(journal()));  // kept for a person to look at
}

TEST_F(Persist, SaysItsSentencesInGerman) {
    ASSERT_TRUE(persist_plan(plan_for({bdf("0000:03:00.0")}), kConfirmed, persist_context()).succeeded());
    const std::vector other{bdf("0000:02:01.0")};
    const auto refused = unpersist(other, false, persist_context());
    Speaking de("de_DE.UTF-8");
    ASSERT_TRUE(de.ok()) << "the de_DE.UTF-8 locale is not installed (the build root generates it)";
    EXPECT_EQ(describe(*refused.failure),
              "Isola hat 0000:02:01.0 nicht dauerhaft gebunden, es gibt also nichts aufzuheben (isolactl status "
              "zeigt, was es beim Start bindet)");
    EXPECT_EQ(describe_persisted(persisted()).front(), "Isola bindet beim Start 1 Gerät an vfio-pci:");
}

}  // namespace
}  // namespace isola::test
