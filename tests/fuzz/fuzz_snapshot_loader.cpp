// A damaged or hostile snapshot gives an error sentence, never a crash; a loadable one re-saves
// to the same topology (the round trip is lossless for whatever the loader accepts).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "snapshot/snapshot.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    auto t = isola::snapshot_from_json(text, "fuzz");
    if (!t) return 0;
    // Loaded under the same name, so the source (a snapshot of what it recorded) is the same too.
    auto again = isola::snapshot_from_json(isola::snapshot_to_json(*t), "fuzz");
    if (!again || !(*again == *t)) std::abort();
    return 0;
}
