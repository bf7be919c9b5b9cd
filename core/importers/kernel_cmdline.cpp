#include "importers/kernel_cmdline.hpp"

#include <algorithm>

#include "importers/text_scan.hpp"
#include "topology/kernel_parameters.hpp"

namespace isola::importers {
namespace {

bool looks_like_parameter(std::string_view word) {
    // Kernel parameters are "key" or "key=value"; a key has no quotes or colons.
    std::string_view key = word.substr(0, word.find('='));
    return !key.empty() && key.find_first_of("\"':;()") == std::string_view::npos;
}

}  // namespace

std::optional<std::string> kernel_cmdline_in(std::string_view line) {
    line = trim(line);
    std::string_view s = line;
    if (consume_prefix(s, "Kernel command line:") || consume_prefix(s, "Command line:")) return std::string(trim(s));
    if (line.starts_with("BOOT_IMAGE=")) return std::string(line);
    auto words = kernel_cmdline_words(line);
    bool has_root = std::ranges::any_of(words, [](std::string_view w) { return w.starts_with("root="); });
    if (has_root && std::ranges::all_of(words, looks_like_parameter)) return std::string(line);
    return std::nullopt;
}

std::optional<std::string> acs_override_mention(std::string_view text) {
    constexpr std::string_view kKey = "pcie_acs_override=";
    std::size_t at = text.find(kKey);
    if (at == std::string_view::npos) return std::nullopt;
    std::string_view rest = text.substr(at);
    std::size_t end = rest.find_first_of(" \t\"'`");
    std::string token(rest.substr(0, end));
    if (token.size() == kKey.size()) return std::nullopt;  // "pcie_acs_override=" with no value
    return token;
}

}  // namespace isola::importers
