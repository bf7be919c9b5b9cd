// Reads a pasted file line by line and records what each line says (listing_parser.cpp has the
// order in which line forms are tried). Several formats may follow each other in one file; each
// run of lines in one format becomes a ListingBlock.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "importers/import_listing.hpp"
#include "importers/listing_line.hpp"
#include "importers/lspci_device_line.hpp"
#include "importers/lspci_tree.hpp"
#include "importers/group_line_forms.hpp"
#include "importers/group_structure.hpp"
#include "importers/sighting.hpp"

namespace isola::importers {

// `forced` restricts recognition to one format (Auto: all of them).
ParsedListing parse_listing(const std::vector<ListingLine>& lines, ListingFormat forced);

class ListingParser {
public:
    // `structure` (read_group_structure() of the same lines) must outlive the parser.
    ListingParser(ListingFormat forced, const GroupStructure& structure) : forced_(forced), structure_(&structure) {}
    void read(const ListingLine& line);
    ParsedListing finish();

private:
    bool allowed(ListingFormat format) const;
    void use_block(ListingFormat format, int line);
    void end_block();
    Sighting& add_sighting(const Bdf& address, int line, int indent);
    void add_device_line(const LspciDeviceLine& parsed, std::optional<GroupId> group, int line, int indent);
    void note_acs_mention(const ListingLine& line, bool in_comment);
    void unknown_line(const ListingLine& line);

    bool read_host_line(const ListingLine& line);
    bool read_kernel_log(const ListingLine& line);
    bool read_lshw(const ListingLine& line);
    bool read_vmm(const ListingLine& line);
    bool read_tree(const ListingLine& line);
    bool read_iommu_sh(const ListingLine& line);
    bool read_group_forms(const ListingLine& line);
    bool read_device_line(const ListingLine& line);
    bool read_sub_line(const ListingLine& line);
    bool read_structured(const ListingLine& line);
    bool read_structured_member(const ListingLine& line, const StructuredLine& structured);
    bool strong_form(const ListingLine& line) const;

    ListingFormat forced_;
    const GroupStructure* structure_;
    ParsedListing out_;
    std::optional<std::size_t> block_;    // current block
    std::optional<std::size_t> device_;   // sighting that sub-lines belong to
    int device_indent_ = 0;
    std::optional<GroupHeader> header_;   // "IOMMU Group N:" in force
    std::optional<int> header_indent_;    // indentation of the first device line under it
    std::optional<GroupId> iommu_sh_group_;
    bool in_lshw_ = false;
    bool in_vmm_record_ = false;
    LspciTreeReader tree_;
    bool cmdline_seen_ = false;
    std::vector<std::string> acs_mentions_;  // pcie_acs_override= tokens seen in prose or notes
    // Groups the structured reader gave, to catch an address listed under two groups.
    struct StructuredPlacement {
        int line = 0;
        GroupId group = 0;
        std::size_t sighting = 0;
        bool contradicted = false;
    };
    std::map<Bdf, StructuredPlacement> structured_placements_;
};

}  // namespace isola::importers
