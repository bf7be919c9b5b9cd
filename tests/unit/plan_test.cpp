// The plan is Isola's reason to exist: the whole-group effect, and every refusal as a sentence.
#include <gtest/gtest.h>

#include <algorithm>
#include <format>

#include "plan/attach_plan.hpp"
#include "plan/describe_plan.hpp"
#include "topology_builder.hpp"

using namespace isola;
using namespace isola::test;

namespace {

// A desktop: GPU + HDMI audio in group 14 behind root port 00:03.1 (group 2); NVMe with / in
// group 3; NIC with the default route in group 15 with a second NIC; an SR-IOV PF in group 20.
Topology desktop() {
    std::vector<Device> devs;
    devs.push_back(make_device({.bdf = "00:03.1", .vendor = 0x1022, .device = 0x1483, .class_id = 0x0604, .type = PortType::RootPort, .group = 2, .driver = "pcieport", .acs = kRootPortAcs}));
    devs.push_back(make_device({.bdf = "0b:00.0", .vendor = 0x10de, .device = 0x1b80, .class_id = 0x0300, .group = 14, .parent = "00:03.1", .driver = "nouveau", .multifunction = true}));
    auto audio = make_device({.bdf = "0b:00.1", .vendor = 0x10de, .device = 0x10f0, .class_id = 0x0403, .group = 14, .parent = "00:03.1", .driver = "snd_hda_intel", .multifunction = true});
    audio.usage.sound = Fact<std::vector<SoundCard>>::known({{"card1", "NVidia"}});
    devs.push_back(audio);
    auto nvme = make_device({.bdf = "01:00.0", .vendor = 0x144d, .device = 0xa808, .class_id = 0x0108, .group = 3, .driver = "nvme"});
    nvme.usage.block = Fact<std::vector<BlockDevice>>::known({{"nvme0n1", {}, true, {{"nvme0n1p2", {"/"}, true, {}}}}});
    devs.push_back(nvme);
    auto nic = make_device({.bdf = "05:00.0", .device = 0x1533, .group = 15, .driver = "igb", .multifunction = true});
    nic.usage.net = Fact<std::vector<NetInterface>>::known({{"enp5s0f0", "up", {"192.0.2.10/24"}, true, false}});
    devs.push_back(nic);
    devs.push_back(make_device({.bdf = "05:00.1", .device = 0x1533, .group = 15, .driver = "igb", .multifunction = true}));
    auto pf = make_device({.bdf = "06:00.0", .device = 0x10c9, .group = 20, .driver = "igb"});
    pf.sriov.num_vfs = Fact<int>::known(2);
    pf.sriov.vfs = {*Bdf::parse("06:10.0"), *Bdf::parse("06:10.2")};
    devs.push_back(pf);
    HostFacts host;
    host.dev_iommu = Fact<bool>::known(false);
    host.vfio_cdev_support = Fact<bool>::known(false);
    return Topology(Source{SourceKind::LiveHost, "test", "", "", true}, host, std::move(devs), {}, {});
}

AttachRequest request(std::initializer_list<const char*> bdfs, const char* vm = "win11") {
    AttachRequest r;
    for (const char* b : bdfs) r.devices.push_back(*Bdf::parse(b));
    r.vm = vm;
    return r;
}

}  // namespace

TEST(Plan, GroupMateServingTheHostIsARefusalNamingDeviceGroupAndReason) {
    const auto plan = plan_attach(desktop(), request({"0b:00.0"}));
    ASSERT_EQ(plan.refusals.size(), 1u);
    EXPECT_EQ(describe(plan.refusals[0]),
              "cannot assign 0000:0b:00.0 to \"win11\": 0000:0b:00.1 in the same IOMMU group 14 is bound to "
              "snd_hda_intel and serves the host's sound card");
    EXPECT_EQ(describe_remedy(plan.refusals[0]),
              "select 0000:0b:00.1 too to hand it to the VM as well, or keep the whole group on the host");
    EXPECT_EQ(plan.refusals[0].holder, Bdf::parse("0b:00.1"));
}

TEST(Plan, SelectingTheWholeGroupBindsEveryEndpointAndAsksToConfirmTheSoundCard) {
    const auto plan = plan_attach(desktop(), request({"0b:00.0", "0b:00.1"}));
    EXPECT_FALSE(plan.refused());
    EXPECT_EQ(plan.groups, (std::vector<GroupId>{14}));
    ASSERT_EQ(plan.actions.size(), 2u);
    EXPECT_EQ(plan.actions[0].kind, ActionKind::BindVfio);
    EXPECT_EQ(plan.actions[0].from_driver, Fact<std::string>::known("nouveau"));
    EXPECT_EQ(plan.actions[1].from_driver, Fact<std::string>::known("snd_hda_intel"));
    EXPECT_TRUE(plan.needs_confirmation());
    EXPECT_EQ(describe_serves(plan.impacts.at(0)), "serves the host's sound card");
}

TEST(Plan, TheRootDiskIsRefused) {
    const auto plan = plan_attach(desktop(), request({"01:00.0"}));
    ASSERT_EQ(plan.refusals.size(), 1u);
    EXPECT_EQ(describe(plan.refusals[0]),
              "cannot assign 0000:01:00.0 to \"win11\": it holds the host's root filesystem (/ on nvme0n1p2)");
    EXPECT_EQ(describe_remedy(plan.refusals[0]), "the host cannot give away the disk it runs from");
}

TEST(Plan, TheDefaultRouteNicIsRefusedEvenAsAGroupMate) {
    const auto plan = plan_attach(desktop(), request({"05:00.1"}));
    ASSERT_EQ(plan.refusals.size(), 1u);
    EXPECT_EQ(describe(plan.refusals[0]),
              "cannot assign 0000:05:00.1 to \"win11\": 0000:05:00.0 in the same IOMMU group 15 is bound to igb and "
              "carries the host's default route (enp5s0f0)");
    EXPECT_EQ(describe_remedy(plan.refusals[0]), "move the host's default route to another interface first");
}

TEST(Plan, TwoVmsClaimingOneGroupIsARefusal) {
    auto r = request({"0b:00.0", "0b:00.1"});
    r.existing_claims = {{"linux-dev", *Bdf::parse("0b:00.1")}};
    const auto plan = plan_attach(desktop(), r);
    ASSERT_EQ(plan.refusals.size(), 1u);
    EXPECT_EQ(describe(plan.refusals[0]),
              "cannot assign 0000:0b:00.0 to \"win11\": 0000:0b:00.1 in the same IOMMU group 14 is already assigned "
              "to \"linux-dev\"");
    EXPECT_EQ(describe_remedy(plan.refusals[0]), "a group can belong to only one VM at a time");
}

TEST(Plan, SriovPfRemovesItsVfsFirst) {
    const auto plan = plan_attach(desktop(), request({"06:00.0"}));
    EXPECT_FALSE(plan.refused());
    ASSERT_EQ(plan.actions.size(), 1u);
    EXPECT_EQ(plan.actions[0].kind, ActionKind::RemoveVfsThenBind);
    EXPECT_EQ(describe_serves(plan.impacts.at(0)),
              "has 2 SR-IOV virtual functions enabled (0 bound to drivers), which must be removed first");
}

TEST(Plan, BadSelectionsAreSentences) {
    const auto plan = plan_attach(desktop(), request({"42:00.0", "00:03.1"}));
    ASSERT_EQ(plan.refusals.size(), 2u);
    EXPECT_EQ(describe(plan.refusals[0]),
              "cannot assign 0000:42:00.0 to \"win11\": there is no PCI function 0000:42:00.0 on this host");
    EXPECT_EQ(describe(plan.refusals[1]),
              "cannot assign 0000:00:03.1 to \"win11\": 0000:00:03.1 is a PCI bridge; only endpoints can be passed to "
              "a VM");
}

TEST(Plan, IommufdOnAKernelWithoutItIsRefused) {
    auto r = request({"0b:00.0", "0b:00.1"});
    r.backend = Backend::Iommufd;
    const auto plan = plan_attach(desktop(), r);
    ASSERT_EQ(plan.refusals.size(), 1u);
    EXPECT_EQ(describe(plan.refusals[0]),
              "cannot assign 0000:0b:00.0 to \"win11\": this kernel offers no iommufd (/dev/iommu) or no VFIO device "
              "cdevs (/dev/vfio/devices)");
}

TEST(Plan, DeviceWithoutGroupIsRefused) {
    auto t = make_topology({{.bdf = "01:00.0", .driver = "e1000e"}});
    const auto plan = plan_attach(t, request({"01:00.0"}));
    ASSERT_EQ(plan.refusals.size(), 1u);
    EXPECT_EQ(describe(plan.refusals[0]),
              "cannot assign 0000:01:00.0 to \"win11\": 0000:01:00.0 has no IOMMU group, so VFIO cannot isolate it");
}

TEST(Plan, FingerprintFollowsTheFactsThePlanRestsOn) {
    const auto a = plan_attach(desktop(), request({"0b:00.0", "0b:00.1"}));
    const auto b = plan_attach(desktop(), request({"0b:00.0", "0b:00.1"}));
    EXPECT_EQ(a.fingerprint, b.fingerprint);
    EXPECT_EQ(a.fingerprint.size(), 16u);

    auto changed = desktop().devices();
    for (auto& d : changed)
        if (d.address == *Bdf::parse("0b:00.1")) d.driver = Fact<std::string>::known("vfio-pci");
    Topology t2(Source{}, desktop().host(), changed, {}, {});
    EXPECT_NE(plan_attach(t2, request({"0b:00.0", "0b:00.1"})).fingerprint, a.fingerprint);
    // A change outside the plan's groups does not matter to it.
    for (auto& d : changed)
        if (d.address == *Bdf::parse("0b:00.1")) d.driver = Fact<std::string>::known("snd_hda_intel");
    for (auto& d : changed)
        if (d.address == *Bdf::parse("05:00.1")) d.driver = Fact<std::string>::known("vfio-pci");
    Topology t3(Source{}, desktop().host(), changed, {}, {});
    EXPECT_EQ(plan_attach(t3, request({"0b:00.0", "0b:00.1"})).fingerprint, a.fingerprint);
}

// SR-IOV: a PF with 63 VFs, each VF in its own group (ACS below the root port), VFs on bus 07 in
// slots 00..07 — eight VFs share each slot, which made every sibling look like a "companion".
namespace {

Topology sriov_host() {
    std::vector<Device> devs;
    auto pf = make_device({.bdf = "06:00.0", .device = 0x10c9, .group = 20, .driver = "igb"});
    pf.sriov.num_vfs = Fact<int>::known(63);
    pf.sriov.total_vfs = Fact<int>::known(63);
    std::vector<IommuGroup> groups{{20, {}, {*Bdf::parse("06:00.0")}, false}};
    for (int i = 0; i < 63; ++i) {
        const auto bdf = std::format("07:{:02x}.{}", i / 8, i % 8);
        auto vf = make_device({.bdf = bdf.c_str(), .device = 0x10ca, .group = static_cast<GroupId>(100 + i), .driver = "igbvf"});
        vf.sriov.physfn = *Bdf::parse("06:00.0");
        pf.sriov.vfs.push_back(vf.address);
        groups.push_back({static_cast<GroupId>(100 + i), {}, {vf.address}, false});
        devs.push_back(std::move(vf));
    }
    devs.push_back(std::move(pf));
    return Topology(Source{SourceKind::LiveHost, "test", "", "", true}, HostFacts{}, std::move(devs), std::move(groups), {});
}

}  // namespace

TEST(Plan, OneVfOfSixtyThreeHasNoNoteAboutItsSiblingsButSaysWhatItNeedsFromThePf) {
    const auto plan = plan_attach(sriov_host(), request({"07:00.3"}));
    EXPECT_FALSE(plan.refused());
    for (const auto& i : plan.impacts) EXPECT_NE(i.kind, ImpactKind::CompanionFunction) << describe(i);
    ASSERT_EQ(plan.impacts.size(), 1u);
    EXPECT_EQ(plan.impacts[0].kind, ImpactKind::NeedsPhysicalFunction);
    EXPECT_EQ(plan.impacts[0].severity, Severity::Note);
    EXPECT_EQ(plan.impacts[0].device, Bdf::parse("07:00.3"));
    EXPECT_EQ(describe_serves(plan.impacts[0]),
              "is a virtual function of 0000:06:00.0, which must keep its driver (igb) and its 63 VFs while the VM "
              "uses it: unbinding that PF or changing its sriov_numvfs removes this device from the VM");
    ASSERT_EQ(plan.actions.size(), 1u);
    EXPECT_EQ(plan.actions[0].kind, ActionKind::BindVfio);
}

// A source that does not say what the host uses a device for (a pasted listing) cannot promise the
// host will not notice: every endpoint leaving its driver needs confirmation, a group-mate too,
// but not knowing is no refusal.
TEST(Plan, UsageTheSourceDoesNotTellIsConfirmedNotRefusedNorAssumedFree) {
    std::vector<Device> devs;
    for (const char* bdf : {"0b:00.0", "0b:00.1"}) {
        auto d = make_device({.bdf = bdf, .vendor = 0x10de, .device = 0x1b80, .class_id = 0x0300, .group = 14,
                              .driver = "nouveau", .multifunction = true});
        d.usage = DeviceUsage::unknown("not in a pasted listing");
        devs.push_back(std::move(d));
    }
    const Topology t(Source{SourceKind::Listing, "paste.txt", "iommu-loop", "", false}, HostFacts{}, std::move(devs), {}, {});
    const AttachPlan plan = plan_attach(t, {.devices = {*Bdf::parse("0b:00.0")}, .vm = "win11"});
    EXPECT_TRUE(plan.refusals.empty()) << (plan.refusals.empty() ? "" : describe(plan.refusals.front()));
    std::vector<std::string> unknown;
    for (const auto& i : plan.impacts)
        if (i.kind == ImpactKind::UsageUnknown) {
            EXPECT_EQ(i.severity, Severity::Confirm);
            unknown.push_back(describe(i));
        }
    EXPECT_EQ(unknown, (std::vector<std::string>{
                           "0000:0b:00.0 may be in use by the host: whether it serves network, storage, display, USB "
                           "devices and sound is not known (not in a pasted listing); check on the host before it "
                           "leaves its driver",
                           "0000:0b:00.1 may be in use by the host: whether it serves network, storage, display, USB "
                           "devices and sound is not known (not in a pasted listing); check on the host before it "
                           "leaves its driver"}));
    EXPECT_TRUE(plan.needs_confirmation());
    // Known to be unused: no such impact.
    const AttachPlan known = plan_attach(desktop(), {.devices = {*Bdf::parse("0b:00.0"), *Bdf::parse("0b:00.1")}, .vm = "win11"});
    EXPECT_TRUE(std::ranges::none_of(known.impacts, [](const HostImpact& i) { return i.kind == ImpactKind::UsageUnknown; }));
}

namespace {

// What the kernel lets an unbind destroy without a word (lab ground truth): swap on a SATA
// partition, /home on an LV on another, a GPU whose DRM nodes a compositor holds open, a USB
// network adapter with the default route behind an xHCI controller.
Topology host_in_use() {
    using K = BlockHolder::Kind;
    std::vector<Device> devs;
    auto sata = make_device({.bdf = "03:00.0", .vendor = 0x1b21, .device = 0x0612, .class_id = 0x0106, .group = 8, .driver = "ahci"});
    BlockDevice sda{.name = "sda"};
    sda.partitions = {BlockDevice{.name = "sda1", .swap = true},
                      BlockDevice{.name = "sda2", .mountpoints = {"/home"},
                                  .holders = {{K::DeviceMapper, "dm-3", "vg1-home", {"/home"}, false, {}}}}};
    sata.usage.block = Fact<std::vector<BlockDevice>>::known({sda});
    devs.push_back(sata);
    devs.push_back(make_device({.bdf = "03:00.1", .vendor = 0x1b21, .device = 0x0613, .class_id = 0x0c03, .group = 8, .driver = "xhci_hcd"}));
    auto gpu = make_device({.bdf = "01:00.0", .vendor = 0x1002, .device = 0x73bf, .class_id = 0x0300, .group = 2, .driver = "amdgpu", .multifunction = true});
    gpu.usage.display = Fact<DisplayUse>::known(
        {.drm_cards = {"card0"},
         .openers = Fact<std::vector<DrmOpener>>::known({{"kwin_wayland", 1234, "card0"}, {"kwin_wayland", 1234, "renderD128"}})});
    devs.push_back(gpu);
    devs.push_back(make_device({.bdf = "01:00.1", .vendor = 0x1002, .device = 0xab28, .class_id = 0x0403, .group = 2, .driver = "snd_hda_intel", .multifunction = true}));
    auto igpu = make_device({.bdf = "00:02.0", .device = 0x3e92, .class_id = 0x0300, .group = 3, .driver = "i915"});
    igpu.usage.display = Fact<DisplayUse>::known(
        {.drm_cards = {"card1"},
         .openers = Fact<std::vector<DrmOpener>>::unknown("the open files of other users' processes can be read only as root")});
    devs.push_back(igpu);
    auto xhci = make_device({.bdf = "05:00.0", .vendor = 0x1912, .device = 0x0014, .class_id = 0x0c03, .group = 12, .driver = "xhci_hcd"});
    xhci.usage.net = Fact<std::vector<NetInterface>>::known({{"enx00e04c680001", "up", {"192.168.1.30/24"}, true, false}});
    xhci.usage.usb = Fact<std::vector<UsbDevice>>::known({{"3-1", "Realtek USB 10/100/1000 LAN", false, false}});
    devs.push_back(xhci);
    return Topology(Source{SourceKind::LiveHost, "test", "", "", true}, HostFacts{}, std::move(devs), {}, {});
}

std::vector<std::string> sentences(const AttachPlan& plan) {
    std::vector<std::string> out;
    for (const auto& r : plan.refusals) out.push_back(describe(r) + "; " + describe_remedy(r));
    return out;
}

}  // namespace

TEST(Plan, SwapAndStackedVolumesOnADiskAreRefusedOneSentenceEach) {
    const auto plan = plan_attach(host_in_use(), request({"03:00.0"}));
    EXPECT_EQ(sentences(plan),
              (std::vector<std::string>{
                  "cannot assign 0000:03:00.0 to \"win11\": it holds the host's swap space (sda1); turn that swap space "
                  "off first (swapoff /dev/sda1)",
                  "cannot assign 0000:03:00.0 to \"win11\": it holds sda2, which is part of device-mapper device "
                  "vg1-home (dm-3) mounted at /home; stop what uses it first: unmount its filesystems, turn off its swap "
                  "and deactivate the volumes (vgchange -an, cryptsetup close, mdadm --stop)"}));
    // The LV's mount is said once, with its volume, not again as a mount of sda2.
    EXPECT_TRUE(std::ranges::none_of(plan.refusals, [](const Refusal& r) {
        return r.impact && r.impact->kind == ImpactKind::MountedFilesystem;
    }));
}

TEST(Plan, AGroupMateWithSwapIsRefusedNamingIt) {
    const auto plan = plan_attach(host_in_use(), request({"03:00.1"}));
    ASSERT_EQ(plan.refusals.size(), 2u);
    EXPECT_EQ(describe(plan.refusals[0]),
              "cannot assign 0000:03:00.1 to \"win11\": 0000:03:00.0 in the same IOMMU group 8 is bound to ahci and holds "
              "the host's swap space (sda1)");
}

TEST(Plan, AGpuWhoseDrmNodesAProcessHoldsOpenIsRefusedNamingTheProcess) {
    const auto plan = plan_attach(host_in_use(), request({"01:00.0", "01:00.1"}));
    EXPECT_EQ(sentences(plan),
              (std::vector<std::string>{
                  "cannot assign 0000:01:00.0 to \"win11\": it is in use by kwin_wayland (pid 1234), which holds its DRM "
                  "nodes open (card0, renderD128); log out of the desktop session on this GPU or stop those programs "
                  "first"}));
    // Its HDMI audio alone: the GPU is a group-mate in use.
    const auto audio = plan_attach(host_in_use(), request({"01:00.1"}));
    ASSERT_FALSE(audio.refusals.empty());
    EXPECT_EQ(describe(audio.refusals[0]),
              "cannot assign 0000:01:00.1 to \"win11\": 0000:01:00.0 in the same IOMMU group 2 is bound to amdgpu and is "
              "in use by kwin_wayland (pid 1234), which holds its DRM nodes open (card0, renderD128)");
}

// Not knowing who holds the nodes open (other users' processes, not root) is no "nobody": the
// person confirms, as for any use the source cannot rule out.
TEST(Plan, DrmOpenersNotKnownAreConfirmedNotRefused) {
    const auto plan = plan_attach(host_in_use(), request({"00:02.0"}));
    EXPECT_TRUE(plan.refusals.empty()) << sentences(plan).front();
    EXPECT_TRUE(plan.needs_confirmation());
    auto it = std::ranges::find(plan.impacts, ImpactKind::DrmOpenersUnknown, &HostImpact::kind);
    ASSERT_NE(it, plan.impacts.end());
    EXPECT_EQ(it->severity, Severity::Confirm);
    EXPECT_EQ(describe(*it), "0000:00:02.0 may be in use by a program: whether a process holds its DRM nodes open is "
                             "not known (the open files of other users' processes can be read only as root)");
}

TEST(Plan, AUsbControllerWhoseUsbNetworkAdapterCarriesTheDefaultRouteIsRefused) {
    const auto plan = plan_attach(host_in_use(), request({"05:00.0"}));
    EXPECT_EQ(sentences(plan),
              (std::vector<std::string>{
                  "cannot assign 0000:05:00.0 to \"win11\": it carries the host's default route (enx00e04c680001); move "
                  "the host's default route to another interface first"}));
}

// The lab's shared group (two conventional e1000 behind a pcie-pci-bridge): a group-mate that
// cannot be reset is no use of the host but a property the VM takes along, so the plan asks
// the person to confirm it instead of refusing it as if the host needed the device.
TEST(Plan, AGroupMateWithoutAResetMethodIsConfirmedNotRefused) {
    std::vector<Device> devs;
    devs.push_back(make_device({.bdf = "01:00.0", .device = 0x29c0, .class_id = 0x0604, .type = PortType::PcieToPciBridge, .group = 6}));
    for (const char* bdf : {"02:01.0", "02:02.0"}) {
        auto nic = make_device({.bdf = bdf, .device = 0x100e, .type = PortType::Conventional, .group = 6, .parent = "01:00.0", .driver = "e1000"});
        nic.reset_methods = Fact<std::vector<std::string>>::known({});
        devs.push_back(nic);
    }
    const Topology t(Source{SourceKind::LiveHost, "test", "", "", true}, HostFacts{}, std::move(devs), {}, {});
    const auto plan = plan_attach(t, request({"02:01.0"}));
    EXPECT_FALSE(plan.refused()) << (plan.refusals.empty() ? "" : describe(plan.refusals[0]));
    EXPECT_TRUE(plan.needs_confirmation());
    std::vector<std::string> confirms;
    for (const auto& i : plan.impacts)
        if (i.severity == Severity::Confirm) confirms.push_back(i.device.str() + " " + describe_serves(i));
    EXPECT_EQ(confirms, (std::vector<std::string>{
                            "0000:02:01.0 cannot be reset (no reset method): a VM may not start a second time without a host reboot",
                            "0000:02:02.0 cannot be reset (no reset method): a VM may not start a second time without a host reboot",
                            "0000:02:02.0 is not selected but shares IOMMU group 6; it leaves e1000 for vfio-pci"}));
}

// A PF whose VFs are bound to drivers (a VM's vfio-pci, a container's iavf) cannot change: removing
// its VFs would pull them out from under their users.
TEST(Plan, APfWhoseVfsAreInUseIsRefused) {
    Topology t = desktop();
    std::vector<Device> devs(t.devices().begin(), t.devices().end());
    devs.push_back(make_device({.bdf = "06:10.0", .device = 0x10ca, .group = 21, .driver = "vfio-pci"}));
    devs.push_back(make_device({.bdf = "06:10.2", .device = 0x10ca, .group = 22, .driver = ""}));
    const Topology with_vfs(Source{SourceKind::LiveHost, "test", "", "", true}, t.host(), std::move(devs), {}, {});
    const auto plan = plan_attach(with_vfs, request({"06:00.0"}));
    ASSERT_EQ(plan.refusals.size(), 1u);
    EXPECT_EQ(describe(plan.refusals[0]) + "; " + describe_remedy(plan.refusals[0]),
              "cannot assign 0000:06:00.0 to \"win11\": it has 2 SR-IOV virtual functions enabled (1 bound to drivers), "
              "which must be removed first; stop the VMs and host drivers that use its VFs and unbind them first; Isola "
              "then removes the VFs itself (sriov_numvfs 0) and restores them later");
}
