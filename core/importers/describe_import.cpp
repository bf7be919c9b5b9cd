#include "importers/describe_import.hpp"

#include <format>

#include "text/message.hpp"

namespace isola {
namespace {

// A line's text as a sentence shows it: at most 60 bytes, then "...".
std::string excerpt(const std::string& text) {
    constexpr std::size_t kMax = 60;
    return text.size() <= kMax ? text : text.substr(0, kMax) + "...";
}

std::string join_addresses(const std::vector<Bdf>& addresses) {
    std::string out;
    for (const auto& a : addresses) out += (out.empty() ? "" : ", ") + a.str();
    return out;
}

}  // namespace

std::string describe(const ImportDiagnostic& d) {
    const std::string address = d.address ? d.address->str() : std::string();
    switch (d.kind) {
        case ImportDiagnosticKind::AcsOverrideInComment:
            // TRANSLATORS: {} a kernel parameter, e.g. "pcie_acs_override=downstream,multifunction".
            return say("{} is mentioned in a comment, not on a kernel command line; the listing is taken as captured "
                       "with the ACS override, so its groups need not show real isolation",
                       d.text);
        case ImportDiagnosticKind::AcsOverrideInText:
            // TRANSLATORS: {} a kernel parameter, e.g. "pcie_acs_override=downstream,multifunction".
            return say("{} is mentioned in the text, not on a kernel command line; the listing is taken as captured "
                       "with the ACS override, so its groups need not show real isolation",
                       d.text);
        case ImportDiagnosticKind::SkippedUnplacedAddress:
            // TRANSLATORS: {} the text of a line of the pasted listing.
            return say("skipped \"{}\": it names a PCI address, but neither the line nor a group heading above it "
                       "says which IOMMU group that function is in",
                       excerpt(d.text));
        case ImportDiagnosticKind::SkippedUnknownLine:
            // TRANSLATORS: {} the text of a line of the pasted listing.
            return say("skipped \"{}\": it is not part of any listing format Isola knows", excerpt(d.text));
        case ImportDiagnosticKind::MisalignedGroup:
            // TRANSLATORS: {0} the text of a group heading line, {1} its group number.
            return say("the lines under \"{0}\" are not all indented alike, so it is not clear which of them are in "
                       "IOMMU group {1}; their group was left unknown (indent every line of a group the same way "
                       "under its heading)",
                       excerpt(d.text), d.group);
        case ImportDiagnosticKind::ListedInTwoGroups:
            // TRANSLATORS: {0} a PCI address; {1} and {3} IOMMU group numbers; {2} and {4} line numbers.
            return say("{0} is listed in IOMMU group {1} on line {2} and in group {3} on line {4}, so its group was "
                       "left unknown",
                       address, d.group, d.line, d.other_group, d.other_line);
        case ImportDiagnosticKind::TreeWithoutRoot:
            return say("part of the lspci -t tree came without its root line, so those devices were left out of the "
                       "tree");
        case ImportDiagnosticKind::StaleGroupBlock:
            if (d.only_here.empty())
                // TRANSLATORS: {0}-{1} a range of line numbers, {2} a list of PCI addresses.
                return say("the IOMMU groups on lines {0}-{1} disagree with earlier lines for {2}, so they describe "
                           "another moment and were ignored",
                           d.line, d.other_line, join_addresses(d.addresses));
            // TRANSLATORS: {0}-{1} a range of line numbers, {2} and {3} lists of PCI addresses.
            return say("the IOMMU groups on lines {0}-{1} disagree with earlier lines for {2}, so they describe "
                       "another moment and were ignored, together with {3}, which only they list",
                       d.line, d.other_line, join_addresses(d.addresses), join_addresses(d.only_here));
        case ImportDiagnosticKind::IdsDisagree:
            // TRANSLATORS: {0} a PCI address; {1} and {3} vendor:device IDs (8086:1901); {2} and {4} line numbers.
            return say("{0} is {1} on line {2} but {3} on line {4}: the listing mixes captures from different moments, "
                       "so {1} from line {2} was kept",
                       address, d.ids, d.line, d.other_ids, d.other_line);
    }
    return {};
}

Diagnostic to_diagnostic(const ImportDiagnostic& d) {
    std::string subject;
    switch (d.kind) {
        case ImportDiagnosticKind::TreeWithoutRoot: break;
        case ImportDiagnosticKind::ListedInTwoGroups:
        case ImportDiagnosticKind::IdsDisagree: subject = d.address ? d.address->str() : std::string(); break;
        default:
            // TRANSLATORS: the subject of a diagnostic: {} a line number of the pasted listing.
            subject = say("line {}", d.line);
    }
    return Diagnostic{std::move(subject), describe(d)};
}

std::string describe(const ImportErrorDetails& e) {
    switch (e.kind) {
        case ImportErrorKind::UnplacedAddress:
            // TRANSLATORS: {0} a file name, {1} a line number, {2} that line's text.
            return say("{0} cannot be read: line {1} (\"{2}\") names a PCI address, but neither the line nor a group "
                       "heading above it says which IOMMU group that function is in, and no other line could be "
                       "placed either; paste the listing as it was printed, with every address under its group's "
                       "heading or on one line with its group number",
                       e.origin, e.line, excerpt(e.text));
        case ImportErrorKind::NothingRecognised:
            if (e.format == ListingFormat::Auto)
                return say("{} contains no IOMMU group listing or lspci output that Isola recognises; paste the output "
                           "of the IOMMU group loop or of \"lspci -nnk\" as it was printed",
                           e.origin);
            // TRANSLATORS: {0} a file name, {1} the name of a listing format ("lspci-nnk", "iommu-loop").
            return say("{0} contains no {1} output that Isola recognises; paste the output of the IOMMU group loop or "
                       "of \"lspci -nnk\" as it was printed",
                       e.origin, to_string(e.format));
    }
    return {};
}

ImportError make_import_error(const ImportErrorDetails& details) { return ImportError{describe(details)}; }

}  // namespace isola
