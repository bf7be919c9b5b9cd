// The structured group listing fallback (core/importers/group_structure.hpp): every example in
// tests/data/listing-shapes imports with its groups and functions, what is not clear is never
// guessed, and the sentences users see.
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <sstream>
#include <utility>
#include <vector>

#include "importers/import_listing.hpp"

namespace isola {
namespace {

std::string read_file(const std::string& path) {
    std::ifstream in(path);
    EXPECT_TRUE(in) << path;
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

std::string shape_text(const std::string& name) { return read_file(std::string(ISOLA_TEST_DATA) + "/listing-shapes/" + name); }

Topology import_ok(std::string_view text, ListingFormat format = ListingFormat::Auto) {
    auto t = import_listing(text, format, "paste.txt");
    EXPECT_TRUE(t.has_value()) << (t ? "" : t.error().message);
    return t ? *t : Topology{};
}

std::optional<GroupId> group_of(const Topology& t, std::string_view bdf) {
    const Device* d = t.find(*Bdf::parse(bdf));
    EXPECT_NE(d, nullptr) << bdf;
    return d ? d->iommu_group : std::nullopt;
}

std::map<GroupId, std::vector<Bdf>> membership(const Topology& t) {
    std::map<GroupId, std::vector<Bdf>> out;
    for (const auto& g : t.groups()) out[g.id] = g.members;
    return out;
}

struct Shape {
    std::string file;
    std::size_t groups;
    std::size_t functions;
    std::string format;
    std::vector<std::pair<std::string, GroupId>> pairs;  // address -> group, a few per file
    friend void PrintTo(const Shape& s, std::ostream* os) { *os << s.file; }
};

class ListingShape : public testing::TestWithParam<Shape> {};

TEST_P(ListingShape, ImportsWithItsGroupsAndFunctions) {
    const Shape& s = GetParam();
    auto t = import_listing(shape_text(s.file), ListingFormat::Auto, s.file);
    ASSERT_TRUE(t.has_value()) << t.error().message;
    EXPECT_EQ(t->groups().size(), s.groups);
    EXPECT_EQ(t->devices().size(), s.functions);
    EXPECT_EQ(t->source().format, s.format);
    for (const auto& [address, group] : s.pairs) EXPECT_EQ(group_of(*t, address), group) << address;
    // Every line of every example is understood: no diagnostics at all.
    for (const auto& d : t->diagnostics()) ADD_FAILURE() << d.subject << ": " << d.message;
}

INSTANTIATE_TEST_SUITE_P(
    AllShapes, ListingShape,
    testing::Values(
        Shape{"01_unicode-tree.txt", 5, 8, "structured",
              {{"0000:00:00.0", 0}, {"0000:01:00.1", 1}, {"0000:00:14.2", 3}, {"0000:02:00.0", 4}}},
        Shape{"02_ascii-tree-sysfs.txt", 4, 8, "structured",
              {{"0000:00:00.0", 0}, {"0000:01:00.0", 1}, {"0000:00:1f.4", 7}, {"0000:03:00.0", 12}}},
        Shape{"03_ascii-plus-tree-with-drivers.txt", 5, 6, "structured",
              {{"00:01.1", 2}, {"0a:00.0", 14}, {"0a:00.1", 14}, {"0b:00.0", 15}}},
        Shape{"04_dmar-unit-sections.txt", 5, 8, "structured",
              {{"00:02.0", 0}, {"00:00.0", 1}, {"01:00.1", 2}, {"00:14.2", 3}, {"00:0e.0", 4}}},
        Shape{"05_amd-iommu-unit-sections.txt", 6, 8, "structured",
              {{"00:01.0", 0}, {"01:00.1", 1}, {"41:00.0", 22}, {"80:01.0", 40}}},
        Shape{"06_indented-mixed-prefixes.txt", 6, 9, "structured+iommu-loop",
              {{"00:00.0", 0}, {"01:00.0", 1}, {"00:02.0", 2}, {"00:08.0", 3}, {"00:12.0", 4}, {"00:14.2", 5}}},
        Shape{"07_one-line-variants.txt", 7, 8, "structured",
              {{"00:00.0", 0}, {"00:02.0", 1}, {"00:08.0", 2}, {"00:12.0", 3}, {"00:14.2", 4}, {"00:16.0", 5},
               {"00:17.0", 6}}},
        Shape{"08_duplicated-lines.txt", 2, 5, "structured",
              {{"00:1c.0", 7}, {"02:00.0", 7}, {"00:1f.0", 8}, {"00:1f.3", 8}}},
        Shape{"09_markdown-table.txt", 3, 5, "structured", {{"00:00.0", 0}, {"01:00.1", 1}, {"03:00.0", 10}}},
        Shape{"10_mixed-formats.txt", 5, 6, "structured+iommu-loop+lspci-nnk",
              {{"00:00.0", 0}, {"01:00.0", 1}, {"01:00.1", 2}, {"00:14.0", 3}, {"00:17.0", 4}}},
        Shape{"11_flat-headings.txt", 3, 6, "structured", {{"00:00.0", 0}, {"01:00.1", 1}, {"00:14.2", 2}}}),
    [](const testing::TestParamInfo<Shape>& param) { return "shape" + param.param.file.substr(0, 2); });

TEST(ListingShapes, DrawnLspciKLinesGiveDriversAndSubsystems) {
    Topology t = import_ok(shape_text("03_ascii-plus-tree-with-drivers.txt"));
    const Device* gpu = t.find(*Bdf::parse("0a:00.0"));
    ASSERT_NE(gpu, nullptr);
    EXPECT_EQ(gpu->vendor_id, Fact<std::uint16_t>::known(0x1002));
    EXPECT_EQ(gpu->device_id, Fact<std::uint16_t>::known(0x73ff));
    EXPECT_EQ(gpu->device_name, "Navi 23 [Radeon RX 6600/6600 XT/6600M]");
    EXPECT_EQ(gpu->driver, Fact<std::string>::known("vfio-pci"));
    EXPECT_EQ(gpu->subsystem_vendor_id, Fact<std::uint16_t>::known(0x1da2));
    EXPECT_EQ(t.find(*Bdf::parse("00:01.1"))->driver, Fact<std::string>::known("pcieport"));
    // A -k listing without a driver line for a function: known to have none.
    EXPECT_EQ(t.find(*Bdf::parse("00:00.0"))->driver, Fact<std::string>::known(""));
}

TEST(ListingShapes, IommuUnitsAddressIsNoMember) {
    Topology t = import_ok(shape_text("05_amd-iommu-unit-sections.txt"));
    EXPECT_EQ(t.find(*Bdf::parse("00:00.2")), nullptr);
    EXPECT_EQ(t.find(*Bdf::parse("40:00.2")), nullptr);
    EXPECT_EQ(t.find(*Bdf::parse("01:00.0"))->device_name, "Ethernet Controller X710 for 10GbE SFP+");
}

TEST(ListingShapes, SysfsLinkTargetsNameNoMembers) {
    Topology t = import_ok(shape_text("02_ascii-tree-sysfs.txt"));
    EXPECT_EQ(t.find(*Bdf::parse("00:1c.4")), nullptr);  // only in the link target of 03:00.0
    EXPECT_EQ(t.group(1)->members.size(), 3u);
}

TEST(ListingShapes, NamesFromTheTableDeviceColumn) {
    Topology t = import_ok(shape_text("09_markdown-table.txt"));
    const Device* nic = t.find(*Bdf::parse("03:00.0"));
    ASSERT_NE(nic, nullptr);
    EXPECT_EQ(nic->vendor_name, "Intel Corporation");
    EXPECT_EQ(nic->device_name, "I211 Gigabit Network Connection");
    EXPECT_EQ(nic->revision, Fact<std::uint8_t>::known(3));
}

TEST(ListingShapes, UnreadableFileIsRefusedNamingTheFirstLineNotPlaced) {
    auto t = import_listing(shape_text("12_unreadable_no-clear-group.txt"), ListingFormat::Auto, "12_unreadable_no-clear-group.txt");
    ASSERT_FALSE(t.has_value());
    EXPECT_EQ(t.error().message,
              "12_unreadable_no-clear-group.txt cannot be read: line 5 (\"Slot 1: 0000:00:01.0 (PCIe port)\") names a PCI "
              "address, but neither the line nor a group heading above it says which IOMMU group that function is in, "
              "and no other line could be placed either; paste the listing as it was printed, with every address under "
              "its group's heading or on one line with its group number");
}

TEST(ListingShapes, ForcedStructuredRefusesTheSameWay) {
    auto t = import_listing("├── 0000:00:14.0 USB controller\n", ListingFormat::Structured, "tree.txt");
    ASSERT_FALSE(t.has_value());
    EXPECT_EQ(t.error().message,
              "tree.txt cannot be read: line 1 (\"├── 0000:00:14.0 USB controller\") names a PCI address, but neither "
              "the line nor a group heading above it says which IOMMU group that function is in, and no other line "
              "could be placed either; paste the listing as it was printed, with every address under its group's "
              "heading or on one line with its group number");
}

TEST(ListingShapes, PartlyPlacedFileKeepsWhatItPlacedAndSaysWhatItSkipped) {
    Topology t = import_ok("├── Group 3\n"
                           "│   └── 0000:00:14.0 USB controller [0c03]: Intel Corporation Device [8086:a36d]\n"
                           "0000:00:16.0 (the HECI, I think)\n");
    EXPECT_EQ(t.devices().size(), 1u);
    EXPECT_EQ(group_of(t, "00:14.0"), 3u);
    ASSERT_EQ(t.diagnostics().size(), 1u);
    EXPECT_EQ(t.diagnostics()[0].subject, "line 3");
    EXPECT_EQ(t.diagnostics()[0].message,
              "skipped \"0000:00:16.0 (the HECI, I think)\": it names a PCI address, but neither the line nor a group "
              "heading above it says which IOMMU group that function is in");
}

TEST(ListingShapes, MisalignedSectionIsNotGuessed) {
    // 00:01.1 is indented less than 00:01.0: which of them belong to group 1 is not clear.
    Topology t = import_ok("Group 1\n"
                           "      00:01.0 PCI bridge [0604]: Intel Corporation Port [8086:1901]\n"
                           "    00:01.1 PCI bridge [0604]: Intel Corporation Port [8086:1905]\n"
                           "Group 2\n"
                           "    00:02.0 VGA compatible controller [0300]: Intel Corporation HD [8086:1912]\n");
    EXPECT_EQ(t.devices().size(), 3u);  // the lspci lines are still read, without a group
    EXPECT_EQ(group_of(t, "00:01.0"), std::nullopt);
    EXPECT_EQ(group_of(t, "00:01.1"), std::nullopt);
    EXPECT_EQ(group_of(t, "00:02.0"), 2u);
    ASSERT_EQ(t.diagnostics().size(), 1u);
    EXPECT_EQ(t.diagnostics()[0].subject, "line 1");
    EXPECT_EQ(t.diagnostics()[0].message,
              "the lines under \"Group 1\" are not all indented alike, so it is not clear which of them are in IOMMU "
              "group 1; their group was left unknown (indent every line of a group the same way under its heading)");
}

TEST(ListingShapes, AddressUnderTwoGroupsKeepsNeither) {
    Topology t = import_ok("Group 4\n"
                           "    00:1f.0 ISA bridge [0601]: Intel Corporation Device [8086:0685]\n"
                           "Group 5\n"
                           "    00:1f.0 ISA bridge [0601]: Intel Corporation Device [8086:0685]\n"
                           "    00:1f.3 Audio device [0403]: Intel Corporation Device [8086:06c8]\n");
    EXPECT_EQ(group_of(t, "00:1f.0"), std::nullopt);
    EXPECT_EQ(group_of(t, "00:1f.3"), 5u);
    ASSERT_EQ(t.diagnostics().size(), 1u);
    EXPECT_EQ(t.diagnostics()[0].subject, "0000:00:1f.0");
    EXPECT_EQ(t.diagnostics()[0].message,
              "0000:00:1f.0 is listed in IOMMU group 4 on line 2 and in group 5 on line 4, so its group was left unknown");
}

TEST(ListingShapes, NothingIsGuessed) {
    Topology t = import_ok("Group 1\n"
                           "    00:01.0 PCI bridge [0604]: Intel Corporation Port [8086:1901]\n"
                           "    group=2 00:02.0 VGA compatible controller [0300]: Intel Corporation HD [8086:1912]\n"
                           "    Group 3\n"
                           "        00:14.0 USB controller [0c03]: Intel Corporation Device [8086:a36d]\n"
                           "Slot 4\n"
                           "    00:16.0 Communication controller [0780]: Intel Corporation Device [8086:a360]\n"
                           "group 6 0000:00:17.0 0000:00:17.1\n");
    EXPECT_EQ(group_of(t, "00:01.0"), 1u);
    EXPECT_EQ(t.find(*Bdf::parse("00:02.0")), nullptr);  // a one-liner of group 2 inside group 1's section
    EXPECT_EQ(group_of(t, "00:14.0"), std::nullopt);  // a group heading inside another group
    EXPECT_EQ(group_of(t, "00:16.0"), std::nullopt);  // under a line that is no group heading
    EXPECT_EQ(t.find(*Bdf::parse("00:17.0")), nullptr);  // two addresses on one line
    EXPECT_EQ(t.groups().size(), 1u);
    std::vector<std::string> subjects;
    for (const auto& d : t.diagnostics()) subjects.push_back(d.subject);
    EXPECT_EQ(subjects, (std::vector<std::string>{"line 3", "line 6", "line 8"}));
}

TEST(ListingShapes, TreeDrawnMembersUnderTheLoopsHeader) {
    Topology t = import_ok("IOMMU Group 1:\n"
                           "├── 00:01.0 PCI bridge [0604]: Intel Corporation Port [8086:1901]\n"
                           "└── 01:00.0 VGA compatible controller [0300]: NVIDIA Corporation GP104 [10de:1b80]\n");
    EXPECT_EQ(t.group(1)->members.size(), 2u);
    EXPECT_TRUE(t.diagnostics().empty());
}

TEST(ListingShapes, GroupLineOfLspciVStaysItsDevicesGroup) {
    // "IOMMU group: 5" nested under a device line is that device's (lspci -v), not a heading.
    Topology t = import_ok("00:14.0 USB controller [0c03]: Intel Corporation Device [8086:a36d]\n"
                           "\tSubsystem: ASUSTeK Computer Inc. Device [1043:8694]\n"
                           "\tIOMMU group: 5\n"
                           "\tKernel driver in use: xhci_hcd\n"
                           "00:16.0 Communication controller [0780]: Intel Corporation Device [8086:a360]\n");
    EXPECT_EQ(group_of(t, "00:14.0"), 5u);
    EXPECT_EQ(group_of(t, "00:16.0"), std::nullopt);
    EXPECT_TRUE(t.diagnostics().empty());
}

// The general reader, forced, reaches the same groups as the named forms on real pastes.
TEST(ListingShapes, ForcedStructuredAgreesWithTheNamedFormsOnRealListings) {
    for (std::string file : {"01_amd-b550-aorus-pro_gpu-in-chipset-group.txt", "04_intel-z170-asrock-itx_gtx960.txt",
                             "07_intel-z690-asus_i9-12900ks_alderlake_tb4_3formats.txt",
                             "10_hedt-threadripper3000-trx40_4-root-complexes_2xA6000.txt",
                             "18_amd-b550-itx-5700g-apu_acs-override-applied.txt"}) {
        const std::string text = read_file(std::string(ISOLA_TEST_DATA) + "/real-world/" + file);
        auto named = import_listing(text, ListingFormat::Auto, file);
        auto structured = import_listing(text, ListingFormat::Structured, file);
        ASSERT_TRUE(named && structured) << file;
        EXPECT_EQ(membership(*structured), membership(*named)) << file;
        EXPECT_EQ(structured->source().format, "structured") << file;
    }
}

TEST(ListingShapes, FormatName) {
    EXPECT_EQ(to_string(ListingFormat::Structured), "structured");
    EXPECT_EQ(listing_format_from_string("structured"), ListingFormat::Structured);
}

}  // namespace
}  // namespace isola
