// The apply engine against a simulated kernel: the whole group moves, every failure and every
// crash at every write ends with every device where it was, and the words are the core's.
#include <fcntl.h>
#include <fstream>
#include <sys/stat.h>

#include "apply/describe_apply.hpp"
#include "apply_test_host.hpp"

namespace isola::test {
namespace {

namespace fs = std::filesystem;

const ApplyApproval kConfirmed{.confirmed = true};

std::vector<std::string> shell_lines(const std::vector<SysfsWrite>& writes, const fs::path& sysfs) {
    std::vector<std::string> out;
    for (const auto& w : writes) out.push_back(write_as_shell(w, sysfs));
    return out;
}

class Apply : public ApplyHost {};

TEST_F(Apply, MovesTheWholeGroupUnbindingEveryMemberBeforeBindingAny) {
    const AttachPlan plan = plan_for({bdf("0000:02:01.0")});
    const auto report = apply_plan(plan, host(), kConfirmed, context());
    ASSERT_TRUE(report.succeeded()) << describe(*report.failure);
    EXPECT_EQ(shell_lines(report.planned, "/sys"),
              (std::vector<std::string>{
                  "echo vfio-pci > /sys/bus/pci/devices/0000:02:01.0/driver_override",
                  "echo vfio-pci > /sys/bus/pci/devices/0000:02:02.0/driver_override",
                  "echo 0000:02:01.0 > /sys/bus/pci/drivers/e1000/unbind",
                  "echo 0000:02:02.0 > /sys/bus/pci/drivers/e1000/unbind",
                  "echo 0000:02:01.0 > /sys/bus/pci/drivers_probe",
                  "echo 0000:02:02.0 > /sys/bus/pci/drivers_probe",
              }));
    const auto now = states();
    for (const char* d : {"0000:02:01.0", "0000:02:02.0"}) {
        EXPECT_EQ(now.at(bdf(d)).driver, "vfio-pci") << d;
        EXPECT_EQ(now.at(bdf(d)).driver_override, "vfio-pci") << d;
    }
    EXPECT_EQ(now.at(bdf("0000:01:00.0")), initial_.at(bdf("0000:01:00.0")));  // the bridge stays without a driver
    EXPECT_FALSE(journal_exists());
    const auto moved = record();
    ASSERT_EQ(moved.size(), 2u);
    EXPECT_EQ(moved[0].original, initial_.at(bdf("0000:02:01.0")));
    EXPECT_EQ(moved[0].vm, "win11");
    EXPECT_EQ(moved[0].moved_at, kNow);
    EXPECT_EQ(describe_report(report),
              (std::vector<std::string>{
                  "2 devices are now on vfio-pci for \"win11\": 0000:02:01.0 on vfio-pci and 0000:02:02.0 on vfio-pci.",
                  "isolactl restore puts them back as they were.",
              }));
    EXPECT_EQ(describe_moved(moved),
              (std::vector<std::string>{
                  "Isola has moved 2 devices on this host:",
                  "0000:02:01.0 [8086:100e] for \"win11\" since 2025-12-02 18:26 UTC; it was on e1000",
                  "0000:02:02.0 [8086:100e] for \"win11\" since 2025-12-02 18:26 UTC; it was on e1000",
              }));

    const auto restored = restore_moved({}, false, context());
    ASSERT_TRUE(restored.succeeded()) << describe(*restored.failure);
    EXPECT_EQ(shell_lines(restored.planned, "/sys"),
              (std::vector<std::string>{
                  "echo '' > /sys/bus/pci/devices/0000:02:01.0/driver_override",
                  "echo '' > /sys/bus/pci/devices/0000:02:02.0/driver_override",
                  "echo 0000:02:01.0 > /sys/bus/pci/drivers/vfio-pci/unbind",
                  "echo 0000:02:02.0 > /sys/bus/pci/drivers/vfio-pci/unbind",
                  "echo 0000:02:01.0 > /sys/bus/pci/drivers/e1000/bind",
                  "echo 0000:02:02.0 > /sys/bus/pci/drivers/e1000/bind",
              }));
    EXPECT_EQ(states(), initial_);
    EXPECT_TRUE(record().empty());
    EXPECT_FALSE(journal_exists());
    EXPECT_EQ(describe_report(restored),
              (std::vector<std::string>{
                  "Back as they were before Isola moved them: 0000:02:01.0 on e1000 and 0000:02:02.0 on e1000."}));
}

TEST_F(Apply, TurnsVfsOffBeforeThePfLeavesAndBackOnAfterItReturns) {
    const auto report = apply_plan(plan_for({bdf("0000:03:00.0")}), host(), kConfirmed, context());
    ASSERT_TRUE(report.succeeded()) << describe(*report.failure);
    EXPECT_EQ(shell_lines(report.planned, "/sys"),
              (std::vector<std::string>{
                  "echo 0 > /sys/bus/pci/devices/0000:03:00.0/sriov_numvfs",
                  "echo vfio-pci > /sys/bus/pci/devices/0000:03:00.0/driver_override",
                  "echo 0000:03:00.0 > /sys/bus/pci/drivers/igb/unbind",
                  "echo 0000:03:00.0 > /sys/bus/pci/drivers_probe",
              }));
    EXPECT_EQ(states().at(bdf("0000:03:00.0")).sriov_numvfs, 0);
    const auto restored = restore_moved(std::vector{bdf("0000:03:00.0")}, false, context());
    ASSERT_TRUE(restored.succeeded()) << describe(*restored.failure);
    EXPECT_EQ(shell_lines(restored.planned, "/sys").back(), "echo 2 > /sys/bus/pci/devices/0000:03:00.0/sriov_numvfs");
    EXPECT_EQ(states().at(bdf("0000:03:00.0")), initial_.at(bdf("0000:03:00.0")));
}

TEST_F(Apply, DryRunComputesTheWritesAndWritesNothing) {
    const auto report = apply_plan(plan_for({bdf("0000:02:02.0")}), host(), {.confirmed = true, .dry_run = true}, context());
    ASSERT_TRUE(report.succeeded());
    EXPECT_EQ(report.planned.size(), 6u);
    EXPECT_EQ(kernel_->writes(), 0);
    EXPECT_EQ(states(), initial_);
    EXPECT_FALSE(fs::exists(store().dir()));
}

// Looking needs no confirmation: a dry run shows the writes of a plan that still needs one, and
// only the apply itself asks for it (the same answer check_approval() gives a client of the helper).
TEST_F(Apply, ADryRunNeedsNoConfirmationButTheApplyDoes) {
    const AttachPlan plan = plan_for({bdf("0000:02:02.0")});
    ASSERT_TRUE(plan.needs_confirmation());
    EXPECT_EQ(apply_plan(plan, host(), {.dry_run = true}, context()).planned.size(), 6u);
    const auto report = apply_plan(plan, host(), {}, context());
    ASSERT_TRUE(report.failure);
    EXPECT_EQ(report.failure->kind, ApplyFailureKind::NeedsConfirmation);
    EXPECT_EQ(check_approval(plan, {})->items, report.failure->items);
    EXPECT_FALSE(check_approval(plan, {.confirmed = true}));
    EXPECT_EQ(check_approval(plan, {.fingerprint = "0123456789abcdef", .confirmed = true})->kind,
              ApplyFailureKind::StaleFingerprint);
    EXPECT_EQ(kernel_->writes(), 0);
}

// Every write k of the transaction fails in turn: each time, every device ends where it was, the
// journal is gone and nothing is recorded as moved.
TEST_F(Apply, AFailureAtEveryWriteRollsEverythingBack) {
    const AttachPlan plan = plan_for({bdf("0000:02:01.0"), bdf("0000:03:00.0")});
    const std::size_t n = apply_plan(plan, host(), {.confirmed = true, .dry_run = true}, context()).planned.size();
    ASSERT_EQ(n, 10u);
    for (std::size_t k = 0; k < n; ++k) {
        SCOPED_TRACE("failing write " + std::to_string(k));
        SimulatedKernel kernel(sysfs());
        kernel.inject(static_cast<int>(k), Fault::Fail, EIO);
        const auto report = apply_plan(plan, host(), kConfirmed, context(kernel));
        ASSERT_TRUE(report.failure);
        EXPECT_EQ(report.failure->kind, ApplyFailureKind::WriteFailed);
        EXPECT_EQ(report.made.size(), k + 1);
        EXPECT_TRUE(report.not_put_back.empty());
        EXPECT_EQ(states(), initial_);
        EXPECT_FALSE(journal_exists());
        EXPECT_TRUE(record().empty());
    }
}

// The process dies before, or just after, every write k; the next start finds the journal and
// puts every device back.
TEST_F(Apply, ACrashAtEveryWriteIsRecoveredAtTheNextStart) {
    const AttachPlan plan = plan_for({bdf("0000:02:01.0"), bdf("0000:03:00.0")});
    const std::size_t n = apply_plan(plan, host(), {.confirmed = true, .dry_run = true}, context()).planned.size();
    for (Fault fault : {Fault::CrashBefore, Fault::CrashAfter}) {
        for (std::size_t k = 0; k < n; ++k) {
            SCOPED_TRACE(std::string(fault == Fault::CrashBefore ? "crash before" : "crash after") + " write " +
                         std::to_string(k));
            SimulatedKernel dying(sysfs());
            dying.inject(static_cast<int>(k), fault);
            EXPECT_THROW((void)apply_plan(plan, host(), kConfirmed, context(dying)), SimulatedCrash);
            ASSERT_TRUE(journal_exists());
            const auto journal = store().load_journal();
            ASSERT_TRUE(journal && *journal);
            EXPECT_EQ((*journal)->next, k);
            EXPECT_EQ((*journal)->phase, TransactionPhase::Writing);

            SimulatedKernel next_start(sysfs());
            const auto recovery = recover_unfinished(context(next_start));
            ASSERT_TRUE(recovery);
            EXPECT_FALSE(recovery->failure);
            EXPECT_TRUE(recovery->not_put_back.empty());
            EXPECT_EQ(states(), initial_);
            EXPECT_FALSE(journal_exists());
            EXPECT_TRUE(record().empty());
            EXPECT_EQ(describe_recovery(*recovery).front(),
                      std::format("An apply for \"win11\" started 2025-12-02 18:26 UTC was interrupted at write {} of 10.",
                                  k + 1));
        }
    }
}

TEST_F(Apply, ACrashWhilePuttingBackIsRecoveredToo) {
    const AttachPlan plan = plan_for({bdf("0000:02:01.0")});
    SimulatedKernel kernel(sysfs());
    kernel.inject(4, Fault::Fail, EIO);         // the first probe fails: writes 0-3 are undone
    kernel.inject(6, Fault::CrashAfter);        // the second write of the rollback, then death
    EXPECT_THROW((void)apply_plan(plan, host(), kConfirmed, context(kernel)), SimulatedCrash);
    ASSERT_TRUE(journal_exists());
    SimulatedKernel next_start(sysfs());
    const auto recovery = recover_unfinished(context(next_start));
    ASSERT_TRUE(recovery);
    EXPECT_EQ(states(), initial_);
    EXPECT_FALSE(journal_exists());
    EXPECT_EQ(describe_recovery(*recovery),
              (std::vector<std::string>{
                  "An apply for \"win11\" started 2025-12-02 18:26 UTC was interrupted at write 5 of 6.",
                  "Isola put every device back as it was: 0000:02:01.0 on e1000 and 0000:02:02.0 on e1000.",
              }));
}

TEST_F(Apply, AFailedWriteIsSaidWithTheDeviceTheDriverAndTheErrno) {
    SimulatedKernel kernel(sysfs());
    kernel.inject(2, Fault::Fail, EBUSY);
    const auto report = apply_plan(plan_for({bdf("0000:02:01.0")}), host(), kConfirmed, context(kernel));
    EXPECT_EQ(describe_report(report),
              (std::vector<std::string>{
                  "the kernel refused to unbind 0000:02:01.0 from e1000 (EBUSY, Device or resource busy).",
                  "Isola put every device back as it was: 0000:02:01.0 on e1000 and 0000:02:02.0 on e1000.",
              }));
}

TEST_F(Apply, AWriteThatHangsIsBoundedAndRolledBack) {
    SimulatedKernel kernel(sysfs());
    kernel.inject(0, Fault::TimeOut);
    const auto report = apply_plan(plan_for({bdf("0000:03:00.0")}), host(), kConfirmed, context(kernel));
    ASSERT_TRUE(report.failure);
    EXPECT_EQ(describe(*report.failure),
              "writing 0 to " + (sysfs() / "bus/pci/devices/0000:03:00.0/sriov_numvfs").string() +
                  " did not return within 90 s; the kernel may still be working on it");
    EXPECT_EQ(states(), initial_);
}

// The lab: drivers_probe reports success when the driver's probe failed. Only the driver link tells.
TEST_F(Apply, AProbeThatSucceedsWithoutBindingIsCaught) {
    kernel_->fail_probe(bdf("0000:02:02.0"), "vfio-pci");
    const auto report = apply_plan(plan_for({bdf("0000:02:01.0")}), host(), kConfirmed, context());
    ASSERT_TRUE(report.failure);
    EXPECT_EQ(describe(*report.failure),
              "0000:02:02.0 has no driver after the kernel accepted the probe for vfio-pci: the driver's probe failed "
              "(the kernel log, dmesg, says why)");
    EXPECT_EQ(states(), initial_);
    EXPECT_FALSE(journal_exists());
}

TEST_F(Apply, CommittedButUnrecordedIsFinishedAtTheNextStart) {
    // The record cannot be replaced (a directory stands in its way): the writes are made and
    // committed, the record is not.
    fs::create_directories(store().record_path().string() + ".new");
    const auto report = apply_plan(plan_for({bdf("0000:02:01.0")}), host(), kConfirmed, context());
    ASSERT_TRUE(report.failure);
    EXPECT_EQ(report.failure->kind, ApplyFailureKind::JournalUnwritable);
    EXPECT_EQ(states().at(bdf("0000:02:01.0")).driver, "vfio-pci");
    fs::remove_all(store().record_path().string() + ".new");
    const auto recovery = recover_unfinished(context());
    ASSERT_TRUE(recovery);
    EXPECT_TRUE(recovery->finished_commit);
    EXPECT_EQ(record().size(), 2u);
    EXPECT_EQ(states().at(bdf("0000:02:01.0")).driver, "vfio-pci");
    EXPECT_FALSE(journal_exists());
    EXPECT_EQ(describe_recovery(*recovery),
              (std::vector<std::string>{"An apply for \"win11\" started 2025-12-02 18:26 UTC had made all its writes "
                                        "but not finished its record; Isola finished it."}));
}

// Refusals before any write: each gets its sentence and changes nothing.
class ApplyRefuses : public ApplyHost {
protected:
    void expect_nothing_changed() {
        EXPECT_EQ(kernel_->writes(), 0);
        EXPECT_EQ(states(), initial_);
        EXPECT_FALSE(journal_exists());
    }
};

TEST_F(ApplyRefuses, ARefusedPlan) {
    const auto report = apply_plan(plan_for({bdf("0000:01:00.0")}), host(), kConfirmed, context());
    ASSERT_TRUE(report.failure);
    EXPECT_EQ(report.failure->kind, ApplyFailureKind::PlanRefused);
    EXPECT_TRUE(describe(*report.failure).starts_with("nothing was changed, because the plan is refused: "));
    expect_nothing_changed();
}

TEST_F(ApplyRefuses, AnUnconfirmedPlan) {
    const auto report = apply_plan(plan_for({bdf("0000:02:01.0")}), host(), {}, context());
    ASSERT_TRUE(report.failure);
    EXPECT_EQ(report.failure->kind, ApplyFailureKind::NeedsConfirmation);
    EXPECT_TRUE(describe(*report.failure).ends_with("; check each, then confirm (isolactl apply --confirm)"));
    expect_nothing_changed();
}

TEST_F(ApplyRefuses, AStaleFingerprint) {
    const auto report = apply_plan(plan_for({bdf("0000:02:01.0")}), host(), {.fingerprint = "0123abcd", .confirmed = true},
                                   context());
    ASSERT_TRUE(report.failure);
    EXPECT_EQ(describe(*report.failure),
              "nothing was changed: the host is no longer as it was when the plan was approved (fingerprint 0123abcd, "
              "now " + plan_for({bdf("0000:02:01.0")}).fingerprint + "); make the plan again and review it");
    expect_nothing_changed();
}

TEST_F(ApplyRefuses, AnotherDeviceAtTheAddress) {
    const Topology planned_on = host();
    const AttachPlan plan = plan_attach(planned_on, {.devices = {bdf("0000:02:01.0")}, .vm = "win11"});
    std::ofstream(sysfs() / "bus/pci/devices/0000:02:02.0/device", std::ios::trunc) << "0x10d3\n";
    const auto report = apply_plan(plan, planned_on, kConfirmed, context());
    ASSERT_TRUE(report.failure);
    EXPECT_EQ(describe(*report.failure),
              "nothing was changed: the device at 0000:02:02.0 is 8086:10d3, but the plan was made for 8086:100e; "
              "make the plan again");
    EXPECT_EQ(kernel_->writes(), 0);
}

TEST_F(ApplyRefuses, VfioPciNotLoaded) {
    fs::remove_all(sysfs() / "bus/pci/drivers/vfio-pci");
    const auto report = apply_plan(plan_for({bdf("0000:02:01.0")}), host(), kConfirmed, context());
    ASSERT_TRUE(report.failure);
    EXPECT_EQ(describe(*report.failure),
              "nothing was changed: the vfio-pci driver is not loaded (" + (sysfs() / "bus/pci/drivers/vfio-pci").string() +
                  " does not exist); load it with \"modprobe vfio-pci\" and try again");
    expect_nothing_changed();
}

TEST_F(ApplyRefuses, AnUnfinishedJournal) {
    fs::create_directories(store().dir());
    std::ofstream(store().journal_path()) << "{}";
    const auto report = apply_plan(plan_for({bdf("0000:02:01.0")}), host(), kConfirmed, context());
    ASSERT_TRUE(report.failure);
    EXPECT_EQ(describe(*report.failure),
              "nothing was changed: an earlier change by Isola is unfinished (" + store().journal_path().string() +
                  "); Isola tries to put it back each time it starts, and isolactl status shows it");
    EXPECT_EQ(kernel_->writes(), 0);
    EXPECT_EQ(states(), initial_);
}

TEST_F(ApplyRefuses, WhileAnotherIsolaProcessIsChangingTheHost) {
    auto held = store().lock();  // the other process
    ASSERT_TRUE(held);
    const auto report = apply_plan(plan_for({bdf("0000:02:01.0")}), host(), kConfirmed, context());
    ASSERT_TRUE(report.failure);
    EXPECT_EQ(describe(*report.failure),
              "nothing was changed: another change by Isola is in progress on this host (it holds " +
                  store().lock_path().string() + "); wait until it has finished");
    expect_nothing_changed();
    // Its journal is not an unfinished one.
    fs::create_directories(store().dir());
    std::ofstream(store().journal_path()) << "{}";
    const auto recovery = recover_unfinished(context());
    ASSERT_TRUE(recovery && recovery->failure);
    EXPECT_EQ(recovery->failure->kind, ApplyFailureKind::Busy);
    EXPECT_TRUE(journal_exists());
}

TEST_F(ApplyRefuses, AnUnwritableJournalBeforeTheFirstWrite) {
    fs::create_directories(store().journal_path().string() + ".new/x");  // the new journal cannot be created
    const auto report = apply_plan(plan_for({bdf("0000:02:01.0")}), host(), kConfirmed, context());
    ASSERT_TRUE(report.failure);
    EXPECT_EQ(describe(*report.failure),
              "cannot write Isola's record " + store().journal_path().string() +
                  ".new (EEXIST, File exists), and Isola changes nothing it cannot record");
    EXPECT_EQ(kernel_->writes(), 0);
    EXPECT_EQ(states(), initial_);
}

class Restore : public ApplyHost {
protected:
    void SetUp() override {
        ApplyHost::SetUp();
        ASSERT_TRUE(apply_plan(plan_for({bdf("0000:02:01.0")}), host(), kConfirmed, context()).succeeded());
        moved_ = states();
    }
    std::map<Bdf, DeviceState> moved_;
};

TEST_F(Restore, OnlyWhatIsolaMoved) {
    const auto report = restore_moved(std::vector{bdf("0000:03:00.0")}, false, context());
    ASSERT_TRUE(report.failure);
    EXPECT_EQ(describe(*report.failure),
              "Isola did not move 0000:03:00.0, so there is nothing to restore (isolactl status lists what it moved)");
    EXPECT_EQ(states(), moved_);
}

TEST_F(Restore, AfterARebootFromTheRecord) {
    // The reboot: overrides are gone and the host's drivers took their devices back.
    for (const char* d : {"0000:02:01.0", "0000:02:02.0"}) {
        SimulatedKernel boot(sysfs());
        ASSERT_TRUE(boot.write(sysfs() / "bus/pci/devices" / d / "driver_override", "\n", {}).ok());
        ASSERT_TRUE(boot.write(sysfs() / "bus/pci/drivers/vfio-pci/unbind", d, {}).ok());
        ASSERT_TRUE(boot.write(sysfs() / "bus/pci/drivers/e1000/bind", d, {}).ok());
    }
    const int before = kernel_->writes();
    const auto report = restore_moved({}, false, context());
    ASSERT_TRUE(report.succeeded()) << describe(*report.failure);
    EXPECT_EQ(kernel_->writes(), before);
    EXPECT_TRUE(record().empty());
    EXPECT_EQ(states(), initial_);
}

TEST_F(Restore, ADifferentDeviceAtARecordedAddressIsNotTouched) {
    std::ofstream(sysfs() / "bus/pci/devices/0000:02:02.0/device", std::ios::trunc) << "0x10d3\n";
    const auto report = restore_moved({}, false, context());
    ASSERT_TRUE(report.failure);
    EXPECT_EQ(describe(*report.failure),
              "nothing was changed: the device at 0000:02:02.0 is 8086:10d3, but the plan was made for 8086:100e; make "
              "the plan again");
}

// The lab: a host driver cannot bind while a group-mate is held through VFIO (EBUSY from bind).
TEST_F(Restore, WhileTheGroupIsInUseThroughVfioPutsTheDevicesBackOnVfio) {
    kernel_->hold_through_vfio(bdf("0000:02:01.0"));
    const auto report = restore_moved(std::vector{bdf("0000:02:02.0")}, false, context());
    ASSERT_TRUE(report.failure);
    EXPECT_EQ(describe_report(report),
              (std::vector<std::string>{
                  "the kernel refused to bind 0000:02:02.0 to e1000 (EBUSY, Device or resource busy): another device of "
                  "its IOMMU group is in use through VFIO; stop the VM or program using it, then try again.",
                  "Isola put every device back as it was: 0000:02:02.0 on vfio-pci.",
              }));
    EXPECT_EQ(states(), moved_);
    EXPECT_EQ(record().size(), 2u);
}

TEST_F(Restore, ACrashAtEveryWriteIsRecovered) {
    const std::size_t n = restore_moved({}, true, context()).planned.size();
    ASSERT_EQ(n, 6u);
    for (std::size_t k = 0; k < n; ++k) {
        SCOPED_TRACE("crash before write " + std::to_string(k));
        SimulatedKernel dying(sysfs());
        dying.inject(static_cast<int>(k), Fault::CrashBefore);
        EXPECT_THROW((void)restore_moved({}, false, context(dying)), SimulatedCrash);
        SimulatedKernel next_start(sysfs());
        ASSERT_TRUE(recover_unfinished(context(next_start)));
        EXPECT_EQ(states(), moved_);
        EXPECT_EQ(record().size(), 2u);
        EXPECT_FALSE(journal_exists());
    }
    ASSERT_TRUE(restore_moved({}, false, context()).succeeded());
    EXPECT_EQ(states(), initial_);
}

class StateFiles : public ApplyHost {};

TEST_F(StateFiles, AJournalRoundTrips) {
    Transaction t{.kind = TransactionKind::Apply, .vm = "win11", .fingerprint = "abc", .started = kNow,
                  .before = {initial_.at(bdf("0000:03:00.0"))}, .target = {initial_.at(bdf("0000:03:00.0"))},
                  .writes = {{.kind = WriteKind::SetVfCount, .device = bdf("0000:03:00.0"), .vf_count = 0}}, .next = 1};
    t.target[0].driver = "vfio-pci";
    ASSERT_TRUE(store().save_journal(t));
    auto back = store().load_journal();
    ASSERT_TRUE(back && *back);
    EXPECT_EQ(**back, t);
    struct stat st {};
    ASSERT_EQ(::stat(store().journal_path().c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 0777, 0644u);
}

TEST_F(StateFiles, ARecordNamingAPathForADriverIsRefused) {
    fs::create_directories(store().dir());
    std::ofstream(store().record_path())
        << R"({"isola_moved": 1, "devices": [{"vm": "x", "moved_at": 0, "original": {"device": "0000:02:01.0",
            "vendor": "8086", "device_id": "100e", "driver": "../../../../tmp/x", "driver_override": "", "sriov_numvfs": null}}]})";
    const auto report = restore_moved({}, false, context());
    ASSERT_TRUE(report.failure);
    EXPECT_EQ(describe(*report.failure),
              "cannot read Isola's record " + store().record_path().string() + ": it is malformed (driver)");
    EXPECT_EQ(kernel_->writes(), 0);
}

TEST_F(StateFiles, AMalformedJournalIsSaidAndKept) {
    fs::create_directories(store().dir());
    std::ofstream(store().journal_path()) << "{\"isola_journal\": 1, \"kind\": \"apply\"";
    const auto recovery = recover_unfinished(context());
    ASSERT_TRUE(recovery && recovery->failure);
    EXPECT_TRUE(describe_recovery(*recovery).front().starts_with("cannot read Isola's record " +
                                                                 store().journal_path().string() + ": it is malformed ("));
    EXPECT_TRUE(journal_exists());
}

// The writer the helper and isolactl use, on real files.
TEST(KernelSysfsWriter, WritesOpensWithoutFollowingAndBoundsAHang) {
    const fs::path dir = fs::temp_directory_path() / ("isola-writer-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    KernelSysfsWriter writer;
    std::ofstream(dir / "attr") << "";
    EXPECT_TRUE(writer.write(dir / "attr", "vfio-pci", std::chrono::milliseconds(2000)).ok());
    std::ifstream in(dir / "attr");
    std::string text((std::istreambuf_iterator<char>(in)), {});
    EXPECT_EQ(text, "vfio-pci");
    EXPECT_EQ(writer.write(dir / "missing", "1", std::chrono::milliseconds(2000)).error, ENOENT);
    fs::create_symlink(dir / "attr", dir / "link");
    EXPECT_EQ(writer.write(dir / "link", "1", std::chrono::milliseconds(2000)).error, ELOOP);
    // Opening a FIFO for writing blocks until someone reads it: a write that never returns.
    ASSERT_EQ(::mkfifo((dir / "hang").c_str(), 0600), 0);
    const auto start = std::chrono::steady_clock::now();
    const WriteResult r = writer.write(dir / "hang", "1", std::chrono::milliseconds(300));
    const auto took = std::chrono::steady_clock::now() - start;
    EXPECT_TRUE(r.timed_out);
    EXPECT_LT(took, std::chrono::milliseconds(2000));
    // Let the stuck child go.
    const int fd = ::open((dir / "hang").c_str(), O_RDONLY | O_NONBLOCK);
    if (fd >= 0) ::close(fd);
    fs::remove_all(dir);
}

}  // namespace
}  // namespace isola::test
