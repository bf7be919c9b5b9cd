// One line saying what the host uses a device for ("network enp3s0 (default route)",
// "storage nvme0n1 — /"), and the longer per-item lines for the details pane.
#pragma once

#include <QCoreApplication>
#include <QStringList>

#include "topology/host_usage.hpp"

namespace isola::gui {

class HostUseText {
    Q_DECLARE_TR_FUNCTIONS(HostUseText)

public:
    // Parts joined by "; "; empty when the host does not use the device.
    static QString summary(const DeviceUsage& usage);
    // One entry per interface, block device, display, USB device and sound card.
    static QStringList details(const DeviceUsage& usage);
    // The categories the source does not tell ("network, storage, display"); empty when all are known.
    static QString unknownCategories(const DeviceUsage& usage);
};

}  // namespace isola::gui
