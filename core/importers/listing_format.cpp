// Names of the listing formats, as they appear in Source::format ("iommu-loop+lspci-nnk").
#include <array>
#include <utility>

#include "importers/import_listing.hpp"

namespace isola {
namespace {

constexpr std::array<std::pair<ListingFormat, std::string_view>, 13> kFormatNames{{
    {ListingFormat::Auto, "auto"},
    {ListingFormat::IommuLoop, "iommu-loop"},
    {ListingFormat::LspciNn, "lspci-nn"},
    {ListingFormat::LspciNnk, "lspci-nnk"},
    {ListingFormat::LspciVmm, "lspci-vmm"},
    {ListingFormat::LspciTree, "lspci-tree"},
    {ListingFormat::LsIommu, "ls-iommu"},
    {ListingFormat::IommuSh, "iommu-sh"},
    {ListingFormat::LsGroup, "lsgroup"},
    {ListingFormat::SysfsFind, "sysfs-find"},
    {ListingFormat::Dmesg, "dmesg"},
    {ListingFormat::Lspci, "lspci"},
    {ListingFormat::Structured, "structured"},
}};

}  // namespace

std::span<const ListingFormat> all_listing_formats() {
    static constexpr auto kAll = [] {
        std::array<ListingFormat, kFormatNames.size()> all{};
        for (std::size_t i = 0; i < all.size(); ++i) all[i] = kFormatNames[i].first;
        return all;
    }();
    return kAll;
}

std::string_view to_string(ListingFormat f) {
    for (const auto& [format, name] : kFormatNames)
        if (format == f) return name;
    return "unknown";
}

std::optional<ListingFormat> listing_format_from_string(std::string_view s) {
    for (const auto& [format, name] : kFormatNames)
        if (name == s) return format;
    return std::nullopt;
}

}  // namespace isola
