// The ways a listing says "this function is in IOMMU group N".
//   header       "IOMMU Group 14:" / "IOMMU group 14" (ArchWiki loop), "### Group 14 ###" (lsgroup.sh)
//   one-liner    "IOMMU Group 14 0b:00.0 VGA ..." (loop), "IOMMU Group  14: 0000:0b:00.0 VGA ..." (ls-iommu)
//   sysfs path   "/sys/kernel/iommu_groups/14/devices/0000:0b:00.0" (find -type l)
//   kernel log   "pci 0000:0b:00.0: Adding to iommu group 14" (also the pre-4.x "iommu: Adding device
//                0000:0b:00.0 to group 14")
#pragma once

#include <optional>
#include <string_view>

#include "importers/import_listing.hpp"
#include "topology/bdf.hpp"
#include "topology/device.hpp"

namespace isola::importers {

struct GroupHeader {
    GroupId group = 0;
    ListingFormat format = ListingFormat::IommuLoop;
};
std::optional<GroupHeader> parse_group_header(std::string_view text);

struct GroupOneLiner {
    GroupId group = 0;
    ListingFormat format = ListingFormat::IommuLoop;
    std::string_view device_text;  // the lspci device line that follows the group number
};
std::optional<GroupOneLiner> parse_group_one_liner(std::string_view text);

struct GroupMembership {
    Bdf address;
    GroupId group = 0;
};
std::optional<GroupMembership> parse_sysfs_group_path(std::string_view text);
// `text` without the "[   0.65]" timestamp.
std::optional<GroupMembership> parse_kernel_log_group_add(std::string_view text);

// "[    0.657621] rest" -> "rest"; nullopt when `text` does not start with a dmesg timestamp.
std::optional<std::string_view> strip_dmesg_timestamp(std::string_view text);

}  // namespace isola::importers
