// write_fixture(): lay the machine out once, then let each writer put its part of the tree.
#include "fixture_lab.hpp"
#include "machine_layout.hpp"
#include "pci_sysfs_writer.hpp"

#include <stdexcept>

namespace isola::lab {

void write_fixture(const MachineSpec& spec, const std::filesystem::path& root) {
    auto layout = lay_out_machine(spec);
    if (!layout) throw std::invalid_argument(layout.error());
    // Start from nothing: links are created, never replaced, and a stale device must not survive.
    for (const char* part : {"sys", "proc", "dev", "etc"}) std::filesystem::remove_all(root / part);
    const FixtureFiles out{root};
    write_pci_sysfs(spec, *layout, out);
    write_host_usage(spec, *layout, out);
    for (const auto& [path, text] : spec.etc) out.text("etc/" + path, text);
}

}  // namespace isola::lab
