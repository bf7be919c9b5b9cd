// Every kind of review sentence, said from its typed value, verbatim — in English, and a few
// through the German and French catalogs the build compiled.
#include <gtest/gtest.h>

#include <clocale>
#include <cstdlib>
#include <string>

#include "review/describe_findings.hpp"
#include "text/message.hpp"

#include "support/speaking.hpp"

using namespace isola;
using isola::test::Speaking;
using namespace isola::review_detail;

namespace {

const std::string kGpu = "0000:03:00.0 (Tahiti XT [Radeon HD 7970])";
const std::string kAudio = "0000:03:00.1 (Tahiti XT HDMI Audio)";
const std::string kNic = "0000:05:00.0 (I350 Gigabit Network Connection)";

HostImpact impact(ImpactKind kind, std::string name = {}) {
    return {.severity = Severity::Blocker, .kind = kind, .device = *Bdf::parse("05:00.0"), .name = std::move(name)};
}

Refusal gone() {
    return {.kind = RefusalKind::NoSuchDevice, .device = *Bdf::parse("0a:00.0"), .vm = "win11"};
}

Refusal assigned() {
    return {.kind = RefusalKind::AlreadyAssigned, .device = *Bdf::parse("04:00.0"), .group = 4, .vm = "win11",
            .other_vm = "linux"};
}

FindingDetail mixed() {
    return {.kind = FindingKind::MixedGroup,
            .group = 3,
            .addresses = {"0000:03:00.0"},
            .held = {{kGpu, "vfio-pci"}},
            .host = {{kAudio, "snd_hda_intel"}}};
}

ProblemDetail mapping_problem(ProblemKind kind) {
    return {.kind = kind,
            .file = "/etc/pve/qemu-server/100.conf",
            .line = 7,
            .vm = "\"gaming\" (VM 100)",
            .entry = "hostpci0",
            .name = "gpu",
            .value = "pve1",
            .other_file = "/etc/pve/mapping/pci.cfg",
            .other_line = 3,
            .count = 2};
}

}  // namespace

TEST(DescribeFindings, HostFindingsInEnglish) {
    EXPECT_EQ(describe(FindingDetail{.kind = FindingKind::NoGroupData, .origin = "lspci.txt"}),
              "lspci.txt has no IOMMU group data, so no group can be reviewed: it may come from a host with the IOMMU "
              "off or from a command that does not print groups (lspci without -v); capture "
              "/sys/kernel/iommu_groups/*/devices/* on that host and review again");
    EXPECT_EQ(describe(FindingDetail{.kind = FindingKind::IommuPassthrough}),
              "The IOMMU runs in passthrough mode (iommu=pt): DMA from the devices the host keeps is not translated, "
              "so they can reach all host memory, but groups handed to VFIO are still isolated");
    const std::string acs_tail =
        " as isolated, so IOMMU groups may be smaller than what the hardware isolates and a group boundary does not "
        "prove isolation; devices it split apart can still reach each other by peer-to-peer DMA, so boot once "
        "without it to see the real groups before passing devices to a VM you do not trust";
    EXPECT_EQ(describe(FindingDetail{.kind = FindingKind::AcsOverride,
                                     .parameter = "pcie_acs_override=downstream,multifunction,id:10de:1b80",
                                     .acs = {.downstream = true, .multifunction = true, .ids = {{0x10de, 0x1b80}}}}),
              "The ACS override (pcie_acs_override=downstream,multifunction,id:10de:1b80) is active: the kernel treats "
              "root and downstream ports without ACS, functions of multifunction devices without ACS and devices "
              "with ID 10de:1b80" + acs_tail);
    EXPECT_EQ(describe(FindingDetail{.kind = FindingKind::AcsOverride, .parameter = "pcie_acs_override=x"}),
              "The ACS override (pcie_acs_override=x) is active: the kernel treats the devices it names" + acs_tail);
    EXPECT_EQ(describe(FindingDetail{.kind = FindingKind::IdBindingCatchesTwins,
                                     .parameter = "vfio-pci",
                                     .entry = "1002:6798",
                                     .id = "1002:6798",
                                     .driver = "vfio-pci",
                                     .devices = {kGpu, "0000:04:00.0 (Tahiti XT [Radeon HD 7970])"}}),
              "vfio-pci.ids=1002:6798 on the kernel command line binds every device with ID 1002:6798 to vfio-pci at "
              "boot, and 2 devices here have it: 0000:03:00.0 (Tahiti XT [Radeon HD 7970]) and 0000:04:00.0 (Tahiti "
              "XT [Radeon HD 7970]); the host cannot keep any of them, so to keep one, bind the others by address "
              "instead (driverctl set-override ADDRESS vfio-pci) and drop the ID");
    const std::string listing = "lspci.txt is a pasted listing, which does not show what the host uses its devices "
                                "for (root filesystem, default-route network interface, console GPU): host-critical "
                                "here means chipset functions (host bridge, ISA bridge, SMBus, RAM controller) and the "
                                "groups they share";
    const std::string listing_end = "; review the host itself (isolactl review) before passing devices through";
    EXPECT_EQ(describe(FindingDetail{.kind = FindingKind::ListingLimits, .origin = "lspci.txt"}), listing + listing_end);
    EXPECT_EQ(describe(FindingDetail{.kind = FindingKind::ListingLimits, .origin = "lspci.txt", .drivers_shown = false}),
              listing + ", and it shows no drivers, so groups that mix vfio-pci and host drivers cannot be seen" +
                  listing_end);
    EXPECT_EQ(describe(FindingDetail{.kind = FindingKind::NoIommuGroup, .group = 7, .devices = {kNic}}),
              "IOMMU group 7 is a VFIO no-IOMMU group: 0000:05:00.0 (I350 Gigabit Network Connection) has no DMA "
              "isolation at all, so a VM given it could read and write all host memory; no-IOMMU mode is for trusted "
              "user-space drivers (such as DPDK), never for VMs");
    EXPECT_EQ(describe(FindingDetail{.kind = FindingKind::NoIommuGroup, .group = 7, .devices = {kGpu, kAudio}}),
              "IOMMU group 7 is a VFIO no-IOMMU group: " + kGpu + " and " + kAudio + " have no DMA isolation at all, "
              "so a VM given them could read and write all host memory; no-IOMMU mode is for trusted user-space "
              "drivers (such as DPDK), never for VMs");
    EXPECT_EQ(describe(mixed()),
              "IOMMU group 3 is not viable: it holds 0000:03:00.0 (Tahiti XT [Radeon HD 7970]) on vfio-pci next to "
              "0000:03:00.1 (Tahiti XT HDMI Audio) on snd_hda_intel; a VM given the group fails to start with \"group "
              "3 is not viable\", so bind every endpoint of the group to vfio-pci, or return 0000:03:00.0 to the host");
    EXPECT_EQ(describe(FindingDetail{.kind = FindingKind::CandidateWithHostCritical,
                                     .group = 5,
                                     .devices = {"0000:05:00.1 (I350)"},
                                     .serving = {{kNic, impact(ImpactKind::DefaultRoute, "enp5s0f0")}}}),
              "0000:05:00.1 (I350) in IOMMU group 5 cannot be passed to a VM without taking what the host needs with "
              "it: 0000:05:00.0 (I350 Gigabit Network Connection) carries the host's default route (enp5s0f0); VFIO "
              "takes whole groups, so keep it on the host, or give a plug-in card a slot with its own IOMMU group");
    EXPECT_EQ(describe(FindingDetail{.kind = FindingKind::CandidateWithHostCritical,
                                     .group = 5,
                                     .devices = {"0000:05:00.1 (I350)", "0000:05:00.2 (I350)"},
                                     .serving = {{kNic, impact(ImpactKind::DefaultRoute, "enp5s0f0")}}}),
              "0000:05:00.1 (I350) and 0000:05:00.2 (I350) in IOMMU group 5 cannot be passed to a VM without taking "
              "what the host needs with them: 0000:05:00.0 (I350 Gigabit Network Connection) carries the host's "
              "default route (enp5s0f0); VFIO takes whole groups, so keep them on the host, or give a plug-in card a "
              "slot with its own IOMMU group");
    const std::string shared_tail = ": VFIO takes the whole group, so these devices can go to one VM together or stay "
                                    "on the host together, never split between them";
    EXPECT_EQ(describe(FindingDetail{.kind = FindingKind::SharedGroup, .group = 6, .devices = {"A"}, .others = {"B"}}),
              "IOMMU group 6 holds passthrough candidate A together with B" + shared_tail);
    EXPECT_EQ(describe(FindingDetail{.kind = FindingKind::SharedGroup, .group = 6, .devices = {"A", "B"}}),
              "IOMMU group 6 holds passthrough candidates A and B" + shared_tail);
    FindingDetail held{.kind = FindingKind::HeldForVfio,
                       .group = 4,
                       .held = {{"A", "vfio-pci"}, {"B", ""}, {"C", std::nullopt}}};
    const std::string held_text = "IOMMU group 4 is ready for VFIO: A on vfio-pci, B on no driver and C on a driver "
                                  "not shown, and no endpoint of the group is on a host driver";
    EXPECT_EQ(describe(held), held_text);
    held.claimed_by = std::vector<std::string>{};
    EXPECT_EQ(describe(held), held_text + "; no VM definition claims it");
    held.claimed_by = std::vector<std::string>{"linux", "win11"};
    EXPECT_EQ(describe(held), held_text + "; claimed by \"linux\" and \"win11\"");
    EXPECT_EQ(describe(FindingDetail{.kind = FindingKind::BootGpu, .serving = {{kGpu, impact(ImpactKind::BootGpu)}}}),
              kGpu + " is the boot GPU: firmware initialised it, so the VM may need its ROM as a romfile");
    EXPECT_EQ(describe(FindingDetail{.kind = FindingKind::NoReset, .serving = {{kGpu, impact(ImpactKind::NoReset)}}}),
              kGpu + " cannot be reset (no reset method): a VM may not start a second time without a host reboot");
}

TEST(DescribeFindings, VmFindingsInEnglish) {
    const std::string at = "/etc/libvirt/qemu/win11.xml:12";
    EXPECT_EQ(describe(FindingDetail{.kind = FindingKind::VmDeviceGone, .at = at, .refusal = gone()}),
              at + ": cannot assign 0000:0a:00.0 to \"win11\": there is no PCI function 0000:0a:00.0 on this host; the "
              "card was removed or its address changed (a new card or a firmware setting can renumber the buses), so "
              "point the definition at its current address");
    EXPECT_EQ(describe(FindingDetail{.kind = FindingKind::VmDeviceChanged,
                                     .at = "/etc/pve/qemu-server/100.conf:7",
                                     .vm = "\"gaming\" (VM 100)",
                                     .address = "0000:04:00.0",
                                     .mapping = "gpu",
                                     .expected = {0x1002, 0x73bf, std::pair<std::uint16_t, std::uint16_t>{0x1458, 0x403b}},
                                     .now = {0x1002, 0x73bf, std::pair<std::uint16_t, std::uint16_t>{0x1043, 0x04f2}},
                                     .now_name = "Navi 21"}),
              "/etc/pve/qemu-server/100.conf:7: \"gaming\" (VM 100) claims 0000:04:00.0 through the resource mapping "
              "\"gpu\" as 1002:73bf (subsystem 1458:403b), but that address now holds 1002:73bf (subsystem 1043:04f2) "
              "(Navi 21); Proxmox refuses to start the VM this way: point the mapping at the card's current address "
              "(Datacenter → Resource Mappings), or put the card back");
    const std::string refused = at + ": cannot assign 0000:04:00.0 to \"win11\": it is already assigned to \"linux\"";
    for (FindingKind kind : {FindingKind::VmsShareGroup, FindingKind::VmClaimsHostCritical, FindingKind::VmClaimRefused}) {
        const std::string said = describe(FindingDetail{.kind = kind, .at = at, .refusal = assigned()});
        EXPECT_TRUE(said.starts_with(refused + "; ")) << said;  // with the planner's remedy
    }
    EXPECT_EQ(describe(FindingDetail{.kind = FindingKind::VmClaimRefused,
                                     .at = at,
                                     .refusal = Refusal{.kind = RefusalKind::NoVmName}}),
              at + ": cannot plan an attach without a VM name; name the target VM (--vm NAME)");
    const std::string proxmox_at = "/etc/pve/qemu-server/100.conf:7";
    EXPECT_EQ(describe(FindingDetail{.kind = FindingKind::VmPartialGroupProxmox,
                                     .group = 3,
                                     .devices = {kGpu},
                                     .others = {kAudio},
                                     .at = proxmox_at,
                                     .vm = "\"gaming\" (VM 100)"}),
              proxmox_at + ": \"gaming\" (VM 100) claims " + kGpu + " but not " + kAudio + " in the same IOMMU group 3: "
              "at VM start Proxmox binds every device of the group to vfio-pci, taking it from the host without "
              "asking, and does not give it back when the VM stops; name it in the VM's hostpci entries so the "
              "definition says what it takes, or give the card a slot with its own IOMMU group");
    EXPECT_EQ(describe(FindingDetail{.kind = FindingKind::VmPartialGroupProxmox,
                                     .group = 3,
                                     .devices = {kGpu},
                                     .others = {"A", "B"},
                                     .at = proxmox_at,
                                     .vm = "VM 100"}),
              proxmox_at + ": VM 100 claims " + kGpu + " but not A and B in the same IOMMU group 3: at VM start Proxmox "
              "binds every device of the group to vfio-pci, taking them from the host without asking, and does not "
              "give them back when the VM stops; name them in the VM's hostpci entries so the definition says what it "
              "takes, or give the card a slot with its own IOMMU group");
    EXPECT_EQ(describe(FindingDetail{.kind = FindingKind::VmPartialGroupLibvirt,
                                     .group = 3,
                                     .devices = {kGpu},
                                     .addresses = {"0000:03:00.1"},
                                     .host = {{kAudio, "snd_hda_intel"}},
                                     .at = at,
                                     .vm = "\"win11\""}),
              at + ": \"win11\" claims " + kGpu + " but not " + kAudio + " on snd_hda_intel in the same IOMMU group 3: "
              "libvirt detaches only the devices a domain names, so QEMU fails to start it with \"group 3 is not "
              "viable\"; add 0000:03:00.1 to \"win11\" as well, or bind it to vfio-pci first");
    EXPECT_EQ(describe(FindingDetail{.kind = FindingKind::VmPartialGroupLibvirt,
                                     .group = 3,
                                     .devices = {kGpu},
                                     .addresses = {"a", "b"},
                                     .host = {{"A", "snd_hda_intel"}, {"B", "xhci_hcd"}},
                                     .at = at,
                                     .vm = "\"win11\""}),
              at + ": \"win11\" claims " + kGpu + " but not A on snd_hda_intel and B on xhci_hcd in the same IOMMU "
              "group 3: libvirt detaches only the devices a domain names, so QEMU fails to start it with \"group 3 is "
              "not viable\"; add a and b to \"win11\" as well, or bind them to vfio-pci first");
    EXPECT_EQ(describe(FindingDetail{.kind = FindingKind::VmPartialGroupUnknown,
                                     .group = 3,
                                     .devices = {kGpu},
                                     .others = {kAudio},
                                     .addresses = {"0000:03:00.1"},
                                     .at = at,
                                     .vm = "\"win11\""}),
              at + ": \"win11\" claims " + kGpu + " but not " + kAudio + " in the same IOMMU group 3, whose driver this "
              "source does not show: if it is on a host driver, QEMU fails to start the VM with \"group 3 is not "
              "viable\"; add 0000:03:00.1 to \"win11\" as well, or bind it to vfio-pci first");
    EXPECT_EQ(describe(FindingDetail{.kind = FindingKind::VmPartialGroupUnknown,
                                     .group = 3,
                                     .devices = {kGpu},
                                     .others = {"A", "B"},
                                     .addresses = {"a", "b"},
                                     .at = at,
                                     .vm = "\"win11\""}),
              at + ": \"win11\" claims " + kGpu + " but not A and B in the same IOMMU group 3, whose drivers this source "
              "does not show: if they are on a host driver, QEMU fails to start the VM with \"group 3 is not "
              "viable\"; add a and b to \"win11\" as well, or bind them to vfio-pci first");
    FindingDetail unmanaged{.kind = FindingKind::VmUnmanagedOnHostDriver,
                            .driver = "amdgpu",
                            .devices = {kGpu},
                            .at = at,
                            .vm = "\"win11\"",
                            .nodedev = "pci_0000_03_00_0"};
    const std::string unmanaged_tail = ", but it is bound to amdgpu: libvirt will not detach it, so the VM fails to "
                                       "start until it is on vfio-pci; set managed='yes', or run virsh nodedev-detach "
                                       "pci_0000_03_00_0 before starting the VM";
    EXPECT_EQ(describe(unmanaged),
              at + ": \"win11\" claims " + kGpu + " without managed='yes' (libvirt's default is 'no')" + unmanaged_tail);
    unmanaged.managed = false;
    EXPECT_EQ(describe(unmanaged), at + ": \"win11\" claims " + kGpu + " with managed='no'" + unmanaged_tail);
}

TEST(DescribeFindings, DefinitionProblemsInEnglish) {
    const ProblemDetail libvirt{.kind = ProblemKind::ClaimWithoutAddress,
                                .file = "win11.xml",
                                .line = 9,
                                .vm = "\"win11\"",
                                .entry = "hostdev 1",
                                .name = "bus",
                                .value = "0x1ff"};
    EXPECT_EQ(describe(libvirt),
              "win11.xml:9: cannot read hostdev 1 of \"win11\": it has no <source><address>; this claim is not checked");
    auto with = [](ProblemDetail p, ProblemKind kind) {
        p.kind = kind;
        return describe(p);
    };
    EXPECT_EQ(with(libvirt, ProblemKind::AddressWithoutPart),
              "win11.xml:9: cannot read hostdev 1 of \"win11\": its <address> has no bus attribute; this claim is not "
              "checked");
    EXPECT_EQ(with(libvirt, ProblemKind::AddressPartNotNumber),
              "win11.xml:9: cannot read hostdev 1 of \"win11\": bus='0x1ff' is not a PCI bus number; this claim is not "
              "checked");
    EXPECT_EQ(describe(ProblemDetail{.kind = ProblemKind::DomainUnparsable, .file = "a.xml", .line = 3,
                                     .value = "Start-end tags mismatch"}),
              "a.xml:3: cannot read this libvirt domain: Start-end tags mismatch; the devices it claims are not checked");
    EXPECT_EQ(describe(ProblemDetail{.kind = ProblemKind::DomainWrongRoot, .file = "a.xml", .name = "network"}),
              "a.xml: cannot read this libvirt domain: its root element is <network>, not <domain>");
    const ProblemDetail proxmox{.kind = ProblemKind::NotASetting,
                                .file = "100.conf",
                                .line = 4,
                                .vm = "VM 100",
                                .entry = "hostpci1",
                                .name = "gpu",
                                .value = "garbage"};
    EXPECT_EQ(describe(proxmox),
              "100.conf:4: this line is not a \"key: value\" setting (\"garbage\"); Proxmox itself rejects such a "
              "file, and only the other lines were read");
    EXPECT_EQ(with(proxmox, ProblemKind::MappingNeedsCluster),
              "100.conf:4: VM 100 uses the cluster resource mapping \"gpu\" (hostpci1), which only the cluster's "
              "/etc/pve/mapping/pci.cfg resolves: the review cannot tell which device it claims, so its IOMMU group "
              "is not checked");
    EXPECT_EQ(with(proxmox, ProblemKind::NoHostDevice),
              "100.conf:4: VM 100 has a hostpci1 without a host device (\"garbage\"); this claim is not checked");
    EXPECT_EQ(with(proxmox, ProblemKind::NotAnAddress),
              "100.conf:4: VM 100 has hostpci1 \"garbage\", which is not a PCI address (BB:DD.F or BB:DD); this claim "
              "is not checked");
    EXPECT_EQ(describe(ProblemDetail{.kind = ProblemKind::MapLineBeforeName, .file = "pci.cfg", .line = 1}),
              "pci.cfg:1: a \"map\" line before any mapping name; it is ignored");
    const std::string at = "/etc/pve/qemu-server/100.conf:7: \"gaming\" (VM 100) uses the resource mapping \"gpu\" "
                           "(hostpci0), ";
    EXPECT_EQ(describe(mapping_problem(ProblemKind::MappingUndefined)),
              at + "which /etc/pve/mapping/pci.cfg does not define; Proxmox cannot start the VM this way: create the "
                   "mapping or fix the name");
    EXPECT_EQ(describe(mapping_problem(ProblemKind::MappingNotOnNode)),
              at + "which has no device for this node (\"pve1\"); Proxmox cannot start the VM here: add this node's "
                   "device to the mapping");
    EXPECT_EQ(describe(mapping_problem(ProblemKind::MappingOffersSeveral)),
              at + "which offers 2 devices on this node; the VM gets whichever is free when it starts, so their IOMMU "
                   "groups are not checked");
    EXPECT_EQ(describe(mapping_problem(ProblemKind::MappingPathNotAddress)),
              at + "whose path \"pve1\" in /etc/pve/mapping/pci.cfg:3 is not a PCI address; this claim is not checked");
    EXPECT_EQ(describe(ProblemDetail{.kind = ProblemKind::FileUnreadable, .value = "cannot read a.xml: no such file"}),
              "cannot read a.xml: no such file; the devices it claims are not checked");
    EXPECT_EQ(describe(ProblemDetail{.kind = ProblemKind::DirectoryUnreadable,
                                     .file = "/etc/libvirt/qemu",
                                     .name = "libvirt domain",
                                     .value = "Permission denied"}),
              "cannot read the libvirt domain directory /etc/libvirt/qemu: Permission denied");
    EXPECT_EQ(describe_vm("web", "101"), "\"web\" (VM 101)");
    EXPECT_EQ(describe_vm("web", ""), "\"web\"");
    EXPECT_EQ(describe_vm("", "101"), "VM 101");
    EXPECT_EQ(describe_vm("", ""), "the VM");
}

TEST(DescribeFindings, GermanAndFrenchFromTheCatalogs) {
    const FindingDetail gone_claim{.kind = FindingKind::VmDeviceGone, .at = "win11.xml:12", .refusal = gone()};
    const ProblemDetail several = mapping_problem(ProblemKind::MappingOffersSeveral);
    {
        Speaking de("de_DE.UTF-8");
        if (!de.ok()) GTEST_SKIP() << "no de_DE.UTF-8 locale";
        EXPECT_EQ(describe(mixed()),
                  "IOMMU-Gruppe 3 ist nicht nutzbar, denn sie enthält 0000:03:00.0 (Tahiti XT [Radeon HD 7970]) auf "
                  "vfio-pci neben 0000:03:00.1 (Tahiti XT HDMI Audio) auf snd_hda_intel; eine VM, der die Gruppe "
                  "übergeben wird, startet nicht und meldet „group 3 is not viable“, also binden Sie jedes Endgerät "
                  "der Gruppe an vfio-pci oder geben Sie 0000:03:00.0 an den Host zurück");
        EXPECT_EQ(describe(gone_claim),
                  "win11.xml:12: kann 0000:0a:00.0 nicht an „win11“ übergeben: auf diesem Host gibt es keine "
                  "PCI-Funktion 0000:0a:00.0; die Karte wurde entfernt oder ihre Adresse hat sich geändert (eine neue "
                  "Karte oder eine Firmware-Einstellung kann die Busse neu nummerieren), richten Sie die Definition "
                  "daher auf ihre aktuelle Adresse aus");
        EXPECT_EQ(describe(several),
                  "/etc/pve/qemu-server/100.conf:7: \"gaming\" (VM 100) verwendet die Ressourcenzuordnung „gpu“ "
                  "(hostpci0), die auf diesem Knoten 2 Geräte anbietet; die VM erhält beim Start dasjenige, das gerade "
                  "frei ist, daher werden ihre IOMMU-Gruppen nicht geprüft");
        EXPECT_EQ(describe_vm("web", ""), "„web“");
    }
    {
        Speaking fr("fr_FR.UTF-8");
        if (!fr.ok()) GTEST_SKIP() << "no fr_FR.UTF-8 locale";
        EXPECT_EQ(describe(mixed()),
                  "Le groupe IOMMU 3 n’est pas utilisable\u00a0: il contient 0000:03:00.0 (Tahiti XT [Radeon HD 7970]) "
                  "sur vfio-pci à côté de 0000:03:00.1 (Tahiti XT HDMI Audio) sur snd_hda_intel\u00a0; une VM à "
                  "laquelle on donne le groupe ne démarre pas et signale «\u00a0group 3 is not viable\u00a0»\u00a0: "
                  "liez donc chaque périphérique terminal du groupe à vfio-pci, ou rendez 0000:03:00.0 à l’hôte");
        EXPECT_EQ(describe_vm("web", "101"), "«\u00a0web\u00a0» (VM 101)");
        EXPECT_EQ(describe(FindingDetail{.kind = FindingKind::HeldForVfio,
                                         .group = 4,
                                         .held = {{"A", "vfio-pci"}},
                                         .claimed_by = std::vector<std::string>{}}),
                  "Le groupe IOMMU 4 est prêt pour VFIO\u00a0: A sur vfio-pci, et aucun périphérique terminal du "
                  "groupe n’est sur un pilote de l’hôte\u00a0; aucune définition de VM ne le réclame");
    }
}
