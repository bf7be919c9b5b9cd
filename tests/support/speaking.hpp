// For tests of translated sentences: while a Speaking lives, the process speaks `locale`
// (e.g. "de_DE.UTF-8", generated in the build root) with the catalogs the build compiled.
// The test target needs ISOLA_BUILD_LOCALEDIR (see tests/unit/CMakeLists.txt).
#pragma once

#include <clocale>
#include <cstdlib>

#include "text/message.hpp"

namespace isola::test {

class Speaking {
public:
    explicit Speaking(const char* locale) {
        ::unsetenv("LANGUAGE");  // it would override the locale for messages
        ok_ = std::setlocale(LC_ALL, locale) != nullptr;
        bind_message_catalog(ISOLA_BUILD_LOCALEDIR);
    }
    ~Speaking() { std::setlocale(LC_ALL, "C"); }
    Speaking(const Speaking&) = delete;
    Speaking& operator=(const Speaking&) = delete;
    [[nodiscard]] bool ok() const { return ok_; }

private:
    bool ok_ = false;
};

}  // namespace isola::test
