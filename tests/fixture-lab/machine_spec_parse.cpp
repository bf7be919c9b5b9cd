// JSON -> MachineSpec. Every error is one sentence that names the device (by address) and the
// field, so a typo in a machine file reads like "device 01:00.0: unknown field "drvier"".
#include "fixture_lab.hpp"
#include "machine_layout.hpp"
#include "net_address.hpp"

#include <charconv>
#include <format>
#include <nlohmann/json.hpp>
#include <set>

namespace isola::lab {
namespace {

using nlohmann::json;

struct SpecError {
    std::string sentence;
};

[[noreturn]] void fail(std::string sentence) { throw SpecError{std::move(sentence)}; }

std::optional<unsigned> hex_value(std::string_view text, unsigned max) {
    if (text.starts_with("0x")) text.remove_prefix(2);
    unsigned v = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v, 16);
    if (text.empty() || ec != std::errc{} || end != text.data() + text.size() || v > max) return std::nullopt;
    return v;
}

std::optional<Address> parse_address(std::string_view text) {
    // "BB:DD.F" or "DDDD:BB:DD.F", as lspci and sysfs print them.
    Address a;
    if (std::ranges::count(text, ':') == 2) {
        auto d = hex_value(text.substr(0, text.find(':')), 0xffff);
        if (!d) return std::nullopt;
        a.domain = static_cast<std::uint16_t>(*d);
        text.remove_prefix(text.find(':') + 1);
    }
    if (text.size() != 7 || text[2] != ':' || text[5] != '.') return std::nullopt;
    auto bus = hex_value(text.substr(0, 2), 0xff);
    auto slot = hex_value(text.substr(3, 2), 0x1f);
    auto fn = hex_value(text.substr(6, 1), 7);
    if (!bus || !slot || !fn) return std::nullopt;
    a.bus = static_cast<std::uint8_t>(*bus);
    a.slot = static_cast<std::uint8_t>(*slot);
    a.function = static_cast<std::uint8_t>(*fn);
    return a;
}

// Reads fields of one JSON object, complaining about wrong types and, at the end, unknown keys.
class Fields {
public:
    Fields(const json& object, std::string where) : object_(object), where_(std::move(where)) {
        if (!object_.is_object()) fail(std::format("{} must be a JSON object", where_));
    }
    ~Fields() = default;
    Fields(const Fields&) = delete;
    Fields& operator=(const Fields&) = delete;

    const json* find(const char* key) {
        used_.insert(key);
        auto it = object_.find(key);
        return it == object_.end() ? nullptr : &*it;
    }
    std::string string(const char* key, std::string fallback = {}) {
        const json* v = find(key);
        if (!v) return fallback;
        if (!v->is_string()) fail(std::format("{}: \"{}\" must be a string", where_, key));
        return v->get<std::string>();
    }
    std::string required_string(const char* key) {
        if (!object_.contains(key)) fail(std::format("{} has no \"{}\"", where_, key));
        return string(key);
    }
    std::optional<std::string> optional_string(const char* key) {
        if (!object_.contains(key)) {
            used_.insert(key);
            return std::nullopt;
        }
        return string(key);
    }
    int integer(const char* key, int fallback, int min, int max) {
        const json* v = find(key);
        if (!v) return fallback;
        if (!v->is_number_integer() || v->get<long long>() < min || v->get<long long>() > max)
            fail(std::format("{}: \"{}\" must be a whole number from {} to {}", where_, key, min, max));
        return v->get<int>();
    }
    bool boolean(const char* key, bool fallback = false) {
        const json* v = find(key);
        if (!v) return fallback;
        if (!v->is_boolean()) fail(std::format("{}: \"{}\" must be true or false", where_, key));
        return v->get<bool>();
    }
    // Bus numbers: a hex string like "0a" (as listings print them) or a JSON number.
    int bus_number(const char* key) {
        const json* v = find(key);
        if (v->is_number_integer() && v->get<int>() >= 0 && v->get<int>() <= 0xff) return v->get<int>();
        if (v->is_string())
            if (auto h = hex_value(v->get<std::string>(), 0xff)) return static_cast<int>(*h);
        fail(std::format("{}: \"{}\" must be a bus number in hex like \"0a\"", where_, key));
    }
    std::pair<std::uint16_t, std::uint16_t> id_pair(const char* key, bool required) {
        const json* v = find(key);
        if (!v) {
            if (required) fail(std::format("{} has no \"{}\"", where_, key));
            return {0, 0};
        }
        const std::string text = v->is_string() ? v->get<std::string>() : std::string{};
        const auto colon = text.find(':');
        auto a = colon == std::string::npos ? std::nullopt : hex_value(std::string_view(text).substr(0, colon), 0xffff);
        auto b = colon == std::string::npos ? std::nullopt : hex_value(std::string_view(text).substr(colon + 1), 0xffff);
        if (!a || !b || colon != 4 || text.size() != 9)
            fail(std::format("{}: \"{}\" must be vendor:device in hex like \"10de:1401\"", where_, key));
        return {static_cast<std::uint16_t>(*a), static_cast<std::uint16_t>(*b)};
    }
    void no_unknown_fields() const {
        for (const auto& [key, value] : object_.items())
            if (!used_.contains(key)) fail(std::format("{}: unknown field \"{}\"", where_, key));
    }
    const std::string& where() const { return where_; }

private:
    const json& object_;
    std::string where_;
    std::set<std::string> used_;
};

// Listings give class as "0604" (class + subclass); add the programming interface the kernel
// would show for the common cases, so lspci and drivers see xHCI, AHCI, NVMe.
std::uint32_t class_with_prog_if(unsigned class_subclass) {
    switch (class_subclass) {
    case 0x0c03: return 0x0c0330;
    case 0x0106: return 0x010601;
    case 0x0108: return 0x010802;
    case 0x0101: return 0x01018a;
    default: return class_subclass << 8;
    }
}

PortType parse_port(const std::string& text, const std::string& where) {
    static const std::map<std::string, PortType> names = {
        {"endpoint", PortType::Endpoint},
        {"legacy-endpoint", PortType::LegacyEndpoint},
        {"root", PortType::RootPort},
        {"upstream", PortType::UpstreamPort},
        {"downstream", PortType::DownstreamPort},
        {"pcie-to-pci", PortType::PcieToPciBridge},
        {"pci-to-pcie", PortType::PciToPcieBridge},
        {"rciep", PortType::RootComplexIntegratedEndpoint},
        {"event-collector", PortType::RootComplexEventCollector},
        {"pci", PortType::Conventional},
    };
    auto it = names.find(text);
    if (it == names.end())
        fail(std::format("{}: \"port\" \"{}\" is not one of root, upstream, downstream, endpoint, legacy-endpoint, "
                         "pcie-to-pci, pci-to-pcie, rciep, event-collector, pci",
                         where, text));
    return it->second;
}

AcsSpec parse_acs(const json* v, const std::string& where) {
    if (!v) return {};
    if (v->is_string() && v->get<std::string>() == "auto") return {};
    if (v->is_string() && v->get<std::string>() == "none") return {.mode = AcsSpec::Mode::None};
    if (v->is_object()) {
        Fields f(*v, where + " acs");
        auto cap = hex_value(f.required_string("cap"), 0xffff);
        auto ctrl = hex_value(f.required_string("ctrl"), 0xffff);
        f.no_unknown_fields();
        if (cap && ctrl)
            return {.mode = AcsSpec::Mode::Explicit, .capability = static_cast<std::uint16_t>(*cap),
                    .control = static_cast<std::uint16_t>(*ctrl)};
    }
    fail(std::format("{}: \"acs\" must be \"auto\", \"none\" or {{\"cap\": \"0x5f\", \"ctrl\": \"0x1d\"}}", where));
}

VolumeSpec parse_volume(const json& v, const std::string& where) {
    Fields f(v, where + " holder");
    VolumeSpec vol;
    const auto dm = f.optional_string("dm");
    const auto md = f.optional_string("md");
    if (dm.has_value() == md.has_value()) fail(std::format("{}: a holder names exactly one of \"dm\" or \"md\"", where));
    vol.kind = dm ? VolumeSpec::Kind::DeviceMapper : VolumeSpec::Kind::Md;
    vol.name = dm ? *dm : *md;
    vol.mount = f.string("mount");
    vol.swap = f.boolean("swap");
    if (const json* up = f.find("holders")) {
        if (!up->is_array()) fail(std::format("{} {}: \"holders\" must be a list", where, vol.name));
        for (const auto& h : *up) vol.holders.push_back(parse_volume(h, where + " " + vol.name));
    }
    f.no_unknown_fields();
    return vol;
}

// A partition: its mount point ("" none) or {"mount": …, "swap": true, "holders": [{"dm": …}]}.
PartitionSpec parse_partition(const json& v, const std::string& where) {
    if (v.is_string()) return {.mount = v.get<std::string>()};
    if (!v.is_object()) fail(std::format("{}: must be a mount point (\"\" for none) or an object", where));
    Fields f(v, where);
    PartitionSpec p;
    p.mount = f.string("mount");
    p.swap = f.boolean("swap");
    if (const json* up = f.find("holders")) {
        if (!up->is_array()) fail(std::format("{}: \"holders\" must be a list", where));
        for (const auto& h : *up) p.holders.push_back(parse_volume(h, where));
    }
    f.no_unknown_fields();
    return p;
}

NetInterfaceSpec parse_net(const json& v, const std::string& where) {
    Fields f(v, where + " net interface");
    NetInterfaceSpec n;
    n.name = f.required_string("if");
    const std::string ctx = std::format("{} interface {}", where, n.name);
    n.operstate = f.string("state", "up");
    n.mac = f.string("mac");
    n.ipv4 = f.optional_string("ipv4");
    n.gateway4 = f.optional_string("gateway4");
    n.ipv6 = f.optional_string("ipv6");
    n.gateway6 = f.optional_string("gateway6");
    f.no_unknown_fields();
    if (n.ipv4 && !parse_ipv4(*n.ipv4, true))
        fail(std::format("{}: \"ipv4\" \"{}\" is not an address with prefix like \"192.168.1.20/24\"", ctx, *n.ipv4));
    if (n.gateway4 && !parse_ipv4(*n.gateway4, false))
        fail(std::format("{}: \"gateway4\" \"{}\" is not an IPv4 address", ctx, *n.gateway4));
    if (n.ipv6 && !parse_ipv6(*n.ipv6, true))
        fail(std::format("{}: \"ipv6\" \"{}\" is not an address with prefix like \"2001:db8::20/64\"", ctx, *n.ipv6));
    if (n.gateway6 && !parse_ipv6(*n.gateway6, false))
        fail(std::format("{}: \"gateway6\" \"{}\" is not an IPv6 address", ctx, *n.gateway6));
    static const std::set<std::string> states{"up", "down", "dormant", "lowerlayerdown", "unknown"};
    if (!states.contains(n.operstate))
        fail(std::format("{}: \"state\" \"{}\" is not an operstate (up, down, dormant, lowerlayerdown, unknown)", ctx,
                         n.operstate));
    return n;
}

DeviceSpec parse_device(const json& v, std::size_t index) {
    std::string where = std::format("device #{}", index + 1);
    if (v.is_object() && v.contains("bdf") && v["bdf"].is_string()) where = "device " + v["bdf"].get<std::string>();
    Fields f(v, where);
    DeviceSpec d;
    const auto bdf = f.required_string("bdf");
    auto address = parse_address(bdf);
    if (!address) fail(std::format("{}: \"bdf\" must be an address like \"01:00.0\" or \"0000:01:00.0\"", where));
    d.address = *address;
    std::tie(d.vendor, d.device) = f.id_pair("id", true);
    const auto cls = f.required_string("class");
    auto class_value = hex_value(cls, 0xffffff);
    if (!class_value || (cls.size() != 4 && cls.size() != 6))
        fail(std::format("{}: \"class\" must be 4 or 6 hex digits like \"0300\" or \"0c0330\"", where));
    d.class_code = cls.size() == 4 ? class_with_prog_if(*class_value) : *class_value;
    if (auto rev = f.optional_string("rev")) {
        auto r = hex_value(*rev, 0xff);
        if (!r) fail(std::format("{}: \"rev\" must be two hex digits like \"a1\"", where));
        d.revision = static_cast<std::uint8_t>(*r);
    }
    std::tie(d.subsystem_vendor, d.subsystem_device) = f.id_pair("subsys", false);
    if (const json* drv = f.find("driver")) {
        if (drv->is_null()) d.driver = "";
        else if (drv->is_string()) d.driver = drv->get<std::string>();
        else fail(std::format("{}: \"driver\" must be a driver name, or null for none", where));
    }
    d.driver_override = f.optional_string("override");
    if (f.find("group")) d.group = f.integer("group", 0, 0, 1 << 20);
    if (auto parent = f.optional_string("parent")) {
        d.parent = parse_address(*parent);
        if (!d.parent) fail(std::format("{}: \"parent\" must be an address like \"00:01.0\"", where));
        d.parent->domain = d.address.domain;
    }
    if (f.find("secondary")) d.secondary_bus = f.bus_number("secondary");
    if (auto port = f.optional_string("port")) d.port = parse_port(*port, where);
    d.acs = parse_acs(f.find("acs"), where);
    if (const json* reset = f.find("reset")) {
        if (reset->is_null()) d.reset.kind = ResetSpec::Kind::Absent;
        else if (reset->is_string()) d.reset = {ResetSpec::Kind::Methods, reset->get<std::string>()};
        else fail(std::format("{}: \"reset\" must be a list of methods like \"flr bus\", \"\" or null", where));
    }
    d.boot_vga = f.boolean("boot_vga");
    d.numa_node = f.integer("numa", -1, -1, 63);
    if (f.find("irq")) d.irq = f.integer("irq", 0, 0, 4095);
    d.link = f.optional_string("link");
    if (d.link) {
        double gts = 0;
        int width = 0;
        char tail = 0;
        if (std::sscanf(d.link->c_str(), "%lfGT/s x%d%c", &gts, &width, &tail) != 2 || gts <= 0 || width < 1 || width > 32)
            fail(std::format("{}: \"link\" \"{}\" is not like \"16GT/s x16\"", where, *d.link));
    }
    if (const json* s = f.find("sriov")) {
        Fields sf(*s, where + " sriov");
        SriovSpec sr;
        sr.total_vfs = sf.integer("total", 0, 1, 65535);
        sr.num_vfs = sf.integer("vfs", 0, 0, 65535);
        if (!s->contains("total")) fail(std::format("{} sriov has no \"total\"", where));
        const auto vf_id = sf.required_string("vf_device");
        auto vf_device = hex_value(vf_id, 0xffff);
        if (!vf_device || vf_id.size() != 4)
            fail(std::format("{}: sriov \"vf_device\" must be a device ID in hex like \"10ca\"", where));
        sr.vf_device = static_cast<std::uint16_t>(*vf_device);
        if (const json* vd = sf.find("vf_driver")) sr.vf_driver = vd->is_null() ? "" : vd->get<std::string>();
        sr.first_vf_offset = sf.integer("offset", 1, 1, 0xffff);
        sr.vf_stride = sf.integer("stride", 1, 1, 0xffff);
        if (sf.find("vf_group")) sr.vf_group = sf.integer("vf_group", 0, 0, 1 << 20);
        sf.no_unknown_fields();
        if (sr.num_vfs > sr.total_vfs)
            fail(std::format("{}: sriov \"vfs\" {} is more than \"total\" {}", where, sr.num_vfs, sr.total_vfs));
        d.sriov = sr;
    }
    if (f.find("vfio")) d.vfio_device = f.integer("vfio", 0, 0, 1 << 20);
    if (const json* nets = f.find("net")) {
        if (!nets->is_array()) fail(std::format("{}: \"net\" must be a list of interfaces", where));
        for (const auto& n : *nets) d.net.push_back(parse_net(n, where));
    }
    if (const json* disks = f.find("block")) {
        if (!disks->is_array()) fail(std::format("{}: \"block\" must be a list of disks", where));
        for (const auto& disk : *disks) {
            Fields bf(disk, where + " block disk");
            BlockDiskSpec b;
            b.name = bf.required_string("disk");
            if (const json* parts = bf.find("partitions")) {
                if (!parts->is_array())
                    fail(std::format("{} disk {}: \"partitions\" must list mount points (\"\" for none)", where, b.name));
                for (std::size_t i = 0; i < parts->size(); ++i)
                    b.partitions.push_back(parse_partition((*parts)[i], std::format("{} disk {} partition {}", where, b.name, i + 1)));
            }
            bf.no_unknown_fields();
            d.block.push_back(std::move(b));
        }
    }
    if (f.find("drm")) d.drm_card = f.integer("drm", 0, 0, 63);
    d.console_framebuffer = f.boolean("fb");
    if (const json* usb = f.find("usb")) {
        if (!usb->is_array()) fail(std::format("{}: \"usb\" must be a list of USB devices", where));
        for (const auto& u : *usb) {
            Fields uf(u, where + " usb device");
            UsbDeviceSpec spec;
            std::tie(spec.vendor, spec.product_id) = uf.id_pair("id", true);
            spec.product = uf.string("product");
            spec.manufacturer = uf.string("manufacturer");
            spec.kind = uf.string("kind", "other");
            if (const json* n = uf.find("net")) spec.net = parse_net(*n, where + " usb");
            uf.no_unknown_fields();
            if (spec.kind != "keyboard" && spec.kind != "mouse" && spec.kind != "storage" && spec.kind != "net" &&
                spec.kind != "other")
                fail(std::format("{}: usb \"kind\" \"{}\" is not keyboard, mouse, storage, net or other", where, spec.kind));
            if ((spec.kind == "net") != spec.net.has_value())
                fail(std::format("{}: a usb device has a \"net\" interface exactly when its \"kind\" is net", where));
            d.usb.push_back(std::move(spec));
        }
    }
    if (const json* snd = f.find("sound")) {
        Fields sf(*snd, where + " sound");
        d.sound = SoundCardSpec{sf.integer("card", 0, 0, 31), sf.required_string("id")};
        sf.no_unknown_fields();
    }
    f.no_unknown_fields();
    return d;
}

MachineSpec parse_machine(const json& doc) {
    Fields f(doc, "the machine");
    MachineSpec m;
    m.name = f.required_string("name");
    m.description = f.string("description");
    m.source = f.string("source");
    const auto iommu = f.string("iommu", "intel");
    if (iommu == "intel") m.iommu = IommuKind::Intel;
    else if (iommu == "amd") m.iommu = IommuKind::Amd;
    else if (iommu == "none") m.iommu = IommuKind::None;
    else fail(std::format("the machine: \"iommu\" \"{}\" is not intel, amd or none", iommu));
    m.noiommu_mode = f.boolean("noiommu_mode");
    m.iommufd = f.boolean("iommufd");
    m.kernel_release = f.string("kernel", m.kernel_release);
    m.hostname = f.string("hostname", m.name);
    m.cmdline = f.string("cmdline");
    m.default_group_type = f.string("group_type", m.default_group_type);
    static const std::set<std::string> types{"identity", "DMA", "DMA-FQ", "blocked", "unmanaged", "unknown"};
    if (!types.contains(m.default_group_type))
        fail(std::format("the machine: \"group_type\" \"{}\" is not identity, DMA, DMA-FQ, blocked, unmanaged or unknown",
                         m.default_group_type));
    if (const json* gt = f.find("group_types")) {
        Fields gf(*gt, "the machine's group_types");
        for (const auto& [key, value] : gt->items()) {
            int group = 0;
            auto [end, ec] = std::from_chars(key.data(), key.data() + key.size(), group);
            if (ec != std::errc{} || end != key.data() + key.size() || !value.is_string() ||
                !types.contains(value.get<std::string>()))
                fail(std::format("the machine: group_types entry \"{}\" must map a group number to a group type", key));
            m.group_types[group] = value.get<std::string>();
            gf.find(key.c_str());
        }
    }
    if (const json* etc = f.find("etc")) {
        if (!etc->is_object()) fail("the machine: \"etc\" must map file paths under /etc to their text");
        for (const auto& [path, text] : etc->items()) {
            if (!text.is_string() || path.empty() || path.front() == '/' || path.find("..") != std::string::npos)
                fail(std::format("the machine: etc entry \"{}\" must be a relative path mapped to its text", path));
            m.etc[path] = text.get<std::string>();
        }
    }
    if (const json* procs = f.find("processes")) {
        if (!procs->is_array()) fail("the machine: \"processes\" must be a list of processes");
        for (const auto& p : *procs) {
            Fields pf(p, "the machine's process");
            ProcessSpec ps;
            ps.pid = pf.integer("pid", 0, 1, 4194304);
            if (!p.contains("pid")) fail("the machine: a process has no \"pid\"");
            ps.comm = pf.required_string("comm");
            if (const json* open = pf.find("open")) {
                if (!open->is_array() || !std::ranges::all_of(*open, [](const json& o) { return o.is_string(); }))
                    fail(std::format("the machine: process {}: \"open\" must list absolute paths", ps.pid));
                for (const auto& o : *open) ps.open.push_back(o.get<std::string>());
            }
            ps.unreadable = pf.boolean("unreadable");
            pf.no_unknown_fields();
            m.processes.push_back(std::move(ps));
        }
    }
    const json* devices = f.find("devices");
    if (!devices || !devices->is_array() || devices->empty())
        fail("the machine has no \"devices\" list");
    for (std::size_t i = 0; i < devices->size(); ++i) m.devices.push_back(parse_device((*devices)[i], i));
    f.no_unknown_fields();
    return m;
}

}  // namespace

std::string Address::to_string() const { return std::format("{:04x}:{:02x}:{:02x}.{:x}", domain, bus, slot, function); }

std::expected<MachineSpec, std::string> parse_machine_spec(std::string_view text) {
    json doc;
    try {
        doc = json::parse(text);
    } catch (const json::parse_error& e) {
        return std::unexpected(std::format("the machine description is not valid JSON: {}", e.what()));
    }
    try {
        MachineSpec m = parse_machine(doc);
        if (auto problem = validate_machine_spec(m)) return std::unexpected(*problem);
        return m;
    } catch (const SpecError& e) {
        return std::unexpected(e.sentence);
    }
}

}  // namespace isola::lab
