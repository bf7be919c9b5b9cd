#include "reader/libpci_scan.hpp"

#include <cstdarg>
#include <cstdio>
#include <filesystem>
#include <format>
#include <memory>
#include <mutex>
#include <stdexcept>

#include "reader/describe_read.hpp"
#include "reader/function_queue.hpp"
#include "text/message.hpp"

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

void read_function(pci_access* acc, pci_dev* pd, Device& d) {
    // IDs, class and subsystem from sysfs, as lspci shows them: values the kernel read at
    // enumeration (and may have fixed for broken devices), with no config-space transaction.
    // Config registers are read by read_config_facts(), on the attribute-reader threads.
    pci_fill_info(pd, PCI_FILL_IDENT | PCI_FILL_CLASS | PCI_FILL_CLASS_EXT | PCI_FILL_SUBSYS);
    d.address = Bdf{static_cast<std::uint32_t>(pd->domain), pd->bus, pd->dev, pd->func};
    d.vendor_id = Fact<std::uint16_t>::known(pd->vendor_id);
    d.device_id = Fact<std::uint16_t>::known(pd->device_id);
    d.class_id = Fact<std::uint16_t>::known(pd->device_class);
    d.prog_if = Fact<std::uint8_t>::known(pd->prog_if);
    d.revision = Fact<std::uint8_t>::known(pd->rev_id);
    if (pd->known_fields & PCI_FILL_SUBSYS) {
        d.subsystem_vendor_id = Fact<std::uint16_t>::known(pd->subsys_vendor_id);
        d.subsystem_device_id = Fact<std::uint16_t>::known(pd->subsys_id);
    } else {
        d.subsystem_vendor_id = Fact<std::uint16_t>::unknown(N_("no subsystem IDs"));
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

// Whether libpci's failure was about a function whose sysfs directory has gone since: its message
// names a file below <devices>/<address>/ (e.g. "Cannot open …/0000:01:10.2/vendor"). Removing VFs
// (sriov_numvfs) or a hot unplug does that to any scan that is running; it is no fault of the host.
bool about_vanished_function(const std::string& message, const std::filesystem::path& devices) {
    const std::string prefix = devices.string() + "/";
    const auto at = message.find(prefix);
    if (at == std::string::npos) return false;
    const auto start = at + prefix.size();
    const auto end = message.find('/', start);
    if (end == std::string::npos || end == start) return false;
    std::error_code ec;
    return !std::filesystem::exists(devices / message.substr(start, end - start), ec);
}

}  // namespace

std::expected<void, ReadError> scan_with_libpci(const HostRoots& roots, const ReadOptions& options,
                                                FunctionQueue& out, std::vector<Diagnostic>& diagnostics) {
    struct CloseOnReturn {
        FunctionQueue& queue;
        ~CloseOnReturn() { queue.close(); }
    } close_on_return{out};
    const auto bus_dir = roots.sysfs / "bus" / "pci";
    if (!std::filesystem::is_directory(bus_dir / "devices"))
        return std::unexpected(
            make_read_error({.kind = ReadErrorKind::NoPciBus, .path = (bus_dir / "devices").string(), .detail = {}}));

    std::lock_guard lock(libpci_mutex);
    std::vector<std::string> warnings;
    warning_sink = &warnings;
    struct ResetSink {
        ~ResetSink() { warning_sink = nullptr; }
    } reset_sink;

    std::string ids_path = options.pci_ids.string();
    // libpci lists the bus in one pass and fails it when a function goes away meanwhile: the pass
    // is repeated (a VF churn settles within a few), and a function that goes away after the pass
    // is published with its address only and left out by read_host().
    constexpr int kPasses = 8;
    for (int pass = 1;; ++pass) try {
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
        // For the same reason no ID cache: libpci built with DNS lookups (Debian's is) reads names
        // a user's earlier `lspci -q` fetched into ~/.cache/pci-ids. An empty name turns the cache
        // off. It also avoids a leak in libpci 3.13: expanding "~/" there allocates the path and
        // stores it with pci_set_param_internal(..., copy = 0), which pci_cleanup() never frees
        // (21 bytes for root's "/root/.cache/pci-ids" under LeakSanitizer).
        pci_set_param(acc.get(), const_cast<char*>("net.cache_name"), const_cast<char*>(""));
        // libpci keeps the pointer, so `ids_path` is declared before `acc` and outlives it.
        if (!ids_path.empty()) pci_set_name_list_path(acc.get(), ids_path.data(), 0);
        pci_init(acc.get());
        try {
            pci_scan_bus(acc.get());
        } catch (const LibpciFailure& e) {
            if (pass == kPasses || !about_vanished_function(e.what(), bus_dir / "devices")) throw;
            continue;
        }
        if (pass > 1)
            diagnostics.push_back(read_diagnostic(ReadDiagnosticKind::ScanRepeated, bus_dir.string(), std::to_string(pass)));

        std::size_t count = 0;
        for (pci_dev* pd = acc->devices; pd; pd = pd->next) ++count;
        out.open(count);
        for (pci_dev* pd = acc->devices; pd; pd = pd->next) {
            Device& d = out.next_slot();
            try {
                read_function(acc.get(), pd, d);
            } catch (const LibpciFailure& e) {
                if (!about_vanished_function(e.what(), bus_dir / "devices")) throw;
                d = Device{};
                d.address = Bdf{static_cast<std::uint32_t>(pd->domain), pd->bus, pd->dev, pd->func};
            }
            out.publish();
        }
        break;
    } catch (const LibpciFailure& e) {
        return std::unexpected(
            make_read_error({.kind = ReadErrorKind::LibpciFailed, .path = bus_dir.string(), .detail = e.what()}));
    }
    for (auto& w : warnings) diagnostics.push_back({"libpci", std::move(w)});
    return {};
}

}  // namespace isola::detail
