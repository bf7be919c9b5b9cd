// Every host-wide finding, its sentence verbatim: the sentence is the contract with the admin.
#include <gtest/gtest.h>

#include "review/group_states.hpp"
#include "review_test_support.hpp"

using namespace isola;
using namespace isola::test;

TEST(ReviewHost, GroupStatesOfTheFixture) {
    const auto states = classify_groups(review_host_fixture());
    EXPECT_EQ(states.at(0), GroupState::HostCritical);
    EXPECT_EQ(states.at(1), GroupState::HostOnly);
    EXPECT_EQ(states.at(2), GroupState::HostCritical);
    EXPECT_EQ(states.at(3), GroupState::Mixed);
    EXPECT_EQ(states.at(4), GroupState::Viable);
    EXPECT_EQ(states.at(5), GroupState::HostCritical);
    EXPECT_EQ(states.at(6), GroupState::HostOnly);
    EXPECT_EQ(states.at(7), GroupState::NoIommu);
}

TEST(ReviewHost, MixedGroupIsABlockerNamingBothSidesAndQemusError) {
    const auto f = only(review_host(review_host_fixture()), "mixed-group", 3);
    EXPECT_EQ(f.severity, Severity::Blocker);
    EXPECT_EQ(f.sentence, "IOMMU group 3 is not viable: it holds 0000:03:00.0 (Tahiti XT [Radeon HD 7970]) on vfio-pci "
        "next to 0000:03:00.1 (Tahiti XT HDMI Audio) on snd_hda_intel; a VM given the group fails to start with "
        "\"group 3 is not viable\", so bind every endpoint of the group to vfio-pci, or return 0000:03:00.0 to the "
        "host");
    EXPECT_EQ(f.devices, bdfs({"03:00.0", "03:00.1"}));
}

TEST(ReviewHost, CandidateNextToTheDefaultRouteNicNeedsConfirmation) {
    const auto f = only(review_host(review_host_fixture()), "candidate-with-host-critical", 5);
    EXPECT_EQ(f.severity, Severity::Confirm);
    EXPECT_EQ(f.sentence, "0000:05:00.1 (I350 Gigabit Network Connection) in IOMMU group 5 cannot be passed to a VM "
        "without taking what the host needs with it: 0000:05:00.0 (I350 Gigabit Network Connection) carries the "
        "host's default route (enp5s0f0); VFIO takes whole groups, so keep it on the host, or give a plug-in card a "
        "slot with its own IOMMU group");
    EXPECT_EQ(f.devices, bdfs({"05:00.0", "05:00.1"}));
}

TEST(ReviewHost, CandidateSharingWithAnotherSlotIsANote) {
    const auto f = only(review_host(review_host_fixture()), "shared-group", 6);
    EXPECT_EQ(f.severity, Severity::Note);
    EXPECT_EQ(f.sentence, "IOMMU group 6 holds passthrough candidate 0000:06:00.0 (ASM1142 USB 3.1 Host Controller) "
        "together with 0000:07:00.0 (ASM1062 Serial ATA Controller): VFIO takes the whole group, so these devices "
        "can go to one VM together or stay on the host together, never split between them");
    EXPECT_EQ(f.devices, bdfs({"06:00.0", "07:00.0"}));
}

TEST(ReviewHost, GpuWithItsOwnAudioIsNotSharing) {
    const auto r = review_host(review_host_fixture());
    for (const auto* f : findings_with(r, "shared-group")) EXPECT_NE(f->group, std::optional<GroupId>(1));
    for (const auto* f : findings_with(r, "shared-group")) EXPECT_NE(f->group, std::optional<GroupId>(4));
}

TEST(ReviewHost, HeldGroupSaysWhetherAVmClaimsIt) {
    const auto f = only(review_host(review_host_fixture()), "held-for-vfio", 4);
    EXPECT_EQ(f.severity, Severity::Note);
    EXPECT_EQ(f.sentence, "IOMMU group 4 is ready for VFIO: 0000:04:00.0 (Tahiti XT [Radeon HD 7970]) on vfio-pci and "
        "0000:04:00.1 (Tahiti XT HDMI Audio) on vfio-pci, and no endpoint of the group is on a host driver");
}

TEST(ReviewHost, NoIommuGroupNeedsConfirmation) {
    const auto f = only(review_host(review_host_fixture()), "noiommu-group", 7);
    EXPECT_EQ(f.severity, Severity::Confirm);
    EXPECT_EQ(f.sentence, "IOMMU group 7 is a VFIO no-IOMMU group: 0000:08:00.0 (82599ES 10-Gigabit SFI/SFP+ Network "
        "Connection) has no DMA isolation at all, so a VM given it could read and write all host memory; no-IOMMU "
        "mode is for trusted user-space drivers (such as DPDK), never for VMs");
}

TEST(ReviewHost, BootGpuAndMissingResetAreNotes) {
    const auto r = review_host(review_host_fixture());
    EXPECT_EQ(only(r, "boot-gpu").sentence, "0000:01:00.0 (GP104 [GeForce GTX 1080]) is the boot GPU: firmware "
        "initialised it, so the VM may need its ROM as a romfile");
    const auto reset = only(r, "no-reset");
    EXPECT_EQ(reset.severity, Severity::Note);
    EXPECT_EQ(reset.sentence, "0000:04:00.0 (Tahiti XT [Radeon HD 7970]) cannot be reset (no reset method): a VM may "
        "not start a second time without a host reboot");
}

TEST(ReviewHost, KernelCommandLineFindings) {
    const auto r = review_host(review_host_fixture());
    const auto acs = only(r, "acs-override");
    EXPECT_EQ(acs.severity, Severity::Confirm);
    EXPECT_EQ(acs.sentence, "The ACS override (pcie_acs_override=downstream) is active: the kernel treats root and "
        "downstream ports without ACS as isolated, so IOMMU groups may be smaller than what the hardware isolates "
        "and a group boundary does not prove isolation; devices it split apart can still reach each other by "
        "peer-to-peer DMA, so boot once without it to see the real groups before passing devices to a VM you do not "
        "trust");
    const auto ids = only(r, "id-binding-catches-twins");
    EXPECT_EQ(ids.severity, Severity::Confirm);
    EXPECT_EQ(ids.sentence, "vfio-pci.ids=1002:6798 on the kernel command line binds every device with ID 1002:6798 to "
        "vfio-pci at boot, and 2 devices here have it: 0000:03:00.0 (Tahiti XT [Radeon HD 7970]) and 0000:04:00.0 "
        "(Tahiti XT [Radeon HD 7970]); the host cannot keep any of them, so to keep one, bind the others by address "
        "instead (driverctl set-override ADDRESS vfio-pci) and drop the ID");
    EXPECT_EQ(ids.devices, bdfs({"03:00.0", "04:00.0"}));
    const auto pt = only(r, "iommu-passthrough");
    EXPECT_EQ(pt.severity, Severity::Note);
    EXPECT_EQ(pt.sentence, "The IOMMU runs in passthrough mode (iommu=pt): DMA from the devices the host keeps is not "
        "translated, so they can reach all host memory, but groups handed to VFIO are still isolated");
}

TEST(ReviewHost, IdBindingMatchingOneDeviceIsFine) {
    auto t = make_topology({{.bdf = "01:00.0", .vendor = 0x10de, .device = 0x1b80, .class_id = 0x0300, .group = 1,
                             .driver = "vfio-pci"}},
                           {"vfio-pci.ids=10de:1b80,10de:10f0"});
    EXPECT_TRUE(findings_with(review_host(t), "id-binding-catches-twins").empty());
}

TEST(ReviewHost, NoIommuOnALiveHostIsABlocker) {
    auto t = make_topology({{.bdf = "01:00.0", .class_id = 0x0300, .driver = "amdgpu"}});
    const auto r = review_host(t);
    const auto f = only(r, "iommu-off");
    EXPECT_EQ(f.severity, Severity::Blocker);
    EXPECT_EQ(f.sentence, "No IOMMU is active on this host, so no device can be isolated for VFIO: enable VT-d (Intel) "
        "or AMD-Vi/IOMMU (AMD) in the firmware setup and boot with intel_iommu=on on Intel systems; inside a virtual "
        "machine, give the VM a virtual IOMMU first.");
    EXPECT_EQ(review_exit_code(r), 2);
}

TEST(ReviewHost, AListingSaysWhatItCannotTell) {
    Device d = make_device({.bdf = "01:00.0", .class_id = 0x0300, .group = 1});
    d.driver = Fact<std::string>::unknown("the listing does not show drivers (lspci without -k)");
    HostFacts host;
    host.kernel_parameters = unknown_kernel_parameters("not in a pasted listing");
    Topology t(Source{SourceKind::Listing, "paste.txt", "iommu-loop", "", false}, host, {d}, {}, {});
    const auto r = review_host(t);
    const auto f = only(r, "listing-limits");
    EXPECT_EQ(f.severity, Severity::Note);
    EXPECT_EQ(f.sentence, "paste.txt is a pasted listing, which does not show what the host uses its devices for (root "
        "filesystem, default-route network interface, console GPU): host-critical here means chipset functions (host "
        "bridge, ISA bridge, SMBus, RAM controller) and the groups they share, and it shows no drivers, so groups "
        "that mix vfio-pci and host drivers cannot be seen; review the host itself (isolactl review) before passing "
        "devices through");
    EXPECT_EQ(r.iommu_summary, "IOMMU groups are present, so an IOMMU was active; whether it translated DMA or passed "
        "it through (iommu=pt) is not known. Whether an ACS override (pcie_acs_override) split the groups is not known "
        "(not in a pasted listing), so a group boundary is not proof of isolation by itself.");
}

TEST(ReviewHost, AListingWithoutGroupsSaysSo) {
    Device d = make_device({.bdf = "01:00.0", .class_id = 0x0300});
    Topology t(Source{SourceKind::Listing, "lspci.txt", "lspci-nnk", "", false}, HostFacts{}, {d}, {}, {});
    const auto r = review_host(t);
    const auto f = only(r, "no-group-data");
    EXPECT_EQ(f.severity, Severity::Confirm);
    EXPECT_EQ(f.sentence, "lspci.txt has no IOMMU group data, so no group can be reviewed: it may come from a host "
        "with the IOMMU off or from a command that does not print groups (lspci without -v); capture "
        "/sys/kernel/iommu_groups/*/devices/* on that host and review again");
    EXPECT_TRUE(findings_with(r, "iommu-off").empty());
    EXPECT_EQ(r.iommu_summary, "The listing has no IOMMU group data, so it does not say whether an IOMMU was active.");
}

TEST(ReviewHost, ExitCodes) {
    // Clean: one viable group.
    auto clean = make_topology({{.bdf = "01:00.0", .class_id = 0x0300, .group = 1, .driver = "amdgpu"}});
    EXPECT_EQ(review_exit_code(review_host(clean)), 0);
    // Notes alone keep 0.
    auto noted = make_topology({{.bdf = "01:00.0", .class_id = 0x0300, .group = 1, .driver = "vfio-pci"}});
    EXPECT_EQ(only(review_host(noted), "held-for-vfio").severity, Severity::Note);
    EXPECT_EQ(review_exit_code(review_host(noted)), 0);
    // A confirmation: 1.
    auto confirm = make_topology({{.bdf = "01:00.0", .class_id = 0x0300, .group = 1, .driver = "amdgpu"}},
                                 {"pcie_acs_override=downstream,multifunction"});
    EXPECT_EQ(review_exit_code(review_host(confirm)), 1);
    // A blocker: 2.
    EXPECT_EQ(review_exit_code(review_host(review_host_fixture())), 2);
}

TEST(ReviewHost, FindingsComeBlockersFirst) {
    const auto r = review_host(review_host_fixture());
    EXPECT_TRUE(std::ranges::is_sorted(r.findings, {}, [](const ReviewFinding& f) { return static_cast<int>(f.severity); }));
}
