#include "importers/merge_sightings.hpp"

#include <algorithm>
#include <format>
#include <map>
#include <ranges>
#include <set>

#include "importers/describe_import.hpp"
#include "importers/printed_names.hpp"
#include "text/message.hpp"

namespace isola::importers {
namespace {

// why_unknown reasons are msgids: whoever shows one passes it through translate().
constexpr const char* kNotInListing = N_("not in a pasted listing");

std::string id_string(const Sighting& s) { return std::format("{:04x}:{:04x}", *s.vendor_id, *s.device_id); }

// Group blocks in file order; a block whose groups contradict earlier ones is stale.
std::vector<bool> find_stale_group_blocks(const ParsedListing& parsed, std::vector<Diagnostic>& diagnostics) {
    std::vector<bool> stale(parsed.blocks.size(), false);
    std::map<Bdf, GroupId> group_of;
    std::set<GroupId> listed_groups;
    for (std::size_t b = 0; b < parsed.blocks.size(); ++b) {
        if (!parsed.blocks[b].gives_groups) continue;
        auto in_block = parsed.sightings | std::views::filter([&](const Sighting& s) {
                            return s.block == static_cast<int>(b) && s.group;
                        });
        std::set<Bdf> disagreeing;
        for (const Sighting& s : in_block) {
            auto known = group_of.find(s.address);
            if (known != group_of.end() ? known->second != *s.group : listed_groups.contains(*s.group))
                disagreeing.insert(s.address);
        }
        if (disagreeing.empty()) {
            for (const Sighting& s : in_block) group_of.emplace(s.address, *s.group);
            for (const Sighting& s : in_block) listed_groups.insert(*s.group);
            continue;
        }
        stale[b] = true;
        std::set<Bdf> only_here;
        for (const Sighting& s : in_block) {
            bool elsewhere = std::ranges::any_of(parsed.sightings, [&](const Sighting& o) {
                return o.address == s.address && o.block != static_cast<int>(b);
            });
            if (!elsewhere) only_here.insert(s.address);
        }
        const auto& block = parsed.blocks[b];
        diagnostics.push_back(to_diagnostic({.kind = ImportDiagnosticKind::StaleGroupBlock, .line = block.first_line,
                                             .other_line = block.last_line,
                                             .addresses = {disagreeing.begin(), disagreeing.end()},
                                             .only_here = {only_here.begin(), only_here.end()}}));
    }
    return stale;
}

// Sightings usable for one address, best first: group listings, then the rest, each in file order.
std::vector<const Sighting*> ranked(const std::vector<const Sighting*>& sightings, const ParsedListing& parsed) {
    auto rank = [&](const Sighting* s) { return parsed.blocks[static_cast<std::size_t>(s->block)].gives_groups ? 0 : 1; };
    std::vector<const Sighting*> out = sightings;
    std::ranges::stable_sort(out, {}, rank);
    return out;
}

template <class T>
Fact<T> first_known(const std::vector<const Sighting*>& sightings, std::optional<T> Sighting::*field, std::string_view why) {
    for (const Sighting* s : sightings)
        if (s->*field) return Fact<T>::known(*(s->*field));
    return Fact<T>::unknown(std::string(why));
}

std::string first_nonempty(const std::vector<const Sighting*>& sightings, std::string Sighting::*field) {
    for (const Sighting* s : sightings)
        if (!(s->*field).empty()) return s->*field;
    return {};
}

Device build_device(const Bdf& address, const std::vector<const Sighting*>& sightings, const ParsedListing& parsed) {
    Device d;
    d.address = address;
    d.vendor_id = Fact<std::uint16_t>::unknown(std::string(kNotInListing));
    d.device_id = Fact<std::uint16_t>::unknown(std::string(kNotInListing));
    for (const Sighting* s : sightings) {
        if (s->vendor_id && s->device_id) {
            d.vendor_id = Fact<std::uint16_t>::known(*s->vendor_id);
            d.device_id = Fact<std::uint16_t>::known(*s->device_id);
            break;
        }
    }
    // Names: prefer a sighting that printed IDs and a real name over plain lspci or placeholders.
    std::vector<const Sighting*> by_name = sightings;
    std::ranges::stable_sort(by_name, {}, [](const Sighting* s) {
        return (s->vendor_id ? 0 : 2) + (is_placeholder_name(s->device_name) ? 1 : 0);
    });
    for (const Sighting* s : by_name) {
        if (s->device_name.empty()) continue;
        d.vendor_name = s->vendor_name;
        d.device_name = s->device_name;
        break;
    }
    d.class_name = first_nonempty(sightings, &Sighting::class_name);
    d.subsystem_name = first_nonempty(sightings, &Sighting::subsystem_name);

    d.class_id = first_known(sightings, &Sighting::class_id, N_("the listing prints no class code"));
    d.prog_if = first_known(sightings, &Sighting::prog_if,
                            d.class_id ? N_("lspci -nn prints the class [cccc] without the programming interface")
                                       : kNotInListing);
    d.revision = first_known(sightings, &Sighting::revision, kNotInListing);
    d.subsystem_vendor_id = first_known(sightings, &Sighting::subsystem_vendor_id, kNotInListing);
    d.subsystem_device_id = first_known(sightings, &Sighting::subsystem_device_id, kNotInListing);
    d.numa_node = first_known(sightings, &Sighting::numa_node, kNotInListing);

    // Driver: only blocks that show drivers (-k) know it; there, no driver line means no driver.
    d.driver = Fact<std::string>::unknown(N_("the listing does not show drivers (lspci without -k)"));
    for (const Sighting* s : sightings) {
        if (!parsed.blocks[static_cast<std::size_t>(s->block)].shows_drivers) continue;
        d.driver = Fact<std::string>::known(s->driver.value_or(""));
        break;
    }

    for (const Sighting* s : sightings) {
        if (s->group && parsed.blocks[static_cast<std::size_t>(s->block)].gives_groups) {
            d.iommu_group = s->group;
            break;
        }
    }
    for (const Sighting* s : sightings) {
        if (s->in_tree) {
            d.parent = s->parent;
            break;
        }
    }
    // iommu.sh: no "[R]" means sysfs had no reset file, i.e. no reset method at all; "[R]" says
    // there is one but not which, which the model cannot hold as a list.
    d.reset_methods = Fact<std::vector<std::string>>::unknown(std::string(kNotInListing));
    for (const Sighting* s : sightings) {
        if (!s->has_reset) continue;
        d.reset_methods = *s->has_reset ? Fact<std::vector<std::string>>::unknown(
                                              N_("iommu.sh marks a reset method ([R]) but not which one"))
                                        : Fact<std::vector<std::string>>::known({});
        break;
    }
    // A listing says nothing of what the host uses a device for, except the USB devices some
    // iommu.sh variants print under a controller.
    d.usage = DeviceUsage::unknown(std::string(kNotInListing));
    std::vector<UsbDevice> usb;
    for (const Sighting* s : sightings) usb.insert(usb.end(), s->usb.begin(), s->usb.end());
    if (!usb.empty()) d.usage.usb = Fact<std::vector<UsbDevice>>::known(std::move(usb));

    const std::string why(kNotInListing);
    d.header_type = Fact<std::uint8_t>::unknown(why);
    d.multifunction = Fact<bool>::unknown(why);
    d.port_type = Fact<PortType>::unknown(why);
    d.acs = Fact<std::optional<AcsCapability>>::unknown(why);
    d.link.current_speed = Fact<std::string>::unknown(why);
    d.link.current_width = Fact<int>::unknown(why);
    d.link.max_speed = Fact<std::string>::unknown(why);
    d.link.max_width = Fact<int>::unknown(why);
    d.driver_override = Fact<std::string>::unknown(why);
    d.vfio_cdev = Fact<std::string>::unknown(why);
    d.boot_vga = Fact<bool>::unknown(why);
    d.sriov.num_vfs = Fact<int>::unknown(why);
    d.sriov.total_vfs = Fact<int>::unknown(why);
    return d;
}

std::string format_names(const ParsedListing& parsed) {
    std::vector<ListingFormat> formats;
    for (std::size_t b = 0; b < parsed.blocks.size(); ++b) {
        const auto& block = parsed.blocks[b];
        bool has_devices = std::ranges::any_of(parsed.sightings, [&](const Sighting& s) { return s.block == static_cast<int>(b); });
        if (!has_devices) continue;
        ListingFormat f = block.format;
        if ((f == ListingFormat::LspciNn || f == ListingFormat::Lspci) && block.shows_drivers) f = ListingFormat::LspciNnk;
        if (std::ranges::find(formats, f) == formats.end()) formats.push_back(f);
    }
    std::string out;
    for (auto f : formats) out += (out.empty() ? "" : "+") + std::string(to_string(f));
    return out;
}

}  // namespace

Topology merge_sightings(ParsedListing parsed, std::string origin) {
    std::vector<Diagnostic> diagnostics = std::move(parsed.diagnostics);
    const std::vector<bool> stale = find_stale_group_blocks(parsed, diagnostics);

    std::map<Bdf, std::vector<const Sighting*>> by_address;
    for (const Sighting& s : parsed.sightings)
        if (!stale[static_cast<std::size_t>(s.block)]) by_address[s.address].push_back(&s);

    std::vector<Device> devices;
    for (auto& [address, all] : by_address) {
        std::vector<const Sighting*> sightings = ranked(all, parsed);
        // The first sighting with IDs fixes the device; others naming another device are stale.
        const Sighting* identity = nullptr;
        std::vector<const Sighting*> consistent;
        for (const Sighting* s : sightings) {
            if (s->vendor_id && s->device_id) {
                if (!identity) {
                    identity = s;
                } else if (*s->vendor_id != *identity->vendor_id || *s->device_id != *identity->device_id) {
                    diagnostics.push_back(to_diagnostic({.kind = ImportDiagnosticKind::IdsDisagree,
                                                         .line = identity->line, .address = address,
                                                         .other_line = s->line, .ids = id_string(*identity),
                                                         .other_ids = id_string(*s)}));
                    continue;
                }
            }
            consistent.push_back(s);
        }
        devices.push_back(build_device(address, consistent, parsed));
    }

    std::vector<IommuGroup> groups;
    for (const auto& d : devices) {
        if (!d.iommu_group || std::ranges::any_of(groups, [&](const IommuGroup& g) { return g.id == *d.iommu_group; }))
            continue;
        groups.push_back(IommuGroup{.id = *d.iommu_group, .type = Fact<std::string>::unknown(std::string(kNotInListing)),
                                    .members = {}, .noiommu = false});
    }

    const bool tree_known = std::ranges::any_of(parsed.blocks, [](const ListingBlock& b) { return b.format == ListingFormat::LspciTree; });
    Source source{.kind = SourceKind::Listing, .origin = std::move(origin), .format = format_names(parsed),
                  .captured_at = {}, .tree_known = tree_known};
    return Topology(std::move(source), std::move(parsed.host), std::move(devices), std::move(groups), std::move(diagnostics));
}

}  // namespace isola::importers
