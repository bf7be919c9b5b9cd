#include "actions/change.hpp"

#include <array>

#include <QString>
#include <QStringList>

#include "apply/apply_engine.hpp"
#include "apply/describe_apply.hpp"
#include "apply/json_forms.hpp"
#include "apply/describe_persist.hpp"
#include "apply/persist.hpp"
#include "ops/arguments.hpp"
#include "ops/change_values.hpp"
#include "ops/speaking_locale.hpp"
#include "plan/attach_plan.hpp"
#include "protocol/helper_protocol.hpp"
#include "reader/read_host.hpp"

namespace isola::helper {

namespace {

// Bounds: 32 addresses of 12 characters and their spaces; the others leave room for a sentence
// to quote a wrong value while keeping a hostile caller from making the helper copy megabytes.
constexpr qsizetype devices_max = static_cast<qsizetype>(max_devices_per_call) * 13;
constexpr std::array apply_arguments{
    StringArgument{arg_devices, devices_max, ArgumentForm::PciAddressList},
    StringArgument{arg_vm, 96, ArgumentForm::VmName},
    StringArgument{arg_backend, 32, ArgumentForm::Backend},
    StringArgument{arg_fingerprint, 32, ArgumentForm::Fingerprint},
    StringArgument{arg_locale, 48, ArgumentForm::Locale},
};
constexpr std::array recover_arguments{
    StringArgument{arg_locale, 48, ArgumentForm::Locale},
};
constexpr std::array restore_arguments{
    StringArgument{arg_devices, devices_max, ArgumentForm::PciAddressList},
    StringArgument{arg_locale, 48, ArgumentForm::Locale},
};

QString key(std::string_view k) { return QString::fromLatin1(k.data(), static_cast<qsizetype>(k.size())); }

QStringList qt_lines(const std::vector<std::string>& lines)
{
    QStringList out;
    for (const auto& l : lines) {
        out.append(QString::fromStdString(l));
    }
    return out;
}

// A reply without a transaction report: a refusal found after the arguments, or persist's.
QVariantMap lines_reply(std::string_view outcome, const QStringList& lines, const QStringList& recovery)
{
    return {{key(reply_outcome), key(outcome)},
            {key(reply_report), QString()},
            {key(reply_lines), lines},
            {key(reply_recovery), recovery}};
}

// Reports each write before it is made, as progress data: the client can show the step the
// helper is at while a slow unbind or VF change runs.
class ReportingWriter final : public SysfsWriter {
public:
    explicit ReportingWriter(const HelperHost& host) : host_(host) {}
    WriteResult write(const std::filesystem::path& file, std::string_view value, std::chrono::milliseconds deadline) override
    {
        ++count_;
        if (host_.progress) {
            host_.progress({{QStringLiteral("write"), count_},
                            {QStringLiteral("file"), QString::fromStdString(file.string())},
                            {QStringLiteral("value"), QString::fromStdString(std::string(value))}});
        }
        return host_.writer.write(file, value, deadline);
    }

private:
    const HelperHost& host_;
    int count_ = 0;
};

std::string_view outcome_of(const TransactionReport& r)
{
    if (!r.failure) return outcome_done;
    if (r.made.empty()) return outcome_refused;
    return r.not_put_back.empty() ? outcome_put_back : outcome_not_put_back;
}

// Settles an unfinished journal, as isolactl does at start. The lines say what it did; an error
// is the reply to send instead of going on (another Isola process at work, a device not put back).
struct Settled {
    QStringList lines;
    std::optional<QVariantMap> stop;
};

Settled settle_unfinished(const ApplyContext& cx)
{
    Settled s;
    const auto recovery = recover_unfinished(cx);
    if (!recovery) return s;
    s.lines = qt_lines(describe_recovery(*recovery));
    if (recovery->failure || !recovery->not_put_back.empty()) {
        const bool busy = recovery->failure && recovery->failure->kind == ApplyFailureKind::Busy;
        s.stop = lines_reply(busy ? outcome_refused : outcome_not_put_back, {}, s.lines);
    }
    return s;
}

// What apply and restore share once their arguments are checked: the caller's language for the
// report, a writer that reports each write, the engine's context, and an unfinished journal
// settled first (members are made in this order).
struct Session {
    Session(const HelperHost& host, const std::string& locale)
        : speaking(locale.c_str()), writer(host),
          cx{.sysfs = host.sysfs(), .store = StateStore(host.state_dir()), .writer = writer, .now = host.now},
          settled(settle_unfinished(cx))
    {
    }
    Session(const Session&) = delete;  // cx refers to this session's writer
    Session& operator=(const Session&) = delete;
    SpeakingLocale speaking;
    ReportingWriter writer;
    ApplyContext cx;
    Settled settled;
};

QVariantMap reply_of(const TransactionReport& report, const ApplyContext& cx, const QStringList& recovery)
{
    return {{key(reply_outcome), key(outcome_of(report))},
            {key(reply_report), QString::fromStdString(report_to_json(report, cx.sysfs))},
            {key(reply_lines), qt_lines(describe_report(report))},
            {key(reply_recovery), recovery}};
}

// What the person chose and approved, from apply's or persist's arguments, each checked.
struct Choice {
    AttachRequest request;
    std::string fingerprint;
    std::string locale;
};

std::expected<Choice, Failure> parse_choice(const char* action, const QVariantMap& args, const HelperHost& host)
{
    const auto values = parse_arguments(action, apply_arguments, args);
    if (!values) return std::unexpected(values.error());
    const auto devices = parse_device_list(action, values->at(std::string(arg_devices)), false);
    if (!devices) return std::unexpected(devices.error());
    const auto vm = parse_vm_name(action, values->at(std::string(arg_vm)));
    if (!vm) return std::unexpected(vm.error());
    const auto backend = parse_backend(action, values->at(std::string(arg_backend)));
    if (!backend) return std::unexpected(backend.error());
    const auto fingerprint = parse_fingerprint(action, values->at(std::string(arg_fingerprint)));
    if (!fingerprint) return std::unexpected(fingerprint.error());
    const auto locale = parse_locale(action, values->at(std::string(arg_locale)));
    if (!locale) return std::unexpected(locale.error());
    if (auto present = require_present(host.sysfs(), *devices); !present) return std::unexpected(present.error());
    Choice choice{.request = {.vm = *vm, .backend = *backend}, .fingerprint = *fingerprint, .locale = *locale};
    for (const PciAddress& d : *devices) choice.request.devices.push_back(d.bdf());
    return choice;
}

std::expected<std::vector<Bdf>, Failure> parse_recorded(const char* action, const QVariantMap& args, std::string& locale)
{
    const auto values = parse_arguments(action, restore_arguments, args);
    if (!values) return std::unexpected(values.error());
    // A recorded device may be gone from the host (the record says so): existence is not required.
    const auto devices = parse_device_list(action, values->at(std::string(arg_devices)), true);
    if (!devices) return std::unexpected(devices.error());
    const auto parsed_locale = parse_locale(action, values->at(std::string(arg_locale)));
    if (!parsed_locale) return std::unexpected(parsed_locale.error());
    locale = *parsed_locale;
    std::vector<Bdf> bdfs;
    for (const PciAddress& d : *devices) bdfs.push_back(d.bdf());
    return bdfs;
}

// The host as it is now, read by root, and the plan for the person's choice on it: the plan
// they approved is checked against this one by its fingerprint, never taken from the caller.
struct Replanned {
    Topology topology;
    AttachPlan plan;
};

std::expected<Replanned, std::string> replan(const HelperHost& host, const AttachRequest& request)
{
    auto topology = read_host(HostRoots::under(host.root));
    if (!topology) return std::unexpected(topology.error().message);
    AttachPlan plan = plan_attach(*topology, request);
    return Replanned{std::move(*topology), std::move(plan)};
}

}  // namespace

ActionResult apply(const QVariantMap& args, const HelperHost& host)
{
    const auto choice = parse_choice("apply", args, host);
    if (!choice) return std::unexpected(choice.error());
    const Session session(host, choice->locale);
    if (session.settled.stop) return *session.settled.stop;
    const auto now = replan(host, choice->request);
    if (!now) return lines_reply(outcome_refused, {QString::fromStdString(now.error())}, session.settled.lines);
    // confirmed: the client sends only a plan the person confirmed, and polkit's authentication
    // for this action is the last confirmation; the fingerprint ties both to this host's state.
    const auto report = apply_plan(now->plan, now->topology, {.fingerprint = choice->fingerprint, .confirmed = true}, session.cx);
    return reply_of(report, session.cx, session.settled.lines);
}

ActionResult restore(const QVariantMap& args, const HelperHost& host)
{
    std::string locale;
    const auto devices = parse_recorded("restore", args, locale);
    if (!devices) return std::unexpected(devices.error());
    const Session session(host, locale);
    if (session.settled.stop) return *session.settled.stop;
    return reply_of(restore_moved(*devices, false, session.cx), session.cx, session.settled.lines);
}

namespace {

PersistContext persist_context(const HelperHost& host)
{
    return {.env = persist_environment(host.root), .store = StateStore(host.state_dir()), .now = host.now};
}

std::string_view outcome_of(const PersistReport& r)
{
    if (!r.failure) return outcome_done;
    if (r.made == 0 && r.not_put_back.empty()) return outcome_refused;
    return r.not_put_back.empty() ? outcome_put_back : outcome_not_put_back;
}

// An interrupted persist change is put back first, as isolactl does; nullopt to go on.
std::optional<QVariantMap> settle_persist(const PersistContext& cx, QStringList& lines)
{
    const auto recovery = recover_persist(cx);
    if (!recovery) return std::nullopt;
    lines = qt_lines(describe_persist_recovery(*recovery));
    if (!recovery->failure && recovery->not_put_back.empty()) return std::nullopt;
    const bool busy = recovery->failure && recovery->failure->kind == ApplyFailureKind::Busy;
    return lines_reply(busy ? outcome_refused : outcome_not_put_back, {}, lines);
}

QVariantMap persist_reply(const PersistReport& report, const QStringList& recovery)
{
    return lines_reply(outcome_of(report), qt_lines(describe_persist_report(report)), recovery);
}

}  // namespace

ActionResult persist(const QVariantMap& args, const HelperHost& host)
{
    const auto choice = parse_choice("persist", args, host);
    if (!choice) return std::unexpected(choice.error());
    const SpeakingLocale speaking(choice->locale.c_str());
    const PersistContext cx = persist_context(host);
    QStringList recovery;
    if (auto stop = settle_persist(cx, recovery)) return *stop;
    const auto now = replan(host, choice->request);
    if (!now) return lines_reply(outcome_refused, {QString::fromStdString(now.error())}, recovery);
    // confirmed: as for apply, polkit's authentication is the last confirmation.
    return persist_reply(persist_plan(now->plan, {.fingerprint = choice->fingerprint, .confirmed = true}, cx), recovery);
}

ActionResult unpersist(const QVariantMap& args, const HelperHost& host)
{
    std::string locale;
    const auto devices = parse_recorded("unpersist", args, locale);
    if (!devices) return std::unexpected(devices.error());
    const SpeakingLocale speaking(locale.c_str());
    const PersistContext cx = persist_context(host);
    QStringList recovery;
    if (auto stop = settle_persist(cx, recovery)) return *stop;
    return persist_reply(isola::unpersist(*devices, false, cx), recovery);
}

ActionResult recover(const QVariantMap& args, const HelperHost& host)
{
    const auto values = parse_arguments("recover", recover_arguments, args);
    if (!values) return std::unexpected(values.error());
    const auto locale = parse_locale("recover", values->at(std::string(arg_locale)));
    if (!locale) return std::unexpected(locale.error());
    // Session settles an interrupted apply or restore as it is made; then an interrupted persist.
    // Its lines are the reply's own, not a preamble to something else.
    auto said = [](QVariantMap stop, const QStringList& lines) {
        stop[key(reply_lines)] = lines;
        stop[key(reply_recovery)] = QStringList();
        return stop;
    };
    const Session session(host, *locale);
    QStringList lines = session.settled.lines;
    if (session.settled.stop) return said(*session.settled.stop, lines);
    QStringList persisted;
    const auto stop = settle_persist(persist_context(host), persisted);
    lines += persisted;
    if (stop) return said(*stop, lines);
    if (lines.isEmpty()) lines << QString::fromStdString(describe_nothing_interrupted());
    return lines_reply(outcome_done, lines, {});
}

}  // namespace isola::helper
