// Display (DRM cards, console framebuffer, processes holding DRM nodes open), sound cards and USB
// devices behind controllers.
#include <algorithm>
#include <cctype>
#include <cerrno>
#include <format>
#include <set>
#include <tuple>

#include "reader/host_usage_reader.hpp"
#include "reader/sysfs_file.hpp"
#include "text/message.hpp"

namespace isola::detail {
namespace {

namespace fs = std::filesystem;

bool is_card_name(std::string_view name) {
    // "card0" but not the connectors "card0-HDMI-A-1".
    return name.starts_with("card") && name.size() > 4 &&
           std::ranges::all_of(name.substr(4), [](char c) { return c >= '0' && c <= '9'; });
}

bool is_render_name(std::string_view name) {
    return name.starts_with("renderD") && name.size() > 7 &&
           std::ranges::all_of(name.substr(7), [](char c) { return c >= '0' && c <= '9'; });
}

struct DrmOpenersFound {
    std::map<std::string, std::vector<DrmOpener>> by_node;
    int unreadable = 0;  // processes whose fd table could not be listed (not: that had exited)
};

// Every process's open files (/proc/<pid>/fd/* links) that name /dev/dri/<node>. The kernel
// prints the path the node was opened by, resolved (a /dev/dri/by-path link shows as cardN).
// Unbinding a GPU that a compositor or a compute job holds open tears the device out from under
// it (the DRM core marks it unplugged; the session crashes or hangs), and the kernel allows it.
DrmOpenersFound scan_drm_openers(const fs::path& proc, const std::set<std::string>& nodes) {
    DrmOpenersFound found;
    for (const auto& entry : sysfs::list_dir(proc)) {
        if (entry.empty() || !std::ranges::all_of(entry, [](char c) { return c >= '0' && c <= '9'; })) continue;
        const fs::path fd_dir = proc / entry / "fd";
        std::error_code ec;
        fs::directory_iterator it(fd_dir, ec);
        if (ec) {
            // A process that exited between the two reads is no opener; anything else (EACCES for
            // another user's process when not root) leaves it unknown.
            if (ec != std::errc::no_such_file_or_directory && ec.value() != ESRCH) ++found.unreadable;
            continue;
        }
        std::set<std::string> held;
        for (; it != fs::directory_iterator(); it.increment(ec)) {
            if (ec) break;
            std::error_code lec;
            const auto target = fs::read_symlink(it->path(), lec).string();
            if (lec || !target.starts_with("/dev/dri/")) continue;
            if (auto node = target.substr(9); nodes.contains(node)) held.insert(std::move(node));
        }
        if (held.empty()) continue;
        const int pid = std::stoi(entry);
        const std::string comm = sysfs::read_line(proc / entry / "comm").value_or("?");
        for (const auto& node : held) found.by_node[node].push_back({comm, pid, node});
    }
    return found;
}

// USB device directories are named "B-P[.P...]"; interfaces "B-P:C.I"; root hubs "usbB".
bool is_usb_device_name(std::string_view name) {
    return !name.empty() && name.find(':') == std::string_view::npos && name.find('-') != std::string_view::npos &&
           std::isdigit(static_cast<unsigned char>(name.front()));
}

void walk_usb(const fs::path& dir, std::vector<UsbDevice>& out, int depth) {
    if (depth > 8) return;  // USB allows 7 tiers; deeper means a broken tree
    for (const auto& name : sysfs::list_dir(dir)) {
        const fs::path child = dir / name;
        if (!is_usb_device_name(name) || !fs::exists(child / "idVendor")) continue;
        const bool hub = sysfs::read_line(child / "bDeviceClass") == "09";
        if (!hub) {
            UsbDevice u;
            u.port = name;
            auto product = sysfs::read_line(child / "product");
            auto maker = sysfs::read_line(child / "manufacturer");
            if (product && maker) u.name = *maker + " " + *product;
            else if (product) u.name = *product;
            else u.name = std::format("{}:{}", sysfs::read_line(child / "idVendor").value_or("????"),
                                      sysfs::read_line(child / "idProduct").value_or("????"));
            // HID boot-protocol interfaces: subclass 1, protocol 1 keyboard, 2 mouse.
            for (const auto& iface : sysfs::list_dir(child)) {
                if (!iface.starts_with(name + ":")) continue;
                const fs::path ip = child / iface;
                if (sysfs::read_line(ip / "bInterfaceClass") != "03") continue;
                auto proto = sysfs::read_line(ip / "bInterfaceProtocol");
                if (proto == "01") u.keyboard = true;
                if (proto == "02") u.mouse = true;
            }
            out.push_back(std::move(u));
        }
        walk_usb(child, out, depth + 1);
    }
}

}  // namespace

void read_display_usage(const HostRoots& roots, UsageByDevice& usage) {
    std::map<std::string, Bdf> node_owner;  // card0, renderD128 -> its GPU
    for (const auto& name : sysfs::list_dir(roots.sysfs / "class" / "drm")) {
        const bool card = is_card_name(name);
        if (!card && !is_render_name(name)) continue;
        auto real = sysfs::canonical(roots.sysfs / "class" / "drm" / name);
        auto owner = real ? sysfs::owning_pci_function(*real) : std::nullopt;
        if (!owner) continue;
        node_owner.emplace(name, *owner);
        if (card) usage[*owner].display.drm_cards.push_back(name);
    }
    if (!node_owner.empty()) {
        constexpr const char* kNoProcForDrm =
            N_("no /proc root was given for this tree, so which processes hold its DRM nodes open is not known");
        constexpr const char* kUnreadable = N_("the open files of other users' processes can be read only as root");
        std::set<std::string> nodes;
        for (const auto& [node, owner] : node_owner) nodes.insert(node);
        const auto found = roots.proc.empty() ? DrmOpenersFound{} : scan_drm_openers(roots.proc, nodes);
        std::map<Bdf, std::vector<DrmOpener>> by_gpu;
        for (const auto& [node, owner] : node_owner) {
            auto& list = by_gpu[owner];
            if (auto it = found.by_node.find(node); it != found.by_node.end())
                list.insert(list.end(), it->second.begin(), it->second.end());
        }
        for (auto& [owner, list] : by_gpu) {
            std::ranges::sort(list, {}, [](const DrmOpener& o) { return std::tie(o.pid, o.node); });
            auto& openers = usage[owner].display.openers;
            if (roots.proc.empty()) openers = Fact<std::vector<DrmOpener>>::unknown(kNoProcForDrm);
            else if (list.empty() && found.unreadable > 0) openers = Fact<std::vector<DrmOpener>>::unknown(kUnreadable);
            else openers = Fact<std::vector<DrmOpener>>::known(std::move(list));
        }
    }
    // fbcon draws the console on fb0 unless told otherwise; its device is the console GPU. With
    // simpledrm/efifb the device is a platform framebuffer, not a PCI function, and boot_vga is
    // the remaining evidence (read per device).
    if (auto fb = sysfs::canonical(roots.sysfs / "class" / "graphics" / "fb0" / "device"))
        if (auto owner = sysfs::owning_pci_function(*fb)) usage[*owner].display.console = true;
}

void read_sound_usage(const HostRoots& roots, UsageByDevice& usage) {
    for (const auto& name : sysfs::list_dir(roots.sysfs / "class" / "sound")) {
        if (!is_card_name(name)) continue;
        const fs::path link = roots.sysfs / "class" / "sound" / name;
        auto real = sysfs::canonical(link);
        auto owner = real ? sysfs::owning_pci_function(*real) : std::nullopt;
        if (!owner) continue;
        usage[*owner].sound.push_back({name, sysfs::read_line(*real / "id").value_or("")});
    }
}

void read_usb_usage(const HostRoots& roots, const std::vector<Device>& devices, UsageByDevice& usage) {
    for (const auto& d : devices) {
        if (d.base_class() != 0x0c || d.sub_class() != 0x03) continue;  // USB controllers only
        const fs::path dir = roots.sysfs / "bus" / "pci" / "devices" / d.address.str();
        std::vector<UsbDevice> found;
        for (const auto& name : sysfs::list_dir(dir))
            if (name.starts_with("usb")) walk_usb(dir / name, found, 0);
        if (!found.empty()) usage[d.address].usb = std::move(found);
    }
}

void attach_host_usage(const HostRoots& roots, std::vector<Device>& devices, std::vector<Diagnostic>& diagnostics) {
    UsageByDevice usage;
    const bool have_proc = !roots.proc.empty();
    if (have_proc) {
        read_network_usage(roots, usage, diagnostics);
        read_block_usage(roots, usage, diagnostics);
    }
    read_display_usage(roots, usage);
    read_sound_usage(roots, usage);
    read_usb_usage(roots, devices, usage);
    constexpr const char* kNoProc = N_("no /proc root was given for this tree, so routes and mounts are not known");
    for (auto& d : devices) {
        FoundUsage found;
        if (auto it = usage.find(d.address); it != usage.end()) found = std::move(it->second);
        d.usage = DeviceUsage{
            .net = have_proc ? Fact<std::vector<NetInterface>>::known(std::move(found.net))
                             : Fact<std::vector<NetInterface>>::unknown(kNoProc),
            .block = have_proc ? Fact<std::vector<BlockDevice>>::known(std::move(found.block))
                               : Fact<std::vector<BlockDevice>>::unknown(kNoProc),
            .display = Fact<DisplayUse>::known(std::move(found.display)),
            .usb = Fact<std::vector<UsbDevice>>::known(std::move(found.usb)),
            .sound = Fact<std::vector<SoundCard>>::known(std::move(found.sound)),
        };
    }
}

}  // namespace isola::detail
