// VM definitions against the host: each claim judged by plan_attach(), sentences verbatim.
#include <gtest/gtest.h>

#include "review_test_support.hpp"

using namespace isola;
using namespace isola::test;

namespace {

ClaimedDevice claim(const char* bdf, int line, std::optional<bool> managed = true, bool whole_slot = false) {
    return {*Bdf::parse(bdf), whole_slot, managed, "hostdev", line};
}

VmDefinition libvirt(std::string name, std::vector<ClaimedDevice> devices) {
    return {name, "", "/etc/libvirt/qemu/" + name + ".xml", "libvirt", std::move(devices), {}};
}

VmDefinition proxmox(std::string id, std::string name, std::vector<ClaimedDevice> devices) {
    for (auto& d : devices) d.managed.reset();
    return {std::move(name), id, "/etc/pve/qemu-server/" + id + ".conf", "proxmox", std::move(devices), {}};
}

}  // namespace

TEST(ReviewVms, ClaimingPartOfAGroupInLibvirtFailsWithQemusWords) {
    const std::vector vms{libvirt("win11", {claim("01:00.0", 31)})};
    const auto r = review_host(review_host_fixture(), vms);
    const auto f = only(r, "vm-partial-group", 1);
    EXPECT_EQ(f.severity, Severity::Blocker);
    EXPECT_EQ(f.sentence, "/etc/libvirt/qemu/win11.xml:31: \"win11\" claims 0000:01:00.0 (GP104 [GeForce GTX 1080]) "
        "but not 0000:01:00.1 (GP104 High Definition Audio Controller) on snd_hda_intel in the same IOMMU group 1: "
        "libvirt detaches only the devices a domain names, so QEMU fails to start it with \"group 1 is not viable\"; "
        "add 0000:01:00.1 to \"win11\" as well, or bind it to vfio-pci first");
    EXPECT_EQ(f.devices, bdfs({"01:00.0", "01:00.1"}));
    EXPECT_EQ(f.vms, std::vector<std::string>{"win11"});
    // The planner's refusal about the same group-mate is not repeated.
    EXPECT_TRUE(findings_with(r, "vm-claim-refused").empty());
}

TEST(ReviewVms, ClaimingPartOfAGroupInProxmoxTakesTheRestSilently) {
    const std::vector vms{proxmox("101", "nas", {claim("06:00.0", 4)})};
    const auto f = only(review_host(review_host_fixture(), vms), "vm-partial-group", 6);
    EXPECT_EQ(f.severity, Severity::Confirm);
    EXPECT_EQ(f.sentence, "/etc/pve/qemu-server/101.conf:4: \"nas\" (VM 101) claims 0000:06:00.0 (ASM1142 USB 3.1 Host "
        "Controller) but not 0000:07:00.0 (ASM1062 Serial ATA Controller) in the same IOMMU group 6: at VM start "
        "Proxmox binds every device of the group to vfio-pci, taking it from the host without asking, and does not "
        "give it back when the VM stops; name it in the VM's hostpci entries so the definition says what it takes, "
        "or give the card a slot with its own IOMMU group");
}

TEST(ReviewVms, TwoVmsClaimingOneGroupIsOneBlockerWithThePlannersSentence) {
    const std::vector vms{libvirt("linux", {claim("04:00.0", 40), claim("04:00.1", 45)}),
                          proxmox("100", "gaming", {claim("04:00.0", 3, std::nullopt, true)})};
    const auto r = review_host(review_host_fixture(), vms);
    const auto f = only(r, "vms-share-group", 4);
    EXPECT_EQ(f.severity, Severity::Blocker);
    EXPECT_EQ(f.sentence, "/etc/libvirt/qemu/linux.xml:40: cannot assign 0000:04:00.0 to \"linux\": it is already "
        "assigned to \"gaming\"; remove it from \"gaming\" first");
    EXPECT_EQ(f.vms, (std::vector<std::string>{"linux", "gaming"}));
    // The held group names both claimants.
    EXPECT_EQ(only(r, "held-for-vfio", 4).sentence, "IOMMU group 4 is ready for VFIO: 0000:04:00.0 (Tahiti XT [Radeon "
        "HD 7970]) on vfio-pci and 0000:04:00.1 (Tahiti XT HDMI Audio) on vfio-pci, and no endpoint of the group is "
        "on a host driver; claimed by \"gaming\" and \"linux\"");
}

TEST(ReviewVms, ClaimingTheRootDiskIsABlocker) {
    const std::vector vms{proxmox("101", "nas", {claim("02:00.0", 5)})};
    const auto f = only(review_host(review_host_fixture(), vms), "vm-claims-host-critical", 2);
    EXPECT_EQ(f.severity, Severity::Blocker);
    EXPECT_EQ(f.sentence, "/etc/pve/qemu-server/101.conf:5: cannot assign 0000:02:00.0 to \"nas\": it holds the host's "
        "root filesystem (/ on nvme0n1p2); the host cannot give away the disk it runs from");
}

TEST(ReviewVms, ClaimingANicNextToTheDefaultRouteIsABlocker) {
    const std::vector vms{libvirt("router", {claim("05:00.1", 12)})};
    const auto f = only(review_host(review_host_fixture(), vms), "vm-claims-host-critical", 5);
    EXPECT_EQ(f.sentence, "/etc/libvirt/qemu/router.xml:12: cannot assign 0000:05:00.1 to \"router\": 0000:05:00.0 in "
        "the same IOMMU group 5 is bound to igb and carries the host's default route (enp5s0f0); move the host's "
        "default route to another interface first");
    EXPECT_EQ(f.devices, bdfs({"05:00.0", "05:00.1"}));
}

TEST(ReviewVms, AGoneAddressIsABlocker) {
    const std::vector vms{libvirt("linux", {claim("0c:00.0", 52)})};
    const auto f = only(review_host(review_host_fixture(), vms), "vm-device-gone");
    EXPECT_EQ(f.severity, Severity::Blocker);
    EXPECT_EQ(f.sentence, "/etc/libvirt/qemu/linux.xml:52: cannot assign 0000:0c:00.0 to \"linux\": there is no PCI "
        "function 0000:0c:00.0 on this host; the card was removed or its address changed (a new card or a firmware "
        "setting can renumber the buses), so point the definition at its current address");
}

TEST(ReviewVms, AWholeSlotWithNothingInItIsGone) {
    const std::vector vms{proxmox("102", "", {claim("0d:00.0", 2, std::nullopt, true)})};
    const auto f = only(review_host(review_host_fixture(), vms), "vm-device-gone");
    EXPECT_EQ(f.sentence, "/etc/pve/qemu-server/102.conf:2: cannot assign 0000:0d:00.0 to \"VM 102\": there is no PCI "
        "function 0000:0d:00.0 on this host; the card was removed or its address changed (a new card or a firmware "
        "setting can renumber the buses), so point the definition at its current address");
}

TEST(ReviewVms, ABridgeIsRefusedWithThePlannersSentence) {
    const std::vector vms{libvirt("old", {claim("00:01.0", 20)})};
    const auto f = only(review_host(review_host_fixture(), vms), "vm-claim-refused", 1);
    EXPECT_EQ(f.sentence, "/etc/libvirt/qemu/old.xml:20: cannot assign 0000:00:01.0 to \"old\": 0000:00:01.0 is a PCI "
        "bridge; only endpoints can be passed to a VM; select the devices behind the bridge instead");
}

TEST(ReviewVms, UnmanagedDeviceOnAHostDriverCannotStart) {
    const std::vector vms{libvirt("win11", {claim("01:00.0", 31, std::nullopt), claim("01:00.1", 36, false)})};
    const auto r = review_host(review_host_fixture(), vms);
    const auto found = findings_with(r, "vm-unmanaged-on-host-driver");
    ASSERT_EQ(found.size(), 2u);
    EXPECT_EQ(found[0]->severity, Severity::Confirm);
    EXPECT_EQ(found[0]->sentence, "/etc/libvirt/qemu/win11.xml:31: \"win11\" claims 0000:01:00.0 (GP104 [GeForce GTX "
        "1080]) without managed='yes' (libvirt's default is 'no'), but it is bound to nouveau: libvirt will not "
        "detach it, so the VM fails to start until it is on vfio-pci; set managed='yes', or run virsh nodedev-detach "
        "pci_0000_01_00_0 before starting the VM");
    EXPECT_EQ(found[1]->sentence, "/etc/libvirt/qemu/win11.xml:36: \"win11\" claims 0000:01:00.1 (GP104 High "
        "Definition Audio Controller) with managed='no', but it is bound to snd_hda_intel: libvirt will not detach "
        "it, so the VM fails to start until it is on vfio-pci; set managed='yes', or run virsh nodedev-detach "
        "pci_0000_01_00_1 before starting the VM");
}

TEST(ReviewVms, DefinitionProblemsBecomeFindings) {
    VmDefinition broken{"", "", "/etc/libvirt/qemu/broken.xml", "libvirt", {}, {{"vm-file-unreadable", 3, "sentence"}}};
    const auto r = review_host(review_host_fixture(), std::vector{broken});
    const auto f = only(r, "vm-file-unreadable");
    EXPECT_EQ(f.severity, Severity::Confirm);
    EXPECT_EQ(f.sentence, "sentence");
    EXPECT_EQ(f.vms, std::vector<std::string>{"/etc/libvirt/qemu/broken.xml"});
}

TEST(ReviewVms, TheGroupTableShowsWhoClaimsWhat) {
    const std::vector vms{libvirt("linux", {claim("04:00.0", 40), claim("04:00.1", 45)})};
    const auto r = review_host(review_host_fixture(), vms);
    ASSERT_EQ(r.groups.size(), 8u);
    EXPECT_EQ(r.groups[4].state, GroupState::Viable);
    EXPECT_EQ(r.groups[4].members.at(0).claimed_by, std::vector<std::string>{"linux"});
    EXPECT_EQ(r.groups[4].members.at(0).driver, std::optional<std::string>("vfio-pci"));
    EXPECT_EQ(r.vm_sources, std::vector<std::string>{"linux (libvirt, /etc/libvirt/qemu/linux.xml)"});
}

TEST(ReviewVms, AMappedAddressHoldingAnotherCardIsABlocker) {
    // The mapping recorded an RX 6800 at 04:00.0; the host now has the Radeon HD 7970 there.
    auto c = claim("04:00.0", 7);
    c.entry = "hostpci0";
    c.expected = ExpectedIdentity{.vendor_id = 0x1002, .device_id = 0x73bf, .mapping = "gpu"};
    const std::vector vms{proxmox("100", "gaming", {c})};
    const Review r = review_host(review_host_fixture(), vms);
    const auto f = only(r, "vm-device-changed");
    EXPECT_EQ(f.severity, Severity::Blocker);
    EXPECT_EQ(f.sentence, "/etc/pve/qemu-server/100.conf:7: \"gaming\" (VM 100) claims 0000:04:00.0 through the resource "
        "mapping \"gpu\" as 1002:73bf, but that address now holds 1002:6798 (Tahiti XT [Radeon HD 7970]); Proxmox "
        "refuses to start the VM this way: point the mapping at the card's current address (Datacenter → Resource "
        "Mappings), or put the card back");
    EXPECT_EQ(f.devices, bdfs({"04:00.0"}));
    EXPECT_EQ(f.group, 4u);
    // The changed claim is not judged as a claim of the card that is there now: nothing else about the VM.
    EXPECT_EQ(std::ranges::count_if(r.findings, [](const ReviewFinding& x) { return !x.vms.empty() && x.vms[0] == "gaming"; }), 1);

    // Recorded as what is there: no finding of this kind.
    c.expected->device_id = 0x6798;
    EXPECT_TRUE(findings_with(review_host(review_host_fixture(), std::vector{proxmox("100", "gaming", {c})}),
                              "vm-device-changed")
                    .empty());
}
