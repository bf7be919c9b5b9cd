// Label text of graph nodes, and its escaping for Graphviz HTML-like labels.
// pci.ids names contain '&' and '<' ("Advanced Micro Devices, Inc. [AMD/ATI]", "Realtek ... <rev>"),
// which would break an HTML label or inject markup, so every text goes through html_escape().
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "text/html_escape.hpp"
#include "topology/device.hpp"

namespace isola {

// Cuts `text` to at most `max_bytes` bytes on a UTF-8 boundary, ending in "…" when cut.
std::string shorten(std::string_view text, std::size_t max_bytes);

enum class LineAlign { Centre, Left };

// Graphviz HTML-like label (without the outer <>): the first line bold, all lines escaped.
std::string html_label(std::span<const std::string> lines, LineAlign align = LineAlign::Centre);

// Name, address with IDs (or port kind for bridges), driver.
std::vector<std::string> device_label_lines(const Device& device);

// "64 × VF 8086:10ca", name, address range, "groups 20–83", drivers.
std::vector<std::string> vf_summary_label_lines(std::span<const Device* const> vfs);

// "pci0000:00" — the kernel's name for a root bus's host bridge in sysfs.
std::string root_complex_id(std::uint32_t domain, std::uint8_t bus);

// "20–83", "1, 3–5, 9"; ranges of consecutive ids, at most `max_ranges` before "…".
std::string describe_id_ranges(std::vector<GroupId> ids, std::size_t max_ranges = 4);

}  // namespace isola
