// The words of the importers: what a pasted listing could not give, as typed values (a kind and
// the arguments its sentence needs), said in one place in the user's language
// (text/message.hpp). import_listing() and merge_sightings() build these; nothing else in
// core/importers writes a sentence.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "importers/import_listing.hpp"
#include "topology/bdf.hpp"
#include "topology/device.hpp"
#include "topology/topology.hpp"

namespace isola {

enum class ImportDiagnosticKind {
    AcsOverrideInComment,    // `text` (a pcie_acs_override= token) in a "#" line of `line`
    AcsOverrideInText,       // `text` in prose on `line`
    SkippedUnplacedAddress,  // `line` (`text`) names an address that no group heading places
    SkippedUnknownLine,      // `line` (`text`) is in no format Isola knows
    MisalignedGroup,         // the lines under heading `text` (`line`, group `group`) are indented unevenly
    ListedInTwoGroups,       // `address` in `group` on `line` and in `other_group` on `other_line`
    TreeWithoutRoot,         // part of an lspci -t tree had no root line
    StaleGroupBlock,         // lines `line`-`other_line` disagree for `addresses`; `only_here` went too
    IdsDisagree,             // `address` is `ids` on `line` but `other_ids` on `other_line`
};

struct ImportDiagnostic {
    ImportDiagnosticKind kind;
    int line = 0;
    std::string text;  // the line's text or a token, unquoted and uncut
    std::optional<Bdf> address;
    GroupId group = 0;
    GroupId other_group = 0;
    int other_line = 0;
    std::string ids;        // "8086:1901"
    std::string other_ids;
    std::vector<Bdf> addresses;
    std::vector<Bdf> only_here;
};

// "skipped \"foo\": it is not part of any listing format Isola knows"
std::string describe(const ImportDiagnostic& diagnostic);
// The Diagnostic a Topology carries: its subject ("line 12", an address, "") and describe().
Diagnostic to_diagnostic(const ImportDiagnostic& diagnostic);

enum class ImportErrorKind {
    UnplacedAddress,  // no line recognised; `line` (`text`) names an address no heading places
    NothingRecognised,  // no line recognised in `format` (Auto: in any format)
};

struct ImportErrorDetails {
    ImportErrorKind kind;
    std::string origin;  // the file name
    int line = 0;
    std::string text;
    ListingFormat format = ListingFormat::Auto;
};

std::string describe(const ImportErrorDetails& error);
// An ImportError whose message is describe(details).
ImportError make_import_error(const ImportErrorDetails& details);

}  // namespace isola
