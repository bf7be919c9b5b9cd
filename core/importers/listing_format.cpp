// Names of the listing formats, as they appear in Source::format ("iommu-loop+lspci-nnk").
#include <array>

#include "importers/import_listing.hpp"
#include "text/enum_names.hpp"

namespace isola {
namespace {

constexpr std::array kFormatNames{
    EnumName<ListingFormat>{ListingFormat::Auto, "auto"},
    EnumName<ListingFormat>{ListingFormat::IommuLoop, "iommu-loop"},
    EnumName<ListingFormat>{ListingFormat::LspciNn, "lspci-nn"},
    EnumName<ListingFormat>{ListingFormat::LspciNnk, "lspci-nnk"},
    EnumName<ListingFormat>{ListingFormat::LspciVmm, "lspci-vmm"},
    EnumName<ListingFormat>{ListingFormat::LspciTree, "lspci-tree"},
    EnumName<ListingFormat>{ListingFormat::LsIommu, "ls-iommu"},
    EnumName<ListingFormat>{ListingFormat::IommuSh, "iommu-sh"},
    EnumName<ListingFormat>{ListingFormat::LsGroup, "lsgroup"},
    EnumName<ListingFormat>{ListingFormat::SysfsFind, "sysfs-find"},
    EnumName<ListingFormat>{ListingFormat::Dmesg, "dmesg"},
    EnumName<ListingFormat>{ListingFormat::Lspci, "lspci"},
    EnumName<ListingFormat>{ListingFormat::Structured, "structured"},
};

}  // namespace

std::span<const ListingFormat> all_listing_formats() {
    static constexpr auto kAll = [] {
        std::array<ListingFormat, kFormatNames.size()> all{};
        for (std::size_t i = 0; i < all.size(); ++i) all[i] = kFormatNames[i].value;
        return all;
    }();
    return kAll;
}

std::string_view to_string(ListingFormat f) { return name_of(kFormatNames, f); }
std::optional<ListingFormat> listing_format_from_string(std::string_view s) { return value_of(kFormatNames, s); }

}  // namespace isola
