// Block devices down to partitions, their mount points, and which one holds "/".
//
// Mounts are matched by major:minor (mountinfo field 3 against each block device's `dev`), not
// by /dev name, because the mount source may be a by-uuid link, a device-mapper name or a bind.
// A disk whose partition is held by dm/md (LVM, LUKS, RAID) inherits the holder's mounts, so
// "NVMe holds / through LVM" is still seen; the holders themselves are kept as a tree (what is
// stacked on what, mounted where, swapping) so that a refusal can say what would lose its disk.
// Active swap comes from /proc/swaps, matched by kernel name: the kernel prints the path of the
// node it opened, which for device-mapper is /dev/dm-N (a /dev/mapper/NAME path is matched by
// the dm name). Swap files sit on a mounted filesystem, which blocks already.
#include <algorithm>
#include <cctype>
#include <format>
#include <functional>
#include <set>
#include <sstream>

#include "reader/host_usage_reader.hpp"
#include "reader/sysfs_file.hpp"

namespace isola::detail {
namespace {

namespace fs = std::filesystem;

// mountinfo escapes spaces and such as \040 octal sequences.
std::string unescape_mount_point(std::string_view s) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '\\' && i + 3 < s.size()) {
            auto oct = s.substr(i + 1, 3);
            if (oct.size() == 3 && std::ranges::all_of(oct, [](char c) { return c >= '0' && c <= '7'; })) {
                out += static_cast<char>((oct[0] - '0') * 64 + (oct[1] - '0') * 8 + (oct[2] - '0'));
                i += 3;
                continue;
            }
        }
        out += s[i];
    }
    return out;
}

std::multimap<std::string, std::string> read_mounts_by_devnum(const fs::path& mountinfo) {
    std::multimap<std::string, std::string> mounts;
    auto text = sysfs::read_file(mountinfo);
    if (!text) return mounts;
    std::istringstream in(*text);
    for (std::string line; std::getline(in, line);) {
        std::istringstream f(line);
        std::string id, parent, devnum, root, mount_point;
        if (f >> id >> parent >> devnum >> root >> mount_point) mounts.emplace(devnum, unescape_mount_point(mount_point));
    }
    return mounts;
}

// Kernel names ("nvme0n1p3", "dm-2") or, for /dev/mapper paths, "mapper/NAME" of active swap
// devices. /proc/swaps: a header line, then "Filename Type Size Used Priority".
std::set<std::string> read_swap_devices(const fs::path& swaps) {
    std::set<std::string> out;
    auto text = sysfs::read_file(swaps);
    if (!text) return out;
    std::istringstream in(*text);
    std::string line;
    std::getline(in, line);
    while (std::getline(in, line)) {
        std::istringstream f(line);
        std::string file, type;
        if (!(f >> file >> type) || type != "partition" || !file.starts_with("/dev/")) continue;
        out.insert(unescape_mount_point(file.substr(5)));
    }
    return out;
}

struct BlockReader {
    fs::path class_block;
    std::multimap<std::string, std::string> mounts;
    std::set<std::string> swaps;

    std::vector<std::string> own_mount_points(const std::string& name) const {
        std::vector<std::string> out;
        if (auto dev = sysfs::read_line(class_block / name / "dev")) {
            auto [a, b] = mounts.equal_range(*dev);
            for (auto it = a; it != b; ++it) out.push_back(it->second);
        }
        std::ranges::sort(out);
        return out;
    }

    bool is_swap(const std::string& name, const std::string& dm_name = {}) const {
        return swaps.contains(name) || (!dm_name.empty() && swaps.contains("mapper/" + dm_name));
    }

    // The devices stacked on `name` (its holders/ directory), each with what is stacked on it.
    std::vector<BlockHolder> holders_of(const std::string& name, int depth = 0) const {
        std::vector<BlockHolder> out;
        if (depth > 8) return out;  // as in mount_points()
        for (const auto& holder : sysfs::list_dir(class_block / name / "holders")) {
            BlockHolder h;
            h.name = holder;
            const fs::path dir = class_block / holder;
            if (auto dm = sysfs::read_line(dir / "dm" / "name")) {
                h.kind = BlockHolder::Kind::DeviceMapper;
                h.label = *dm;
            } else if (fs::exists(dir / "md")) {
                h.kind = BlockHolder::Kind::Md;
            }
            h.mountpoints = own_mount_points(holder);
            h.swap = is_swap(holder, h.label);
            h.holders = holders_of(holder, depth + 1);
            out.push_back(std::move(h));
        }
        return out;
    }

    // Mount points of `name` itself and, recursively, of whatever holds it (dm-0, md127).
    std::vector<std::string> mount_points(const std::string& name, int depth = 0) const {
        std::vector<std::string> out;
        if (depth > 8) return out;  // holder chains are short; a cycle would be a broken tree
        if (auto dev = sysfs::read_line(class_block / name / "dev")) {
            auto [a, b] = mounts.equal_range(*dev);
            for (auto it = a; it != b; ++it) out.push_back(it->second);
        }
        for (const auto& holder : sysfs::list_dir(class_block / name / "holders"))
            for (auto& mp : mount_points(holder, depth + 1)) out.push_back(std::move(mp));
        std::ranges::sort(out);
        out.erase(std::ranges::unique(out).begin(), out.end());
        return out;
    }

    BlockDevice describe(const std::string& name, const fs::path& real) const {
        BlockDevice b;
        b.name = name;
        b.mountpoints = mount_points(name);
        b.swap = is_swap(name);
        b.holders = holders_of(name);
        // Partitions are directories inside the disk's directory that carry a `partition` file.
        for (const auto& child : sysfs::list_dir(real)) {
            if (!fs::exists(real / child / "partition")) continue;
            BlockDevice part;
            part.name = child;
            part.mountpoints = mount_points(child);
            part.swap = is_swap(child);
            part.holders = holders_of(child);
            part.holds_root = std::ranges::find(part.mountpoints, "/") != part.mountpoints.end();
            b.partitions.push_back(std::move(part));
        }
        b.holds_root = std::ranges::find(b.mountpoints, "/") != b.mountpoints.end() ||
                       std::ranges::any_of(b.partitions, &BlockDevice::holds_root);
        return b;
    }
};

}  // namespace

void read_block_usage(const HostRoots& roots, UsageByDevice& usage, std::vector<Diagnostic>&) {
    BlockReader reader{roots.sysfs / "class" / "block", read_mounts_by_devnum(roots.proc / "self" / "mountinfo"),
                       read_swap_devices(roots.proc / "swaps")};
    for (const auto& name : sysfs::list_dir(reader.class_block)) {
        auto real = sysfs::canonical(reader.class_block / name);
        if (!real || fs::exists(*real / "partition")) continue;  // partitions are listed under their disk
        auto owner = sysfs::owning_pci_function(*real);
        if (!owner) continue;  // loop, dm, md, zram: no PCI function of their own
        usage[*owner].block.push_back(reader.describe(name, *real));
    }
}

}  // namespace isola::detail
