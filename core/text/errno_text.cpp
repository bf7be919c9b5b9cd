#include "text/errno_text.hpp"

#include <cstring>
#include <format>

namespace isola {

std::string errno_text(int error) {
    const char* name = ::strerrorname_np(error);
    const char* description = std::strerror(error);
    if (!name) return std::format("errno {}", error);
    return std::format("{}, {}", name, description);
}

}  // namespace isola
