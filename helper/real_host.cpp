// The installed helper's host: the real one. Only the end-to-end test links another
// (tests/helper/fixture_host.cpp); a caller can never choose.
#include <ctime>

#include "apply/sysfs_writer.hpp"
#include "isola_helper.hpp"
#include "vfio/vfio_calls.hpp"

namespace isola::helper {

HelperHost& this_host()
{
    static KernelSysfsWriter writer;
    static KernelVfioCalls vfio;
    static HelperHost host{.root = "/", .writer = writer, .vfio = vfio,
                           .now = [] { return static_cast<std::int64_t>(std::time(nullptr)); }};
    return host;
}

}  // namespace isola::helper
