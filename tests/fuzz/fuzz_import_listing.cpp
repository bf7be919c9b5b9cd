// Any text pasted from a forum must import without crashing, hanging or leaking, in every format.
// Each input is read as Auto (every line form, then the structured fallback) and once more with
// the format its first byte picks, so that every forced format's parser is reached on its own.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "importers/import_listing.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const auto formats = isola::all_listing_formats();
    auto import = [&](isola::ListingFormat format) {
        auto t = isola::import_listing(text, format, "fuzz");
        if (t) (void)t->devices().size();
        else (void)t.error().message.size();
    };
    import(isola::ListingFormat::Auto);
    if (size > 0) {
        // formats[0] is Auto, already done: pick among the forced ones.
        const auto forced = formats[1 + data[0] % (formats.size() - 1)];
        import(forced);
    }
    return 0;
}
