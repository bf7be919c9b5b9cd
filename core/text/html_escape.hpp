// Escaping for text placed into HTML or XML: Graphviz HTML-like labels and the HTML review report
// both carry pci.ids names with '&' and '<' ("Advanced Micro Devices, Inc. [AMD/ATI]").
#pragma once

#include <string>
#include <string_view>

namespace isola {

// & < > " ' become entities; control characters (invalid in XML 1.0 and in Graphviz's label
// parser) become spaces.
std::string html_escape(std::string_view text);

}  // namespace isola
