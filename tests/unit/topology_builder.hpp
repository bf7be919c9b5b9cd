// A compact way to write small hand-made topologies in tests (the fixture lab writes whole sysfs
// trees; these are for logic that only needs the model).
#pragma once

#include <initializer_list>
#include <string>
#include <vector>

#include "topology/topology.hpp"

namespace isola::test {

struct DeviceSpec {
    const char* bdf;
    std::uint16_t vendor = 0x8086, device = 0x10d3;
    std::uint16_t class_id = 0x0200;
    PortType type = PortType::Endpoint;
    std::optional<GroupId> group;
    const char* parent = nullptr;
    const char* driver = "";
    bool multifunction = false;
    std::optional<AcsCapability> acs;  // nullopt: no ACS capability
    bool acs_unknown = false;
};

inline Device make_device(const DeviceSpec& s) {
    Device d;
    d.address = *Bdf::parse(s.bdf);
    d.vendor_id = Fact<std::uint16_t>::known(s.vendor);
    d.device_id = Fact<std::uint16_t>::known(s.device);
    d.usage = DeviceUsage::none();  // a live host's reader found no use
    d.class_id = Fact<std::uint16_t>::known(s.class_id);
    d.port_type = Fact<PortType>::known(s.type);
    const bool bridge = s.type == PortType::RootPort || s.type == PortType::UpstreamPort ||
                        s.type == PortType::DownstreamPort || s.type == PortType::PcieToPciBridge;
    d.header_type = Fact<std::uint8_t>::known(static_cast<std::uint8_t>((bridge ? 1 : 0) | (s.multifunction ? 0x80 : 0)));
    d.multifunction = Fact<bool>::known(s.multifunction);
    d.acs = s.acs_unknown ? Fact<std::optional<AcsCapability>>::unknown("config space past 64 bytes needs root")
                          : Fact<std::optional<AcsCapability>>::known(s.acs);
    if (s.parent) d.parent = Bdf::parse(s.parent);
    d.iommu_group = s.group;
    d.driver = Fact<std::string>::known(s.driver);
    d.reset_methods = Fact<std::vector<std::string>>::known({"flr"});
    return d;
}

inline Topology make_topology(std::initializer_list<DeviceSpec> specs, std::vector<std::string> iommu_parameters = {}) {
    std::vector<Device> devices;
    for (const auto& s : specs) devices.push_back(make_device(s));
    HostFacts host;
    std::string cmdline = "BOOT_IMAGE=/vmlinuz root=/dev/sda1";
    for (const auto& p : iommu_parameters) cmdline += " " + p;
    host.kernel_cmdline = Fact<std::string>::known(cmdline);
    host.kernel_parameters = parse_kernel_parameters(cmdline);
    return Topology(Source{SourceKind::LiveHost, "test", "", "", true}, host, std::move(devices), {}, {});
}

// QEMU's pcie-root-port: ACS capability 0x005f, the kernel enables SV|RR|CR|UF (0x001d).
inline constexpr AcsCapability kRootPortAcs{0x005f, 0x001d};

}  // namespace isola::test
