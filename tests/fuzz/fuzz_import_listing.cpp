// Any text pasted from a forum must import without crashing, hanging or leaking, in every format.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "importers/import_listing.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    for (auto format : {isola::ListingFormat::Auto, isola::ListingFormat::IommuLoop, isola::ListingFormat::LspciNnk,
                        isola::ListingFormat::LspciVmm, isola::ListingFormat::LspciTree, isola::ListingFormat::LsIommu}) {
        auto t = isola::import_listing(text, format, "fuzz");
        if (t) (void)t->devices().size();
    }
    return 0;
}
