#include "reader/libpci_scan.hpp"

#include <cstdarg>
#include <cstdio>
#include <format>
#include <memory>
#include <mutex>
#include <stdexcept>

#include "reader/function_queue.hpp"
#include "reader/sysfs_file.hpp"

extern "C" {
#include <pci/pci.h>
}

namespace isola::detail {
namespace {

// libpci reports fatal errors through acc->error, whose default calls exit(1) — unacceptable in a
// GUI or a helper. Ours throws instead; libpci is built with unwind tables on Debian and every
// caller below catches before returning to C code's callers.
struct LibpciFailure : std::runtime_error {
    using std::runtime_error::runtime_error;
};

std::string vformat_c(const char* fmt, va_list args) {
    char buf[512];
    std::vsnprintf(buf, sizeof buf, fmt, args);
    return buf;
}

// GNU spelling on purpose: pci_access::error's pointer type carries __attribute__((noreturn)), and
// clang only converts to it from a function whose type has the same attribute.
__attribute__((noreturn)) void throw_libpci_error(char* msg, ...) {
    va_list args;
    va_start(args, msg);
    std::string text = vformat_c(msg, args);
    va_end(args);
    throw LibpciFailure(text);
}

// Warnings are collected per scan; libpci has no user pointer, so a thread-local sink is the
// narrowest place to keep them (libpci is confined to one thread per pci_access anyway).
thread_local std::vector<std::string>* warning_sink = nullptr;

void collect_libpci_warning(char* msg, ...) {
    va_list args;
    va_start(args, msg);
    std::string text = vformat_c(msg, args);
    va_end(args);
    if (warning_sink) warning_sink->push_back(std::move(text));
}

struct AccessDeleter {
    void operator()(pci_access* a) const { pci_cleanup(a); }
};
using Access = std::unique_ptr<pci_access, AccessDeleter>;

std::string lookup(pci_access* acc, int flags, auto... ids) {
    char buf[256];
    const char* name = pci_lookup_name(acc, buf, sizeof buf, flags | PCI_LOOKUP_NO_NUMBERS, ids...);
    return name ? std::string(name) : std::string();
}

PortType port_type_from_pcie_flags(std::uint16_t flags) {
    switch ((flags >> 4) & 0xf) {
        case 0x0: return PortType::Endpoint;
        case 0x1: return PortType::LegacyEndpoint;
        case 0x4: return PortType::RootPort;
        case 0x5: return PortType::UpstreamPort;
        case 0x6: return PortType::DownstreamPort;
        case 0x7: return PortType::PcieToPciBridge;
        case 0x8: return PortType::PciToPcieBridge;
        case 0x9: return PortType::RcIntegratedEndpoint;
        case 0xa: return PortType::RcEventCollector;
        default: return PortType::Endpoint;
    }
}

constexpr std::size_t kUnprivilegedConfigBytes = 64;
constexpr const char* kNeedsRoot = "config space past 64 bytes needs root";

ConfigHints fill_from_config(pci_dev* pd, Device& d, std::size_t readable) {
    d.header_type = Fact<std::uint8_t>::known(static_cast<std::uint8_t>(pci_read_byte(pd, PCI_HEADER_TYPE)));
    d.multifunction = Fact<bool>::known((*d.header_type & 0x80) != 0);

    if (readable <= kUnprivilegedConfigBytes) {
        // Capabilities start at 0x40 at the earliest: nothing past the header is visible.
        d.port_type = Fact<PortType>::unknown(kNeedsRoot);
        d.acs = Fact<std::optional<AcsCapability>>::unknown(kNeedsRoot);
        return {};
    }
    pci_fill_info(pd, PCI_FILL_CAPS | PCI_FILL_EXT_CAPS);
    pci_cap* exp = pci_find_cap(pd, PCI_CAP_ID_EXP, PCI_CAP_NORMAL);
    if (!exp) {
        d.port_type = Fact<PortType>::known(PortType::Conventional);
        // No PCIe capability, no extended config space, so no ACS capability either.
        d.acs = Fact<std::optional<AcsCapability>>::known(std::nullopt);
        return {.has_sriov_capability = false};
    }
    d.port_type = Fact<PortType>::known(port_type_from_pcie_flags(pci_read_word(pd, exp->addr + PCI_EXP_FLAGS)));
    if (readable <= 256) {
        d.acs = Fact<std::optional<AcsCapability>>::unknown("extended config space is not readable");
        return {};
    }
    if (pci_cap* acs = pci_find_cap(pd, PCI_EXT_CAP_ID_ACS, PCI_CAP_EXTENDED)) {
        d.acs = Fact<std::optional<AcsCapability>>::known(AcsCapability{
            .capability = pci_read_word(pd, acs->addr + PCI_ACS_CAP),
            .control = pci_read_word(pd, acs->addr + PCI_ACS_CTRL),
        });
    } else {
        d.acs = Fact<std::optional<AcsCapability>>::known(std::nullopt);
    }
    return {.has_sriov_capability = pci_find_cap(pd, PCI_EXT_CAP_ID_SRIOV, PCI_CAP_EXTENDED) != nullptr};
}

// Subsystem IDs as the kernel reads them when it enumerates the function (pci_setup_device):
// from the header of a normal or CardBus function, from the SSVID capability of a bridge (0 when
// it has none). The sysfs files repeat those values, so taking them from the config space already
// in hand spares two files per function. nullopt when the bytes are not readable (a bridge's
// capability without root): the caller then asks sysfs.
std::optional<std::pair<std::uint16_t, std::uint16_t>> subsystem_from_config(pci_dev* pd, const Device& d,
                                                                             std::size_t readable) {
    auto at = [&](int offset) -> std::optional<std::pair<std::uint16_t, std::uint16_t>> {
        if (static_cast<std::size_t>(offset) + 4 > readable) return std::nullopt;
        return std::pair{pci_read_word(pd, offset), pci_read_word(pd, offset + 2)};
    };
    if (!d.header_type) return std::nullopt;
    switch (*d.header_type & 0x7f) {
        case PCI_HEADER_TYPE_NORMAL: return at(PCI_SUBSYSTEM_VENDOR_ID);
        case PCI_HEADER_TYPE_CARDBUS: return at(PCI_CB_SUBSYSTEM_VENDOR_ID);
        case PCI_HEADER_TYPE_BRIDGE:
            if (readable <= kUnprivilegedConfigBytes) return std::nullopt;  // capabilities not visible
            if (pci_cap* ssvid = pci_find_cap(pd, PCI_CAP_ID_SSVID, PCI_CAP_NORMAL)) return at(ssvid->addr + PCI_SSVID_VENDOR);
            return std::pair<std::uint16_t, std::uint16_t>{0, 0};
        default: return std::nullopt;
    }
}

void read_function(pci_access* acc, pci_dev* pd, const sysfs::AttributeDir& devices_dir, ScannedFunction& out,
                   std::vector<Diagnostic>& diagnostics) {
    // IDs and class from sysfs, as lspci shows them: the kernel may have fixed a broken class.
    pci_fill_info(pd, PCI_FILL_IDENT | PCI_FILL_CLASS | PCI_FILL_CLASS_EXT);
    Device& d = out.device;
    d.address = Bdf{static_cast<std::uint32_t>(pd->domain), pd->bus, pd->dev, pd->func};
    d.vendor_id = pd->vendor_id;
    d.device_id = pd->device_id;
    d.class_id = Fact<std::uint16_t>::known(pd->device_class);
    d.prog_if = Fact<std::uint8_t>::known(pd->prog_if);
    d.revision = Fact<std::uint8_t>::known(pd->rev_id);

    // One read of config space (4096 bytes as root, 64 otherwise) tells how much is readable,
    // and handed to libpci as its cache it answers every capability lookup from memory instead
    // of a pread per register.
    const std::string name = d.address.str();
    auto config = devices_dir.read((name + "/config").c_str(), 4096);
    std::optional<std::pair<std::uint16_t, std::uint16_t>> subsystem;
    if (!config || config->size() < kUnprivilegedConfigBytes) {
        diagnostics.push_back({name, "its configuration space could not be read"});
        d.header_type = Fact<std::uint8_t>::unknown("config space unreadable");
        d.multifunction = Fact<bool>::unknown("config space unreadable");
        d.port_type = Fact<PortType>::unknown("config space unreadable");
        d.acs = Fact<std::optional<AcsCapability>>::unknown("config space unreadable");
    } else {
        pci_setup_cache(pd, reinterpret_cast<u8*>(config->data()), static_cast<int>(config->size()));
        out.hints = fill_from_config(pd, d, config->size());
        subsystem = subsystem_from_config(pd, d, config->size());
        pci_setup_cache(pd, nullptr, 0);  // the buffer dies with this function
    }
    if (!subsystem) {
        pci_fill_info(pd, PCI_FILL_SUBSYS);
        if (pd->known_fields & PCI_FILL_SUBSYS) subsystem = std::pair{pd->subsys_vendor_id, pd->subsys_id};
    }
    if (subsystem) {
        d.subsystem_vendor_id = Fact<std::uint16_t>::known(subsystem->first);
        d.subsystem_device_id = Fact<std::uint16_t>::known(subsystem->second);
    } else {
        d.subsystem_vendor_id = Fact<std::uint16_t>::unknown("no subsystem IDs");
        d.subsystem_device_id = d.subsystem_vendor_id;
    }

    d.vendor_name = lookup(acc, PCI_LOOKUP_VENDOR, int{pd->vendor_id});
    d.device_name = lookup(acc, PCI_LOOKUP_DEVICE, int{pd->vendor_id}, int{pd->device_id});
    d.class_name = lookup(acc, PCI_LOOKUP_CLASS, int{pd->device_class});
    if (d.subsystem_vendor_id && *d.subsystem_vendor_id != 0)
        d.subsystem_name = lookup(acc, PCI_LOOKUP_SUBSYSTEM | PCI_LOOKUP_VENDOR | PCI_LOOKUP_DEVICE, int{pd->vendor_id},
                                  int{pd->device_id}, int{*d.subsystem_vendor_id}, int{*d.subsystem_device_id});
}

// libpci keeps process-wide state in places (name cache files, hwdb); one scan at a time.
std::mutex libpci_mutex;

}  // namespace

std::expected<void, ReadError> scan_with_libpci(const HostRoots& roots, const ReadOptions& options,
                                                FunctionQueue& out, std::vector<Diagnostic>& diagnostics) {
    struct CloseOnReturn {
        FunctionQueue& queue;
        ~CloseOnReturn() { queue.close(); }
    } close_on_return{out};
    const auto bus_dir = roots.sysfs / "bus" / "pci";
    if (!std::filesystem::is_directory(bus_dir / "devices"))
        return std::unexpected(ReadError{std::format(
            "no PCI bus at {}: sysfs is not mounted there, or this is not a sysfs root; pass the right "
            "--sysfs-root, or use a snapshot or listing instead",
            (bus_dir / "devices").string())});

    std::lock_guard lock(libpci_mutex);
    std::vector<std::string> warnings;
    warning_sink = &warnings;
    struct ResetSink {
        ~ResetSink() { warning_sink = nullptr; }
    } reset_sink;

    std::string ids_path = options.pci_ids.string();
    try {
        Access acc(pci_alloc());
        acc->error = throw_libpci_error;
        acc->warning = collect_libpci_warning;
        // Force the sysfs method: with PCI_ACCESS_AUTO a bad path silently falls back to
        // /proc/bus/pci, i.e. the real hardware, which would make a fixture lie.
        acc->method = PCI_ACCESS_SYS_BUS_PCI;
        std::string bus_path = bus_dir.string();
        pci_set_param(acc.get(), const_cast<char*>("sysfs.path"), bus_path.data());
        // Names from pci.ids only: hwdb answers differ between machines and would make a snapshot
        // taken here differ from the same host read elsewhere.
        pci_set_param(acc.get(), const_cast<char*>("hwdb.disable"), const_cast<char*>("1"));
        // libpci keeps the pointer, so `ids_path` is declared before `acc` and outlives it.
        if (!ids_path.empty()) pci_set_name_list_path(acc.get(), ids_path.data(), 0);
        pci_init(acc.get());
        pci_scan_bus(acc.get());

        std::size_t count = 0;
        for (pci_dev* pd = acc->devices; pd; pd = pd->next) ++count;
        out.open(count);
        const sysfs::AttributeDir devices_dir(bus_dir / "devices");
        for (pci_dev* pd = acc->devices; pd; pd = pd->next) {
            read_function(acc.get(), pd, devices_dir, out.next_slot(), diagnostics);
            out.publish();
        }
    } catch (const LibpciFailure& e) {
        return std::unexpected(ReadError{std::format("libpci could not read {}: {}", bus_dir.string(), e.what())});
    }
    for (auto& w : warnings) diagnostics.push_back({"libpci", std::move(w)});
    return {};
}

}  // namespace isola::detail
