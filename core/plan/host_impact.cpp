#include "plan/host_impact.hpp"
#include "text/enum_names.hpp"
#include "text/message.hpp"

#include <algorithm>
#include <format>

namespace isola {

namespace {

constexpr std::array kSeverityNames{
    EnumName<Severity>{Severity::Blocker, "blocker"},
    EnumName<Severity>{Severity::Confirm, "needs-confirmation"},
    EnumName<Severity>{Severity::Note, "note"},
};

constexpr std::array kImpactNames{
    EnumName<ImpactKind>{ImpactKind::RootFilesystem, "root-filesystem"},
    EnumName<ImpactKind>{ImpactKind::MountedFilesystem, "mounted-filesystem"},
    EnumName<ImpactKind>{ImpactKind::SwapSpace, "swap-space"},
    EnumName<ImpactKind>{ImpactKind::StackedVolume, "stacked-volume"},
    EnumName<ImpactKind>{ImpactKind::DefaultRoute, "default-route"},
    EnumName<ImpactKind>{ImpactKind::NetworkUp, "network-up"},
    EnumName<ImpactKind>{ImpactKind::NetworkDown, "network-down"},
    EnumName<ImpactKind>{ImpactKind::ConsoleDisplay, "console-display"},
    EnumName<ImpactKind>{ImpactKind::DrmNodeOpen, "drm-node-open"},
    EnumName<ImpactKind>{ImpactKind::DrmOpenersUnknown, "drm-openers-unknown"},
    EnumName<ImpactKind>{ImpactKind::Display, "display"},
    EnumName<ImpactKind>{ImpactKind::BootGpu, "boot-gpu"},
    EnumName<ImpactKind>{ImpactKind::OnlyKeyboard, "only-keyboard"},
    EnumName<ImpactKind>{ImpactKind::UsbDevices, "usb-devices"},
    EnumName<ImpactKind>{ImpactKind::SoundCard, "sound-card"},
    EnumName<ImpactKind>{ImpactKind::ChipsetFunction, "chipset-function"},
    EnumName<ImpactKind>{ImpactKind::SriovVfsInUse, "sriov-vfs-in-use"},
    EnumName<ImpactKind>{ImpactKind::NoReset, "no-reset"},
    EnumName<ImpactKind>{ImpactKind::LeavesHostDriver, "leaves-host-driver"},
    EnumName<ImpactKind>{ImpactKind::UnknownDriver, "unknown-driver"},
    EnumName<ImpactKind>{ImpactKind::CompanionFunction, "companion-function"},
    EnumName<ImpactKind>{ImpactKind::NeedsPhysicalFunction, "needs-physical-function"},
    EnumName<ImpactKind>{ImpactKind::UsageUnknown, "usage-unknown"},
};

}  // namespace

std::string_view to_string(Severity s) { return name_of(kSeverityNames, s); }
std::string_view to_string(ImpactKind k) { return name_of(kImpactNames, k); }

namespace {

// Mounts of the disk and its partitions themselves. A device with holders cannot be mounted
// (device-mapper and md open it exclusively): its mount points are its holders', which the
// StackedVolume impact names with the volume they are on.
void collect_mounts(const BlockDevice& b, std::vector<std::pair<std::string, std::string>>& out) {
    if (b.holders.empty())
        for (const auto& m : b.mountpoints) out.emplace_back(m, b.name);
    for (const auto& p : b.partitions) collect_mounts(p, out);
}

// The disk and each partition, in order, for the per-device impacts (swap, stacked volumes).
void for_each_block(const BlockDevice& b, const auto& f) {
    f(b);
    for (const auto& p : b.partitions) for_each_block(p, f);
}

std::string root_location(const BlockDevice& b) {
    if (std::ranges::find(b.mountpoints, "/") != b.mountpoints.end()) return b.name;
    for (const auto& p : b.partitions)
        if (p.holds_root) return root_location(p);
    return b.name;
}

// The keyboards the host has; nullopt when some USB controller's devices are not known.
std::optional<int> keyboards_on_host(const Topology& t) {
    int n = 0;
    for (const auto& d : t.devices()) {
        if (!d.usage.usb) {
            if (d.base_class() == 0x0c && d.sub_class() == 0x03) return std::nullopt;
            continue;
        }
        n += static_cast<int>(std::ranges::count_if(*d.usage.usb, &UsbDevice::keyboard));
    }
    return n;
}

const char* category_name(UsageCategory c) {
    switch (c) {
        case UsageCategory::Network: return N_("network");
        case UsageCategory::Storage: return N_("storage");
        case UsageCategory::Display: return N_("display");
        case UsageCategory::Usb: return N_("USB devices");
        case UsageCategory::Sound: return N_("sound");
    }
    return "";
}

}  // namespace

std::vector<HostImpact> host_impacts_of(const Device& d, const Topology& t) {
    std::vector<HostImpact> out;
    auto add = [&](Severity s, ImpactKind k) -> HostImpact& { return out.emplace_back(HostImpact{s, k, d.address}); };

    const DeviceUsage& use = d.usage;
    // Storage: unbinding a controller under a mounted filesystem "succeeds" and corrupts it
    // (lab ground truth), so any mount is a blocker, the root filesystem above all.
    // Through pointers, not value_or(): a copy of every use per group member made plans of big groups slow.
    static const std::vector<BlockDevice> kNoBlocks;
    static const std::vector<NetInterface> kNoNet;
    for (const auto& b : use.block ? *use.block : kNoBlocks) {
        if (b.holds_root) {
            add(Severity::Blocker, ImpactKind::RootFilesystem).name = root_location(b);
            continue;
        }
        std::vector<std::pair<std::string, std::string>> mounts;
        collect_mounts(b, mounts);
        if (!mounts.empty()) add(Severity::Blocker, ImpactKind::MountedFilesystem).mounts = std::move(mounts);
        // Swap and stacked volumes lose their disk just as a mount does: the kernel lets the
        // unbind happen, and swapped-out pages or the volume's data are gone with it.
        for_each_block(b, [&](const BlockDevice& part) {
            if (part.swap) add(Severity::Blocker, ImpactKind::SwapSpace).name = part.name;
            if (!part.holders.empty()) {
                auto& i = add(Severity::Blocker, ImpactKind::StackedVolume);
                i.name = part.name;
                i.holders = part.holders;
            }
        });
    }
    // Network: an interface that is up loses its addresses and connections the moment it unbinds.
    for (const auto& n : use.net ? *use.net : kNoNet) {
        if (n.default_route_v4 || n.default_route_v6)
            add(Severity::Blocker, ImpactKind::DefaultRoute).name = n.name;
        else if (n.operstate == "up")
            add(Severity::Blocker, ImpactKind::NetworkUp).name = n.name;
        else
            add(Severity::Note, ImpactKind::NetworkDown).name = n.name;
    }
    // Display.
    static const DisplayUse kNoDisplay;
    const DisplayUse& display = use.display ? *use.display : kNoDisplay;
    if (display.console)
        add(Severity::Blocker, ImpactKind::ConsoleDisplay);
    else if (!display.drm_cards.empty())
        add(Severity::Confirm, ImpactKind::Display).items = display.drm_cards;
    // A process with a DRM node open (compositor, Xorg, a compute job) loses its GPU mid-use.
    if (use.display && display.openers && !display.openers->empty())
        add(Severity::Blocker, ImpactKind::DrmNodeOpen).openers = *display.openers;
    else if (use.display && !display.openers)
        add(Severity::Confirm, ImpactKind::DrmOpenersUnknown).why_unknown = display.openers.why_unknown;
    if (d.boot_vga.value_or(false)) add(Severity::Note, ImpactKind::BootGpu);
    // Input and other USB devices.
    if (use.usb && !use.usb->empty()) {
        const int here = static_cast<int>(std::ranges::count_if(*use.usb, &UsbDevice::keyboard));
        std::vector<std::string> names;
        for (const auto& u : *use.usb) names.push_back(u.name);
        const bool only_keyboard = here > 0 && keyboards_on_host(t) == here;
        add(only_keyboard ? Severity::Blocker : Severity::Confirm,
            only_keyboard ? ImpactKind::OnlyKeyboard : ImpactKind::UsbDevices).items = std::move(names);
    }
    if (use.sound && !use.sound->empty()) add(Severity::Confirm, ImpactKind::SoundCard);
    // What the source does not tell: a listing says nothing of network, storage or display use,
    // so a plan made from it cannot promise that the host will not notice. Bridges stay with the
    // host and are never unbound.
    if (const auto unknown = use.unknown_categories(); !unknown.empty() && !d.is_bridge()) {
        auto& i = add(Severity::Confirm, ImpactKind::UsageUnknown);
        for (auto c : unknown) i.items.emplace_back(category_name(c));
        i.why_unknown = use.why_unknown();
    }

    // Chipset functions the host cannot do without (TrueNAS treats the same classes as critical).
    if (d.class_id) {
        const auto cls = *d.class_id;
        const char* what = cls == 0x0600 ? N_("host bridge") : cls == 0x0601 ? N_("ISA bridge (LPC)")
                          : cls == 0x0c05 ? N_("SMBus controller") : cls == 0x0500 ? N_("RAM controller") : nullptr;
        if (what) add(Severity::Blocker, ImpactKind::ChipsetFunction).name = what;
    }
    // SR-IOV: vfio-pci refuses a PF with VFs enabled, so the plan removes them first; VFs bound to
    // drivers are in use (a VM, a container's NIC) and would vanish under it: refused.
    if (d.sriov.num_vfs.value_or(0) > 0) {
        int bound = 0;
        for (const auto& vf : d.sriov.vfs)
            if (const Device* v = t.find(vf); v && v->driver && !v->driver->empty()) ++bound;
        auto& i = add(bound > 0 ? Severity::Blocker : Severity::Note, ImpactKind::SriovVfsInUse);
        i.count = *d.sriov.num_vfs;
        i.bound = bound;
    }
    if (d.reset_methods && d.reset_methods->empty() && !d.is_bridge()) add(Severity::Confirm, ImpactKind::NoReset);

    std::ranges::stable_sort(out, {}, [](const HostImpact& i) { return static_cast<int>(i.severity); });
    return out;
}

}  // namespace isola
