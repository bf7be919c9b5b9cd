// Actions org.kde.isola.helper.apply, .restore, .persist and .unpersist: the apply engine and
// its boot-time binding (core/apply) on the host, for a client that is not root.
//
// apply never trusts the client's plan: it takes only what the person chose (devices, VM,
// backend) and the fingerprint of the plan they approved, re-reads the host, plans again, and
// the engine refuses when the fingerprint differs or another device sits at an address. Both
// settle an unfinished journal first, and say so.
#pragma once

#include <QVariantMap>

#include "actions/action_result.hpp"
#include "actions/helper_host.hpp"

namespace isola::helper {

// Arguments: exactly {"devices", "vm", "backend", "fingerprint", "locale"}, all QString.
// Reply:     {"outcome": done|refused|put-back|not-put-back, "report": the transaction's JSON
//             (isolactl --json's form), "lines": what to say, "recovery": what settling an
//             unfinished journal did}; the words are in the caller's locale.
ActionResult apply(const QVariantMap& args, const HelperHost& host);

// Arguments: exactly {"devices" ("" = everything Isola moved), "locale"}. Reply: as apply's.
ActionResult restore(const QVariantMap& args, const HelperHost& host);

// org.kde.isola.helper.persist: the plan's binding to vfio-pci made to survive reboots
// (core/apply/persist.hpp), re-planned and fingerprint-checked like apply. Arguments: as apply's.
// Reply: {"outcome", "lines", "recovery": what settling an interrupted persist change did};
// "report" is empty (the lines say every file changed).
ActionResult persist(const QVariantMap& args, const HelperHost& host);

// org.kde.isola.helper.unpersist: arguments as restore's ("" = everything Isola persisted).
ActionResult unpersist(const QVariantMap& args, const HelperHost& host);

// org.kde.isola.helper.recover: puts back an interrupted apply, restore or persist change (the
// journal says what it was about to do) and nothing else; every other action does it first too.
// Arguments: exactly {"locale"}. Reply: {"outcome": done|refused (another Isola at work)|
// not-put-back, "lines": what settling did, or that nothing was interrupted}; "report" and
// "recovery" are empty.
ActionResult recover(const QVariantMap& args, const HelperHost& host);

}  // namespace isola::helper
