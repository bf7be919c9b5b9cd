// A MachineSpec with every default decided: VFs expanded, the tree built, bus numbers, port
// types, drivers and groups fixed. Writers only read this; they decide nothing.
#pragma once

#include "fixture_lab.hpp"

#include <expected>
#include <string>
#include <vector>

namespace isola::lab {

struct PlacedFunction {
    DeviceSpec spec;                 // defaults filled in (driver, link, ...)
    std::string name;                // "0000:01:00.0"
    std::string sysfs_dir;           // relative to <root>/sys: "devices/pci0000:00/0000:00:01.0/0000:01:00.0"
    PortType port = PortType::Conventional;
    bool is_bridge = false;          // header type 1
    bool multifunction = false;      // header type bit 7: another function shares the slot
    int parent = -1;                 // index into MachineLayout::functions, -1 on a root bus
    std::vector<int> children;
    int secondary_bus = -1;          // bridges only
    int subordinate_bus = -1;        // bridges only: highest bus below
    std::optional<int> group;
    std::string driver;              // "" unbound
    bool acs_present = false;
    std::uint16_t acs_capability = 0;
    std::uint16_t acs_control = 0;
    int physfn = -1;                 // VFs: index of the PF
    int vf_index = -1;               // VFs: N of the PF's virtfnN
    std::vector<int> virtfns;        // PFs
    std::optional<int> vfio_device;  // vfio-dev/vfioN
};

struct MachineLayout {
    std::vector<PlacedFunction> functions;  // sorted by address
    std::vector<std::string> root_buses;    // "pci0000:00"
};

// Decides all defaults; a sentence naming the device and the problem when the spec is inconsistent.
[[nodiscard]] std::expected<MachineLayout, std::string> lay_out_machine(const MachineSpec& spec);

// The driver Linux would usually bind to a function of this class and vendor ("" for none).
[[nodiscard]] std::string usual_driver(std::uint32_t class_code, std::uint16_t vendor, PortType port);

[[nodiscard]] bool is_pcie(PortType port);

}  // namespace isola::lab
