// The facts Isola needs from a function's configuration space — header type, PCIe port type, ACS,
// whether an SR-IOV capability exists — decoded by one capability walk from whatever holds the
// registers (config_registers.hpp): the device itself through sysfs, or bytes obtained elsewhere.
//
// Why not read the whole file (or let libpci walk it): every config register read is a
// transaction with the device. Reading 4 KiB is 1,024 of them — measured here under QEMU, 24 ms
// per function; on hardware still about a millisecond — while the walk below needs ~15 dword
// reads. It runs on the attribute-reader threads, beside libpci's enumeration.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <span>

#include "reader/config_registers.hpp"
#include "reader/sysfs_file.hpp"
#include "topology/device.hpp"
#include "topology/topology.hpp"

namespace isola {

struct ConfigFacts {
    Fact<std::uint8_t> header_type;
    Fact<bool> multifunction;
    Fact<PortType> port_type;
    Fact<std::optional<AcsCapability>> acs;  // known nullopt: no ACS capability
    // nullopt where the extended capabilities could not be read.
    std::optional<bool> has_sriov_capability;
    bool readable = false;  // false: not even the header's first 16 bytes could be read

    friend bool operator==(const ConfigFacts&, const ConfigFacts&) = default;
};

// The capability walk, over any register source. It reads only the dwords it needs, in order,
// each at most once per capability, and ends on looping chains.
ConfigFacts decode_config_facts(const ConfigRegisters& registers);

// A configuration space already in memory — isola-helper's readconfig reply, a saved image.
// 64 bytes (what a non-root reader gets) decode like the sysfs file read without root: the
// capabilities are unknown because "config space past 64 bytes needs root".
ConfigFacts decode_config_facts(std::span<const std::uint8_t> config_space);

// `topology` with what a later, fuller read found (isola-helper's readconfig as root): each
// device named in `reads` takes the header type, multifunction, port type and ACS facts that read
// knows; a fact it could not read either stays as it was, with its first reason.
Topology with_config_facts(const Topology& topology, const std::map<Bdf, ConfigFacts>& reads);

namespace detail {

using isola::ConfigFacts;

// The reader's path: `function_dir` is the function's sysfs directory, its `config` file read
// register by register.
ConfigFacts read_config_facts(const sysfs::AttributeDir& function_dir);
// Facts of a config space left unread, each unknown for `why` (a msgid).
ConfigFacts unread_config_facts(const char* why);

}  // namespace detail
}  // namespace isola
