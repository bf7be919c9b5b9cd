#include "reader/describe_read.hpp"

#include "text/message.hpp"

namespace isola {

std::string describe(const ReadErrorDetails& e) {
    switch (e.kind) {
        case ReadErrorKind::NoPciBus:
            // TRANSLATORS: {} a directory, e.g. /sys/bus/pci/devices. --sysfs-root is an isolactl option.
            return say("no PCI bus at {}: sysfs is not mounted there, or this is not a sysfs root; pass the right "
                       "--sysfs-root, or use a snapshot or listing instead",
                       e.path);
        case ReadErrorKind::LibpciFailed:
            // TRANSLATORS: {0} a directory, {1} libpci's own (English) error message.
            return say("libpci could not read {0}: {1}", e.path, e.detail);
    }
    return {};
}

ReadError make_read_error(const ReadErrorDetails& details) { return ReadError{describe(details)}; }

Diagnostic read_diagnostic(ReadDiagnosticKind kind, std::string subject, const std::string& name) {
    switch (kind) {
        case ReadDiagnosticKind::ConfigUnreadable:
            return {std::move(subject), say("its configuration space could not be read")};
        case ReadDiagnosticKind::BadGroupLink:
            // TRANSLATORS: {} the target the kernel's iommu_group symbolic link names.
            return {std::move(subject), say("its iommu_group link names \"{}\", not a group number", name)};
        case ReadDiagnosticKind::NotAGroupDirectory:
            return {std::move(subject), say("not an IOMMU group directory; ignored")};
        case ReadDiagnosticKind::DirectoryUnreadable:
            return {std::move(subject), say("its sysfs directory cannot be opened, so its driver, reset methods and "
                                            "configuration are not known; run the scan as root or check the "
                                            "permissions of /sys")};
        case ReadDiagnosticKind::Vanished:
            return {std::move(subject), say("it disappeared while Isola read the bus (its VFs were removed, or it was "
                                            "unplugged), so it is left out of this scan")};
        case ReadDiagnosticKind::ScanRepeated:
            // TRANSLATORS: {} a number of passes, 2 or more.
            return {std::move(subject), say("functions disappeared while libpci listed the bus, so Isola listed it "
                                            "again ({} passes)",
                                            name)};
    }
    return {std::move(subject), {}};
}

}  // namespace isola
