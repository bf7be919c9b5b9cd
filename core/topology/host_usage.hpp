// What the running host uses a device for. Read from sysfs/proc (network, block, DRM, USB, sound)
// so that a plan can say what the host would lose.
#pragma once

#include <string>
#include <vector>

#include "topology/fact.hpp"

namespace isola {

struct NetInterface {
    std::string name;                    // "enp3s0"
    std::string operstate;               // "up", "down", "unknown", ...
    std::vector<std::string> addresses;  // "192.0.2.10/24", "2001:db8::1/64"
    bool default_route_v4 = false;       // carries the IPv4 default route
    bool default_route_v6 = false;       // carries the IPv6 default route
    friend bool operator==(const NetInterface&, const NetInterface&) = default;
};

// A block device stacked on another (sysfs `holders/`): device-mapper (LVM, dm-crypt) or md RAID.
// Unbinding the disk below pulls it out from under whatever uses it.
struct BlockHolder {
    enum class Kind { DeviceMapper, Md, Other };
    Kind kind = Kind::Other;
    std::string name;                      // kernel name, "dm-1", "md127"
    std::string label;                     // device-mapper name ("vg0-home", "luks-3f…"), "" none
    std::vector<std::string> mountpoints;  // where it itself is mounted
    bool swap = false;                     // it itself is active swap (/proc/swaps)
    std::vector<BlockHolder> holders;      // what is stacked on it in turn (an LV on dm-crypt)
    friend bool operator==(const BlockHolder&, const BlockHolder&) = default;
};

struct BlockDevice {
    std::string name;                      // "nvme0n1", "sda", "nvme0n1p2"
    std::vector<std::string> mountpoints;  // where it (or this partition, or a holder stacked on it) is mounted
    bool holds_root = false;               // "/" is mounted from it (or from one of its partitions)
    std::vector<BlockDevice> partitions;
    bool swap = false;                     // it itself is active swap (/proc/swaps)
    std::vector<BlockHolder> holders;      // device-mapper / md devices stacked directly on it
    friend bool operator==(const BlockDevice&, const BlockDevice&) = default;
};

// A process that holds one of a GPU's DRM nodes open (/proc/<pid>/fd -> /dev/dri/card0).
struct DrmOpener {
    std::string comm;  // /proc/<pid>/comm, "kwin_wayland"
    int pid = 0;
    std::string node;  // "card0", "renderD128"
    friend bool operator==(const DrmOpener&, const DrmOpener&) = default;
};

struct DisplayUse {
    std::vector<std::string> drm_cards;  // "card0"
    bool console = false;                // fbcon / the boot framebuffer is on this device
    // Who holds its DRM nodes open. Unknown when some process's fd table could not be read (other
    // users' processes without root) and none of the readable ones holds a node: that is not
    // "nobody". A non-empty list may miss unreadable processes; it refuses either way.
    Fact<std::vector<DrmOpener>> openers = Fact<std::vector<DrmOpener>>::known({});
    friend bool operator==(const DisplayUse&, const DisplayUse&) = default;
};

struct UsbDevice {
    std::string port;     // sysfs name, "1-2.1"
    std::string name;     // "Logitech USB Receiver" (product, or vendor:product ids)
    bool keyboard = false;
    bool mouse = false;
    friend bool operator==(const UsbDevice&, const UsbDevice&) = default;
};

struct SoundCard {
    std::string card;  // "card1"
    std::string name;  // ALSA id/name, "HDA NVidia"
    friend bool operator==(const SoundCard&, const SoundCard&) = default;
};

// Each category is a Fact: the live host reads all of them (a category whose files are missing
// stays unknown, with why); a pasted listing says none, or only USB devices in a `lsusb -t` part.
// "Known empty" is a claim that the host does not use the device that way; "unknown" is not.
enum class UsageCategory { Network, Storage, Display, Usb, Sound };

struct DeviceUsage {
    Fact<std::vector<NetInterface>> net;
    Fact<std::vector<BlockDevice>> block;
    Fact<DisplayUse> display;
    Fact<std::vector<UsbDevice>> usb;
    Fact<std::vector<SoundCard>> sound;

    // Every category known and empty: the source read the host and found no use.
    static DeviceUsage none() {
        return {Fact<std::vector<NetInterface>>::known({}), Fact<std::vector<BlockDevice>>::known({}),
                Fact<DisplayUse>::known({}), Fact<std::vector<UsbDevice>>::known({}),
                Fact<std::vector<SoundCard>>::known({})};
    }
    // Every category unknown for `why` (a msgid).
    static DeviceUsage unknown(const std::string& why) {
        return {Fact<std::vector<NetInterface>>::unknown(why), Fact<std::vector<BlockDevice>>::unknown(why),
                Fact<DisplayUse>::unknown(why), Fact<std::vector<UsbDevice>>::unknown(why),
                Fact<std::vector<SoundCard>>::unknown(why)};
    }

    // A known category shows use.
    [[nodiscard]] bool any() const {
        return (net && !net->empty()) || (block && !block->empty()) ||
               (display && (!display->drm_cards.empty() || display->console)) || (usb && !usb->empty()) ||
               (sound && !sound->empty());
    }
    // The categories the source does not tell, in a fixed order; empty when all are known.
    [[nodiscard]] std::vector<UsageCategory> unknown_categories() const {
        std::vector<UsageCategory> out;
        if (!net) out.push_back(UsageCategory::Network);
        if (!block) out.push_back(UsageCategory::Storage);
        if (!display) out.push_back(UsageCategory::Display);
        if (!usb) out.push_back(UsageCategory::Usb);
        if (!sound) out.push_back(UsageCategory::Sound);
        return out;
    }
    // Why the first unknown category is unknown ("" when all are known).
    [[nodiscard]] std::string why_unknown() const {
        for (const std::string* why : {&net.why_unknown, &block.why_unknown, &display.why_unknown,
                                       &usb.why_unknown, &sound.why_unknown})
            if (!why->empty()) return *why;
        return {};
    }
    friend bool operator==(const DeviceUsage&, const DeviceUsage&) = default;
};

}  // namespace isola
