#include "graph/labels.hpp"

#include <algorithm>
#include <format>
#include <map>

namespace isola {
namespace {

// Long pci.ids names would make every node as wide as the longest one in its rank.
constexpr std::size_t kMaxNameBytes = 44;

std::string driver_line(const Fact<std::string>& driver) {
    if (!driver) return "driver unknown";
    if (driver->empty()) return "no driver";
    return "driver " + *driver;
}

std::string_view bridge_kind(const Device& d) {
    if (d.port_type) {
        switch (*d.port_type) {
            case PortType::RootPort: return "root port";
            case PortType::UpstreamPort: return "switch upstream port";
            case PortType::DownstreamPort: return "switch downstream port";
            case PortType::PcieToPciBridge: return "PCIe-to-PCI bridge";
            case PortType::PciToPcieBridge: return "PCI-to-PCIe bridge";
            default: break;
        }
    }
    return "bridge";
}

std::string ids(const Device& d) { return d.pci_id().value_or("????:????"); }

// "NVIDIA GP104 [GeForce GTX 1070]" when it fits, else the device name alone: the model name
// says more than the vendor, and the IDs on the next line name the vendor anyway.
std::string title_of(const Device& d) {
    std::string full = d.display_name();
    if (full.size() <= kMaxNameBytes || d.device_name.empty()) return shorten(full, kMaxNameBytes);
    return shorten(d.device_name, kMaxNameBytes);
}

}  // namespace

std::string shorten(std::string_view text, std::size_t max_bytes) {
    if (text.size() <= max_bytes) return std::string(text);
    static constexpr std::string_view kEllipsis = "…";
    std::size_t cut = max_bytes > kEllipsis.size() ? max_bytes - kEllipsis.size() : 0;
    // Never split a multi-byte UTF-8 sequence: back off over continuation bytes (10xxxxxx).
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xc0) == 0x80) --cut;
    std::string out(text.substr(0, cut));
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out + std::string(kEllipsis);
}

std::string html_label(std::span<const std::string> lines, LineAlign align) {
    // In Graphviz, <br align="left"/> left-aligns the line *before* it, so with Left every line
    // ends in one; with Centre the breaks only separate lines.
    const bool left = align == LineAlign::Left;
    std::string out;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        if (i > 0 && !left) out += "<br/>";
        out += i == 0 ? "<b>" + html_escape(lines[i]) + "</b>" : html_escape(lines[i]);
        if (left) out += "<br align=\"left\"/>";
    }
    // An empty HTML label is legal but gives Graphviz a zero-size box; keep one space.
    return out.empty() ? " " : out;
}

std::vector<std::string> device_label_lines(const Device& d) {
    std::string where = d.address.str() + " · " + (d.is_bridge() ? std::string(bridge_kind(d)) : ids(d));
    return {title_of(d), std::move(where), driver_line(d.driver)};
}

std::vector<std::string> vf_summary_label_lines(std::span<const Device* const> vfs) {
    if (vfs.empty()) return {"no VFs"};
    const Device& first = *vfs.front();
    std::vector<std::string> lines;
    lines.push_back(std::format("{} × VF {}", vfs.size(), ids(first)));
    if (!first.device_name.empty()) lines.push_back(shorten(first.device_name, kMaxNameBytes));
    // No address range: the dashed edge from the PF says whose VFs these are, and every line
    // here makes the tallest rank of a big SR-IOV host taller (README, "Performance").

    std::vector<GroupId> groups;
    std::size_t without_group = 0;
    std::map<std::string, std::size_t> drivers;  // sorted, so the text is stable
    for (const Device* vf : vfs) {
        if (vf->iommu_group) groups.push_back(*vf->iommu_group);
        else ++without_group;
        ++drivers[vf->driver ? (vf->driver->empty() ? "none" : *vf->driver) : "unknown"];
    }
    std::ranges::sort(groups);
    auto dup = std::ranges::unique(groups);
    groups.erase(dup.begin(), dup.end());
    if (!groups.empty())
        lines.push_back((groups.size() == 1 ? "group " : "groups ") + describe_id_ranges(groups));
    if (without_group > 0) lines.push_back(std::format("{} without IOMMU group", without_group));

    if (drivers.size() == 1) {
        lines.push_back(driver_line(first.driver));
    } else {
        std::string text;
        for (const auto& [name, count] : drivers) text += std::format("{}{} {}", text.empty() ? "" : ", ", name, count);
        lines.push_back("drivers: " + text);
    }
    return lines;
}

std::string root_complex_id(std::uint32_t domain, std::uint8_t bus) {
    return std::format("pci{:04x}:{:02x}", domain, bus);
}

std::string describe_id_ranges(std::vector<GroupId> ids, std::size_t max_ranges) {
    std::ranges::sort(ids);
    auto dup = std::ranges::unique(ids);
    ids.erase(dup.begin(), dup.end());
    std::string out;
    std::size_t ranges = 0;
    for (std::size_t i = 0; i < ids.size();) {
        std::size_t j = i;
        while (j + 1 < ids.size() && ids[j + 1] == ids[j] + 1) ++j;
        if (ranges == max_ranges) {
            out += ", …";
            break;
        }
        if (!out.empty()) out += ", ";
        out += i == j ? std::format("{}", ids[i]) : std::format("{}–{}", ids[i], ids[j]);
        ++ranges;
        i = j + 1;
    }
    return out;
}

}  // namespace isola
