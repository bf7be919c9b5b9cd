#include "graph/alike_stacks.hpp"

#include <algorithm>
#include <format>
#include <map>
#include <set>
#include <string>

#include "graph/labels.hpp"

namespace isola {
namespace {

constexpr std::size_t kNone = static_cast<std::size_t>(-1);

class Stacker {
public:
    Stacker(GraphModel& model, const Topology& topology)
        : m_(model), t_(topology), children_(model.nodes.size()), cluster_of_(model.nodes.size(), kNone),
          signature_(model.nodes.size(), 0), hidden_(model.nodes.size(), false) {
        std::vector<bool> has_parent(m_.nodes.size(), false);
        for (const GraphEdge& e : m_.edges) {
            children_[e.from].push_back(e.to);
            has_parent[e.to] = true;
        }
        for (std::size_t c = 0; c < m_.clusters.size(); ++c)
            for (std::size_t i : m_.clusters[c].nodes) cluster_of_[i] = c;
        for (std::size_t i = 0; i < m_.nodes.size(); ++i)
            if (!has_parent[i]) roots_.push_back(i);
        for (auto& c : m_.clusters) c.stacked_groups = {c.group};
    }

    void run() {
        for (std::size_t r : roots_) sign(r);
        stack(roots_);
        finish();
    }

private:
    // What makes two nodes look alike, without addresses and group numbers.
    std::string likeness(std::size_t i) const {
        const GraphNode& n = m_.nodes[i];
        std::string key = std::format("{}|{}|{}", static_cast<int>(n.kind), n.highlighted,
                                      n.fill_state ? static_cast<int>(*n.fill_state) : -1);
        for (DeviceBadge b : n.badges) key += std::format(",{}", static_cast<int>(b));
        if (cluster_of_[i] != kNone) {
            const GraphCluster& c = m_.clusters[cluster_of_[i]];
            key += std::format("|g{}:{}:{}", c.nodes.size(), static_cast<int>(c.state), c.highlighted);
        }
        if (n.kind == GraphNodeKind::RootComplex) return key;
        // A VF drawn on its own was asked for one by one (VFs expanded): never stacked again.
        if (n.functions.size() == 1)
            if (const Device* d = t_.find(n.functions.front()); d && d->is_vf()) return key + "|" + d->address.str();
        // Devices: what the card says besides the address (IDs, kind of port, driver); a summary
        // of VFs: how many, of what, on which drivers.
        std::set<std::string> drivers;
        for (const Bdf& f : n.functions)
            if (const Device* d = t_.find(f)) {
                drivers.insert(d->driver ? *d->driver : "?");
                if (&f == &n.functions.front())
                    key += std::format("|{}|{}|{}", d->pci_id().value_or("?"), d->class_id.value_or(0xffff),
                                       d->port_type ? static_cast<int>(*d->port_type) : -1);
            }
        key += std::format("|{}", n.functions.size());
        for (const auto& drv : drivers) key += "|" + drv;
        return key;
    }

    // Signs the subtree below `i` after stacking alike children, bottom up.
    void sign(std::size_t i) {
        for (std::size_t c : children_[i]) sign(c);
        stack(children_[i]);
        std::vector<std::pair<std::size_t, std::size_t>> kids;  // (signature, copies) of visible children
        for (std::size_t c : children_[i])
            if (!hidden_[c]) kids.emplace_back(signature_[c], m_.nodes[c].copies);
        std::ranges::sort(kids);
        std::string key = likeness(i) + "(";
        for (auto [s, n] : kids) key += std::format("{}x{},", s, n);
        key += ")";
        signature_[i] = interned_.try_emplace(std::move(key), interned_.size()).first->second;
    }

    // Among `siblings`, the first of every alike set stays; the others are hidden behind it.
    void stack(const std::vector<std::size_t>& siblings) {
        std::map<std::size_t, std::size_t> first_with;  // signature -> first sibling with it
        for (std::size_t s : siblings) {
            if (hidden_[s]) continue;
            auto [it, first] = first_with.try_emplace(signature_[s], s);
            if (!first) fold(it->second, s);
        }
    }

    // `copy`'s subtree has the same shape as `keep`'s: its nodes are folded into their twins.
    void fold(std::size_t keep, std::size_t copy) {
        GraphNode& k = m_.nodes[keep];
        GraphNode& c = m_.nodes[copy];
        hidden_[copy] = true;
        k.copies += c.copies;
        k.functions.insert(k.functions.end(), c.functions.begin(), c.functions.end());
        if (cluster_of_[keep] != kNone && cluster_of_[copy] != kNone && cluster_of_[keep] != cluster_of_[copy]) {
            auto& groups = m_.clusters[cluster_of_[keep]].stacked_groups;
            const auto& more = m_.clusters[cluster_of_[copy]].stacked_groups;
            groups.insert(groups.end(), more.begin(), more.end());
            m_.clusters[cluster_of_[copy]].stacked_groups.clear();
        }
        // Twins pair up in signature order; alike subtrees have the same multiset of signatures.
        auto visible = [&](std::size_t n) {
            std::vector<std::size_t> out;
            for (std::size_t x : children_[n])
                if (!hidden_[x]) out.push_back(x);
            std::ranges::stable_sort(out, {}, [&](std::size_t x) { return signature_[x]; });
            return out;
        };
        const auto keep_kids = visible(keep), copy_kids = visible(copy);
        for (std::size_t i = 0; i < keep_kids.size() && i < copy_kids.size(); ++i) fold(keep_kids[i], copy_kids[i]);
    }

    void finish() {
        // Labels of stacks: "27 × " before the title, the other copies' addresses after.
        for (std::size_t i = 0; i < m_.nodes.size(); ++i) {
            GraphNode& n = m_.nodes[i];
            if (hidden_[i] || n.copies < 2 || n.label_lines.empty()) continue;
            n.label_lines.front() = std::format("{} × {}", n.copies, n.label_lines.front());
            if (n.functions.empty()) continue;  // root complexes: the domain line names the first
            n.label_lines.push_back(
                std::format("and {} more alike, to {}", n.copies - 1, std::ranges::max(n.functions).str()));
        }
        // Nodes of hidden subtrees go, with their clusters and edges; indices are renumbered.
        std::vector<std::size_t> new_index(m_.nodes.size(), kNone);
        std::vector<bool> gone(m_.nodes.size(), false);
        for (std::size_t r = 0; r < m_.nodes.size(); ++r)
            if (hidden_[r]) hide_subtree(r, gone);
        std::vector<GraphNode> nodes;
        for (std::size_t i = 0; i < m_.nodes.size(); ++i) {
            if (gone[i]) continue;
            new_index[i] = nodes.size();
            nodes.push_back(std::move(m_.nodes[i]));
        }
        m_.nodes = std::move(nodes);
        std::vector<GraphEdge> edges;
        for (GraphEdge e : m_.edges) {
            if (gone[e.from] || gone[e.to]) continue;
            e.from = new_index[e.from], e.to = new_index[e.to];
            edges.push_back(e);
        }
        m_.edges = std::move(edges);
        std::vector<GraphCluster> clusters;
        for (GraphCluster& c : m_.clusters) {
            std::erase_if(c.nodes, [&](std::size_t i) { return gone[i]; });
            if (c.nodes.empty()) continue;
            for (std::size_t& i : c.nodes) i = new_index[i];
            if (c.stacked_groups.size() > 1)
                c.label = std::format("IOMMU groups {} ({})", describe_id_ranges(c.stacked_groups, 3),
                                      c.stacked_groups.size());
            else
                c.stacked_groups.clear();
            clusters.push_back(std::move(c));
        }
        m_.clusters = std::move(clusters);
    }

    void hide_subtree(std::size_t i, std::vector<bool>& gone) {
        if (gone[i]) return;
        gone[i] = true;
        for (std::size_t c : children_[i]) hide_subtree(c, gone);
    }

    GraphModel& m_;
    const Topology& t_;
    std::vector<std::vector<std::size_t>> children_;
    std::vector<std::size_t> cluster_of_;
    std::vector<std::size_t> roots_;
    std::vector<std::size_t> signature_;
    std::vector<bool> hidden_;
    std::map<std::string, std::size_t> interned_;
};

}  // namespace

void stack_alike_subtrees(GraphModel& model, const Topology& topology) {
    if (!model.tree_known) return;
    Stacker(model, topology).run();
}

}  // namespace isola
