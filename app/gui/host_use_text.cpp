#include "host_use_text.hpp"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace isola::gui {
namespace {

QString qs(const std::string& s) { return QString::fromStdString(s); }

QStringList qs_list(const std::vector<std::string>& v) {
    QStringList out;
    for (const auto& s : v) out << qs(s);
    return out;
}

// Every mountpoint of a disk and its partitions: what the host loses with the controller.
QStringList mountpoints(const BlockDevice& block) {
    QStringList out = qs_list(block.mountpoints);
    for (const auto& part : block.partitions) out << mountpoints(part);
    out.removeDuplicates();
    return out;
}

// The categories the source told, each as a plain value (an unknown one reads as empty here;
// unknownCategories() says which those are).
struct Seen {
    explicit Seen(const DeviceUsage& u)
        : net(u.net.value_or({})), block(u.block.value_or({})), display(u.display.value_or({})),
          usb(u.usb.value_or({})), sound(u.sound.value_or({})) {}
    std::vector<NetInterface> net;
    std::vector<BlockDevice> block;
    DisplayUse display;
    std::vector<UsbDevice> usb;
    std::vector<SoundCard> sound;
};

}  // namespace

QString HostUseText::unknownCategories(const DeviceUsage& usage) {
    QStringList names;
    for (auto c : usage.unknown_categories()) {
        switch (c) {
            case UsageCategory::Network: names << tr("network"); break;
            case UsageCategory::Storage: names << tr("storage"); break;
            case UsageCategory::Display: names << tr("display"); break;
            case UsageCategory::Usb: names << tr("USB devices"); break;
            case UsageCategory::Sound: names << tr("sound"); break;
        }
    }
    return names.join(u", ");
}

QString HostUseText::summary(const DeviceUsage& known) {
    const Seen usage(known);
    QStringList parts;
    for (const auto& net : usage.net) {
        parts << ((net.default_route_v4 || net.default_route_v6) ? tr("network %1 (default route)")
                                                                 : tr("network %1"))
                     .arg(qs(net.name));
    }
    for (const auto& block : usage.block) {
        const auto mounts = mountpoints(block);
        parts << (mounts.isEmpty() ? tr("storage %1").arg(qs(block.name))
                                   : tr("storage %1 — %2").arg(qs(block.name), mounts.join(u", ")));
    }
    const auto& display = usage.display;
    if (display.console || !display.drm_cards.empty()) {
        const auto cards = qs_list(display.drm_cards).join(u' ');
        if (display.console)
            parts << (cards.isEmpty() ? tr("display (console)") : tr("display %1 (console)").arg(cards));
        else
            parts << tr("display %1").arg(cards);
    }
    if (!usage.usb.empty()) {
        // Input devices are what a user misses first when a USB controller leaves the host.
        QStringList kinds;
        if (std::ranges::any_of(usage.usb, &UsbDevice::keyboard)) kinds << tr("keyboard");
        if (std::ranges::any_of(usage.usb, &UsbDevice::mouse)) kinds << tr("mouse");
        const auto others = std::ranges::count_if(usage.usb, [](const UsbDevice& u) { return !u.keyboard && !u.mouse; });
        if (kinds.isEmpty())
            parts << tr("USB: %n device(s)", nullptr, static_cast<int>(others));
        else if (others > 0)
            parts << tr("USB: %1 and %n other device(s)", nullptr, static_cast<int>(others)).arg(kinds.join(u", "));
        else
            parts << tr("USB: %1").arg(kinds.join(u", "));
    }
    for (const auto& sound : usage.sound) parts << tr("sound %1").arg(qs(sound.card));
    return parts.join(u"; ");
}

QStringList HostUseText::details(const DeviceUsage& known) {
    const Seen usage(known);
    QStringList lines;
    for (const auto& net : usage.net) {
        QString line = tr("network interface %1, %2").arg(qs(net.name), qs(net.operstate));
        if (!net.addresses.empty()) line += u", "_s + qs_list(net.addresses).join(u", ");
        if (net.default_route_v4) line += tr(", IPv4 default route");
        if (net.default_route_v6) line += tr(", IPv6 default route");
        lines << line;
    }
    for (const auto& block : usage.block) {
        const auto mounts = mountpoints(block);
        QString line = mounts.isEmpty() ? tr("block device %1, not mounted").arg(qs(block.name))
                                        : tr("block device %1, mounted at %2").arg(qs(block.name), mounts.join(u", "));
        if (block.holds_root) line += tr(" (root file system)");
        lines << line;
    }
    const auto& display = usage.display;
    for (const auto& card : display.drm_cards) lines << tr("DRM card %1").arg(qs(card));
    if (display.console) lines << tr("boot framebuffer / text console");
    for (const auto& usb : usage.usb) {
        QString line = tr("USB %1: %2").arg(qs(usb.port), qs(usb.name));
        if (usb.keyboard) line += tr(" (keyboard)");
        if (usb.mouse) line += tr(" (mouse)");
        lines << line;
    }
    for (const auto& sound : usage.sound) lines << tr("sound %1: %2").arg(qs(sound.card), qs(sound.name));
    return lines;
}

}  // namespace isola::gui
