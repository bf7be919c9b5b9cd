#include "importers/lspci_tree.hpp"

#include "importers/text_scan.hpp"

namespace isola::importers {
namespace {

bool is_art(char c) { return c == ' ' || c == '|' || c == '+' || c == '\\' || c == '-'; }

// "dd.f" at `at`.
std::optional<std::pair<std::uint8_t, std::uint8_t>> device_token(std::string_view s, std::size_t at) {
    if (at + 4 > s.size() || s[at + 2] != '.') return std::nullopt;
    auto dev = parse_hex8(s.substr(at, 2));
    auto fn = parse_hex16(s.substr(at + 3, 1), 1);
    if (!dev || !fn || *dev > 0x1f || *fn > 7) return std::nullopt;
    return std::pair{*dev, static_cast<std::uint8_t>(*fn)};
}

// "[0000:00]" or "[00]" (root) / "[01]" or "[02-06]" (bridge): domain (if given) and first bus.
struct BusBracket {
    std::optional<std::uint32_t> domain;
    std::uint8_t bus = 0;
    std::size_t end = 0;  // one past ']'
};
std::optional<BusBracket> bus_bracket(std::string_view s, std::size_t at) {
    if (at >= s.size() || s[at] != '[') return std::nullopt;
    std::size_t close = s.find(']', at);
    if (close == std::string_view::npos) return std::nullopt;
    std::string_view inner = s.substr(at + 1, close - at - 1);
    BusBracket b{.domain = std::nullopt, .bus = 0, .end = close + 1};
    if (inner.size() == 7 && inner[4] == ':') {
        auto domain = parse_hex16(inner.substr(0, 4));
        if (!domain) return std::nullopt;
        b.domain = *domain;
        inner = inner.substr(5);
    }
    auto bus = parse_hex8(inner.substr(0, 2));
    if (!bus || (inner.size() != 2 && !(inner.size() == 5 && inner[2] == '-' && parse_hex8(inner.substr(3))))) return std::nullopt;
    b.bus = *bus;
    return b;
}

}  // namespace

bool LspciTreeReader::starts_tree(std::string_view text) {
    text = trim(text);
    return (text.starts_with("-[") || text.starts_with("-+-[")) && text.find("]-") != std::string_view::npos;
}

bool LspciTreeReader::continues_tree(std::string_view text) {
    text = trim(text);
    std::size_t i = 0;
    while (i < text.size() && is_art(text[i])) ++i;
    if (i == 0 || i >= text.size() || text[i - 1] != '-') return false;
    return device_token(text, i).has_value() || bus_bracket(text, i).has_value();
}

std::vector<TreeNode> LspciTreeReader::read(std::string_view line) {
    std::vector<TreeNode> nodes;
    std::size_t i = 0;
    while (i < line.size()) {
        if (is_art(line[i])) {
            ++i;
            continue;
        }
        if (auto root = bus_bracket(line, i); root && root->domain) {
            while (!levels_.empty() && levels_.back().column >= i) levels_.pop_back();
            levels_.push_back({.column = i, .domain = *root->domain, .bus = root->bus, .bridge = std::nullopt});
            i = root->end;
            continue;
        }
        auto token = i > 0 && line[i - 1] == '-' ? device_token(line, i) : std::nullopt;
        if (!token) break;
        const std::size_t column = i;
        while (!levels_.empty() && levels_.back().column >= column) levels_.pop_back();
        if (levels_.empty()) {
            // A tree pasted without its root line: the bus is not known, so the node is dropped.
            ++unplaced_;
            break;
        }
        const Level& above = levels_.back();
        TreeNode node{.address = Bdf{above.domain, above.bus, token->first, token->second}, .parent = above.bridge,
                      .name = {}};
        i += 4;
        if (i + 1 < line.size() && line[i] == '-' && line[i + 1] == '[') {
            if (auto secondary = bus_bracket(line, i + 1)) {
                levels_.push_back({.column = column, .domain = above.domain, .bus = secondary->bus, .bridge = node.address});
                i = secondary->end;
            }
        }
        if (i < line.size() && line[i] == ' ') {
            node.name = std::string(trim(line.substr(i)));
            nodes.push_back(std::move(node));
            break;
        }
        nodes.push_back(std::move(node));
    }
    return nodes;
}

}  // namespace isola::importers
