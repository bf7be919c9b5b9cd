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

struct BlockDevice {
    std::string name;                      // "nvme0n1", "sda", "nvme0n1p2"
    std::vector<std::string> mountpoints;  // where it (or this partition) is mounted
    bool holds_root = false;               // "/" is mounted from it (or from one of its partitions)
    std::vector<BlockDevice> partitions;
    friend bool operator==(const BlockDevice&, const BlockDevice&) = default;
};

struct DisplayUse {
    std::vector<std::string> drm_cards;  // "card0"
    bool console = false;                // fbcon / the boot framebuffer is on this device
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

struct DeviceUsage {
    std::vector<NetInterface> net;
    std::vector<BlockDevice> block;
    DisplayUse display;
    std::vector<UsbDevice> usb;
    std::vector<SoundCard> sound;

    [[nodiscard]] bool any() const {
        return !net.empty() || !block.empty() || !display.drm_cards.empty() || display.console ||
               !usb.empty() || !sound.empty();
    }
    friend bool operator==(const DeviceUsage&, const DeviceUsage&) = default;
};

}  // namespace isola
