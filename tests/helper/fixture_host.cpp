// The end-to-end test's helper acts on a fixture tree at a path fixed when it was compiled
// (ISOLA_HELPER_FIXTURE_ROOT), with a simulated kernel (tests/apply) behind its sysfs writes:
// the real bus, polkitd and KAuth in front, a host that a test may change behind. The installed
// helper links helper/real_host.cpp instead; no build lets a caller choose the root.
#include <ctime>

#include "isola_helper.hpp"
#include "simulated_kernel.hpp"
#include "vfio/vfio_calls.hpp"

#ifndef ISOLA_HELPER_FIXTURE_ROOT
#error "the fixture helper needs ISOLA_HELPER_FIXTURE_ROOT"
#endif

namespace isola::helper {

HelperHost& this_host()
{
    static const std::filesystem::path root = ISOLA_HELPER_FIXTURE_ROOT;
    static test::SimulatedKernel kernel = [] {
        test::SimulatedKernel k(root / "sys");
        k.load_driver("vfio-pci");
        return k;
    }();
    // The fixture's /dev nodes are plain files: the probe meets them as the kernel would answer
    // an ioctl on a file (ENOTTY), which is what the test asserts.
    static KernelVfioCalls vfio;
    static HelperHost host{.root = root, .writer = kernel, .vfio = vfio,
                           .now = [] { return static_cast<std::int64_t>(std::time(nullptr)); }};
    return host;
}

}  // namespace isola::helper
