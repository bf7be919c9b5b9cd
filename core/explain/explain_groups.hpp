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

// Why `device` is in its group, as data: the kind and the arguments its sentence needs. The
// words come from describe() (describe_explanation.hpp); `sentence` holds them, said once.
struct GroupReason {
    ReasonKind kind;
    Bdf device;
    std::optional<Bdf> via;      // the bridge or function responsible
    std::string sentence;        // describe(*this)
    std::optional<PortType> bridge_type;  // DmaAlias: of `via`; Anchor: set when `device` is the aliasing bridge
    std::optional<Bdf> anchor;   // AcsPath: the bridge whose group it shares
    std::vector<Bdf> partners;   // Multifunction: the sibling functions it shares the group with
    AcsFinding finding;          // Alone: its own verdict; AcsPath: `via`'s; Multifunction, Anchor: its own
};

enum class PredictionMatch { Matches, Differs, Uncertain, NotPossible };
std::string_view to_string(PredictionMatch);

// What the note on a prediction says, as data (describe_prediction_note() says it).
enum class PredictionNote {
    None,                // a plain match
    NotPossible,         // `GroupPrediction::why_not`
    OverrideOnly,        // matches, but by the hardware's ACS `note_devices` would join the group
    AgreesUncertain,     // matches, on facts that could not be read
    DiffersUncertain,    // differs, most likely because facts could not be read
    OverrideSplit,       // the ACS override `note_parameter` split the group
    KernelIsolatesMore,  // an unknown ACS quirk, or newer rules
    KernelGroupsMore,    // a DMA alias quirk, or newer rules
};

struct GroupExplanation {
    GroupId group = 0;
    std::vector<Bdf> members;
    std::vector<GroupReason> reasons;  // one per member
    PredictionMatch prediction = PredictionMatch::NotPossible;
    PredictionNote note = PredictionNote::None;
    std::vector<Bdf> note_devices;     // OverrideOnly
    std::string note_parameter;        // OverrideSplit: "pcie_acs_override=downstream"; NotPossible: why not
    std::string prediction_note;       // describe_prediction_note(*this): a sentence, "" for a plain match
};

std::vector<GroupExplanation> explain_groups(const Topology& topology);

}  // namespace isola
