// isola::import_listing: clean the pasted text, read every line form, merge what was read.
#include "importers/import_listing.hpp"

#include <format>

#include "importers/listing_line.hpp"
#include "importers/listing_parser.hpp"
#include "importers/merge_sightings.hpp"

namespace isola {

std::expected<Topology, ImportError> import_listing(std::string_view text, ListingFormat format, std::string origin) {
    auto parsed = importers::parse_listing(importers::clean_listing_lines(text), format);
    if (parsed.recognised_lines == 0) {
        // A listing in a shape Isola cannot read: say where it stopped making sense. (A forced
        // format keeps the general sentence: the other lines are simply not in that format.)
        const bool structured = format == ListingFormat::Auto || format == ListingFormat::Structured;
        if (const auto& line = parsed.first_unplaced; structured && line) {
            constexpr std::size_t kMax = 60;
            const std::string excerpt = line->text.size() <= kMax ? line->text : line->text.substr(0, kMax) + "...";
            return std::unexpected(ImportError{std::format(
                "{} cannot be read: line {} (\"{}\") names a PCI address, but neither the line nor a group heading "
                "above it says which IOMMU group that function is in, and no other line could be placed either; paste "
                "the listing as it was printed, with every address under its group's heading or on one line with its "
                "group number",
                origin, line->number, excerpt)});
        }
        const std::string expected = format == ListingFormat::Auto
                                         ? std::string("IOMMU group listing or lspci output")
                                         : std::format("{} output", to_string(format));
        return std::unexpected(ImportError{std::format(
            "{} contains no {} that Isola recognises; paste the output of the IOMMU group loop or of \"lspci -nnk\" "
            "as it was printed",
            origin, expected)});
    }
    return importers::merge_sightings(std::move(parsed), std::move(origin));
}

}  // namespace isola
