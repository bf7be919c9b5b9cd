#include "topology/device.hpp"

#include <array>
#include <format>

#include "text/enum_names.hpp"

#include "text/message.hpp"

namespace isola {
namespace {

constexpr std::array kPortTypeNames{
    EnumName<PortType>{PortType::Endpoint, "endpoint"},
    EnumName<PortType>{PortType::LegacyEndpoint, "legacy-endpoint"},
    EnumName<PortType>{PortType::RootPort, "root-port"},
    EnumName<PortType>{PortType::UpstreamPort, "upstream-port"},
    EnumName<PortType>{PortType::DownstreamPort, "downstream-port"},
    EnumName<PortType>{PortType::PcieToPciBridge, "pcie-to-pci-bridge"},
    EnumName<PortType>{PortType::PciToPcieBridge, "pci-to-pcie-bridge"},
    EnumName<PortType>{PortType::RcIntegratedEndpoint, "rc-integrated-endpoint"},
    EnumName<PortType>{PortType::RcEventCollector, "rc-event-collector"},
    EnumName<PortType>{PortType::Conventional, "conventional-pci"},
};

}  // namespace

std::string_view to_string(PortType t) { return name_of(kPortTypeNames, t); }
std::optional<PortType> port_type_from_string(std::string_view s) { return value_of(kPortTypeNames, s); }

bool Device::is_bridge() const {
    if (header_type && (*header_type & 0x7f) == 1) return true;
    if (port_type) {
        switch (*port_type) {
            case PortType::RootPort:
            case PortType::UpstreamPort:
            case PortType::DownstreamPort:
            case PortType::PcieToPciBridge:
            case PortType::PciToPcieBridge: return true;
            default: break;
        }
    }
    // Listings without a header type: class 06.04 (PCI bridge) / 06.09 (semi-transparent).
    return base_class() == 0x06 && (sub_class() == 0x04 || sub_class() == 0x09);
}

std::string Device::display_name() const {
    if (!vendor_name.empty() && !device_name.empty()) return vendor_name + " " + device_name;
    if (!device_name.empty()) return device_name;
    // pci.ids knows the vendor but not this device (new hardware, old pci.ids): say so like lspci.
    if (!vendor_name.empty() && device_id) return std::format("{} Device {:04x}", vendor_name, *device_id);
    if (auto id = pci_id()) return std::format("[{}]", *id);
    if (!vendor_name.empty()) return vendor_name;
    // A listing that shows neither names nor IDs may still show the class.
    if (!class_name.empty()) return class_name;
    return say("unknown device");
}

std::optional<std::string> Device::pci_id() const {
    if (!vendor_id || !device_id) return std::nullopt;
    constexpr char kHex[] = "0123456789abcdef";
    std::string id = "0000:0000";
    for (int i = 3; i >= 0; --i) {
        id[static_cast<std::size_t>(i)] = kHex[(*vendor_id >> (4 * (3 - i))) & 0xf];
        id[static_cast<std::size_t>(5 + i)] = kHex[(*device_id >> (4 * (3 - i))) & 0xf];
    }
    return id;
}

}  // namespace isola
