// Hands lsan.supp to LeakSanitizer from inside the test binary, so ctest, IDEs and a plain run
// all get it without LSAN_OPTIONS. The hook is only called in sanitizer builds.
extern "C" const char* __lsan_default_suppressions();
extern "C" const char* __lsan_default_suppressions() {
    return
#include "lsan_suppressions.inc"
        ;
}
