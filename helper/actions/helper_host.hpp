// What an action acts on. The installed helper builds one for the real host (root "/", the
// kernel's sysfs writer and VFIO ioctls); the tests build one on a fixture tree whose kernel is
// simulated. A caller never chooses any of it: nothing here comes from an action's arguments.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>

#include <QVariantMap>

#include "apply/sysfs_writer.hpp"
#include "vfio/vfio_calls.hpp"

namespace isola::helper {

struct HelperHost {
    std::filesystem::path root = "/";  // <root>/sys, <root>/proc, <root>/dev, <root>/etc, <root>/var/lib/isola
    SysfsWriter& writer;
    VfioCalls& vfio;
    std::function<std::int64_t()> now;                    // seconds since the epoch
    std::function<void(const QVariantMap&)> progress = {};  // KAuth's progressStep() in the helper

    [[nodiscard]] std::filesystem::path sysfs() const { return root / "sys"; }
    [[nodiscard]] std::filesystem::path state_dir() const { return root / "var/lib/isola"; }
};

}  // namespace isola::helper
