// The whole picture of one host: its PCI functions, IOMMU groups and host facts, as a plain value.
// Every view (CLI table, JSON snapshot, graph, GUI) reads a Topology; none re-reads the host.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "topology/device.hpp"
#include "topology/host_facts.hpp"

namespace isola {

// Something the reader or importer could not read or understand. Never fatal for the scan.
struct Diagnostic {
    std::string subject;  // a BDF, a path, "line 12", or "" for the host
    std::string message;  // a sentence
    friend bool operator==(const Diagnostic&, const Diagnostic&) = default;
};

struct IommuGroup {
    GroupId id = 0;
    Fact<std::string> type;  // "DMA", "DMA-FQ", "identity", "blocked", "unmanaged", "unknown"
    std::vector<Bdf> members;  // sorted
    bool noiommu = false;      // a VFIO no-IOMMU group (no isolation at all)
    friend bool operator==(const IommuGroup&, const IommuGroup&) = default;
};

// Where a topology came from.
enum class SourceKind { LiveHost, Snapshot, Listing };
std::string_view to_string(SourceKind);
std::optional<SourceKind> source_kind_from_string(std::string_view);  // "live-host", "snapshot", "listing"

// What a snapshot was taken of: a live host (then `origin` is its sysfs root) or a listing.
struct SnapshotOf {
    SourceKind kind = SourceKind::LiveHost;  // never Snapshot
    std::string origin;
    friend bool operator==(const SnapshotOf&, const SnapshotOf&) = default;
};

struct Source {
    SourceKind kind = SourceKind::LiveHost;
    std::string origin;        // sysfs root, snapshot path or listing path
    std::string format;        // listing format(s) detected, e.g. "iommu-loop", "lspci-nnk"
    std::string captured_at;   // ISO 8601 UTC
    // False when the source says nothing about the bus tree (most pasted listings): then a
    // device without `parent` is "not known", not "on a root bus".
    bool tree_known = true;
    // Set exactly when kind is Snapshot: a loaded snapshot stays a snapshot, and remembers what
    // it was taken of (the host's name is in HostFacts::hostname).
    std::optional<SnapshotOf> snapshot_of;

    // The devices came from pasted text (directly, or through a snapshot of an import).
    [[nodiscard]] bool from_listing() const {
        return kind == SourceKind::Listing || (snapshot_of && snapshot_of->kind == SourceKind::Listing);
    }
    friend bool operator==(const Source&, const Source&) = default;
};

class Topology {
public:
    Topology() = default;
    // Takes devices in any order; sorts them, links parents/children and builds the group index.
    Topology(Source source, HostFacts host, std::vector<Device> devices, std::vector<IommuGroup> groups,
             std::vector<Diagnostic> diagnostics);

    [[nodiscard]] const Source& source() const { return source_; }
    [[nodiscard]] const HostFacts& host() const { return host_; }
    [[nodiscard]] const std::vector<Device>& devices() const { return devices_; }  // sorted by address
    [[nodiscard]] const std::vector<IommuGroup>& groups() const { return groups_; }  // sorted by id
    [[nodiscard]] const std::vector<Diagnostic>& diagnostics() const { return diagnostics_; }

    [[nodiscard]] const Device* find(const Bdf&) const;
    [[nodiscard]] const IommuGroup* group(GroupId) const;
    [[nodiscard]] const IommuGroup* group_of(const Bdf&) const;
    [[nodiscard]] bool has_groups() const { return !groups_.empty(); }

    friend bool operator==(const Topology&, const Topology&) = default;

private:
    Source source_;
    HostFacts host_;
    std::vector<Device> devices_;
    // devices_[i].address as one integer each (domain, bus, device, function from high to low
    // bits): find() compares dense 8-byte keys instead of striding through kilobyte-sized Devices
    // field by field (a plan of a 4,000-member group calls it 16,000 times).
    std::vector<std::uint64_t> address_keys_;
    std::vector<IommuGroup> groups_;
    std::vector<Diagnostic> diagnostics_;
};

}  // namespace isola
