// isola-helper's KAuth responder: one slot per action, each a one-line hand-off to dispatch().
//
// KAuth maps the action "org.kde.isola.helper.<name>" to the slot <name>; it has already asked
// polkit about the real D-Bus sender before a slot runs. Everything else (argument checks,
// reading the host) lives in actions/ and ops/, which the unit tests exercise without KAuth.
#pragma once

#include <filesystem>

#include <QObject>
#include <QVariantMap>

#include <KAuth/ActionReply>

#include "actions/action_result.hpp"
#include "actions/helper_host.hpp"

namespace isola::helper {

class IsolaHelper : public QObject {
    Q_OBJECT

public:
    IsolaHelper();

public Q_SLOTS:
    KAuth::ActionReply readconfig(const QVariantMap& args);
    KAuth::ActionReply apply(const QVariantMap& args);
    KAuth::ActionReply restore(const QVariantMap& args);
    KAuth::ActionReply probe(const QVariantMap& args);
    KAuth::ActionReply persist(const QVariantMap& args);
    KAuth::ActionReply unpersist(const QVariantMap& args);
    KAuth::ActionReply recover(const QVariantMap& args);

private:
    using Action = ActionResult (*)(const QVariantMap& args, const HelperHost& host);
    // Logs who asked for what, runs `action` against this build's host and turns its result
    // into a reply; an exception (a bug, or memory exhaustion) becomes an Internal refusal
    // instead of taking the helper and the client's pending call down with it.
    static KAuth::ActionReply dispatch(const char* name, Action action, const QVariantMap& args);
};

// The host this build of the helper acts on: the real one (real_host.cpp, the installed helper),
// or a fixture tree with a simulated kernel at a path fixed when it was compiled
// (tests/helper/fixture_host.cpp, the end-to-end test's helper). Chosen at link time, never by a caller.
HelperHost& this_host();

}  // namespace isola::helper
