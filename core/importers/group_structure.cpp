#include "importers/group_structure.hpp"

#include "importers/group_table.hpp"
#include "importers/structure_line.hpp"

namespace isola::importers {
namespace {

// One non-empty line in the nesting: its parent is the nearest line above it that starts in an
// earlier column (the stack of open lines, as a tree printer draws it).
struct Node {
    std::size_t line = 0;  // index into the lines
    StructureLine shape;
    std::optional<std::size_t> parent;        // node index
    std::optional<std::size_t> prev_sibling;  // same parent and depth, no blank line in between
    std::optional<int> child_depth;           // depth of the first line nested under it
    bool misaligned = false;                  // a later line nested under it starts elsewhere
    int children = 0;
};

// What a node hands to the lines nested under it.
struct Scope {
    std::optional<GroupId> group;  // the group whose section this is
    bool unclear = false;          // inside a section whose structure is not consistent
    bool blocked = false;          // under a line that gives no group to what is nested below it
};

// First pass: nodes, parents, siblings and indentation consistency; tables apart.
std::vector<Node> nest(const std::vector<ListingLine>& lines, GroupStructure& out) {
    std::vector<Node> nodes;
    std::vector<std::size_t> open;
    bool after_blank = true;
    std::optional<GroupTable> table;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const ListingLine& line = lines[i];
        StructuredLine& result = out.lines[i];
        if (line.text.empty() || line.text.starts_with('#')) {
            // A comment ends every structure, as it ends every block in listing_parser.cpp.
            if (!line.text.empty()) open.clear();
            after_blank = true;
            table.reset();
            continue;
        }
        if (table) {
            if (is_table_rule(line.text)) {
                result.role = StructureRole::Context;
                continue;
            }
            if (auto row = parse_group_table_row(*table, line.text)) {
                result.role = StructureRole::Member;
                result.address = row->address;
                result.group = row->group;
                result.device_text = std::move(row->device_text);
                result.names_address = true;
                continue;
            }
            table.reset();
        }
        if ((table = parse_group_table_header(line.text))) {
            result.role = StructureRole::Context;
            open.clear();
            after_blank = true;
            continue;
        }

        Node node{.line = i, .shape = classify_structure_line(line.text, line.indent), .parent = {}, .prev_sibling = {},
                  .child_depth = {}, .misaligned = false, .children = 0};
        result.depth = node.shape.depth;
        result.content = std::string(node.shape.content);
        result.names_address = node.shape.names_address;
        if (node.shape.shape == LineShape::Empty) {
            after_blank = true;
            continue;
        }
        const int depth = node.shape.depth;
        while (!open.empty() && nodes[open.back()].shape.depth >= depth) {
            if (nodes[open.back()].shape.depth == depth && !after_blank) node.prev_sibling = open.back();
            open.pop_back();
        }
        if (!open.empty()) {
            Node& parent = nodes[open.back()];
            node.parent = open.back();
            if (!parent.child_depth) parent.child_depth = depth;
            else if (*parent.child_depth != depth) parent.misaligned = true;
            ++parent.children;
        }
        // `tree /sys/kernel/iommu_groups` prints each group as its bare number.
        if (node.shape.shape == LineShape::BareNumber)
            node.shape.shape = node.parent && nodes[*node.parent].shape.shape == LineShape::GroupsRoot
                                   ? LineShape::GroupHeading
                                   : LineShape::Other;
        open.push_back(nodes.size());
        nodes.push_back(std::move(node));
        after_blank = false;
    }
    return nodes;
}

}  // namespace

const StructuredLine& GroupStructure::line(int number) const {
    static const StructuredLine none;
    if (number < 1 || static_cast<std::size_t>(number) > lines.size()) return none;
    return lines[static_cast<std::size_t>(number - 1)];
}

GroupStructure read_group_structure(const std::vector<ListingLine>& lines) {
    GroupStructure out;
    out.lines.resize(lines.size());
    const std::vector<Node> nodes = nest(lines, out);

    // Second pass, in file order (a parent comes before its children): what each line is given.
    std::vector<Scope> scopes(nodes.size());
    std::vector<std::optional<GroupId>> placed(nodes.size());
    for (std::size_t n = 0; n < nodes.size(); ++n) {
        const Node& node = nodes[n];
        const Scope from = node.parent ? scopes[*node.parent] : Scope{};
        StructuredLine& result = out.lines[node.line];
        Scope& gives = scopes[n];
        // What is nested under a function describes it ("IOMMU group: 5", "Kernel driver in use:"
        // of lspci -v/-k); only more functions keep their own meaning there.
        const bool under_member = node.parent && (nodes[*node.parent].shape.shape == LineShape::Member ||
                                                  nodes[*node.parent].shape.shape == LineShape::OneLiner);
        LineShape shape = node.shape.shape;
        if (under_member && shape != LineShape::Member && shape != LineShape::OneLiner) shape = LineShape::Other;
        switch (shape) {
            case LineShape::GroupHeading: {
                result.role = StructureRole::Heading;
                result.group = node.shape.group;
                result.misaligned = node.misaligned;
                // Groups do not nest: a heading inside another group's section is a broken paste.
                // Under a title or other text a heading still gives its own number.
                const bool unclear = from.unclear || from.group.has_value();
                gives = Scope{.group = node.shape.group, .unclear = unclear || node.misaligned, .blocked = false};
                break;
            }
            case LineShape::UnitHeading:
            case LineShape::GroupsRoot:
                result.role = StructureRole::Context;
                gives = Scope{.group = {}, .unclear = from.unclear || from.group.has_value() || node.misaligned, .blocked = false};
                break;
            case LineShape::Transparent:
                result.role = StructureRole::Context;
                gives = from;
                gives.unclear = gives.unclear || node.misaligned;
                break;
            case LineShape::TreeSummary:
            case LineShape::Title:
                result.role = StructureRole::Context;
                gives.blocked = true;
                break;
            case LineShape::Member: {
                result.role = StructureRole::Member;
                result.address = node.shape.address;
                result.device_text = std::string(node.shape.device_text);
                if (!from.blocked && !from.unclear) placed[n] = from.group;
                // Flush under a heading with nothing nested under it ("Group 3:" then the lines), or
                // flush after a member placed that way.
                if (!placed[n] && !from.blocked && !from.unclear && node.prev_sibling) {
                    const Node& sibling = nodes[*node.prev_sibling];
                    if (sibling.shape.shape == LineShape::GroupHeading && sibling.children == 0 &&
                        !scopes[*node.prev_sibling].unclear)
                        placed[n] = sibling.shape.group;
                    else if (sibling.shape.shape == LineShape::Member)
                        placed[n] = placed[*node.prev_sibling];
                }
                result.group = placed[n];
                gives = placed[n] ? Scope{.group = placed[n], .unclear = from.unclear || node.misaligned, .blocked = false}
                                  : Scope{.group = {}, .unclear = false, .blocked = true};
                break;
            }
            case LineShape::OneLiner:
                result.role = StructureRole::Member;
                result.address = node.shape.address;
                result.device_text = std::string(node.shape.device_text);
                // The line gives its own group; under a heading it must be that heading's.
                if (!from.group || from.group == node.shape.group) placed[n] = node.shape.group;
                result.group = placed[n];
                gives.blocked = true;
                break;
            case LineShape::Empty:
            case LineShape::BareNumber:
            case LineShape::Other:
                if (under_member && placed[*node.parent]) result.role = StructureRole::Attribute;
                gives.blocked = true;
                break;
        }
    }
    return out;
}

}  // namespace isola::importers
