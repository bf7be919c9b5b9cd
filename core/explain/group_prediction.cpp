#include "explain/group_prediction.hpp"

#include <numeric>

#include "explain/describe_explanation.hpp"

namespace isola {
namespace {

struct UnionFind {
    std::vector<int> parent;
    explicit UnionFind(std::size_t n) : parent(n) { std::iota(parent.begin(), parent.end(), 0); }
    int find(int x) {
        while (parent[x] != x) x = parent[x] = parent[parent[x]];
        return x;
    }
    void unite(int a, int b) { parent[find(a)] = find(b); }
};

bool aliases_below(const Device& bridge) {
    // pci_for_each_dma_alias(): PCIe root/switch ports pass requester IDs through; PCIe-to-PCI
    // bridges and conventional bridges take them over (and so do PCI-to-PCIe bridges).
    if (!bridge.port_type) return false;
    switch (*bridge.port_type) {
        case PortType::PcieToPciBridge:
        case PortType::PciToPcieBridge:
        case PortType::Conventional: return true;
        default: return false;
    }
}

}  // namespace

GroupPrediction predict_groups(const Topology& t, bool honour_acs_override) {
    GroupPrediction p;
    if (!t.source().tree_known) {
        p.why_not = describe_no_bus_tree();
        return p;
    }
    p.possible = true;
    AcsCheck acs(t, honour_acs_override);
    const auto& devices = t.devices();
    std::map<Bdf, int> index;
    for (std::size_t i = 0; i < devices.size(); ++i) index[devices[i].address] = static_cast<int>(i);
    UnionFind uf(devices.size());
    auto parent_of = [&](const Device& d) { return d.parent ? t.find(*d.parent) : nullptr; };

    for (const auto& d : devices) {
        GroupingTrace tr{.device = d.address, .anchor = d.address};
        // 1. DMA alias: the topmost aliasing bridge above becomes the starting point.
        const Device* pdev = &d;
        for (const Device* b = parent_of(d); b; b = parent_of(*b)) {
            if (!b->port_type) tr.uncertain = true;
            if (aliases_below(*b)) {
                tr.alias_bridge = b->address;
                pdev = b;
            }
        }
        // 2. Climb while the upstream bridge's path to the root is not ACS-isolated.
        for (const Device* b = parent_of(*pdev); b; b = parent_of(*b)) {
            const Device* blocker = nullptr;
            AcsFinding f = acs.path(*b, &blocker);
            if (f.verdict == AcsVerdict::Unknown) {
                tr.uncertain = true;  // assume isolated, and say the prediction is uncertain
                break;
            }
            if (f.verdict == AcsVerdict::Isolated) break;
            pdev = b;
            if (!tr.acs_blocker) {
                tr.acs_blocker = blocker ? blocker->address : b->address;
                tr.acs_blocker_finding = f;
            }
        }
        tr.anchor = pdev->address;
        uf.unite(index[d.address], index[pdev->address]);

        // 3. Multifunction: a function that is not isolated joins its non-isolated siblings.
        tr.own = acs.device(*pdev);
        if (tr.own.verdict == AcsVerdict::Unknown) tr.uncertain = true;
        if (kernel_multifunction(*pdev).value_or(false) && tr.own.verdict == AcsVerdict::NotIsolated) {
            for (const auto& s : devices) {
                if (s.address == pdev->address || !s.address.same_slot(pdev->address)) continue;
                AcsFinding sf = acs.device(s);
                if (sf.verdict == AcsVerdict::Unknown) tr.uncertain = true;
                if (sf.verdict != AcsVerdict::NotIsolated) continue;
                tr.function_partners.push_back(s.address);
                uf.unite(index[pdev->address], index[s.address]);
            }
        }
        p.traces.push_back(std::move(tr));
    }
    for (const auto& d : devices) p.predicted_group[d.address] = uf.find(index[d.address]);
    return p;
}

}  // namespace isola
