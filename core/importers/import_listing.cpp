// isola::import_listing: clean the pasted text, read every line form, merge what was read.
#include "importers/import_listing.hpp"

#include "importers/describe_import.hpp"
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
        if (const auto& line = parsed.first_unplaced; structured && line)
            return std::unexpected(make_import_error({.kind = ImportErrorKind::UnplacedAddress, .origin = origin,
                                                      .line = line->number, .text = line->text, .format = format}));
        return std::unexpected(make_import_error(
            {.kind = ImportErrorKind::NothingRecognised, .origin = origin, .line = 0, .text = {}, .format = format}));
    }
    return importers::merge_sightings(std::move(parsed), std::move(origin));
}

}  // namespace isola
