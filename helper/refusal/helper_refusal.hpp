// A refusal of the helper as data: what was refused (a kind) and the arguments its sentence needs.
//
// The helper runs as root under D-Bus with no user's locale, so it does not pick the words: it
// sends the kind's stable name and the arguments in its reply, and the client says them in the
// user's language (describe_helper_refusal.hpp). The helper still sends the English sentence as
// the reply's error text, for its log and for clients that predate this.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <QVariantMap>

#include "protocol/helper_protocol.hpp"
#include "topology/bdf.hpp"

namespace isola::helper {

// One per sentence. The stable names (helper_refusal_name) are part of the protocol.
enum class HelperRefusalKind {
    TooManyArguments,  // `count` keys sent, far more than `action` takes (`accepted`)
    UnknownArgument,   // `sent` is a key `action` does not take (`accepted`)
    MissingArgument,   // `action` needs `argument`, which looks like `form`
    NotAString,        // `argument` of `action` came as Qt type `type` (empty: no value at all)
    TooLong,           // `argument` of `action` is `length` UTF-16 units long, more than `limit`
    NotAPciAddress,    // `sent` is not DDDD:BB:DD.F
    Malformed,         // `argument` of `action` is `sent`, which is not `form`
    NoSuchDevice,      // no function `device` on this host
    SymbolicLink,      // the file at `path` is a symbolic link (never followed)
    NotARegularFile,   // the file at `path` is a FIFO, a directory, ...
    ReadFailed,        // reading the configuration space of `device` failed with `error_number`
    Internal,          // a bug or resource exhaustion in `action`; `detail` is the exception's text
};

// What a missing argument should have looked like, for the sentence that asks for it.
enum class ArgumentForm {
    PciAddress,      // "a PCI address such as 0000:01:00.0"
    PciAddressList,  // up to max_devices_per_call addresses, separated by spaces
    VmName,          // letters, digits, '.', '_', '+', '-'; at most 64
    Backend,         // "legacy" or "iommufd"
    Fingerprint,     // 16 hexadecimal digits, as isolactl plan prints
    Locale,          // "de_DE.UTF-8", "fr", "C"
};

// Only the members the kind's comment names are meaningful; the others stay empty.
struct HelperRefusal {
    HelperRefusalKind kind = HelperRefusalKind::Internal;
    std::string action;                 // the action refused: "readconfig"
    std::string argument;               // an argument key the action declares: "bdf"
    std::vector<std::string> accepted;  // every key the action takes
    ArgumentForm form = ArgumentForm::PciAddress;
    std::string sent;    // text the caller sent, escaped by escape_for_sentence(): printable, bounded
    std::string type;    // a Qt type name ("QByteArray"); empty when the value was invalid
    std::int64_t count = 0;   // TooManyArguments: keys sent
    std::int64_t length = 0;  // TooLong: the value's length
    std::int64_t limit = 0;   // TooLong: the longest accepted
    std::optional<Bdf> device;
    std::string path;      // as it reads on the host: "/sys/bus/pci/devices/0000:01:00.0/config"
    int error_number = 0;  // an errno value; its text is the reader's strerror()
    std::string detail;    // Internal: English, from the helper's own code

    friend bool operator==(const HelperRefusal&, const HelperRefusal&) = default;
};

// The protocol error code each kind is reported with (several kinds share one).
ErrorCode error_code(HelperRefusalKind kind);

// "too-many-arguments", "no-such-device", ...; read back with helper_refusal_kind().
std::string_view helper_refusal_name(HelperRefusalKind kind);
std::optional<HelperRefusalKind> helper_refusal_kind(std::string_view name);

// The refusal as reply data: {reply_refusal: name, reply_refusal_args: {the kind's arguments}}.
QVariantMap refusal_data(const HelperRefusal& refusal);
// Back from reply data; empty when there is none, the kind is unknown (a newer helper) or an
// argument the kind needs is missing or of the wrong type, so the client falls back on the text.
std::optional<HelperRefusal> refusal_from_data(const QVariantMap& data);

}  // namespace isola::helper
