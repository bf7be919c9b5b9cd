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
