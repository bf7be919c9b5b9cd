// Every kind of explanation and snapshot sentence, said from its typed value, verbatim — in
// English, and through the German and French catalogs the build compiled.
#include <gtest/gtest.h>

#include <clocale>
#include <cstdlib>
#include <string>

#include "explain/describe_explanation.hpp"
#include "snapshot/snapshot.hpp"
#include "text/message.hpp"
#include "topology/host_facts.hpp"

#include "support/speaking.hpp"

using namespace isola;
using isola::test::Speaking;

namespace {

const Bdf kNic = *Bdf::parse("03:00.0");
const Bdf kNic1 = *Bdf::parse("03:00.1");
const Bdf kPort = *Bdf::parse("02:00.0");
const Bdf kRoot = *Bdf::parse("00:1c.0");

AcsFinding finding(AcsReason reason, std::string detail = {}) {
    return {.verdict = AcsVerdict::NotIsolated, .reason = reason, .detail = std::move(detail)};
}

GroupExplanation note(PredictionNote n) {
    GroupExplanation e;
    e.note = n;
    return e;
}

SnapshotError damaged(SnapshotDamage d, std::string value = {}, int digits = 0) {
    return {.kind = SnapshotErrorKind::Damaged, .origin = "host.json", .damage = d,
            .where = "snapshot.devices[1].address", .value = std::move(value), .digits = digits};
}

}  // namespace

TEST(DescribeExplanation, EveryAcsPhraseInEnglish) {
    EXPECT_EQ(describe(AcsFinding{}), "");
    EXPECT_EQ(describe(finding(AcsReason::CapabilityUnknown, "config space past 64 bytes needs root")),
              "its ACS capability is unknown (config space past 64 bytes needs root)");
    EXPECT_EQ(describe(finding(AcsReason::NoCapability)), "has no ACS capability");
    EXPECT_EQ(describe(finding(AcsReason::ControlsEnabled)), "has ACS with the required controls enabled");
    AcsFinding lacks = finding(AcsReason::LacksControls);
    lacks.missing = 0x0001 | 0x0004;  // SV, RR
    EXPECT_EQ(describe(lacks), "lacks Source Validation (SV), Request Redirect (RR)");
    EXPECT_EQ(describe(finding(AcsReason::QuirkIsolated, "pci_quirk_mf_endpoint_acs")),
              "is isolated by the kernel quirk pci_quirk_mf_endpoint_acs (Linux 6.12.117)");
    EXPECT_EQ(describe(finding(AcsReason::QuirkNotIsolated, "pci_quirk_amd_sb_acs")),
              "is declared not isolated by the kernel quirk pci_quirk_amd_sb_acs (Linux 6.12.117)");
    EXPECT_EQ(describe(finding(AcsReason::PortTypeUnknown, "not recorded")),
              "its PCIe port type is unknown (not recorded)");
    EXPECT_EQ(describe(finding(AcsReason::Override)),
              "is declared isolated by the ACS override (pcie_acs_override), not by hardware");
    EXPECT_EQ(describe(finding(AcsReason::Conventional)), "is a conventional PCI device (no ACS)");
    EXPECT_EQ(describe(finding(AcsReason::BridgeType)), "is a bridge type that never counts as ACS-isolated");
    EXPECT_EQ(describe(finding(AcsReason::MultifunctionUnknown)), "whether it is multifunction is unknown");
    EXPECT_EQ(describe(finding(AcsReason::SingleFunction)), "is single-function (ACS does not apply)");
    EXPECT_EQ(describe(finding(AcsReason::UnknownPortType)), "unknown port type");
    EXPECT_EQ(describe(finding(AcsReason::PathIsolated)), "the path to the root is ACS-isolated");
}

TEST(DescribeExplanation, EveryReasonKindInEnglish) {
    EXPECT_EQ(describe(GroupReason{.kind = ReasonKind::Alone, .device = kNic}),
              "0000:03:00.0 is alone in its group: its path to the root is ACS-isolated");
    AcsFinding quirk = finding(AcsReason::QuirkIsolated, "pci_quirk_mf_endpoint_acs");
    quirk.by_quirk = true;
    EXPECT_EQ(describe(GroupReason{.kind = ReasonKind::Alone, .device = kNic, .finding = quirk}),
              "0000:03:00.0 is alone in its group: it is isolated by the kernel quirk pci_quirk_mf_endpoint_acs "
              "(Linux 6.12.117)");
    AcsFinding override = finding(AcsReason::Override);
    override.by_override = true;
    EXPECT_EQ(describe(GroupReason{.kind = ReasonKind::Alone, .device = kNic, .finding = override}),
              "0000:03:00.0 is alone in its group: the ACS override declares it isolated, not the hardware");
    for (auto [type, words] : {std::pair{PortType::PcieToPciBridge, "PCIe-to-PCI bridge"},
                               std::pair{PortType::PciToPcieBridge, "PCI-to-PCIe bridge"},
                               std::pair{PortType::Conventional, "conventional PCI bridge"}}) {
        EXPECT_EQ(describe(GroupReason{.kind = ReasonKind::DmaAlias, .device = kNic, .via = kPort, .bridge_type = type}),
                  std::string("0000:03:00.0 is behind ") + words +
                      " 0000:02:00.0, which issues DMA for everything below it under its own requester ID, so the "
                      "IOMMU cannot tell them apart");
        EXPECT_EQ(describe(GroupReason{.kind = ReasonKind::Anchor, .device = kPort, .bridge_type = type}),
                  std::string("0000:02:00.0 is the ") + words + " whose requester ID the devices below it share");
    }
    EXPECT_EQ(describe(GroupReason{.kind = ReasonKind::AcsPath, .device = kNic, .via = kPort, .anchor = kPort,
                                   .finding = finding(AcsReason::NoCapability)}),
              "0000:03:00.0 shares the group of bridge 0000:02:00.0 because the path to the root is not ACS-isolated: "
              "0000:02:00.0 has no ACS capability");
    EXPECT_EQ(describe(GroupReason{.kind = ReasonKind::AcsPath, .device = kNic, .via = kRoot, .anchor = kPort,
                                   .finding = finding(AcsReason::NoCapability)}),
              "0000:03:00.0 shares the group of bridge 0000:02:00.0 because the path to the root is not ACS-isolated: "
              "0000:00:1c.0 above it has no ACS capability");
    EXPECT_EQ(describe(GroupReason{.kind = ReasonKind::Multifunction, .device = kNic1, .via = kNic,
                                   .partners = {kNic, *Bdf::parse("03:00.2")},
                                   .finding = finding(AcsReason::NoCapability)}),
              "0000:03:00.1 is a function of multifunction device 0000:03:00 and, like 0000:03:00.0, 0000:03:00.2, "
              "is not ACS-isolated: it has no ACS capability");
    EXPECT_EQ(describe(GroupReason{.kind = ReasonKind::Anchor, .device = kPort}),
              "0000:02:00.0 is the bridge below which devices are not isolated from each other; they share its group");
    EXPECT_EQ(describe(GroupReason{.kind = ReasonKind::Anchor, .device = kPort,
                                   .finding = finding(AcsReason::NoCapability)}),
              "0000:02:00.0 is the bridge below which devices are not isolated from each other (0000:02:00.0 has no "
              "ACS capability); they share its group");
    EXPECT_EQ(describe(GroupReason{.kind = ReasonKind::Unexplained, .device = kNic}),
              "0000:03:00.0 is in this group although the kernel's rules, as Isola models them, would not put it here");
}

TEST(DescribeExplanation, EveryPredictionNoteInEnglish) {
    EXPECT_EQ(describe_prediction_note(note(PredictionNote::None)), "");
    auto not_possible = note(PredictionNote::NotPossible);
    not_possible.note_parameter = describe_no_bus_tree();
    EXPECT_EQ(describe_prediction_note(not_possible),
              "Isola cannot replay the kernel's grouping here: the source has no bus tree (a pasted listing), so the "
              "kernel's rules cannot be replayed.");
    auto only = note(PredictionNote::OverrideOnly);
    only.note_devices = {kRoot, kNic};
    EXPECT_EQ(describe_prediction_note(only),
              "This group exists only because of the ACS override: by the hardware's ACS the kernel would put "
              "0000:00:1c.0, 0000:03:00.0 in the same group, so this boundary does not prove isolation.");
    EXPECT_EQ(describe_prediction_note(note(PredictionNote::AgreesUncertain)),
              "The prediction agrees with the kernel, but rests on facts that could not be read (config space past 64 "
              "bytes needs root).");
    EXPECT_EQ(describe_prediction_note(note(PredictionNote::DiffersUncertain)),
              "The kernel's grouping differs from Isola's prediction, most likely because ACS or PCIe facts could not "
              "be read (config space past 64 bytes needs root); run the scan as root for a certain answer.");
    auto split = note(PredictionNote::OverrideSplit);
    split.note_parameter = "pcie_acs_override=downstream";
    EXPECT_EQ(describe_prediction_note(split),
              "The ACS override (pcie_acs_override=downstream) split this group: by the hardware's ACS the kernel "
              "would group more devices together, so this boundary does not prove isolation.");
    EXPECT_EQ(describe_prediction_note(note(PredictionNote::KernelIsolatesMore)),
              "The kernel isolates more than Isola's rules predict: a device-specific ACS quirk that Isola's table "
              "(Linux 6.12.117) does not know, or a newer kernel's grouping rules.");
    EXPECT_EQ(describe_prediction_note(note(PredictionNote::KernelGroupsMore)),
              "The kernel groups more devices together than Isola's rules predict: a DMA alias quirk (not visible in "
              "sysfs) or a newer kernel's grouping rules.");
}

TEST(DescribeSnapshot, EveryErrorInEnglish) {
    auto error = [](SnapshotErrorKind kind, long long number = 0) {
        return describe(SnapshotError{.kind = kind, .origin = "host.json", .number = number});
    };
    EXPECT_EQ(error(SnapshotErrorKind::NotJson, 23),
              "host.json is not an Isola snapshot: it is not valid JSON (at byte 23); take a new snapshot with "
              "'isolactl snapshot save'");
    EXPECT_EQ(error(SnapshotErrorKind::NotASnapshot),
              "host.json is not an Isola snapshot (no \"format\": \"isola-snapshot\"); to read a pasted listing use "
              "'isolactl import'");
    EXPECT_EQ(error(SnapshotErrorKind::NoVersion), "host.json has no snapshot format version");
    EXPECT_EQ(error(SnapshotErrorKind::NewerVersion, 7),
              "host.json was written by a newer Isola (snapshot format version 7; this Isola reads up to version 2): "
              "update Isola to read it");
    EXPECT_EQ(error(SnapshotErrorKind::InvalidVersion, 0), "host.json has an invalid snapshot format version 0");
    EXPECT_EQ(error(SnapshotErrorKind::CannotCreate), "cannot write host.json: check the directory exists and is writable");
    EXPECT_EQ(error(SnapshotErrorKind::WriteFailed), "writing host.json failed (disk full?)");
    EXPECT_EQ(describe(SnapshotError{.kind = SnapshotErrorKind::CannotReplace, .origin = "host.json",
                                     .detail = "Permission denied"}),
              "cannot write host.json: Permission denied");
    EXPECT_EQ(describe(SnapshotError{.kind = SnapshotErrorKind::CannotRead, .origin = "host.json",
                                     .detail = "cannot read the snapshot host.json: there is no such file"}),
              "cannot read the snapshot host.json: there is no such file");

    const std::string p = "host.json is damaged: snapshot.devices[1].address ";
    const std::string s = "; take a new snapshot";
    EXPECT_EQ(describe(damaged(SnapshotDamage::Lacks, "driver")), p + "lacks \"driver\"" + s);
    EXPECT_EQ(describe(damaged(SnapshotDamage::NotAList)), p + "is not a list" + s);
    EXPECT_EQ(describe(damaged(SnapshotDamage::NotAString)), p + "is not a string" + s);
    EXPECT_EQ(describe(damaged(SnapshotDamage::NotABoolean)), p + "is not true or false" + s);
    EXPECT_EQ(describe(damaged(SnapshotDamage::NotAWholeNumber)), p + "is not a whole number" + s);
    EXPECT_EQ(describe(damaged(SnapshotDamage::Negative)), p + "is negative" + s);
    EXPECT_EQ(describe(damaged(SnapshotDamage::NotHex, "10de0", 4)),
              p + "\"10de0\" is not a hexadecimal number of at most 4 digits" + s);
    EXPECT_EQ(describe(damaged(SnapshotDamage::NotAPciAddress, "0000:zz:00.0")),
              p + "\"0000:zz:00.0\" is not a PCI address" + s);
    EXPECT_EQ(describe(damaged(SnapshotDamage::NotAPortType, "bridge")), p + "\"bridge\" is not a PCIe port type" + s);
    EXPECT_EQ(describe(damaged(SnapshotDamage::NotAnIommuMode, "on")), p + "\"on\" is not an IOMMU mode" + s);
    EXPECT_EQ(describe(SnapshotError{.kind = SnapshotErrorKind::Damaged, .origin = "host.json",
                                     .damage = SnapshotDamage::Unreadable, .detail = "[json.exception] oops"}),
              "host.json is damaged: [json.exception] oops; take a new snapshot");
}

TEST(DescribeTopology, IommuStateInEnglish) {
    HostFacts host;
    // Nothing known: neither the mode nor whether an ACS override split the groups.
    EXPECT_EQ(describe_iommu_state(host, true),
              "IOMMU groups are present, so an IOMMU was active; whether it translated DMA or passed it through "
              "(iommu=pt) is not known. Whether an ACS override (pcie_acs_override) split the groups is not known "
              "(not recorded), so a group boundary is not proof of isolation by itself.");
    host.iommu_mode = Fact<IommuMode>::unknown("the IOMMU group type file needs Linux 5.11");
    host.kernel_parameters = unknown_kernel_parameters("not in a pasted listing");
    EXPECT_EQ(describe_iommu_state(host, true),
              "IOMMU groups are present, so an IOMMU was active; whether it translated DMA or passed it through "
              "(iommu=pt) is not known (the IOMMU group type file needs Linux 5.11). Whether an ACS override "
              "(pcie_acs_override) split the groups is not known (not in a pasted listing), so a group boundary is "
              "not proof of isolation by itself.");
    host.iommu_mode = Fact<IommuMode>::known(IommuMode::Translated);
    host.kernel_parameters = parse_kernel_parameters("BOOT_IMAGE=/vmlinuz root=/dev/sda1 intel_iommu=on");
    EXPECT_EQ(describe_iommu_state(host, true), "An IOMMU is active and translates DMA for every group.");
    host.iommu_mode = Fact<IommuMode>::known(IommuMode::Mixed);
    EXPECT_EQ(describe_iommu_state(host, true),
              "An IOMMU is active; some groups translate DMA and some pass it through (identity).");
    host.iommu_mode = Fact<IommuMode>::known(IommuMode::Passthrough);
    host.kernel_parameters = kernel_parameters_from_mentions({"pcie_acs_override=downstream"}, "not in a pasted listing");
    EXPECT_EQ(describe_iommu_state(host, true),
              "An IOMMU is active in passthrough mode (iommu=pt): devices the host keeps are not translated, but "
              "groups handed to VFIO are isolated. The ACS override (pcie_acs_override=downstream) is active: groups "
              "may be split beyond what the hardware isolates, so a group boundary does not prove isolation.");
    EXPECT_EQ(describe_iommu_state(HostFacts{}, false),
              "No IOMMU is active on this host, so no device can be isolated for VFIO: enable VT-d (Intel) or "
              "AMD-Vi/IOMMU (AMD) in the firmware setup and boot with intel_iommu=on on Intel systems; inside a "
              "virtual machine, give the VM a virtual IOMMU first.");
}

TEST(DescribeExplanation, GermanAndFrenchFromTheCatalogs) {
    const GroupReason path{.kind = ReasonKind::AcsPath, .device = kNic, .via = kPort, .anchor = kPort,
                           .finding = finding(AcsReason::NoCapability)};
    const GroupReason alias{.kind = ReasonKind::DmaAlias, .device = kNic, .via = kPort,
                            .bridge_type = PortType::PcieToPciBridge};
    const SnapshotError newer{.kind = SnapshotErrorKind::NewerVersion, .origin = "host.json", .number = 7};
    const SnapshotError address = damaged(SnapshotDamage::NotAPciAddress, "0000:zz:00.0");
    {
        Speaking de("de_DE.UTF-8");
        ASSERT_TRUE(de.ok()) << "the de_DE.UTF-8 locale is not installed (the build root generates it)";
        EXPECT_EQ(describe(path), "0000:03:00.0 teilt die Gruppe der Bridge 0000:02:00.0, weil der Pfad zur Wurzel "
                                  "nicht ACS-isoliert ist: 0000:02:00.0 hat keine ACS-Fähigkeit");
        EXPECT_EQ(describe(alias), "0000:03:00.0 liegt hinter 0000:02:00.0 (PCIe-zu-PCI-Bridge), die DMA für alles "
                                   "unter ihr mit ihrer eigenen Requester-ID ausführt, daher kann die IOMMU diese "
                                   "Geräte nicht unterscheiden");
        EXPECT_EQ(describe(newer), "host.json wurde von einem neueren Isola geschrieben (Snapshot-Formatversion 7; "
                                   "dieses Isola liest bis Version 2): aktualisieren Sie Isola, um es zu lesen");
        EXPECT_EQ(describe(address), "host.json ist beschädigt: snapshot.devices[1].address „0000:zz:00.0“ ist keine "
                                     "PCI-Adresse; erstellen Sie einen neuen Snapshot");
        HostFacts translating;
        translating.iommu_mode = Fact<IommuMode>::known(IommuMode::Translated);
        translating.kernel_parameters = parse_kernel_parameters("root=/dev/sda1");
        EXPECT_EQ(describe_iommu_state(translating, true), "Eine IOMMU ist aktiv und übersetzt DMA für jede Gruppe.");
        HostFacts listing;
        listing.kernel_parameters = unknown_kernel_parameters("not in a pasted listing");
        EXPECT_EQ(describe_iommu_state(listing, true),
                  "IOMMU-Gruppen sind vorhanden, also war eine IOMMU aktiv; ob sie DMA übersetzt oder durchgereicht hat "
                  "(iommu=pt), ist nicht bekannt. Ob ein ACS-Override (pcie_acs_override) die Gruppen aufgeteilt hat, "
                  "ist nicht bekannt (nicht in einer eingefügten Auflistung); eine Gruppengrenze beweist daher für sich "
                  "allein keine Isolation.");
    }
    {
        Speaking fr("fr_FR.UTF-8");
        ASSERT_TRUE(fr.ok()) << "the fr_FR.UTF-8 locale is not installed (the build root generates it)";
        EXPECT_EQ(describe(path), "0000:03:00.0 partage le groupe du pont 0000:02:00.0 car le chemin vers la racine "
                                  "n’est pas isolé par ACS\u00a0: 0000:02:00.0 n’a pas de capacité ACS");
        EXPECT_EQ(describe_prediction_note(note(PredictionNote::KernelGroupsMore)),
                  "Le noyau regroupe davantage de périphériques que ne le prévoient les règles d’Isola\u00a0: un quirk "
                  "d’alias DMA (invisible dans sysfs) ou les règles de regroupement d’un noyau plus récent.");
        EXPECT_EQ(describe(address), "host.json est endommagé\u00a0: snapshot.devices[1].address «\u00a00000:zz:00.0\u00a0» "
                                     "n’est pas une adresse PCI\u00a0; prenez un nouvel instantané");
    }
    // Back in the C locale: English again.
    EXPECT_EQ(describe(finding(AcsReason::NoCapability)), "has no ACS capability");
}
