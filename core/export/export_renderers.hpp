// One renderer per format, each in its own file. Each returns the text plus the warnings only that
// format has; export_config() adds the shared warnings and the device list. Internal.
#pragma once

#include "export/export_selection.hpp"

namespace isola::export_detail {

ExportResult render_libvirt_hostdev(const ExportSelection&, const ExportOptions&);   // libvirt_hostdev.cpp
ExportResult render_qemu_args(const ExportSelection&, const ExportOptions&);         // qemu_args.cpp
ExportResult render_proxmox_hostpci(const ExportSelection&, const ExportOptions&);   // proxmox_hostpci.cpp
ExportResult render_cloud_hypervisor(const ExportSelection&, const ExportOptions&);  // cloud_hypervisor_device.cpp
ExportResult render_kernel_cmdline(const ExportSelection&, const ExportOptions&);    // early_binding_cmdline.cpp
ExportResult render_modprobe_d(const ExportSelection&, const ExportOptions&);        // modprobe_d.cpp
ExportResult render_driverctl(const ExportSelection&, const ExportOptions&);         // driverctl_commands.cpp

}  // namespace isola::export_detail
