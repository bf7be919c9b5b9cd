#include "synthetic_host.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace isola::testing {
namespace {

constexpr std::size_t kRootPortsPerDomain = 8;
constexpr std::size_t kDownstreamPorts = 4;
constexpr std::size_t kPfsPerNic = 2;

Bdf at(std::size_t domain, std::size_t bus, std::size_t device, std::size_t function) {
    return Bdf{static_cast<std::uint32_t>(domain), static_cast<std::uint8_t>(bus), static_cast<std::uint8_t>(device),
               static_cast<std::uint8_t>(function)};
}

class HostWriter {
public:
    // References returned by add() stay valid because nothing reallocates past `capacity`.
    explicit HostWriter(std::size_t capacity) { devices_.reserve(capacity); }
    Device& add(Bdf address, std::optional<Bdf> parent, PortType type) {
        Device d;
        d.usage = DeviceUsage::none();  // read from a host: no use found unless set below
        d.address = address;
        d.parent = parent;
        d.iommu_group = next_group_++;
        d.port_type = Fact<PortType>::known(type);
        d.vendor_id = Fact<std::uint16_t>::known(0x8086);
        bool bridge = type == PortType::RootPort || type == PortType::UpstreamPort || type == PortType::DownstreamPort;
        d.header_type = Fact<std::uint8_t>::known(bridge ? 1 : 0);
        d.class_id = Fact<std::uint16_t>::known(bridge ? 0x0604 : 0x0200);
        d.vendor_name = "Intel Corporation";
        d.driver = Fact<std::string>::known(bridge ? "pcieport" : "");
        if (devices_.size() == devices_.capacity()) throw std::logic_error("HostWriter capacity too small");
        devices_.push_back(std::move(d));
        return devices_.back();
    }
    Topology finish() { return Topology({}, {}, std::move(devices_), {}, {}); }

private:
    GroupId next_group_ = 0;
    std::vector<Device> devices_;
};

}  // namespace

Topology make_synthetic_host(const SyntheticHostShape& shape) {
    if (shape.vfs_per_pf > 120) throw std::invalid_argument("at most 120 VFs per PF fit on one bus");
    const std::size_t vf_devices = (shape.vfs_per_pf + 7) / 8;  // device numbers one PF's VFs take
    const std::size_t domains = (shape.root_ports + kRootPortsPerDomain - 1) / kRootPortsPerDomain;
    HostWriter host(domains +
                    shape.root_ports * (2 + kDownstreamPorts * (1 + kPfsPerNic * (1 + shape.vfs_per_pf))));

    std::size_t bus = 0;
    for (std::size_t rp = 0; rp < shape.root_ports; ++rp) {
        const std::size_t domain = rp / kRootPortsPerDomain;
        const std::size_t slot = rp % kRootPortsPerDomain;
        if (slot == 0) {
            bus = 0;
            Device& host_bridge = host.add(at(domain, 0, 0, 0), std::nullopt, PortType::RcIntegratedEndpoint);
            host_bridge.class_id = Fact<std::uint16_t>::known(0x0600);
            host_bridge.device_name = "Xeon Host Bridge";
        }
        Device& root_port = host.add(at(domain, 0, 1 + slot, 0), std::nullopt, PortType::RootPort);
        root_port.device_name = "Xeon PCI Express Root Port";
        const Bdf rp_bdf = root_port.address;

        const std::size_t up_bus = ++bus;
        host.add(at(domain, up_bus, 0, 0), rp_bdf, PortType::UpstreamPort).device_name = "PEX 8747 Upstream Port";
        const std::size_t down_bus = ++bus;
        for (std::size_t dp = 0; dp < kDownstreamPorts; ++dp) {
            Device& down = host.add(at(domain, down_bus, dp, 0), at(domain, up_bus, 0, 0), PortType::DownstreamPort);
            down.device_name = "PEX 8747 Downstream Port";
            const Bdf dp_bdf = down.address;
            const std::size_t nic_bus = ++bus;
            for (std::size_t pf = 0; pf < kPfsPerNic; ++pf) {
                Device& phys = host.add(at(domain, nic_bus, 0, pf), dp_bdf, PortType::Endpoint);
                phys.device_id = Fact<std::uint16_t>::known(0x10fb);
                phys.device_name = "82599ES 10-Gigabit SFI/SFP+ Network Connection";
                phys.driver = Fact<std::string>::known("ixgbe");
                phys.multifunction = Fact<bool>::known(true);
                phys.sriov.num_vfs = Fact<int>::known(static_cast<int>(shape.vfs_per_pf));
                const Bdf pf_bdf = phys.address;
                for (std::size_t v = 0; v < shape.vfs_per_pf; ++v) {
                    // The kernel places VF n at routing ID PF + offset + n * stride; here stride 1.
                    Device& vf = host.add(at(domain, nic_bus, 2 + pf * vf_devices + v / 8, v % 8), dp_bdf,
                                          PortType::Endpoint);
                    vf.device_id = Fact<std::uint16_t>::known(0x10ed);
                    vf.device_name = "82599 Ethernet Controller Virtual Function";
                    vf.driver = Fact<std::string>::known(v % 8 == 7 ? "vfio-pci" : "ixgbevf");
                    vf.sriov.physfn = pf_bdf;
                    phys.sriov.vfs.push_back(vf.address);
                }
            }
        }
    }
    return host.finish();
}

Topology make_synthetic_host(std::size_t functions) {
    constexpr std::size_t kVfs = 63;
    const std::size_t per_root_port = 1 + 1 + kDownstreamPorts + kDownstreamPorts * kPfsPerNic * (1 + kVfs);
    const auto root_ports = std::max<std::size_t>(
        1, static_cast<std::size_t>(std::lround(static_cast<double>(functions) / static_cast<double>(per_root_port))));
    return make_synthetic_host(SyntheticHostShape{.root_ports = root_ports, .vfs_per_pf = kVfs});
}

}  // namespace isola::testing
