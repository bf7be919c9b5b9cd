// Why the members of each IOMMU group share it, in sentences, and where the kernel's actual
// grouping disagrees with what its rules predict from the topology (and why that may be).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "explain/group_prediction.hpp"

namespace isola {

enum class ReasonKind {
    Alone,          // a group of one: its path to the root is isolated
    DmaAlias,       // behind a PCIe-to-PCI or conventional bridge
    AcsPath,        // a bridge on its path to the root lacks ACS
    Multifunction,  // a function of a multifunction device without ACS
    Anchor,         // the bridge the others climbed to
    Unexplained,    // the kernel put it here; the modelled rules do not
};
std::string_view to_string(ReasonKind);

struct GroupReason {
    ReasonKind kind;
    Bdf device;
    std::optional<Bdf> via;  // the bridge or function responsible
    std::string sentence;
};

enum class PredictionMatch { Matches, Differs, Uncertain, NotPossible };
std::string_view to_string(PredictionMatch);

struct GroupExplanation {
    GroupId group = 0;
    std::vector<Bdf> members;
    std::vector<GroupReason> reasons;  // one per member
    PredictionMatch prediction = PredictionMatch::NotPossible;
    std::string prediction_note;       // a sentence when the prediction is not a plain match
};

std::vector<GroupExplanation> explain_groups(const Topology& topology);

}  // namespace isola
