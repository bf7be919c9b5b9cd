// The words of the host reader: why a host could not be read at all, and what about one function
// or group could not be, as typed values (a kind and its arguments) said in one place in the
// user's language (text/message.hpp). The why_unknown reasons the reader gives are msgids
// (marked N_()), translated by whoever shows them.
#pragma once

#include <string>

#include "reader/read_host.hpp"
#include "topology/topology.hpp"

namespace isola {

enum class ReadErrorKind {
    NoPciBus,       // `path` (…/bus/pci/devices) is not a directory
    LibpciFailed,   // libpci stopped reading `path`; `detail` is libpci's own message (English)
};

struct ReadErrorDetails {
    ReadErrorKind kind;
    std::string path;
    std::string detail;
};

std::string describe(const ReadErrorDetails& error);
// A ReadError whose message is describe(details).
ReadError make_read_error(const ReadErrorDetails& details);

enum class ReadDiagnosticKind {
    ConfigUnreadable,    // the function's config file could not be read
    BadGroupLink,        // its iommu_group link names `name`, which is no number
    NotAGroupDirectory,  // /sys/kernel/iommu_groups/`name` (subject: that path) is no number
    DirectoryUnreadable, // the function's sysfs directory cannot be opened
    Vanished,            // the function disappeared while the scan read it (VFs removed, hot unplug)
    ScanRepeated,        // libpci's pass over the bus met a function that had gone; `name`: how many passes
};

// The Diagnostic for `subject` (a PCI address or a path).
Diagnostic read_diagnostic(ReadDiagnosticKind kind, std::string subject, const std::string& name = {});

}  // namespace isola
