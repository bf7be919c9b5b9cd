// The device line that every lspci-based listing shares, in its printed variants:
//   -nn      "00:01.0 PCI bridge [0604]: Intel Corporation Device [8086:1901] (rev 05)"
//   plain    "00:01.0 PCI bridge: Intel Corporation Skylake PCIe Controller (x16) (rev 05)"
//   -n       "00:01.0 0604: 8086:1901 (rev 05)"
//   ls-iommu "0000:00:01.0 PCI bridge [0604] Intel Corporation Device [8086:1901] (rev 05)"
// with an optional domain ("0000:") and a trailing "(prog-if 30 [XHCI])".
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "topology/bdf.hpp"

namespace isola::importers {

struct LspciDeviceLine {
    Bdf address;
    std::optional<std::uint16_t> class_id;  // only when printed as [cccc] (or -n)
    std::string class_name;
    std::optional<std::uint16_t> vendor_id;  // only with -nn / -n
    std::optional<std::uint16_t> device_id;
    std::string vendor_name;  // see printed_names.hpp for how the printed name is split
    std::string device_name;
    std::optional<std::uint8_t> revision;
    std::optional<std::uint8_t> prog_if;  // only when lspci printed "(prog-if xx ...)"
};

// nullopt unless `text` starts with a PCI address followed by a class.
std::optional<LspciDeviceLine> parse_lspci_device_line(std::string_view text);

// True when `text` starts with "BB:DD.F" or "DDDD:BB:DD.F" followed by a space or the end.
bool starts_with_bdf(std::string_view text);

}  // namespace isola::importers
