// Every kind of plan sentence, said from its typed value, verbatim — in English, and through the
// German and French catalogs the build compiled.
#include <gtest/gtest.h>

#include <clocale>
#include <set>
#include <cstdlib>
#include <string>

#include "plan/attach_plan.hpp"
#include "plan/describe_plan.hpp"
#include "text/message.hpp"

#include "support/speaking.hpp"

using namespace isola;
using isola::test::Speaking;

namespace {

const Bdf kGpu = *Bdf::parse("0b:00.0");
const Bdf kAudio = *Bdf::parse("0b:00.1");

Refusal refusal(RefusalKind kind) {
    return {.kind = kind, .device = kGpu, .group = 14, .holder = kAudio, .vm = "win11", .driver = "snd_hda_intel",
            .other_vm = "linux"};
}

HostImpact impact(ImpactKind kind, Severity severity = Severity::Blocker) {
    return {.severity = severity, .kind = kind, .device = kAudio};
}

}  // namespace

TEST(DescribePlan, EveryRefusalKindInEnglish) {
    const std::string p = "cannot assign 0000:0b:00.0 to \"win11\": ";
    Refusal no_vm{.kind = RefusalKind::NoVmName};
    EXPECT_EQ(describe(no_vm), "cannot plan an attach without a VM name");
    EXPECT_EQ(describe_remedy(no_vm), "name the target VM (--vm NAME)");
    Refusal no_devices{.kind = RefusalKind::NoDevices, .vm = "win11"};
    EXPECT_EQ(describe(no_devices), "cannot plan an attach of no devices");
    EXPECT_EQ(describe_remedy(no_devices), "name at least one device address");
    EXPECT_EQ(describe(refusal(RefusalKind::NoSuchDevice)), p + "there is no PCI function 0000:0b:00.0 on this host");
    EXPECT_EQ(describe_remedy(refusal(RefusalKind::NoSuchDevice)), "check the address with 'isolactl scan'");
    EXPECT_EQ(describe(refusal(RefusalKind::NoGroup)), p + "0000:0b:00.0 has no IOMMU group, so VFIO cannot isolate it");
    EXPECT_EQ(describe_remedy(refusal(RefusalKind::NoGroup)),
              "enable VT-d (Intel) or AMD-Vi (AMD) in the firmware and boot with the IOMMU on");
    EXPECT_EQ(describe(refusal(RefusalKind::IsBridge)),
              p + "0000:0b:00.0 is a PCI bridge; only endpoints can be passed to a VM");
    EXPECT_EQ(describe_remedy(refusal(RefusalKind::IsBridge)), "select the devices behind the bridge instead");
    EXPECT_EQ(describe(refusal(RefusalKind::NoIommuGroup)),
              p + "IOMMU group 14 is a VFIO no-IOMMU group, which gives the VM unrestricted DMA to all host memory");
    EXPECT_EQ(describe_remedy(refusal(RefusalKind::NoIommuGroup)),
              "enable a real IOMMU; no-IOMMU mode is for trusted user-space drivers, not VMs");

    auto needs = refusal(RefusalKind::HostNeedsDevice);
    needs.impact = impact(ImpactKind::ConsoleDisplay);
    EXPECT_EQ(describe(needs), p + "it drives the host's console");
    EXPECT_EQ(describe_remedy(needs), "move the console to another GPU (or a serial console) first");

    auto mate = refusal(RefusalKind::GroupMateServesHost);
    mate.impact = impact(ImpactKind::SoundCard, Severity::Confirm);
    EXPECT_EQ(describe(mate), p + "0000:0b:00.1 in the same IOMMU group 14 is bound to snd_hda_intel and serves the "
                                  "host's sound card");
    EXPECT_EQ(describe_remedy(mate),
              "select 0000:0b:00.1 too to hand it to the VM as well, or keep the whole group on the host");
    mate.driver.clear();
    mate.impact = impact(ImpactKind::RootFilesystem);
    mate.impact->name = "nvme0n1p2";
    EXPECT_EQ(describe(mate), p + "0000:0b:00.1 in the same IOMMU group 14 is bound to no driver and holds the host's "
                                  "root filesystem (/ on nvme0n1p2)");
    EXPECT_EQ(describe_remedy(mate), "the host cannot give away the disk it runs from");

    EXPECT_EQ(describe(refusal(RefusalKind::AlreadyAssigned)), p + "it is already assigned to \"linux\"");
    EXPECT_EQ(describe_remedy(refusal(RefusalKind::AlreadyAssigned)), "remove it from \"linux\" first");
    EXPECT_EQ(describe(refusal(RefusalKind::GroupMateAssigned)),
              p + "0000:0b:00.1 in the same IOMMU group 14 is already assigned to \"linux\"");
    EXPECT_EQ(describe_remedy(refusal(RefusalKind::GroupMateAssigned)), "a group can belong to only one VM at a time");
    EXPECT_EQ(describe(refusal(RefusalKind::NoIommufd)),
              p + "this kernel offers no iommufd (/dev/iommu) or no VFIO device cdevs (/dev/vfio/devices)");
    EXPECT_EQ(describe_remedy(refusal(RefusalKind::NoIommufd)),
              "use the legacy VFIO container backend, or a kernel with CONFIG_IOMMUFD and CONFIG_VFIO_DEVICE_CDEV");
}

TEST(DescribePlan, EveryImpactKindInEnglish) {
    auto with = [](ImpactKind k, auto&& fill) {
        HostImpact i = impact(k);
        fill(i);
        return describe(i);
    };
    auto none = [](HostImpact&) {};
    EXPECT_EQ(with(ImpactKind::RootFilesystem, [](HostImpact& i) { i.name = "nvme0n1p2"; }),
              "0000:0b:00.1 holds the host's root filesystem (/ on nvme0n1p2)");
    EXPECT_EQ(with(ImpactKind::MountedFilesystem, [](HostImpact& i) { i.mounts = {{"/home", "sda1"}, {"/srv", "sda2"}}; }),
              "0000:0b:00.1 holds mounted filesystems (/home on sda1, /srv on sda2)");
    EXPECT_EQ(with(ImpactKind::SwapSpace, [](HostImpact& i) { i.name = "sda1"; }),
              "0000:0b:00.1 holds the host's swap space (sda1)");
    EXPECT_EQ(with(ImpactKind::StackedVolume,
                   [](HostImpact& i) {
                       i.name = "nvme0n1p2";
                       using K = BlockHolder::Kind;
                       i.holders = {{K::DeviceMapper, "dm-0", "cryptroot", {}, false,
                                     {{K::DeviceMapper, "dm-1", "vg0-home", {"/home"}, false, {}},
                                      {K::DeviceMapper, "dm-2", "vg0-swap", {}, true, {}}}},
                                    {K::Md, "md127", "", {"/srv", "/var"}, false, {}},
                                    {K::Other, "bcache0", "", {}, false, {}}};
                   }),
              "0000:0b:00.1 holds nvme0n1p2, which is part of device-mapper device cryptroot (dm-0) holding "
              "device-mapper device vg0-home (dm-1) mounted at /home and device-mapper device vg0-swap (dm-2) used as "
              "swap space, RAID array md127 mounted at /srv, /var and bcache0");
    EXPECT_EQ(with(ImpactKind::DrmNodeOpen,
                   [](HostImpact& i) {
                       i.openers = {{"kwin_wayland", 1234, "card0"}, {"kwin_wayland", 1234, "renderD128"},
                                    {"Xwayland", 1301, "renderD128"}};
                   }),
              "0000:0b:00.1 is in use by kwin_wayland (pid 1234) and Xwayland (pid 1301), which hold its DRM nodes "
              "open (card0, renderD128)");
    EXPECT_EQ(with(ImpactKind::DrmNodeOpen, [](HostImpact& i) { i.openers = {{"ollama", 4242, "renderD129"}}; }),
              "0000:0b:00.1 is in use by ollama (pid 4242), which holds its DRM nodes open (renderD129)");
    EXPECT_EQ(with(ImpactKind::DrmOpenersUnknown,
                   [](HostImpact& i) { i.why_unknown = "the open files of other users' processes can be read only as root"; }),
              "0000:0b:00.1 may be in use by a program: whether a process holds its DRM nodes open is not known (the "
              "open files of other users' processes can be read only as root)");
    EXPECT_EQ(with(ImpactKind::DefaultRoute, [](HostImpact& i) { i.name = "enp5s0"; }),
              "0000:0b:00.1 carries the host's default route (enp5s0)");
    EXPECT_EQ(with(ImpactKind::NetworkUp, [](HostImpact& i) { i.name = "enp5s0"; }),
              "0000:0b:00.1 is the host's network interface enp5s0, which is up");
    EXPECT_EQ(with(ImpactKind::NetworkDown, [](HostImpact& i) { i.name = "enp5s0"; }),
              "0000:0b:00.1 is the host's network interface enp5s0 (down)");
    EXPECT_EQ(with(ImpactKind::ConsoleDisplay, none), "0000:0b:00.1 drives the host's console");
    EXPECT_EQ(with(ImpactKind::Display, [](HostImpact& i) { i.items = {"card0", "card1"}; }),
              "0000:0b:00.1 is a display of the host (card0, card1)");
    EXPECT_EQ(with(ImpactKind::BootGpu, none),
              "0000:0b:00.1 is the boot GPU: firmware initialised it, so the VM may need its ROM as a romfile");
    EXPECT_EQ(with(ImpactKind::OnlyKeyboard, [](HostImpact& i) { i.items = {"Logitech USB Keyboard"}; }),
              "0000:0b:00.1 has the host's only keyboard attached (Logitech USB Keyboard)");
    EXPECT_EQ(with(ImpactKind::UsbDevices, [](HostImpact& i) { i.items = {"a", "b"}; }),
              "0000:0b:00.1 has USB devices attached (a, b)");
    EXPECT_EQ(with(ImpactKind::SoundCard, none), "0000:0b:00.1 serves the host's sound card");
    EXPECT_EQ(with(ImpactKind::ChipsetFunction, [](HostImpact& i) { i.name = "SMBus controller"; }),
              "0000:0b:00.1 is the chipset's SMBus controller");
    EXPECT_EQ(with(ImpactKind::SriovVfsInUse, [](HostImpact& i) { i.count = 1; }),
              "0000:0b:00.1 has 1 SR-IOV virtual function enabled (0 bound to a driver), which must be removed first");
    EXPECT_EQ(with(ImpactKind::SriovVfsInUse, [](HostImpact& i) { i.count = 7; i.bound = 2; }),
              "0000:0b:00.1 has 7 SR-IOV virtual functions enabled (2 bound to drivers), which must be removed first");
    EXPECT_EQ(with(ImpactKind::NoReset, none),
              "0000:0b:00.1 cannot be reset (no reset method): a VM may not start a second time without a host reboot");
    EXPECT_EQ(with(ImpactKind::LeavesHostDriver, [](HostImpact& i) { i.count = 15; i.driver = "igb"; }),
              "0000:0b:00.1 is not selected but shares IOMMU group 15; it leaves igb for vfio-pci");
    EXPECT_EQ(with(ImpactKind::UnknownDriver, none),
              "0000:0b:00.1 has an unknown driver (not recorded); if a host driver holds it, the host loses it to vfio-pci");
    EXPECT_EQ(with(ImpactKind::UsageUnknown,
                   [](HostImpact& i) {
                       i.items = {"network", "storage", "display"};
                       i.why_unknown = "not in a pasted listing";
                   }),
              "0000:0b:00.1 may be in use by the host: whether it serves network, storage and display is not known (not "
              "in a pasted listing); check on the host before it leaves its driver");
    EXPECT_EQ(with(ImpactKind::CompanionFunction, [](HostImpact& i) { i.name = "GP104 HDMI Audio"; i.count = 17; }),
              "0000:0b:00.1 is another function of the same device (GP104 HDMI Audio) in IOMMU group 17, not selected; "
              "the VM will not see it");
    EXPECT_EQ(with(ImpactKind::NeedsPhysicalFunction, [](HostImpact& i) { i.name = "0000:06:00.0"; i.count = 1; i.driver = "igb"; }),
              "0000:0b:00.1 is a virtual function of 0000:06:00.0, which must keep its driver (igb) and its 1 VF while "
              "the VM uses it: unbinding that PF or changing its sriov_numvfs removes this device from the VM");
    EXPECT_EQ(with(ImpactKind::NeedsPhysicalFunction, [](HostImpact& i) { i.name = "0000:06:00.0"; i.count = -1; }),
              "0000:0b:00.1 is a virtual function of 0000:06:00.0, which must keep its driver and its VFs while the VM "
              "uses it: unbinding that PF or changing its sriov_numvfs removes this device from the VM");
}

TEST(DescribePlan, GermanAndFrenchFromTheCatalogs) {
    auto mate = refusal(RefusalKind::GroupMateServesHost);
    mate.impact = impact(ImpactKind::SoundCard, Severity::Confirm);
    HostImpact vfs = impact(ImpactKind::SriovVfsInUse);
    vfs.count = 7;
    vfs.bound = 2;
    {
        Speaking de("de_DE.UTF-8");
        ASSERT_TRUE(de.ok()) << "the de_DE.UTF-8 locale is not installed (the build root generates it)";
        EXPECT_EQ(describe(mate), "kann 0000:0b:00.0 nicht an „win11“ übergeben: 0000:0b:00.1 in derselben IOMMU-Gruppe "
                                  "14 ist an snd_hda_intel gebunden und bedient die Soundkarte des Hosts");
        EXPECT_EQ(describe_remedy(mate), "wählen Sie 0000:0b:00.1 ebenfalls, um es auch an die VM zu geben, oder lassen "
                                         "Sie die ganze Gruppe beim Host");
        EXPECT_EQ(describe(vfs), "0000:0b:00.1 hat 7 virtuelle SR-IOV-Funktionen aktiviert (2 an Treiber gebunden), die "
                                 "zuerst entfernt werden müssen");
        // "{0} on {1}" is in the catalog twice, in two contexts (msgctxt): this is the mount's.
        HostImpact mounts = impact(ImpactKind::MountedFilesystem);
        mounts.mounts = {{"/home", "sda1"}, {"/srv", "sda2"}};
        EXPECT_EQ(describe(mounts), "0000:0b:00.1 hält eingehängte Dateisysteme (/home auf sda1, /srv auf sda2)");
        // Words in a context the catalog does not have, or without one, stay English rather than
        // borrowing another context's translation.
        EXPECT_EQ(say_in("a context no catalog has", "{0} on {1}", "/home", "sda1"), "/home on sda1");
        EXPECT_EQ(say("{0} on {1}", "/home", "sda1"), "/home on sda1");
    }
    {
        Speaking fr("fr_FR.UTF-8");
        ASSERT_TRUE(fr.ok()) << "the fr_FR.UTF-8 locale is not installed (the build root generates it)";
        EXPECT_EQ(describe(mate), "impossible d’attribuer 0000:0b:00.0 à « win11 » : 0000:0b:00.1, dans le même groupe "
                                  "IOMMU 14, est lié à snd_hda_intel et sert la carte son de l’hôte");
        vfs.count = 1;
        vfs.bound = 1;
        EXPECT_EQ(describe(vfs), "0000:0b:00.1 a 1 fonction virtuelle SR-IOV activée (1 liée à un pilote), qu’il faut "
                                 "d’abord supprimer");
    }
    // Back in the C locale: English again.
    EXPECT_EQ(describe_serves(*mate.impact), "serves the host's sound card");
}

TEST(DescribePlan, EveryKindHasItsOwnStableName) {
    std::set<std::string_view> names;
    for (auto k : {RefusalKind::NoVmName, RefusalKind::NoDevices, RefusalKind::NoSuchDevice, RefusalKind::NoGroup,
                   RefusalKind::IsBridge, RefusalKind::NoIommuGroup, RefusalKind::HostNeedsDevice,
                   RefusalKind::GroupMateServesHost, RefusalKind::AlreadyAssigned, RefusalKind::GroupMateAssigned,
                   RefusalKind::NoIommufd})
        EXPECT_TRUE(names.insert(to_string(k)).second) << to_string(k);
    EXPECT_FALSE(names.contains("unknown"));
    EXPECT_EQ(to_string(RefusalKind::GroupMateServesHost), "group-mate-serves-host");
    EXPECT_EQ(to_string(ImpactKind::NeedsPhysicalFunction), "needs-physical-function");
    EXPECT_EQ(to_string(Severity::Confirm), "needs-confirmation");
    EXPECT_EQ(backend_from_string("iommufd"), Backend::Iommufd);
    EXPECT_EQ(backend_from_string("vfio"), std::nullopt);
    EXPECT_EQ(to_string(Backend::LegacyContainer), "legacy");
}
