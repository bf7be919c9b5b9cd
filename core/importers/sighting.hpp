// What one place in a listing says about one PCI function, before the places are merged.
//
// A pasted file often holds several listings of one host (a group loop, then `lspci -nnk`), and
// sometimes of different moments. Parsers record every sighting with its line and block; the
// merge (merge_sightings.hpp) decides which one wins and says so when they disagree.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "importers/import_listing.hpp"
#include "topology/bdf.hpp"
#include "topology/device.hpp"
#include "topology/host_usage.hpp"
#include "topology/topology.hpp"

namespace isola::importers {

struct Sighting {
    Bdf address;
    int line = 0;   // 1-based line of the device line (or record start)
    int block = 0;  // index into ParsedListing::blocks

    std::optional<GroupId> group;
    std::optional<std::uint16_t> vendor_id;
    std::optional<std::uint16_t> device_id;
    std::optional<std::uint16_t> class_id;
    std::optional<std::uint8_t> prog_if;
    std::optional<std::uint8_t> revision;
    std::optional<std::uint16_t> subsystem_vendor_id;
    std::optional<std::uint16_t> subsystem_device_id;
    std::string vendor_name;
    std::string device_name;
    std::string subsystem_name;
    std::string class_name;

    std::optional<std::string> driver;  // "Kernel driver in use:" / "Driver:" as printed
    std::optional<int> numa_node;       // -vmm "NUMANode:"
    std::optional<bool> has_reset;      // iommu.sh "[R]": the function has a reset method
    std::optional<Bdf> parent;          // from an lspci -t tree
    bool in_tree = false;               // the tree placed it (parent nullopt = on a root bus)
    std::vector<UsbDevice> usb;         // iommu.sh "USB:" lines under a controller
};

// A run of consecutive lines in one format. Whether a -k listing printed drivers is a property of
// the whole block: there, a device without "Kernel driver in use:" is known to have none.
struct ListingBlock {
    ListingFormat format = ListingFormat::Auto;
    int first_line = 0;
    int last_line = 0;
    bool shows_drivers = false;  // a driver or modules line appeared in the block
    bool gives_groups = false;
};

struct ParsedListing {
    std::vector<Sighting> sightings;  // in file order
    std::vector<ListingBlock> blocks;
    HostFacts host;
    std::vector<Diagnostic> diagnostics;
    int recognised_lines = 0;  // lines that carried data (devices, groups, cmdline)
    // The first line with a PCI address that no form could place: what a refusal names.
    struct UnplacedLine {
        int number = 0;
        std::string text;
    };
    std::optional<UnplacedLine> first_unplaced;
};

}  // namespace isola::importers
