// Every importer and reader sentence, said from its typed value, verbatim — in English, and a few
// through the German and French catalogs the build compiled.
#include <gtest/gtest.h>

#include <string>

#include "importers/describe_import.hpp"
#include "reader/describe_read.hpp"
#include "support/speaking.hpp"
#include "text/message.hpp"

using namespace isola;
using isola::test::Speaking;

namespace {

const Bdf kGpu = *Bdf::parse("0b:00.0");
const Bdf kAudio = *Bdf::parse("0b:00.1");

ImportDiagnostic line_diagnostic(ImportDiagnosticKind kind, std::string text) {
    return {.kind = kind, .line = 7, .text = std::move(text)};
}

}  // namespace

TEST(DescribeImport, EveryDiagnosticKindInEnglish) {
    const std::string acs = "pcie_acs_override=downstream,multifunction";
    const std::string tail = ", not on a kernel command line; the listing is taken as captured with the ACS override, "
                             "so its groups need not show real isolation";
    EXPECT_EQ(describe(line_diagnostic(ImportDiagnosticKind::AcsOverrideInComment, acs)),
              acs + " is mentioned in a comment" + tail);
    EXPECT_EQ(describe(line_diagnostic(ImportDiagnosticKind::AcsOverrideInText, acs)), acs + " is mentioned in the text" + tail);
    EXPECT_EQ(describe(line_diagnostic(ImportDiagnosticKind::SkippedUnplacedAddress, "slot 00:14.0 USB")),
              "skipped \"slot 00:14.0 USB\": it names a PCI address, but neither the line nor a group heading above it "
              "says which IOMMU group that function is in");
    // A long line is cut after 60 bytes.
    const std::string long_line(70, 'x');
    EXPECT_EQ(describe(line_diagnostic(ImportDiagnosticKind::SkippedUnknownLine, long_line)),
              "skipped \"" + std::string(60, 'x') + "...\": it is not part of any listing format Isola knows");
    ImportDiagnostic misaligned = line_diagnostic(ImportDiagnosticKind::MisalignedGroup, "Group 3");
    misaligned.group = 3;
    EXPECT_EQ(describe(misaligned),
              "the lines under \"Group 3\" are not all indented alike, so it is not clear which of them are in IOMMU "
              "group 3; their group was left unknown (indent every line of a group the same way under its heading)");
    const ImportDiagnostic two_groups{.kind = ImportDiagnosticKind::ListedInTwoGroups, .line = 4, .address = kGpu,
                                      .group = 14, .other_group = 15, .other_line = 9};
    EXPECT_EQ(describe(two_groups),
              "0000:0b:00.0 is listed in IOMMU group 14 on line 4 and in group 15 on line 9, so its group was left unknown");
    EXPECT_EQ(describe(ImportDiagnostic{.kind = ImportDiagnosticKind::TreeWithoutRoot}),
              "part of the lspci -t tree came without its root line, so those devices were left out of the tree");
    ImportDiagnostic stale{.kind = ImportDiagnosticKind::StaleGroupBlock, .line = 20, .other_line = 31,
                           .addresses = {kGpu, kAudio}};
    const std::string stale_words = "the IOMMU groups on lines 20-31 disagree with earlier lines for 0000:0b:00.0, "
                                    "0000:0b:00.1, so they describe another moment and were ignored";
    EXPECT_EQ(describe(stale), stale_words);
    stale.only_here = {*Bdf::parse("0c:00.0")};
    EXPECT_EQ(describe(stale), stale_words + ", together with 0000:0c:00.0, which only they list");
    const ImportDiagnostic ids{.kind = ImportDiagnosticKind::IdsDisagree, .line = 3, .address = kGpu, .other_line = 40,
                               .ids = "10de:1b06", .other_ids = "10de:10ef"};
    EXPECT_EQ(describe(ids), "0000:0b:00.0 is 10de:1b06 on line 3 but 10de:10ef on line 40: the listing mixes captures "
                             "from different moments, so 10de:1b06 from line 3 was kept");

    // Subjects: the line, the address, or the whole listing.
    EXPECT_EQ(to_diagnostic(misaligned).subject, "line 7");
    EXPECT_EQ(to_diagnostic(ids).subject, "0000:0b:00.0");
    EXPECT_EQ(to_diagnostic(two_groups).subject, "0000:0b:00.0");
    EXPECT_EQ(to_diagnostic(ImportDiagnostic{.kind = ImportDiagnosticKind::TreeWithoutRoot}).subject, "");
    EXPECT_EQ(to_diagnostic(ids).message, describe(ids));
}

TEST(DescribeImport, EveryImportErrorKindInEnglish) {
    EXPECT_EQ(describe(ImportErrorDetails{.kind = ImportErrorKind::UnplacedAddress, .origin = "post.txt", .line = 2,
                                          .text = "Slot 4: 0b:00.0", .format = ListingFormat::Auto}),
              "post.txt cannot be read: line 2 (\"Slot 4: 0b:00.0\") names a PCI address, but neither the line nor a "
              "group heading above it says which IOMMU group that function is in, and no other line could be placed "
              "either; paste the listing as it was printed, with every address under its group's heading or on one "
              "line with its group number");
    EXPECT_EQ(make_import_error({.kind = ImportErrorKind::NothingRecognised, .origin = "post.txt", .line = 0,
                                 .text = {}, .format = ListingFormat::Auto})
                  .message,
              "post.txt contains no IOMMU group listing or lspci output that Isola recognises; paste the output of the "
              "IOMMU group loop or of \"lspci -nnk\" as it was printed");
    EXPECT_EQ(describe(ImportErrorDetails{.kind = ImportErrorKind::NothingRecognised, .origin = "post.txt", .line = 0,
                                          .text = {}, .format = ListingFormat::LspciVmm}),
              "post.txt contains no lspci-vmm output that Isola recognises; paste the output of the IOMMU group loop or "
              "of \"lspci -nnk\" as it was printed");
}

TEST(DescribeRead, EveryReadSentenceInEnglish) {
    EXPECT_EQ(make_read_error({.kind = ReadErrorKind::NoPciBus, .path = "/x/bus/pci/devices", .detail = {}}).message,
              "no PCI bus at /x/bus/pci/devices: sysfs is not mounted there, or this is not a sysfs root; pass the "
              "right --sysfs-root, or use a snapshot or listing instead");
    EXPECT_EQ(describe(ReadErrorDetails{.kind = ReadErrorKind::LibpciFailed, .path = "/sys/bus/pci", .detail = "boom"}),
              "libpci could not read /sys/bus/pci: boom");
    EXPECT_EQ(read_diagnostic(ReadDiagnosticKind::ConfigUnreadable, "0000:0b:00.0"),
              (Diagnostic{"0000:0b:00.0", "its configuration space could not be read"}));
    EXPECT_EQ(read_diagnostic(ReadDiagnosticKind::BadGroupLink, "0000:0b:00.0", "x"),
              (Diagnostic{"0000:0b:00.0", "its iommu_group link names \"x\", not a group number"}));
    EXPECT_EQ(read_diagnostic(ReadDiagnosticKind::NotAGroupDirectory, "/sys/kernel/iommu_groups/x"),
              (Diagnostic{"/sys/kernel/iommu_groups/x", "not an IOMMU group directory; ignored"}));
}

TEST(DescribeImport, GermanAndFrenchFromTheCatalogs) {
    const ImportDiagnostic skipped = line_diagnostic(ImportDiagnosticKind::SkippedUnknownLine, "hello");
    const ImportDiagnostic ids{.kind = ImportDiagnosticKind::IdsDisagree, .line = 3, .address = kGpu, .other_line = 40,
                               .ids = "10de:1b06", .other_ids = "10de:10ef"};
    {
        Speaking german("de_DE.UTF-8");
        if (!german.ok()) GTEST_SKIP() << "no de_DE.UTF-8 locale here";
        EXPECT_EQ(describe(skipped), "„hello“ übersprungen: die Zeile gehört zu keinem Auflistungsformat, das Isola kennt");
        EXPECT_EQ(to_diagnostic(skipped).subject, "Zeile 7");
        EXPECT_EQ(describe(ids), "0000:0b:00.0 ist in Zeile 3 10de:1b06, in Zeile 40 aber 10de:10ef: die Auflistung mischt "
                                 "Aufnahmen verschiedener Zeitpunkte, daher wurde 10de:1b06 aus Zeile 3 behalten");
        EXPECT_EQ(describe(ReadErrorDetails{.kind = ReadErrorKind::LibpciFailed, .path = "/sys/bus/pci", .detail = "boom"}),
                  "libpci konnte /sys/bus/pci nicht lesen: boom");
        EXPECT_EQ(translate("not in a pasted listing"), "nicht in einer eingefügten Auflistung");
        EXPECT_EQ(translate("config space past 64 bytes needs root"),
                  "der Konfigurationsraum nach den ersten 64 Bytes braucht Root-Rechte");
    }
    {
        Speaking french("fr_FR.UTF-8");
        if (!french.ok()) GTEST_SKIP() << "no fr_FR.UTF-8 locale here";
        EXPECT_EQ(describe(skipped), "«\u00a0hello\u00a0» ignorée\u00a0: elle n’appartient à aucun format de liste connu "
                                     "d’Isola");
        EXPECT_EQ(describe(ImportErrorDetails{.kind = ImportErrorKind::NothingRecognised, .origin = "post.txt",
                                              .line = 0, .text = {}, .format = ListingFormat::LspciVmm}),
                  "post.txt ne contient aucune sortie lspci-vmm qu’Isola reconnaisse\u00a0; collez la sortie de la boucle "
                  "des groupes IOMMU ou de «\u00a0lspci -nnk\u00a0» telle qu’elle a été affichée");
        EXPECT_EQ(translate("the listing does not show drivers (lspci without -k)"),
                  "la liste n’affiche pas les pilotes (lspci sans -k)");
    }
    // Back in the C locale: English again.
    EXPECT_EQ(describe(skipped), "skipped \"hello\": it is not part of any listing format Isola knows");
}
