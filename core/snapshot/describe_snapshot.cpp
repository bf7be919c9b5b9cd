// The words of snapshot errors, said in one place from their typed values (snapshot.hpp), in the
// user's language (text/message.hpp).
#include "snapshot/snapshot.hpp"
#include "text/message.hpp"

namespace isola {
namespace {

// What is wrong at a JSON path: a phrase completing "<path> ...".
std::string damage_phrase(const SnapshotError& e) {
    switch (e.damage) {
        case SnapshotDamage::None:
        case SnapshotDamage::Unreadable: return e.detail;
        // TRANSLATORS: completes "<JSON path> ...", e.g. "snapshot.devices[1] lacks \"driver\"".
        case SnapshotDamage::Lacks: return say("lacks \"{}\"", e.value);
        case SnapshotDamage::NotAList: return say("is not a list");
        case SnapshotDamage::NotAString: return say("is not a string");
        case SnapshotDamage::NotABoolean: return say("is not true or false");
        case SnapshotDamage::NotAWholeNumber: return say("is not a whole number");
        case SnapshotDamage::Negative: return say("is negative");
        case SnapshotDamage::NotHex:
            // TRANSLATORS: {0} the text found, {1} how many hexadecimal digits are allowed.
            return say("\"{0}\" is not a hexadecimal number of at most {1} digits", e.value, e.digits);
        case SnapshotDamage::NotAPciAddress: return say("\"{}\" is not a PCI address", e.value);
        case SnapshotDamage::NotAPortType: return say("\"{}\" is not a PCIe port type", e.value);
        case SnapshotDamage::NotAnIommuMode: return say("\"{}\" is not an IOMMU mode", e.value);
    }
    return e.detail;
}

}  // namespace

std::string describe(const SnapshotError& e) {
    switch (e.kind) {
        case SnapshotErrorKind::NotJson:
            // TRANSLATORS: {0} a file name, {1} a byte offset in it.
            return say("{0} is not an Isola snapshot: it is not valid JSON (at byte {1}); take a new snapshot with "
                       "'isolactl snapshot save'",
                       e.origin, e.number);
        case SnapshotErrorKind::NotASnapshot:
            return say("{} is not an Isola snapshot (no \"format\": \"isola-snapshot\"); to read a pasted listing use "
                       "'isolactl import'",
                       e.origin);
        case SnapshotErrorKind::NoVersion: return say("{} has no snapshot format version", e.origin);
        case SnapshotErrorKind::NewerVersion:
            // TRANSLATORS: {0} a file name, {1} its format version, {2} the newest version this Isola reads.
            return say("{0} was written by a newer Isola (snapshot format version {1}; this Isola reads up to "
                       "version {2}): update Isola to read it",
                       e.origin, e.number, kSnapshotVersion);
        case SnapshotErrorKind::InvalidVersion:
            return say("{0} has an invalid snapshot format version {1}", e.origin, e.number);
        case SnapshotErrorKind::Damaged:
            if (e.where.empty())
                // TRANSLATORS: {0} a file name, {1} the JSON library's own (English) description of the fault.
                return say("{0} is damaged: {1}; take a new snapshot", e.origin, damage_phrase(e));
            // TRANSLATORS: {0} a file name, {1} a path inside it ("snapshot.devices[1].address"), {2} what is
            // wrong there, a phrase such as "is not a string".
            return say("{0} is damaged: {1} {2}; take a new snapshot", e.origin, e.where, damage_phrase(e));
        case SnapshotErrorKind::CannotCreate:
            return say("cannot write {}: check the directory exists and is writable", e.origin);
        case SnapshotErrorKind::WriteFailed: return say("writing {} failed (disk full?)", e.origin);
        case SnapshotErrorKind::CannotReplace:
            // TRANSLATORS: {0} a file name, {1} the system's description of the error.
            return say("cannot write {0}: {1}", e.origin, e.detail);
        case SnapshotErrorKind::CannotRead: return e.detail;
    }
    return e.detail;
}

}  // namespace isola
