// What the host uses each PCI function for, written where the kernel puts it: class devices as
// children of the function's directory (net/, nvme/, drm/, graphics/, sound/, usbN/) with
// /sys/class links, and the proc files that say which interface routes and which disk holds "/".
#include "pci_sysfs_writer.hpp"

#include "net_address.hpp"

#include <filesystem>
#include <format>
#include <map>

namespace isola::lab {
namespace {

std::string hex_bytes(std::span<const std::uint8_t> bytes) {
    std::string out;
    for (auto b : bytes) out += std::format("{:02x}", b);
    return out;
}

// /proc/net/route prints __be32 values with %08X on a little-endian host: bytes reversed.
std::string route_hex(const std::array<std::uint8_t, 4>& o) {
    return std::format("{:02X}{:02X}{:02X}{:02X}", o[3], o[2], o[1], o[0]);
}

std::array<std::uint8_t, 4> mask_of(int prefix) {
    const std::uint32_t m = prefix == 0 ? 0 : 0xffffffffu << (32 - prefix);
    return {static_cast<std::uint8_t>(m >> 24), static_cast<std::uint8_t>(m >> 16), static_cast<std::uint8_t>(m >> 8),
            static_cast<std::uint8_t>(m)};
}

std::string dotted(const std::array<std::uint8_t, 4>& o) { return std::format("{}.{}.{}.{}", o[0], o[1], o[2], o[3]); }

// fib_route_seq_show() pads every line to 127 characters.
std::string route_line(std::string_view text) {
    std::string line(text);
    if (line.size() < 127) line.append(127 - line.size(), ' ');
    return line + "\n";
}

struct NetWriter {
    std::string route = route_line("Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\t\tMTU\tWindow\tIRTT");
    std::string ipv6_route;
    std::string if_inet6 = "00000000000000000000000000000001 01 80 10 80       lo\n";
    std::vector<std::pair<std::string, std::string>> fib_leaves{{"127.0.0.0", "/8 host LOCAL"},
                                                                {"127.0.0.1", "/32 host LOCAL"},
                                                                {"127.255.255.255", "/32 link BROADCAST"}};
    int next_ifindex = 2;

    void add(const FixtureFiles& out, const PlacedFunction& f, const NetInterfaceSpec& nif) {
        add(out, "sys/" + f.sysfs_dir, f.spec.address, nif);
    }
    // `device_dir`: the kernel device the interface belongs to (a PCI function, or the USB
    // interface of a USB network adapter below a controller); `a` seeds the generated MAC.
    void add(const FixtureFiles& out, const std::string& device_dir, const Address& a, const NetInterfaceSpec& nif) {
        const std::string dir = std::format("{}/net/{}", device_dir, nif.name);
        const int ifindex = next_ifindex++;
        const std::string mac = nif.mac.empty() ? std::format("52:54:00:{:02x}:{:02x}:{:02x}", a.bus, a.slot, a.function + ifindex)
                                                : nif.mac;
        out.text(dir + "/operstate", nif.operstate + "\n");
        out.text(dir + "/address", mac + "\n");
        out.text(dir + "/ifindex", std::format("{}\n", ifindex));
        out.text(dir + "/mtu", "1500\n");
        out.text(dir + "/type", "1\n");
        out.text(dir + "/carrier", nif.operstate == "up" ? "1\n" : "0\n");
        out.link(dir + "/device", device_dir);
        out.link("sys/class/net/" + nif.name, dir);

        if (nif.ipv4) {
            const auto v4 = *parse_ipv4(*nif.ipv4, true);
            const auto mask = mask_of(v4.prefix);
            std::array<std::uint8_t, 4> net{}, bcast{};
            for (int i = 0; i < 4; ++i) {
                net[i] = v4.octets[i] & mask[i];
                bcast[i] = static_cast<std::uint8_t>(net[i] | ~mask[i]);
            }
            if (nif.gateway4) {
                const auto gw = *parse_ipv4(*nif.gateway4, false);
                route += route_line(std::format("{}\t00000000\t{}\t0003\t0\t0\t100\t00000000\t0\t0\t0", nif.name, route_hex(gw.octets)));
                fib_leaves.insert(fib_leaves.begin(), {"0.0.0.0", "/0 universe UNICAST"});
            }
            route += route_line(std::format("{}\t{}\t00000000\t0001\t0\t0\t100\t{}\t0\t0\t0", nif.name, route_hex(net),
                                            route_hex(mask)));
            fib_leaves.push_back({dotted(net), std::format("/{} link UNICAST", v4.prefix)});
            fib_leaves.push_back({dotted(v4.octets), "/32 host LOCAL"});
            fib_leaves.push_back({dotted(bcast), "/32 link BROADCAST"});
        }
        // Link-local address from the MAC (EUI-64), scope 0x20; then the global one, scope 0.
        std::array<std::uint8_t, 16> ll{0xfe, 0x80};
        unsigned m[6] = {};
        std::sscanf(mac.c_str(), "%x:%x:%x:%x:%x:%x", &m[0], &m[1], &m[2], &m[3], &m[4], &m[5]);
        const std::uint8_t eui[8] = {static_cast<std::uint8_t>(m[0] ^ 0x02), static_cast<std::uint8_t>(m[1]),
                                     static_cast<std::uint8_t>(m[2]), 0xff, 0xfe, static_cast<std::uint8_t>(m[3]),
                                     static_cast<std::uint8_t>(m[4]), static_cast<std::uint8_t>(m[5])};
        std::copy(std::begin(eui), std::end(eui), ll.begin() + 8);
        if (nif.operstate == "up")
            if_inet6 += std::format("{} {:02x} 40 20 80 {:>8}\n", hex_bytes(ll), ifindex, nif.name);
        if (nif.ipv6) {
            const auto v6 = *parse_ipv6(*nif.ipv6, true);
            if_inet6 += std::format("{} {:02x} {:02x} 00 00 {:>8}\n", hex_bytes(v6.bytes), ifindex, v6.prefix, nif.name);
            auto prefix = v6.bytes;
            for (int bit = v6.prefix; bit < 128; ++bit) prefix[bit / 8] &= static_cast<std::uint8_t>(~(0x80 >> (bit % 8)));
            ipv6_route += std::format("{} {:02x} {} 00 {} 00000100 00000001 00000000 00000001 {:>8}\n", hex_bytes(prefix),
                                      v6.prefix, std::string(32, '0'), std::string(32, '0'), nif.name);
        }
        if (nif.gateway6) {
            const auto gw = *parse_ipv6(*nif.gateway6, false);
            ipv6_route += std::format("{} 00 {} 00 {} 00000400 00000001 00000000 00450003 {:>8}\n", std::string(32, '0'),
                                      std::string(32, '0'), hex_bytes(gw.bytes), nif.name);
        }
    }

    void finish(const FixtureFiles& out) {
        out.text("sys/devices/virtual/net/lo/operstate", "unknown\n");
        out.text("sys/devices/virtual/net/lo/ifindex", "1\n");
        out.link("sys/class/net/lo", "sys/devices/virtual/net/lo");
        out.text("proc/net/route", route);
        out.text("proc/net/if_inet6", if_inet6);
        ipv6_route += std::format("{} 80 {} 00 {} 00000000 00000002 00000000 80200001       lo\n",
                                  std::string(31, '0') + "1", std::string(32, '0'), std::string(32, '0'));
        out.text("proc/net/ipv6_route", ipv6_route);
        // Real tries nest by prefix; the leaf lines ("|-- addr" then "/len scope TYPE") are what
        // readers match, so both tables list the leaves flat under the root node.
        std::string trie;
        for (const char* table : {"Main:\n", "Local:\n"}) {
            trie += table;
            trie += std::format("  +-- 0.0.0.0/0 3 0 {}\n", fib_leaves.size());
            for (const auto& [addr, what] : fib_leaves) trie += std::format("     |-- {}\n        {}\n", addr, what);
        }
        out.text("proc/net/fib_trie", trie);
    }
};

struct BlockWriter {
    std::string mountinfo;
    std::string swaps = "Filename                                Type            Size            Used            Priority\n";
    int swap_count = 0;
    std::map<std::string, std::string> volumes;  // "dm:vg0-home" -> "dm-0"
    int next_dm = 0;
    int next_mount_id = 30;
    int nvme_minor = 0;
    int scsi_disk = 0;
    bool root_mounted = false;

    void add(const FixtureFiles& out, const PlacedFunction& f, const BlockDiskSpec& disk) {
        const bool nvme = disk.name.starts_with("nvme");
        std::string dir;
        int major = 0, minor = 0;
        if (nvme) {
            // nvme0n1 lives under its controller nvme0; namespaces and partitions share major 259.
            const std::string ctrl = disk.name.substr(0, disk.name.find('n', 4));
            const std::string ctrl_dir = std::format("sys/{}/nvme/{}", f.sysfs_dir, ctrl);
            out.link("sys/class/nvme/" + ctrl, ctrl_dir);
            out.link(ctrl_dir + "/device", "sys/" + f.sysfs_dir);
            dir = ctrl_dir + "/" + disk.name;
            major = 259;
            minor = nvme_minor++;
        } else {
            const int host = scsi_disk;
            dir = std::format("sys/{}/ata{}/host{}/target{}:0:0/{}:0:0:0/block/{}", f.sysfs_dir, host + 1, host, host, host,
                              disk.name);
            major = 8;
            minor = 16 * scsi_disk++;
        }
        out.text(dir + "/dev", std::format("{}:{}\n", major, minor));
        out.text(dir + "/size", "1000215216\n");
        out.text(dir + "/removable", "0\n");
        out.text(dir + "/ro", "0\n");
        out.dir(dir + "/holders");
        out.link("sys/class/block/" + disk.name, dir);
        out.link("sys/block/" + disk.name, dir);
        for (std::size_t i = 0; i < disk.partitions.size(); ++i) {
            const std::string part = disk.name + (nvme ? "p" : "") + std::to_string(i + 1);
            const std::string pdir = dir + "/" + part;
            const int pminor = nvme ? nvme_minor++ : minor + static_cast<int>(i) + 1;
            out.text(pdir + "/dev", std::format("{}:{}\n", major, pminor));
            out.text(pdir + "/partition", std::format("{}\n", i + 1));
            out.text(pdir + "/size", "2097152\n");
            out.dir(pdir + "/holders");
            out.link("sys/class/block/" + part, pdir);
            const auto& p = disk.partitions[i];
            for (const auto& v : p.holders) stack(out, pdir, part, v);
            if (p.swap) swap_line("/dev/" + part);
            if (p.mount.empty()) continue;
            const bool esp = p.mount == "/boot/efi";
            mount_line(std::format("{}:{}", major, pminor), p.mount, esp ? "vfat" : "ext4", "/dev/" + part,
                       esp ? "rw,fmask=0077,dmask=0077,codepage=437,iocharset=ascii,shortname=mixed,errors=remount-ro"
                           : "rw,errors=remount-ro");
        }
    }

    // A device-mapper or md device on `lower` (a partition or another volume): its own directory
    // under devices/virtual/block, `slaves/` pointing down and the lower device's `holders/` up,
    // as dm and md link them. Written once per name; a second lower device only adds the links.
    void stack(const FixtureFiles& out, const std::string& lower_dir, const std::string& lower, const VolumeSpec& v) {
        const bool dm = v.kind == VolumeSpec::Kind::DeviceMapper;
        auto [it, fresh] = volumes.try_emplace((dm ? "dm:" : "md:") + v.name);
        if (fresh) it->second = dm ? std::format("dm-{}", next_dm++) : v.name;
        const std::string name = it->second;
        const std::string dir = "sys/devices/virtual/block/" + name;
        out.link(lower_dir + "/holders/" + name, dir);
        out.link(dir + "/slaves/" + lower, lower_dir);
        if (!fresh) return;
        const std::string devnum = dm ? std::format("254:{}", name.substr(3)) : std::format("9:{}", name.substr(2));
        out.text(dir + "/dev", devnum + "\n");
        out.text(dir + "/size", "2097152\n");
        out.dir(dir + "/holders");
        if (dm) {
            out.text(dir + "/dm/name", v.name + "\n");
            out.text(dir + "/dm/uuid", (v.name.starts_with("luks") ? "CRYPT-LUKS2-" : "LVM-") + v.name + "\n");
        } else {
            out.text(dir + "/md/level", "raid1\n");
            out.text(dir + "/md/array_state", "clean\n");
        }
        out.link("sys/class/block/" + name, dir);
        out.link("sys/block/" + name, dir);
        for (const auto& up : v.holders) stack(out, dir, name, up);
        if (v.swap) swap_line("/dev/" + name);  // the kernel prints the node it opened, /dev/dm-N
        if (!v.mount.empty())
            mount_line(devnum, v.mount, "ext4", dm ? "/dev/mapper/" + v.name : "/dev/" + name, "rw,errors=remount-ro");
    }

    void swap_line(const std::string& node) {
        // swap_show(): "%-39s %-9s %-13u %-13u %d" under a header.
        swaps += std::format("{:<39} {:<9} {:<13} {:<13} {}\n", node, "partition", 8388604, 0, -2 - swap_count++);
    }

    void mount_line(const std::string& devnum, const std::string& where, const std::string& fstype,
                    const std::string& source, const std::string& options) {
        const int id = where == "/" ? 1 : next_mount_id++;
        if (where == "/") root_mounted = true;
        mountinfo += std::format("{} {} {} / {} rw,relatime shared:{} - {} {} {}\n", id + 20, where == "/" ? 1 : 21, devnum,
                                 where, id, fstype, source, options);
    }

    void finish(const FixtureFiles& out) {
        // The pseudo filesystems every host has, after the disks (mountinfo is in mount order,
        // but readers must not rely on "/" being first).
        if (!root_mounted) mount_line("0:32", "/", "overlay", "overlay", "rw,lowerdir=/run/rootfs");
        mount_line("0:21", "/sys", "sysfs", "sysfs", "rw");
        mount_line("0:22", "/proc", "proc", "proc", "rw");
        mount_line("0:5", "/dev", "devtmpfs", "udev", "rw,size=8104212k,nr_inodes=2026053,mode=755");
        mount_line("0:25", "/run", "tmpfs", "tmpfs", "rw,size=1627264k,mode=755");
        out.text("proc/self/mountinfo", mountinfo);
        out.text("proc/swaps", swaps);
    }
};

void write_usb(const FixtureFiles& out, const PlacedFunction& f, int& next_bus, NetWriter& net) {
    // xHCI registers two root hubs (USB 2 and USB 3); EHCI/OHCI/UHCI one. Devices hang off the first.
    const bool xhci = (f.spec.class_code & 0xff) == 0x30;
    const int hs_bus = next_bus++;
    const int hubs = xhci ? 2 : 1;
    for (int h = 0; h < hubs; ++h) {
        const int bus = hs_bus + h;
        const std::string hub = std::format("sys/{}/usb{}", f.sysfs_dir, bus);
        out.text(hub + "/idVendor", "1d6b\n");
        out.text(hub + "/idProduct", h == 0 ? "0002\n" : "0003\n");
        out.text(hub + "/bDeviceClass", "09\n");
        out.text(hub + "/product", xhci ? "xHCI Host Controller\n" : "EHCI Host Controller\n");
        out.text(hub + "/manufacturer", "Linux 6.12.38+deb13-amd64 xhci-hcd\n");
        out.text(hub + "/busnum", std::format("{}\n", bus));
        out.text(std::format("{}/{}-0:1.0/bInterfaceClass", hub, bus), "09\n");
        if (h != 0) continue;
        for (std::size_t p = 0; p < f.spec.usb.size(); ++p) {
            const auto& u = f.spec.usb[p];
            const std::string name = std::format("{}-{}", bus, p + 1);
            const std::string dev = hub + "/" + name;
            out.text(dev + "/idVendor", std::format("{:04x}\n", u.vendor));
            out.text(dev + "/idProduct", std::format("{:04x}\n", u.product_id));
            if (!u.product.empty()) out.text(dev + "/product", u.product + "\n");
            if (!u.manufacturer.empty()) out.text(dev + "/manufacturer", u.manufacturer + "\n");
            out.text(dev + "/bDeviceClass", "00\n");
            out.text(dev + "/busnum", std::format("{}\n", bus));
            // Interface class 03 (HID), subclass 01 (boot), protocol 01 keyboard / 02 mouse.
            const std::string iface = std::format("{}/{}:1.0", dev, name);
            const bool hid = u.kind == "keyboard" || u.kind == "mouse";
            // USB network adapters (r8152, ax88179, cdc_ether): vendor class; the interface owns the netdev.
            if (u.net) net.add(out, iface, f.spec.address, *u.net);
            out.text(iface + "/bInterfaceClass", hid ? "03\n" : u.kind == "storage" ? "08\n" : "ff\n");
            out.text(iface + "/bInterfaceSubClass", hid ? "01\n" : u.kind == "storage" ? "06\n" : "00\n");
            out.text(iface + "/bInterfaceProtocol", u.kind == "keyboard" ? "01\n" : u.kind == "mouse" ? "02\n"
                                                    : u.kind == "storage"  ? "50\n" : "00\n");
        }
    }
    if (xhci) ++next_bus;
}

// /proc/<pid>/comm and fd/N links (0–2 to /dev/null, then the open files). Root reads every
// process's fd table, so "unreadable" is written as an fd entry that is not a directory: listing
// it fails (ENOTDIR) where a non-root reader of another user's process gets EACCES.
void write_processes(const MachineSpec& spec, const FixtureFiles& out) {
    namespace fs = std::filesystem;
    for (const auto& p : spec.processes) {
        const std::string dir = std::format("proc/{}", p.pid);
        out.text(dir + "/comm", p.comm + "\n");
        if (p.unreadable) {
            out.text(dir + "/fd", "");
            continue;
        }
        out.dir(dir + "/fd");
        std::vector<std::string> targets{"/dev/null", "/dev/null", "/dev/null"};
        targets.insert(targets.end(), p.open.begin(), p.open.end());
        for (std::size_t n = 0; n < targets.size(); ++n)
            fs::create_symlink(targets[n], out.root() / dir / "fd" / std::to_string(n));  // absolute, as the kernel shows
    }
}

std::string default_cmdline(const MachineSpec& spec) {
    std::string c = std::format("BOOT_IMAGE=/boot/vmlinuz-{} root=UUID=3b1f6c2e-5d7a-4c8e-9f01-2a6b7c8d9e0f ro quiet",
                                spec.kernel_release);
    if (spec.iommu == IommuKind::Intel) c += " intel_iommu=on iommu=pt";
    if (spec.iommu == IommuKind::Amd) c += " amd_iommu=on iommu=pt";
    if (spec.noiommu_mode) c += " vfio.enable_unsafe_noiommu_mode=1";
    return c;
}

}  // namespace

void write_host_usage(const MachineSpec& spec, const MachineLayout& layout, const FixtureFiles& out) {
    out.text("proc/cmdline", (spec.cmdline.empty() ? default_cmdline(spec) : spec.cmdline) + "\n");
    out.text("proc/sys/kernel/osrelease", spec.kernel_release + "\n");
    out.text("proc/sys/kernel/hostname", spec.hostname + "\n");

    NetWriter net;
    BlockWriter block;
    int next_usb_bus = 1;
    out.dir("sys/class/net");
    out.dir("sys/class/block");
    out.dir("sys/class/drm");
    out.dir("sys/class/graphics");
    out.dir("sys/class/sound");
    for (const auto& f : layout.functions) {
        const auto& s = f.spec;
        const std::string dev = "sys/" + f.sysfs_dir;
        for (const auto& nif : s.net) net.add(out, f, nif);
        for (const auto& disk : s.block) block.add(out, f, disk);
        if (s.drm_card) {
            const int n = *s.drm_card;
            const std::string card = std::format("{}/drm/card{}", dev, n);
            out.text(card + "/dev", std::format("226:{}\n", n));
            out.link(card + "/device", dev);
            out.link(std::format("sys/class/drm/card{}", n), card);
            const std::string render = std::format("{}/drm/renderD{}", dev, 128 + n);
            out.text(render + "/dev", std::format("226:{}\n", 128 + n));
            out.link(std::format("sys/class/drm/renderD{}", 128 + n), render);
        }
        if (s.console_framebuffer) {
            // DRM drivers' fbdev emulation registers fb0 as a child of the GPU's directory.
            const std::string fb = dev + "/graphics/fb0";
            out.text(fb + "/dev", "29:0\n");
            out.text(fb + "/name", std::format("{}drmfb\n", f.driver));
            out.link(fb + "/device", dev);
            out.link("sys/class/graphics/fb0", fb);
            out.link("sys/class/graphics/fbcon", "sys/devices/virtual/graphics/fbcon");
            out.text("sys/devices/virtual/graphics/fbcon/cursor_blink", "1\n");
        }
        if (s.sound) {
            const std::string card = std::format("{}/sound/card{}", dev, s.sound->card);
            out.text(card + "/id", s.sound->id + "\n");
            out.text(card + "/number", std::format("{}\n", s.sound->card));
            out.link(card + "/device", dev);
            out.link(std::format("sys/class/sound/card{}", s.sound->card), card);
        }
        if (s.class_code >> 8 == 0x0c03 && !f.driver.empty()) write_usb(out, f, next_usb_bus, net);
    }
    net.finish(out);
    block.finish(out);
    write_processes(spec, out);
}

}  // namespace isola::lab
