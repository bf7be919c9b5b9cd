// The colours of IOMMU groups by state, shared by the Graphviz picture and the Qt scene so the
// two never disagree. Light fills keep black label text readable; borders carry the hue.
#pragma once

#include <string_view>

#include "plan/group_state.hpp"

namespace isola {

struct GroupColours {
    std::string_view fill;    // "#rrggbb"
    std::string_view border;  // "#rrggbb"
};

constexpr GroupColours group_colours(GroupState state) {
    switch (state) {
        case GroupState::HostOnly: return {"#eef1f5", "#8a96a3"};
        case GroupState::Viable: return {"#e2f3df", "#3f8f3a"};
        case GroupState::Mixed: return {"#fff0d2", "#c77d00"};
        case GroupState::HostCritical: return {"#fde3e1", "#c0392b"};
        case GroupState::Assigned: return {"#dde9fb", "#2f6fbd"};
        case GroupState::NoIommu: return {"#f2e2f7", "#8e44ad"};
    }
    return {"#ffffff", "#000000"};
}

}  // namespace isola
