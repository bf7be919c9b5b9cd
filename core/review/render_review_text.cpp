// isolactl's view of a review: a summary line, then one line per finding, most serious first.
#include <format>

#include "review/review.hpp"
#include "text/message.hpp"
#include "text/prose.hpp"

namespace isola {

namespace {

std::string counts(const Review& r) {
    int blockers = 0, confirm = 0, notes = 0;
    for (const auto& f : r.findings)
        (f.severity == Severity::Blocker ? blockers : f.severity == Severity::Confirm ? confirm : notes)++;
    return join_list({say_n("{} blocker", "{} blockers", static_cast<unsigned long>(blockers), blockers),
                      say("{} to confirm", confirm), say_n("{} note", "{} notes", static_cast<unsigned long>(notes), notes)});
}

}  // namespace

std::string render_review_text(const Review& r) {
    // TRANSLATORS: {0} the host, snapshot or listing reviewed, {1} which of them (live-host, snapshot, listing),
    // {2} how many findings of each severity.
    std::string out = say("Review of {0} ({1}): {2}", r.origin, to_string(r.source_kind), counts(r)) + "\n";
    out += say("IOMMU: {}", r.iommu_summary) + "\n";
    if (!r.vm_sources.empty()) {
        out += say("VM definitions:");
        for (const auto& v : r.vm_sources) out += "\n  " + v;
        out += "\n";
    }
    out += "\n";
    if (r.findings.empty()) out += say("No findings.") + "\n";
    for (const auto& f : r.findings) {
        out += std::format("[{}] {}", to_string(f.severity), f.code);
        // TRANSLATORS: after a finding's code: "[blocker] mixed-group, group 3: ...".
        if (f.group) out += say(", group {}", *f.group);
        out += ": " + f.sentence + "\n";
    }
    return out;
}

}  // namespace isola
