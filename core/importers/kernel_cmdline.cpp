#include "importers/kernel_cmdline.hpp"

#include <algorithm>
#include <array>

#include "importers/text_scan.hpp"

namespace isola::importers {
namespace {

std::vector<std::string_view> split_spaces(std::string_view s) {
    std::vector<std::string_view> words;
    while (true) {
        s = trim(s);
        if (s.empty()) break;
        std::size_t end = s.find(' ');
        words.push_back(s.substr(0, end));
        if (end == std::string_view::npos) break;
        s.remove_prefix(end);
    }
    return words;
}

bool is_iommu_parameter(std::string_view p) {
    constexpr std::array<std::string_view, 10> kPrefixes{"intel_iommu=", "amd_iommu=", "amd_iommu_", "iommu=",
                                                         "iommu.", "pcie_acs_override=", "vfio", "pci-stub.",
                                                         "pci_stub.", "intremap="};
    return std::ranges::any_of(kPrefixes, [&](std::string_view prefix) { return p.starts_with(prefix); });
}

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
    auto words = split_spaces(line);
    bool has_root = std::ranges::any_of(words, [](std::string_view w) { return w.starts_with("root="); });
    if (has_root && std::ranges::all_of(words, looks_like_parameter)) return std::string(line);
    return std::nullopt;
}

std::vector<std::string> iommu_parameters_of(std::string_view cmdline) {
    std::vector<std::string> parameters;
    for (auto word : split_spaces(cmdline)) {
        if (!is_iommu_parameter(word)) continue;
        if (std::ranges::find(parameters, word) == parameters.end()) parameters.emplace_back(word);
    }
    return parameters;
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
