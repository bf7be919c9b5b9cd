// What to draw in the graph of a topology, and the one way drawing it can fail.
#pragma once

#include <map>
#include <set>
#include <string>

#include "plan/group_state.hpp"
#include "topology/bdf.hpp"
#include "topology/device.hpp"

namespace isola {

struct GraphOptions {
    // One node per physical function's VFs ("64 × VF 8086:10ca"), as lstopo's --pci-collapse.
    // Without it a host with thousands of VFs takes dot seconds to minutes (see README).
    bool collapse_vfs = true;
    // PFs whose VFs are drawn one by one even so (the GUI's "expand" on a summary).
    std::set<Bdf> expanded_pfs;
    // Bridges (root ports, switch ports) left out: each endpoint hangs from its nearest drawn
    // ancestor, or its root complex. The groups then show only what a VM could be given.
    bool hide_bridges = false;
    // Colour of each IOMMU group, computed by the caller (plan / review). A group missing here is
    // HostOnly, or NoIommu when the topology marks it as a VFIO no-IOMMU group.
    std::map<GroupId, GroupState> states;
    // A plan's whole-group effect: these functions and groups get a thick border. A group is also
    // highlighted when any of its members is.
    std::set<Bdf> highlight;
    std::set<GroupId> highlight_groups;
    // Pixels per inch of PNG output. 72 is one pixel per point, lstopo's scale; PNG encoding time
    // grows with the pixel count (96 dpi doubles it for a 4k-function host), so ask for 96 or 144
    // only for small hosts or print. SVG and the geometry are in points and ignore this.
    double png_dpi = 72;
    // Alike sibling subtrees (27 identical PCIe switches, 200 NVMe drives behind root ports of
    // their own) drawn once as a stack, "27 × ..." (alike_stacks.hpp). On for pictures; the GUI,
    // where each device is selectable, draws every one.
    bool stack_alike = true;
    // First line of the graph label, e.g. the host name; notes about the source follow it.
    std::string title;
    friend bool operator==(const GraphOptions&, const GraphOptions&) = default;
};

struct GraphError {
    std::string message;  // a sentence: what failed, Graphviz's own words, what to do
    friend bool operator==(const GraphError&, const GraphError&) = default;
};

}  // namespace isola
