// Internal to core/graph. Isola's PNG output device for Graphviz: cairo draws the picture (as in
// Graphviz's own png:cairo), Isola encodes it.
//
// Why: Graphviz's png:cairo hands the image to cairo's PNG writer (zlib level 6, libpng's adaptive
// row filters). For the 4,096-function scale host that encoding was 0.11 s of the 0.14 s the whole
// picture took. The graph is flat colour and antialiased text, which compresses best with no row
// filter at all: at zlib level 3 the same pixels encode in 0.03 s and the file is 20% smaller.
#pragma once

#include <graphviz/gvc.h>

namespace isola::graphviz {

// The format name to pass to gvRender*: device "png", renderer "cairo", plugin package "isola".
inline constexpr const char* kIsolaPngFormat = "png:cairo:isola";

// Adds the device to `context`; once per context.
void install_png_device(GVC_t* context);

}  // namespace isola::graphviz
