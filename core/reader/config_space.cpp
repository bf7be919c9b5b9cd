#include "reader/config_space.hpp"

#include <bitset>

#include "text/message.hpp"

namespace isola {
namespace {

// Register offsets (PCI Local Bus 3.0, PCI Express Base 6.0).
constexpr unsigned kStatus = 0x04, kHeaderType = 0x0c, kCapabilityPointer = 0x34;
constexpr std::uint16_t kStatusCapabilityList = 0x10;
constexpr std::uint8_t kCapPcie = 0x10;
constexpr std::uint16_t kExtCapAcs = 0x000d, kExtCapSriov = 0x0010;
constexpr unsigned kExtendedStart = 0x100, kLegacySize = 0x100;
// why_unknown reasons are msgids: whoever shows one passes it through translate().
constexpr const char* kNeedsRoot = N_("config space past 64 bytes needs root");
constexpr const char* kUnreadable = N_("config space unreadable");
constexpr const char* kNoExtended = N_("extended config space is not readable");

// The values PCIe 6.0 reserves (0x2, 0x3, 0xb-0xf) are no port type we know: unknown, not Endpoint.
Fact<PortType> port_type_from_pcie_flags(std::uint16_t flags) {
    auto known = [](PortType t) { return Fact<PortType>::known(t); };
    switch ((flags >> 4) & 0xf) {
        case 0x0: return known(PortType::Endpoint);
        case 0x1: return known(PortType::LegacyEndpoint);
        case 0x4: return known(PortType::RootPort);
        case 0x5: return known(PortType::UpstreamPort);
        case 0x6: return known(PortType::DownstreamPort);
        case 0x7: return known(PortType::PcieToPciBridge);
        case 0x8: return known(PortType::PciToPcieBridge);
        case 0x9: return known(PortType::RcIntegratedEndpoint);
        case 0xa: return known(PortType::RcEventCollector);
        default: return Fact<PortType>::unknown(N_("the PCIe capability gives a device/port type the PCIe specification reserves"));
    }
}

void set_unknown(ConfigFacts& f, const char* why, bool with_header) {
    if (!with_header) {
        f.header_type = Fact<std::uint8_t>::unknown(why);
        f.multifunction = Fact<bool>::unknown(why);
    }
    f.port_type = Fact<PortType>::unknown(why);
    f.acs = Fact<std::optional<AcsCapability>>::unknown(why);
}

void set_conventional(ConfigFacts& f) {
    // No PCIe capability: no extended config space, so no ACS or SR-IOV capability either.
    f.port_type = Fact<PortType>::known(PortType::Conventional);
    f.acs = Fact<std::optional<AcsCapability>>::known(std::nullopt);
    f.has_sriov_capability = false;
}

// The standard capability list: the PCIe capability's flags, if there is one. Pointers are
// followed at most once each, so a looping chain (broken hardware, damaged fixture) ends.
enum class PcieSearch { NotReadable, Absent, Found };
PcieSearch find_pcie_flags(const ConfigRegisters& config, unsigned pointer, std::uint16_t& flags) {
    std::bitset<256> visited;
    for (unsigned at = pointer & 0xfc; at >= 0x40 && at < kLegacySize && !visited[at]; ) {
        visited[at] = true;
        const auto cap = config.dword(at);
        if (!cap) return PcieSearch::NotReadable;
        if ((*cap & 0xff) == kCapPcie) {
            flags = static_cast<std::uint16_t>(*cap >> 16);
            return PcieSearch::Found;
        }
        at = (*cap >> 8) & 0xfc;
    }
    return PcieSearch::Absent;
}

void read_extended(const ConfigRegisters& config, ConfigFacts& f) {
    if (config.size() <= kLegacySize) {
        f.acs = Fact<std::optional<AcsCapability>>::unknown(kNoExtended);
        return;
    }
    std::optional<AcsCapability> acs;
    bool sriov = false;
    std::bitset<1024> visited;  // dword index of each header
    for (unsigned at = kExtendedStart; at >= kExtendedStart && at + 4 <= config.size() && !visited[at / 4];) {
        visited[at / 4] = true;
        const auto header = config.dword(at);
        if (!header) {
            f.acs = Fact<std::optional<AcsCapability>>::unknown(kNoExtended);
            return;
        }
        if (*header == 0 || *header == 0xffffffff) break;  // no (more) extended capabilities
        const std::uint16_t id = *header & 0xffff;
        if (id == kExtCapAcs && !acs) {
            const auto regs = config.dword(at + 4);  // ACS Capability (low word), ACS Control (high)
            if (!regs) {
                f.acs = Fact<std::optional<AcsCapability>>::unknown(kNoExtended);
                return;
            }
            acs = AcsCapability{.capability = static_cast<std::uint16_t>(*regs & 0xffff),
                                .control = static_cast<std::uint16_t>(*regs >> 16)};
        }
        if (id == kExtCapSriov) sriov = true;
        at = (*header >> 20) & 0xffc;
    }
    f.acs = Fact<std::optional<AcsCapability>>::known(acs);
    f.has_sriov_capability = sriov;
}

}  // namespace

ConfigFacts decode_config_facts(const ConfigRegisters& config) {
    ConfigFacts f;
    const auto header = config.dword(kHeaderType);
    const auto status = config.dword(kStatus);
    if (!header || !status) {
        set_unknown(f, kUnreadable, false);
        return f;
    }
    f.readable = true;
    const auto type = static_cast<std::uint8_t>(*header >> 16);
    f.header_type = Fact<std::uint8_t>::known(type);
    f.multifunction = Fact<bool>::known((type & 0x80) != 0);

    if (!((*status >> 16) & kStatusCapabilityList)) {
        set_conventional(f);
        return f;
    }
    const auto pointer = config.dword(kCapabilityPointer);
    std::uint16_t flags = 0;
    switch (pointer ? find_pcie_flags(config, *pointer & 0xff, flags) : PcieSearch::NotReadable) {
        case PcieSearch::NotReadable:
            // Capabilities start at 0x40 at the earliest: without root nothing past the header shows.
            set_unknown(f, kNeedsRoot, true);
            return f;
        case PcieSearch::Absent:
            set_conventional(f);
            return f;
        case PcieSearch::Found:
            f.port_type = port_type_from_pcie_flags(flags);
            read_extended(config, f);
            return f;
    }
    return f;
}

ConfigFacts decode_config_facts(std::span<const std::uint8_t> config_space) {
    return decode_config_facts(ConfigBytes(config_space));
}

namespace {

template <typename T>
void adopt_if_known(Fact<T>& fact, const Fact<T>& read) {
    if (read) fact = read;
}

}  // namespace

Topology with_config_facts(const Topology& topology, const std::map<Bdf, ConfigFacts>& reads) {
    std::vector<Device> devices = topology.devices();
    for (Device& d : devices) {
        const auto read = reads.find(d.address);
        if (read == reads.end() || !read->second.readable) continue;
        adopt_if_known(d.header_type, read->second.header_type);
        adopt_if_known(d.multifunction, read->second.multifunction);
        adopt_if_known(d.port_type, read->second.port_type);
        adopt_if_known(d.acs, read->second.acs);
    }
    return Topology(topology.source(), topology.host(), std::move(devices), topology.groups(), topology.diagnostics());
}

ConfigFacts detail::read_config_facts(const sysfs::AttributeDir& function_dir) {
    return decode_config_facts(ConfigFile(function_dir));
}

ConfigFacts detail::unread_config_facts(const char* why) {
    ConfigFacts f;
    set_unknown(f, why, false);
    return f;
}

}  // namespace isola
