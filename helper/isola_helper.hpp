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

namespace isola::helper {

class IsolaHelper : public QObject {
    Q_OBJECT

public Q_SLOTS:
    KAuth::ActionReply readconfig(const QVariantMap& args);

private:
    using Action = ActionResult (*)(const QVariantMap& args, const std::filesystem::path& root);
    // Logs who asked for what, runs `action` against the real host root and turns its result
    // into a reply; an exception (a bug, or memory exhaustion) becomes an Internal refusal
    // instead of taking the helper and the client's pending call down with it.
    static KAuth::ActionReply dispatch(const char* name, Action action, const QVariantMap& args);
};

}  // namespace isola::helper
