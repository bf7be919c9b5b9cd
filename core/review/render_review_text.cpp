// isolactl's view of a review: a summary line, then one line per finding, most serious first.
#include <format>

#include "review/review.hpp"

namespace isola {

namespace {

std::string counts(const Review& r) {
    int blockers = 0, confirm = 0, notes = 0;
    for (const auto& f : r.findings)
        (f.severity == Severity::Blocker ? blockers : f.severity == Severity::Confirm ? confirm : notes)++;
    return std::format("{} blocker{}, {} to confirm, {} note{}", blockers, blockers == 1 ? "" : "s", confirm, notes,
                       notes == 1 ? "" : "s");
}

}  // namespace

std::string render_review_text(const Review& r) {
    std::string out = std::format("Review of {} ({}): {}\n", r.origin, to_string(r.source_kind), counts(r));
    out += "IOMMU: " + r.iommu_summary + "\n";
    if (!r.vm_sources.empty()) {
        out += "VM definitions:";
        for (const auto& v : r.vm_sources) out += "\n  " + v;
        out += "\n";
    }
    out += "\n";
    if (r.findings.empty()) out += "No findings.\n";
    for (const auto& f : r.findings) {
        out += std::format("[{}] {}", to_string(f.severity), f.code);
        if (f.group) out += std::format(", group {}", *f.group);
        out += ": " + f.sentence + "\n";
    }
    return out;
}

}  // namespace isola
