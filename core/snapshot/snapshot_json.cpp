#include <charconv>
#include <format>
#include <fstream>
#include <future>

#include <nlohmann/json.hpp>

#include "snapshot/snapshot.hpp"
#include "text/enum_names.hpp"
#include "text/message.hpp"
#include "text/user_file.hpp"

namespace isola {
namespace {

using nlohmann::json;

constexpr std::array kHolderKinds{
    EnumName<BlockHolder::Kind>{BlockHolder::Kind::DeviceMapper, "dm"},
    EnumName<BlockHolder::Kind>{BlockHolder::Kind::Md, "md"},
    EnumName<BlockHolder::Kind>{BlockHolder::Kind::Other, "other"},
};

// ---- writing ---------------------------------------------------------------------------------
// A known Fact is written as its value; an unknown one as {"unknown": "<why>"}. No value of ours
// is an object with an "unknown" key, so the two never collide.

// Digit by digit: nine of these per device made std::format's parsing a tenth of a 4k host's JSON.
std::string hex(unsigned v, int width) {
    constexpr char kDigits[] = "0123456789abcdef";
    std::string s(static_cast<std::size_t>(width), '0');
    for (int i = width - 1; i >= 0 && v != 0; --i, v >>= 4) s[static_cast<std::size_t>(i)] = kDigits[v & 0xf];
    if (v != 0) return std::format("{:0{}x}", v, width);  // wider than asked: as std::format would write it
    return s;
}

template <class T, class F>
json fact(const Fact<T>& f, F&& encode) {
    if (!f) return json{{"unknown", f.why_unknown}};
    return encode(*f);
}
template <class T>
json fact(const Fact<T>& f) {
    return fact(f, [](const T& v) { return json(v); });
}
json hex_fact(const auto& f, int width) {
    return fact(f, [&](auto v) { return json(hex(v, width)); });
}

// Each category is a fact: known (a list, possibly empty) or {"unknown": why} (version 2).
json usage_json(const DeviceUsage& u) {
    json j = json::object();
    j["net"] = fact(u.net, [](const std::vector<NetInterface>& list) {
        json a = json::array();
        for (const auto& n : list)
            a.push_back({{"name", n.name}, {"operstate", n.operstate}, {"addresses", n.addresses},
                         {"default_route_v4", n.default_route_v4}, {"default_route_v6", n.default_route_v6}});
        return a;
    });
    j["block"] = fact(u.block, [](const std::vector<BlockDevice>& list) {
        auto holder = [](auto& self, const BlockHolder& h) -> json {
            json up = json::array();
            for (const auto& x : h.holders) up.push_back(self(self, x));
            return {{"name", h.name}, {"kind", std::string(name_of(kHolderKinds, h.kind))}, {"label", h.label},
                    {"mountpoints", h.mountpoints}, {"swap", h.swap}, {"holders", up}};
        };
        auto block = [&](auto& self, const BlockDevice& b) -> json {
            json parts = json::array();
            for (const auto& p : b.partitions) parts.push_back(self(self, p));
            json holders = json::array();
            for (const auto& h : b.holders) holders.push_back(holder(holder, h));
            return {{"name", b.name}, {"mountpoints", b.mountpoints}, {"holds_root", b.holds_root}, {"partitions", parts},
                    {"swap", b.swap}, {"holders", holders}};
        };
        json a = json::array();
        for (const auto& b : list) a.push_back(block(block, b));
        return a;
    });
    j["display"] = fact(u.display, [](const DisplayUse& d) {
        return json{{"drm_cards", d.drm_cards}, {"console", d.console},
                    {"openers", fact(d.openers, [](const std::vector<DrmOpener>& list) {
                         json a = json::array();
                         for (const auto& o : list) a.push_back({{"comm", o.comm}, {"pid", o.pid}, {"node", o.node}});
                         return a;
                     })}};
    });
    j["usb"] = fact(u.usb, [](const std::vector<UsbDevice>& list) {
        json a = json::array();
        for (const auto& d : list)
            a.push_back({{"port", d.port}, {"name", d.name}, {"keyboard", d.keyboard}, {"mouse", d.mouse}});
        return a;
    });
    j["sound"] = fact(u.sound, [](const std::vector<SoundCard>& list) {
        json a = json::array();
        for (const auto& c : list) a.push_back({{"card", c.card}, {"name", c.name}});
        return a;
    });
    return j;
}

json device_json(const Device& d) {
    json j;
    j["address"] = d.address.str();
    j["vendor_id"] = hex_fact(d.vendor_id, 4);
    j["device_id"] = hex_fact(d.device_id, 4);
    j["subsystem_vendor_id"] = hex_fact(d.subsystem_vendor_id, 4);
    j["subsystem_device_id"] = hex_fact(d.subsystem_device_id, 4);
    j["class_id"] = hex_fact(d.class_id, 4);
    j["prog_if"] = hex_fact(d.prog_if, 2);
    j["revision"] = hex_fact(d.revision, 2);
    j["names"] = {{"vendor", d.vendor_name}, {"device", d.device_name}, {"subsystem", d.subsystem_name},
                  {"class", d.class_name}};
    j["header_type"] = hex_fact(d.header_type, 2);
    j["multifunction"] = fact(d.multifunction);
    j["port_type"] = fact(d.port_type, [](PortType t) { return json(std::string(to_string(t))); });
    j["acs"] = fact(d.acs, [](const std::optional<AcsCapability>& a) {
        return a ? json{{"capability", hex(a->capability, 4)}, {"control", hex(a->control, 4)}} : json(nullptr);
    });
    j["link"] = {{"current_speed", fact(d.link.current_speed)}, {"current_width", fact(d.link.current_width)},
                 {"max_speed", fact(d.link.max_speed)}, {"max_width", fact(d.link.max_width)}};
    j["parent"] = d.parent ? json(d.parent->str()) : json(nullptr);
    j["iommu_group"] = d.iommu_group ? json(*d.iommu_group) : json(nullptr);
    j["driver"] = fact(d.driver);
    j["driver_override"] = fact(d.driver_override);
    j["vfio_cdev"] = fact(d.vfio_cdev);
    j["reset_methods"] = fact(d.reset_methods);
    j["boot_vga"] = fact(d.boot_vga);
    j["numa_node"] = fact(d.numa_node);
    json vfs = json::array();
    for (const auto& vf : d.sriov.vfs) vfs.push_back(vf.str());
    j["sriov"] = {{"num_vfs", fact(d.sriov.num_vfs)}, {"total_vfs", fact(d.sriov.total_vfs)}, {"vfs", vfs},
                  {"physfn", d.sriov.physfn ? json(d.sriov.physfn->str()) : json(nullptr)}};
    j["usage"] = usage_json(d.usage);
    return j;
}

json host_json(const HostFacts& h) {
    return {{"hostname", fact(h.hostname)},
            {"kernel_release", fact(h.kernel_release)},
            {"kernel_cmdline", fact(h.kernel_cmdline)},
            {"iommu_mode", fact(h.iommu_mode, [](IommuMode m) { return json(std::string(to_string(m))); })},
            {"iommu_drivers", fact(h.iommu_drivers)},
            {"dev_iommu", fact(h.dev_iommu)},
            {"vfio_cdev_support", fact(h.vfio_cdev_support)},
            {"vfio_noiommu", fact(h.vfio_noiommu)},
            {"iommu_parameters", h.kernel_parameters.relevant}};
}

// ---- reading ---------------------------------------------------------------------------------
// Every problem becomes a SnapshotError naming the JSON path ("devices[3].driver"), so a hand-
// edited or truncated file is easy to fix.

struct Bad {
    std::string path;
    SnapshotDamage what;
    std::string value = {};
    int digits = 0;
};

SnapshotError error(SnapshotErrorKind kind, const std::string& origin, long long number = 0) {
    SnapshotError e{.kind = kind, .origin = origin, .number = number};
    e.message = describe(e);
    return e;
}

class In {
public:
    In(const json& j, std::string path) : j_(j), path_(std::move(path)) {}

    In at(const std::string& key) const {
        if (!j_.is_object() || !j_.contains(key)) throw Bad{path_, SnapshotDamage::Lacks, key};
        return In(j_.at(key), path_ + "." + key);
    }
    In at(std::size_t i) const { return In(j_.at(i), std::format("{}[{}]", path_, i)); }
    bool has(const std::string& key) const { return j_.is_object() && j_.contains(key); }
    bool is_null() const { return j_.is_null(); }
    std::size_t size() const { return array().size(); }
    const json& array() const {
        if (!j_.is_array()) throw Bad{path_, SnapshotDamage::NotAList};
        return j_;
    }

    std::string str() const {
        if (!j_.is_string()) throw Bad{path_, SnapshotDamage::NotAString};
        return j_.get<std::string>();
    }
    bool boolean() const {
        if (!j_.is_boolean()) throw Bad{path_, SnapshotDamage::NotABoolean};
        return j_.get<bool>();
    }
    long long integer() const {
        if (!j_.is_number_integer()) throw Bad{path_, SnapshotDamage::NotAWholeNumber};
        return j_.get<long long>();
    }
    unsigned hex_number(int max_digits) const {
        auto s = str();
        unsigned v = 0;
        auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v, 16);
        if (s.empty() || static_cast<int>(s.size()) > max_digits || ec != std::errc{} || p != s.data() + s.size())
            throw Bad{path_, SnapshotDamage::NotHex, s, max_digits};
        return v;
    }
    Bdf bdf() const {
        auto s = str();
        auto b = Bdf::parse(s);
        if (!b) throw Bad{path_, SnapshotDamage::NotAPciAddress, s};
        return *b;
    }
    std::vector<std::string> strings() const {
        std::vector<std::string> v;
        for (std::size_t i = 0; i < size(); ++i) v.push_back(at(i).str());
        return v;
    }

    template <class T, class F>
    Fact<T> fact(F&& decode) const {
        if (j_.is_object() && j_.contains("unknown")) return Fact<T>::unknown(at("unknown").str());
        return Fact<T>::known(decode(*this));
    }

    const std::string& path() const { return path_; }

private:
    const json& j_;
    std::string path_;
};

template <class T>
Fact<T> hex_fact_in(const In& in, int digits) {
    return in.fact<T>([&](const In& v) { return static_cast<T>(v.hex_number(digits)); });
}
Fact<std::string> string_fact(const In& in) { return in.fact<std::string>([](const In& v) { return v.str(); }); }
Fact<bool> bool_fact(const In& in) { return in.fact<bool>([](const In& v) { return v.boolean(); }); }
Fact<int> int_fact(const In& in) { return in.fact<int>([](const In& v) { return static_cast<int>(v.integer()); }); }

// Swap, holders and DRM openers came later in version 2: snapshots without them read as none
// (swap, holders) and as not recorded (openers).
BlockHolder holder_in(const In& in) {
    BlockHolder h;
    h.name = in.at("name").str();
    // A kind this build does not know (a newer writer's) is still a holder.
    h.kind = value_of(kHolderKinds, in.at("kind").str()).value_or(BlockHolder::Kind::Other);
    h.label = in.at("label").str();
    h.mountpoints = in.at("mountpoints").strings();
    h.swap = in.at("swap").boolean();
    auto up = in.at("holders");
    for (std::size_t i = 0; i < up.size(); ++i) h.holders.push_back(holder_in(up.at(i)));
    return h;
}

BlockDevice block_in(const In& in) {
    BlockDevice b;
    b.name = in.at("name").str();
    b.mountpoints = in.at("mountpoints").strings();
    b.holds_root = in.at("holds_root").boolean();
    auto parts = in.at("partitions");
    for (std::size_t i = 0; i < parts.size(); ++i) b.partitions.push_back(block_in(parts.at(i)));
    if (in.has("swap")) b.swap = in.at("swap").boolean();
    if (in.has("holders")) {
        auto holders = in.at("holders");
        for (std::size_t i = 0; i < holders.size(); ++i) b.holders.push_back(holder_in(holders.at(i)));
    }
    return b;
}

std::vector<NetInterface> net_in(const In& a) {
    std::vector<NetInterface> out;
    for (std::size_t i = 0; i < a.size(); ++i) {
        auto n = a.at(i);
        out.push_back({n.at("name").str(), n.at("operstate").str(), n.at("addresses").strings(),
                       n.at("default_route_v4").boolean(), n.at("default_route_v6").boolean()});
    }
    return out;
}
std::vector<BlockDevice> blocks_in(const In& a) {
    std::vector<BlockDevice> out;
    for (std::size_t i = 0; i < a.size(); ++i) out.push_back(block_in(a.at(i)));
    return out;
}
DisplayUse display_in(const In& d) {
    DisplayUse u{d.at("drm_cards").strings(), d.at("console").boolean()};
    if (!d.has("openers")) {
        if (!u.drm_cards.empty())
            u.openers = Fact<std::vector<DrmOpener>>::unknown(N_("not recorded in this snapshot"));
        return u;
    }
    u.openers = d.at("openers").fact<std::vector<DrmOpener>>([](const In& a) {
        std::vector<DrmOpener> out;
        for (std::size_t i = 0; i < a.size(); ++i) {
            auto o = a.at(i);
            out.push_back({o.at("comm").str(), static_cast<int>(o.at("pid").integer()), o.at("node").str()});
        }
        return out;
    });
    return u;
}
std::vector<UsbDevice> usb_in(const In& a) {
    std::vector<UsbDevice> out;
    for (std::size_t i = 0; i < a.size(); ++i) {
        auto d = a.at(i);
        out.push_back({d.at("port").str(), d.at("name").str(), d.at("keyboard").boolean(), d.at("mouse").boolean()});
    }
    return out;
}
std::vector<SoundCard> sound_in(const In& a) {
    std::vector<SoundCard> out;
    for (std::size_t i = 0; i < a.size(); ++i) out.push_back({a.at(i).at("card").str(), a.at(i).at("name").str()});
    return out;
}

// How a snapshot reads: version 1 wrote only the categories in use, and nothing for a listing,
// which said none; version 2 writes each category as a fact.
struct Reading {
    long long version = kSnapshotVersion;
    bool of_listing = false;
};

DeviceUsage usage_in(const In& in, const Reading& r) {
    if (r.version >= 2) {
        return DeviceUsage{
            .net = in.at("net").fact<std::vector<NetInterface>>(net_in),
            .block = in.at("block").fact<std::vector<BlockDevice>>(blocks_in),
            .display = in.at("display").fact<DisplayUse>(display_in),
            .usb = in.at("usb").fact<std::vector<UsbDevice>>(usb_in),
            .sound = in.at("sound").fact<std::vector<SoundCard>>(sound_in),
        };
    }
    DeviceUsage u = r.of_listing ? DeviceUsage::unknown(N_("not in a pasted listing")) : DeviceUsage::none();
    if (in.has("net")) u.net = Fact<std::vector<NetInterface>>::known(net_in(in.at("net")));
    if (in.has("block")) u.block = Fact<std::vector<BlockDevice>>::known(blocks_in(in.at("block")));
    if (in.has("display")) u.display = Fact<DisplayUse>::known(display_in(in.at("display")));
    if (in.has("usb")) u.usb = Fact<std::vector<UsbDevice>>::known(usb_in(in.at("usb")));
    if (in.has("sound")) u.sound = Fact<std::vector<SoundCard>>::known(sound_in(in.at("sound")));
    return u;
}

Device device_in(const In& in, const Reading& r) {
    Device d;
    d.address = in.at("address").bdf();
    // Version 1 always wrote the IDs as hex; version 2 may write {"unknown": why}.
    d.vendor_id = hex_fact_in<std::uint16_t>(in.at("vendor_id"), 4);
    d.device_id = hex_fact_in<std::uint16_t>(in.at("device_id"), 4);
    d.subsystem_vendor_id = hex_fact_in<std::uint16_t>(in.at("subsystem_vendor_id"), 4);
    d.subsystem_device_id = hex_fact_in<std::uint16_t>(in.at("subsystem_device_id"), 4);
    d.class_id = hex_fact_in<std::uint16_t>(in.at("class_id"), 4);
    d.prog_if = hex_fact_in<std::uint8_t>(in.at("prog_if"), 2);
    d.revision = hex_fact_in<std::uint8_t>(in.at("revision"), 2);
    auto names = in.at("names");
    d.vendor_name = names.at("vendor").str();
    d.device_name = names.at("device").str();
    d.subsystem_name = names.at("subsystem").str();
    d.class_name = names.at("class").str();
    d.header_type = hex_fact_in<std::uint8_t>(in.at("header_type"), 2);
    d.multifunction = bool_fact(in.at("multifunction"));
    d.port_type = in.at("port_type").fact<PortType>([](const In& v) {
        auto t = port_type_from_string(v.str());
        if (!t) throw Bad{v.path(), SnapshotDamage::NotAPortType, v.str()};
        return *t;
    });
    d.acs = in.at("acs").fact<std::optional<AcsCapability>>([](const In& v) -> std::optional<AcsCapability> {
        if (v.is_null()) return std::nullopt;
        return AcsCapability{static_cast<std::uint16_t>(v.at("capability").hex_number(4)),
                             static_cast<std::uint16_t>(v.at("control").hex_number(4))};
    });
    auto link = in.at("link");
    d.link.current_speed = string_fact(link.at("current_speed"));
    d.link.current_width = int_fact(link.at("current_width"));
    d.link.max_speed = string_fact(link.at("max_speed"));
    d.link.max_width = int_fact(link.at("max_width"));
    if (!in.at("parent").is_null()) d.parent = in.at("parent").bdf();
    if (auto g = in.at("iommu_group"); !g.is_null()) {
        auto id = g.integer();
        if (id < 0) throw Bad{g.path(), SnapshotDamage::Negative};
        d.iommu_group = static_cast<GroupId>(id);
    }
    d.driver = string_fact(in.at("driver"));
    d.driver_override = string_fact(in.at("driver_override"));
    d.vfio_cdev = string_fact(in.at("vfio_cdev"));
    d.reset_methods = in.at("reset_methods").fact<std::vector<std::string>>([](const In& v) { return v.strings(); });
    d.boot_vga = bool_fact(in.at("boot_vga"));
    d.numa_node = int_fact(in.at("numa_node"));
    auto sriov = in.at("sriov");
    d.sriov.num_vfs = int_fact(sriov.at("num_vfs"));
    d.sriov.total_vfs = int_fact(sriov.at("total_vfs"));
    auto vfs = sriov.at("vfs");
    for (std::size_t i = 0; i < vfs.size(); ++i) d.sriov.vfs.push_back(vfs.at(i).bdf());
    if (!sriov.at("physfn").is_null()) d.sriov.physfn = sriov.at("physfn").bdf();
    d.usage = usage_in(in.at("usage"), r);
    return d;
}

HostFacts host_in(const In& in) {
    HostFacts h;
    h.hostname = string_fact(in.at("hostname"));
    h.kernel_release = string_fact(in.at("kernel_release"));
    h.kernel_cmdline = string_fact(in.at("kernel_cmdline"));
    h.iommu_mode = in.at("iommu_mode").fact<IommuMode>([](const In& v) {
        if (auto m = iommu_mode_from_string(v.str())) return *m;
        throw Bad{v.path(), SnapshotDamage::NotAnIommuMode, v.str()};
    });
    h.iommu_drivers = in.at("iommu_drivers").fact<std::vector<std::string>>([](const In& v) { return v.strings(); });
    h.dev_iommu = bool_fact(in.at("dev_iommu"));
    h.vfio_cdev_support = bool_fact(in.at("vfio_cdev_support"));
    h.vfio_noiommu = bool_fact(in.at("vfio_noiommu"));
    // The typed parameters are read again from what was recorded, by the one parser.
    const auto mentioned = in.at("iommu_parameters").strings();
    if (h.kernel_cmdline) {
        std::string all = *h.kernel_cmdline;
        for (const auto& m : mentioned) all += " " + m;
        h.kernel_parameters = parse_kernel_parameters(all);
    } else {
        h.kernel_parameters = kernel_parameters_from_mentions(mentioned, h.kernel_cmdline.why_unknown);
    }
    return h;
}

}  // namespace

constexpr std::size_t kParallelDevices = 512;

std::string snapshot_to_json(const Topology& t) {
    json j;
    j["format"] = "isola-snapshot";
    j["version"] = kSnapshotVersion;
    // A snapshot records what it was taken of; saving a loaded snapshot again keeps that.
    const auto& src = t.source();
    const SourceKind kind = src.snapshot_of ? src.snapshot_of->kind : src.kind;
    const std::string& origin = src.snapshot_of ? src.snapshot_of->origin : src.origin;
    j["source"] = {{"kind", std::string(to_string(kind))}, {"origin", origin},
                   {"format", t.source().format}, {"captured_at", t.source().captured_at},
                   {"tree_known", t.source().tree_known}};
    j["host"] = host_json(t.host());
    j["groups"] = json::array();
    for (const auto& g : t.groups())
        j["groups"].push_back({{"id", g.id}, {"type", fact(g.type)}, {"noiommu", g.noiommu}});
    // Each device's object is independent: big hosts build them on two threads (4k functions:
    // the objects are most of the document's time), the dump stays one pass.
    const auto& devices = t.devices();
    json::array_t objects(devices.size());
    auto build = [&](std::size_t from, std::size_t to) {
        for (std::size_t i = from; i < to; ++i) objects[i] = device_json(devices[i]);
    };
    if (devices.size() >= kParallelDevices) {
        auto first_half = std::async(std::launch::async, build, 0, devices.size() / 2);
        build(devices.size() / 2, devices.size());
        first_half.get();
    } else {
        build(0, devices.size());
    }
    j["devices"] = std::move(objects);
    j["diagnostics"] = json::array();
    for (const auto& d : t.diagnostics()) j["diagnostics"].push_back({{"subject", d.subject}, {"message", d.message}});
    return j.dump(1, '\t') + "\n";
}

std::expected<Topology, SnapshotError> snapshot_from_json(std::string_view text, const std::string& origin) {
    json j;
    try {
        j = json::parse(text);
    } catch (const json::parse_error& e) {
        return std::unexpected(error(SnapshotErrorKind::NotJson, origin, static_cast<long long>(e.byte)));
    }
    // Not j.value("format", ""): it throws when "format" holds something other than a string.
    const auto format = j.is_object() ? j.find("format") : j.end();
    if (!j.is_object() || format == j.end() || !format->is_string() || *format != "isola-snapshot")
        return std::unexpected(error(SnapshotErrorKind::NotASnapshot, origin));
    if (!j.contains("version") || !j["version"].is_number_integer())
        return std::unexpected(error(SnapshotErrorKind::NoVersion, origin));
    const auto version = j["version"].get<long long>();
    if (version > kSnapshotVersion) return std::unexpected(error(SnapshotErrorKind::NewerVersion, origin, version));
    if (version < 1) return std::unexpected(error(SnapshotErrorKind::InvalidVersion, origin, version));

    try {
        In root(j, "snapshot");
        Source source;
        auto src = root.at("source");
        const auto kind = src.at("kind").str();
        // A loaded snapshot is a Snapshot, never the live host it was taken on: views and the
        // review must not read this machine's files for it. Early files could say "snapshot".
        source.kind = SourceKind::Snapshot;
        const bool of_listing = source_kind_from_string(kind) == SourceKind::Listing;
        source.snapshot_of = SnapshotOf{of_listing ? SourceKind::Listing : SourceKind::LiveHost,
                                        src.at("origin").str()};
        source.origin = origin;
        source.format = src.at("format").str();
        source.captured_at = src.at("captured_at").str();
        source.tree_known = src.at("tree_known").boolean();

        std::vector<IommuGroup> groups;
        auto gs = root.at("groups");
        for (std::size_t i = 0; i < gs.size(); ++i) {
            auto g = gs.at(i);
            auto id = g.at("id").integer();
            if (id < 0) throw Bad{g.at("id").path(), SnapshotDamage::Negative};
            groups.push_back({static_cast<GroupId>(id), string_fact(g.at("type")), {}, g.at("noiommu").boolean()});
        }
        std::vector<Device> devices;
        auto ds = root.at("devices");
        const Reading reading{.version = version, .of_listing = source.snapshot_of->kind == SourceKind::Listing};
        for (std::size_t i = 0; i < ds.size(); ++i) devices.push_back(device_in(ds.at(i), reading));
        std::vector<Diagnostic> diagnostics;
        auto dg = root.at("diagnostics");
        for (std::size_t i = 0; i < dg.size(); ++i)
            diagnostics.push_back({dg.at(i).at("subject").str(), dg.at(i).at("message").str()});
        return Topology(std::move(source), host_in(root.at("host")), std::move(devices), std::move(groups),
                        std::move(diagnostics));
    } catch (const Bad& bad) {
        SnapshotError e{.kind = SnapshotErrorKind::Damaged, .origin = origin, .damage = bad.what, .where = bad.path,
                        .value = bad.value, .digits = bad.digits};
        e.message = describe(e);
        return std::unexpected(std::move(e));
    } catch (const json::exception& x) {
        SnapshotError e{.kind = SnapshotErrorKind::Damaged, .origin = origin, .damage = SnapshotDamage::Unreadable,
                        .detail = x.what()};
        e.message = describe(e);
        return std::unexpected(std::move(e));
    }
}

std::expected<void, SnapshotError> save_snapshot(const Topology& topology, const std::filesystem::path& file) {
    // Write beside the target and rename, so an interrupted save never leaves half a snapshot.
    auto tmp = file;
    tmp += ".tmp";
    {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        if (!out) return std::unexpected(error(SnapshotErrorKind::CannotCreate, file.string()));
        out << snapshot_to_json(topology);
        if (!out.flush()) return std::unexpected(error(SnapshotErrorKind::WriteFailed, file.string()));
    }
    std::error_code ec;
    std::filesystem::rename(tmp, file, ec);
    if (ec) {
        SnapshotError e{.kind = SnapshotErrorKind::CannotReplace, .origin = file.string(), .detail = ec.message()};
        e.message = describe(e);
        return std::unexpected(std::move(e));
    }
    return {};
}

std::expected<Topology, SnapshotError> load_snapshot(const std::filesystem::path& file) {
    auto text = read_user_file(file, kSnapshotSizeLimit, UserFileKind::Snapshot);
    if (!text)
        return std::unexpected(SnapshotError{.kind = SnapshotErrorKind::CannotRead, .origin = file.string(),
                                             .detail = text.error().message, .message = text.error().message});
    return snapshot_from_json(*text, file.string());
}

}  // namespace isola
