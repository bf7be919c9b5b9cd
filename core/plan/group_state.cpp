#include "plan/group_state.hpp"

namespace isola {

std::string_view to_string(GroupState s) {
    switch (s) {
        case GroupState::HostOnly: return "host-only";
        case GroupState::Viable: return "viable";
        case GroupState::Mixed: return "mixed";
        case GroupState::HostCritical: return "host-critical";
        case GroupState::Assigned: return "assigned";
        case GroupState::NoIommu: return "no-iommu";
    }
    return "unknown";
}

}  // namespace isola
