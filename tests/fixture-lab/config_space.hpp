// The binary `config` file of a PCI function, as pci_read_config() returns it to root.
#pragma once

#include "machine_layout.hpp"

#include <cstdint>
#include <vector>

namespace isola::lab {

// 256 bytes for conventional PCI, 4096 for PCIe (extended config space).
[[nodiscard]] std::vector<std::uint8_t> build_config_space(const PlacedFunction& function);

// "16GT/s x16" -> 4 (Gen4) and 16; defaults when absent. Speed codes follow PCIe Link Capabilities.
struct LinkSettings {
    int speed_code = 3;   // 1 2.5GT/s, 2 5GT/s, 3 8GT/s, 4 16GT/s, 5 32GT/s, 6 64GT/s
    int width = 4;
};
[[nodiscard]] LinkSettings link_settings(const PlacedFunction& function);
[[nodiscard]] const char* link_speed_text(int speed_code);  // "8.0 GT/s PCIe", as sysfs prints it

}  // namespace isola::lab
