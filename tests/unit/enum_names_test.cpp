// The stable names of the enums (core/text/enum_names.hpp tables), as JSON, snapshots and command
// lines use them: every enumerator has a name of its own, and its parser reads that name back.
// The enumerators are listed here by hand on purpose: unlike a switch, a table draws no -Wswitch
// warning for a new enumerator, so this list is the check that takes its place (add the new one
// here, and the test says whether its table names it).
#include <gtest/gtest.h>

#include <initializer_list>
#include <set>
#include <string_view>
#include <vector>

#include "explain/explain_groups.hpp"
#include "export/export_config.hpp"
#include "graph/graph_render.hpp"
#include "importers/import_listing.hpp"
#include "topology/device.hpp"
#include "topology/topology.hpp"

using namespace isola;

namespace {

// Each name is neither empty nor the table's "unknown", and no two enumerators share one.
template <class E>
void expect_distinct_names(std::initializer_list<E> every) {
    std::set<std::string_view> names;
    for (E e : every) {
        const std::string_view name = to_string(e);
        EXPECT_FALSE(name.empty()) << "enumerator " << static_cast<int>(e);
        EXPECT_NE(name, "unknown") << "enumerator " << static_cast<int>(e) << " has no name in its table";
        EXPECT_TRUE(names.insert(name).second) << "\"" << name << "\" names two enumerators";
    }
}

// And name -> value -> name: the parser gives back the enumerator, whose name is the same text.
template <class E, class Parse>
void expect_round_trip(std::initializer_list<E> every, Parse parse) {
    expect_distinct_names(every);
    for (E e : every) {
        const std::string_view name = to_string(e);
        const std::optional<E> parsed = parse(name);
        ASSERT_TRUE(parsed.has_value()) << "\"" << name << "\" does not parse";
        EXPECT_EQ(*parsed, e) << "\"" << name << "\"";
        EXPECT_EQ(to_string(*parsed), name);
    }
    EXPECT_EQ(parse("unknown"), std::nullopt);
    EXPECT_EQ(parse(""), std::nullopt);
}

}  // namespace

TEST(EnumNames, GraphFormatIsGraphvizsOutputName) {
    expect_round_trip({GraphFormat::Dot, GraphFormat::Svg, GraphFormat::Png}, graph_format_from_string);
    EXPECT_EQ(to_string(GraphFormat::Svg), "svg");
    EXPECT_EQ(graph_format_from_string(".svg"), std::nullopt);
}

TEST(EnumNames, ExportFormatRoundTripsAndAllListsEveryOne) {
    const auto every = {ExportFormat::LibvirtHostdev, ExportFormat::QemuArgs,      ExportFormat::Proxmox,
                        ExportFormat::CloudHypervisor, ExportFormat::KernelCmdline, ExportFormat::ModprobeD,
                        ExportFormat::Driverctl};
    expect_round_trip(every, export_format_from_string);
    // all_export_formats() feeds the CLI's --format help and the GUI's menu: every format, once.
    const auto all = all_export_formats();
    EXPECT_EQ(std::vector(all.begin(), all.end()), std::vector(every));
    EXPECT_EQ(to_string(ExportFormat::ModprobeD), "modprobe.d");
}

TEST(EnumNames, ReasonKindNamesAreDistinct) {
    // Written by `isolactl explain --json`; nothing reads them back, so there is no parser.
    expect_distinct_names({ReasonKind::Alone, ReasonKind::DmaAlias, ReasonKind::AcsPath, ReasonKind::Multifunction,
                           ReasonKind::Anchor, ReasonKind::Unexplained});
    EXPECT_EQ(to_string(ReasonKind::DmaAlias), "dma-alias");
}

TEST(EnumNames, PredictionMatchNamesAreDistinct) {
    expect_distinct_names({PredictionMatch::Matches, PredictionMatch::Differs, PredictionMatch::Uncertain,
                           PredictionMatch::NotPossible});
    EXPECT_EQ(to_string(PredictionMatch::NotPossible), "not-possible");
}

TEST(EnumNames, ListingFormatRoundTripsAndAllListsEveryOne) {
    const auto every = {ListingFormat::Auto,      ListingFormat::IommuLoop, ListingFormat::LspciNn,
                        ListingFormat::LspciNnk,  ListingFormat::LspciVmm,  ListingFormat::LspciTree,
                        ListingFormat::LsIommu,   ListingFormat::IommuSh,   ListingFormat::LsGroup,
                        ListingFormat::SysfsFind, ListingFormat::Dmesg,     ListingFormat::Lspci,
                        ListingFormat::Structured};
    expect_round_trip(every, listing_format_from_string);
    const auto all = all_listing_formats();
    EXPECT_EQ(std::vector(all.begin(), all.end()), std::vector(every));
    EXPECT_EQ(to_string(ListingFormat::IommuLoop), "iommu-loop");
}

TEST(EnumNames, PortTypeRoundTrips) {
    // Snapshots store these; a renamed one would make older snapshots unreadable.
    expect_round_trip({PortType::Endpoint, PortType::LegacyEndpoint, PortType::RootPort, PortType::UpstreamPort,
                       PortType::DownstreamPort, PortType::PcieToPciBridge, PortType::PciToPcieBridge,
                       PortType::RcIntegratedEndpoint, PortType::RcEventCollector, PortType::Conventional},
                      port_type_from_string);
    EXPECT_EQ(to_string(PortType::Conventional), "conventional-pci");
}

TEST(EnumNames, SourceKindRoundTrips) {
    expect_round_trip({SourceKind::LiveHost, SourceKind::Snapshot, SourceKind::Listing}, source_kind_from_string);
    EXPECT_EQ(to_string(SourceKind::LiveHost), "live-host");
}
