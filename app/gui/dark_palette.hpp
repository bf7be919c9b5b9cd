// A dark palette for checking legibility (the hidden --dark option and screenshots). Desktop
// users get their palette from the platform theme; Isola itself only uses palette roles.
#pragma once

#include <QPalette>

namespace isola::gui {

QPalette dark_palette();

}  // namespace isola::gui
