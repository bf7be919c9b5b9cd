// Action org.kde.isola.helper.readconfig: the configuration space of one PCI function.
//
// Why it exists: the GUI runs unprivileged and the kernel serves non-root readers only the first
// 64 bytes of "config" (pci_read_config() in drivers/pci/pci-sysfs.c), so ACS and other
// capability bits are invisible without it. Read-only; touches nothing else.
#pragma once

#include <filesystem>

#include <QVariantMap>

#include "actions/action_result.hpp"

namespace isola::helper {

// Arguments: exactly {"bdf": QString "DDDD:BB:DD.F"}.
// Reply:     {"config": QByteArray (<= 4096 bytes), "length": int}.
// `root` is the host root ("/" in the installed helper).
ActionResult readconfig(const QVariantMap& args, const std::filesystem::path& root);

}  // namespace isola::helper
