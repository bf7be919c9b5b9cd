// How an errno appears inside Isola's sentences: "EBUSY, Device or resource busy" — the name for
// searching and for people who know the kernel, the C library's description (in the user's
// language where glibc has one) for everyone else. Never the whole message: a sentence around it
// says which file, device and group.
#pragma once

#include <string>

namespace isola {

std::string errno_text(int error);

}  // namespace isola
