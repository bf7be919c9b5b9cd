#include "importers/printed_names.hpp"

#include <algorithm>
#include <array>
#include <utility>
#include <vector>

#include "importers/text_scan.hpp"

namespace isola::importers {
namespace {

// Vendor names from pci.ids that the suffix rule below would cut wrongly or not at all. Longest
// first among names sharing a prefix ("... [AMD/ATI]" before "... [AMD]").
constexpr std::array<std::string_view, 24> kKnownVendors{
    "Advanced Micro Devices, Inc. [AMD/ATI]",
    "Advanced Micro Devices, Inc. [AMD]",
    "Broadcom Inc. and subsidiaries",
    "Broadcom / LSI",
    "Qualcomm Atheros",
    "Qualcomm Technologies, Inc",
    "Micro-Star International Co., Ltd. [MSI]",
    "Sandisk Corp",
    "MEDIATEK Corp.",
    "Aquantia Corp.",
    "Intel Corporation",
    "NVIDIA Corporation",
    "Realtek Semiconductor Co., Ltd.",
    "ASMedia Technology Inc.",
    "Samsung Electronics Co Ltd",
    "Kingston Technology Company, Inc.",
    "Super Micro Computer Inc",
    "Fujitsu Technology Solutions",
    "Red Hat, Inc.",
    "Mellanox Technologies",
    "Marvell Technology Group Ltd.",
    "Texas Instruments",
    "Linux Foundation",
    "Creative Labs",
};

// Words that end a company name in pci.ids ("Co.," and "Ltd." are compared without the comma).
constexpr std::array<std::string_view, 16> kCompanySuffixes{
    "Corporation", "Corp.", "Corp", "Inc.", "Inc", "Ltd.", "Ltd", "Co.", "Co",
    "GmbH", "AG", "LLC", "Limited", "Incorporated", "Company", "S.A.",
};

bool is_company_suffix(std::string_view word) {
    while (!word.empty() && word.back() == ',') word.remove_suffix(1);
    return std::ranges::find(kCompanySuffixes, word) != kCompanySuffixes.end();
}

std::vector<std::string_view> split_words(std::string_view s) {
    std::vector<std::string_view> words;
    while (!s.empty()) {
        std::size_t start = s.find_first_not_of(' ');
        if (start == std::string_view::npos) break;
        s.remove_prefix(start);
        std::size_t end = s.find(' ');
        words.push_back(s.substr(0, end));
        s = end == std::string_view::npos ? std::string_view{} : s.substr(end);
    }
    return words;
}

// The byte length of the vendor part found by the suffix rule, or 0.
std::size_t vendor_length_by_suffix(std::string_view printed) {
    auto words = split_words(printed);
    std::size_t i = 1;  // a vendor name has at least one word before its suffix
    while (i < words.size() && !is_company_suffix(words[i])) ++i;
    if (i >= words.size()) return 0;
    while (i + 1 < words.size() && is_company_suffix(words[i + 1])) ++i;
    // A short name in brackets belongs to the vendor: "Advanced Micro Devices, Inc. [AMD]".
    if (i + 1 < words.size() && words[i + 1].starts_with('[')) {
        std::size_t j = i + 1;
        while (j < words.size() && !words[j].ends_with(']')) ++j;
        if (j < words.size()) i = j;
    }
    if (i + 1 >= words.size()) return 0;  // nothing left for the device name
    const std::string_view& last = words[i];
    return static_cast<std::size_t>(last.data() + last.size() - printed.data());
}

}  // namespace

PrintedName split_printed_name(std::string_view printed) {
    printed = trim(printed);
    std::size_t vendor_length = 0;
    for (auto vendor : kKnownVendors) {
        if (printed.starts_with(vendor) && printed.size() > vendor.size() + 1 && printed[vendor.size()] == ' ') {
            vendor_length = vendor.size();
            break;
        }
    }
    if (vendor_length == 0) vendor_length = vendor_length_by_suffix(printed);
    if (vendor_length == 0) return {.vendor = {}, .device = std::string(printed)};
    return {.vendor = std::string(trim(printed.substr(0, vendor_length))),
            .device = std::string(trim(printed.substr(vendor_length)))};
}

bool is_placeholder_name(std::string_view name) {
    name = trim(name);
    if (!consume_prefix(name, "Device")) return false;
    name = trim(name);
    return name.empty() || is_hex(name) || (name.starts_with('[') && name.ends_with(']'));
}

std::optional<std::uint16_t> class_id_from_name(std::string_view class_name) {
    // The classes that occur in host listings (pci.ids "C" section spellings).
    static constexpr std::array<std::pair<std::string_view, std::uint16_t>, 40> kClasses{{
        {"SCSI storage controller", 0x0100}, {"IDE interface", 0x0101}, {"RAID bus controller", 0x0104},
        {"SATA controller", 0x0106}, {"Serial Attached SCSI controller", 0x0107},
        {"Non-Volatile memory controller", 0x0108}, {"Mass storage controller", 0x0180},
        {"Ethernet controller", 0x0200}, {"Network controller", 0x0280}, {"Infiniband controller", 0x0207},
        {"VGA compatible controller", 0x0300}, {"3D controller", 0x0302}, {"Display controller", 0x0380},
        {"Multimedia video controller", 0x0400}, {"Multimedia audio controller", 0x0401},
        {"Audio device", 0x0403}, {"RAM memory", 0x0500}, {"Memory controller", 0x0580},
        {"Host bridge", 0x0600}, {"ISA bridge", 0x0601}, {"PCI bridge", 0x0604}, {"CardBus bridge", 0x0607},
        {"Bridge", 0x0680}, {"Serial controller", 0x0700}, {"Communication controller", 0x0780},
        {"PIC", 0x0800}, {"IOMMU", 0x0806}, {"Generic system peripheral", 0x0807},
        {"System peripheral", 0x0880}, {"Co-processor", 0x0b40}, {"FireWire (IEEE 1394)", 0x0c00},
        {"USB controller", 0x0c03}, {"SMBus", 0x0c05}, {"Serial bus controller", 0x0c80},
        {"Encryption controller", 0x1080}, {"Signal processing controller", 0x1180},
        {"Non-Essential Instrumentation", 0x1300}, {"Processing accelerators", 0x1200},
        {"Wireless controller", 0x0d00}, {"Performance counters", 0x1101},
    }};
    class_name = trim(class_name);
    for (const auto& [name, id] : kClasses)
        if (name == class_name) return id;
    return std::nullopt;
}

}  // namespace isola::importers
