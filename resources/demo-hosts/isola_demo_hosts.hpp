// Demo hosts bundled into Isola: IOMMU listings published for real machines (provenance in each
// file's '#' header), shown when the machine Isola runs on has no IOMMU groups (a VM, a laptop
// with VT-d off) so people can still see what Isola does. Always labelled as not this machine.
#pragma once

#include <span>
#include <string_view>

namespace isola {

struct DemoHost {
    std::string_view name;   // "b550-gpu-in-chipset-group"
    std::string_view title;  // one line for people
    std::string_view listing;  // the listing text, imported with import_listing()
};

std::span<const DemoHost> demo_hosts();  // the first is the default
const DemoHost* find_demo_host(std::string_view name);

}  // namespace isola
