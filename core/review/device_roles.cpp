#include "review/device_roles.hpp"

#include <format>

namespace isola::review_detail {

bool is_vfio_driver(std::string_view drv) {
    return drv == "vfio-pci" || (drv.find("vfio") != std::string_view::npos && drv.ends_with("pci"));
}

bool holds_for_vfio(std::string_view drv) { return is_vfio_driver(drv) || drv == "pci-stub"; }

bool on_host_driver(const Device& d) {
    // Bridges on pcieport (or any bridge driver) never block a group (pcieport sets driver_managed_dma).
    return !d.is_bridge() && d.driver && !d.driver->empty() && !holds_for_vfio(*d.driver);
}

bool is_passthrough_candidate(const Device& d) {
    if (!d.class_id || d.is_bridge()) return false;
    const auto cls = *d.class_id;
    return d.base_class() == 0x03 || d.base_class() == 0x02 || cls == 0x0108 || cls == 0x0c03;
}

std::string label(const Device& d) {
    // "Device" and "Device 7ab0" are lspci's placeholders for names pci.ids lacks: the IDs say more.
    const bool placeholder = d.device_name.empty() || d.device_name == "Device" || d.device_name.starts_with("Device ");
    if (!placeholder) return d.address.str() + " (" + d.device_name + ")";
    const auto id = d.pci_id();
    if (!id) return d.address.str() + " (" + d.display_name() + ")";
    const std::string ids = "[" + *id + "]";
    return d.address.str() + " (" + (d.vendor_name.empty() ? ids : d.vendor_name + " " + ids) + ")";
}

std::string labels(const Topology& t, const std::vector<Bdf>& devices) {
    std::vector<std::string> parts;
    for (const auto& b : devices) {
        const Device* d = t.find(b);
        parts.push_back(d ? label(*d) : b.str());
    }
    return join_prose(parts);
}

}  // namespace isola::review_detail
