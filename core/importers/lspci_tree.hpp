// `lspci -tv` (and -t, -tvnn): the bus tree drawn with ASCII art.
//   -[0000:00]-+-00.0  Intel Corporation Host Bridge
//              +-01.0-[01]--+-00.0  NVIDIA Corporation GP104 [GeForce GTX 1080]
//              |            \-00.1  NVIDIA Corporation GP104 High Definition Audio Controller
//              \-1f.3  Intel Corporation Audio
// A device's bus is the secondary bus of the bridge whose token stands left of it (its column);
// the text after two spaces is the printed name.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "topology/bdf.hpp"

namespace isola::importers {

struct TreeNode {
    Bdf address;
    std::optional<Bdf> parent;  // nullopt: on a root bus
    std::string name;           // as printed (may end in "[vvvv:dddd]" with -tvnn)
};

class LspciTreeReader {
public:
    // True for the first line of a tree ("-[0000:00]-+-00.0 ..." or "-+-[0000:40]-...").
    static bool starts_tree(std::string_view text);
    // True for any line that can continue a tree (only tree art before the first token).
    static bool continues_tree(std::string_view text);

    // `line` with its leading white space restored, since columns carry the structure.
    std::vector<TreeNode> read(std::string_view line);
    bool placed_all() const { return unplaced_ == 0; }

private:
    struct Level {
        std::size_t column = 0;
        std::uint32_t domain = 0;
        std::uint8_t bus = 0;
        std::optional<Bdf> bridge;
    };
    std::vector<Level> levels_;
    int unplaced_ = 0;
};

}  // namespace isola::importers
