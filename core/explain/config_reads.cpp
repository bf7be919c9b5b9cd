#include "explain/config_reads.hpp"

#include <algorithm>
#include <set>

namespace isola {
namespace {

bool config_facts_unknown(const Device& d) { return !d.acs || !d.port_type || !d.multifunction; }

}  // namespace

std::vector<Bdf> config_reads_for_group(const Topology& topology, GroupId group) {
    const IommuGroup* g = topology.group(group);
    if (!g) return {};
    // Everything pci_device_group() looks at for these members (group_prediction.cpp).
    std::set<Bdf> consulted;
    for (const Bdf& member : g->members) {
        for (const Device* d = topology.find(member); d; d = d->parent ? topology.find(*d->parent) : nullptr) {
            if (!consulted.insert(d->address).second) break;  // the rest of this path is in already
        }
    }
    std::set<Bdf> slots(consulted);
    for (const Device& d : topology.devices())
        if (std::ranges::any_of(slots, [&](const Bdf& b) { return b.same_slot(d.address); })) consulted.insert(d.address);

    std::vector<Bdf> reads;
    for (const Bdf& b : consulted)
        if (const Device* d = topology.find(b); d && config_facts_unknown(*d)) reads.push_back(b);
    return reads;
}

}  // namespace isola
