#include "refusal/helper_refusal.hpp"

#include <array>

#include <QString>
#include <QStringList>

#include "text/enum_names.hpp"

namespace isola::helper {

namespace {

constexpr std::array<EnumName<HelperRefusalKind>, 12> kind_names{{
    {HelperRefusalKind::TooManyArguments, "too-many-arguments"},
    {HelperRefusalKind::UnknownArgument, "unknown-argument"},
    {HelperRefusalKind::MissingArgument, "missing-argument"},
    {HelperRefusalKind::NotAString, "not-a-string"},
    {HelperRefusalKind::TooLong, "too-long"},
    {HelperRefusalKind::NotAPciAddress, "not-a-pci-address"},
    {HelperRefusalKind::Malformed, "malformed"},
    {HelperRefusalKind::NoSuchDevice, "no-such-device"},
    {HelperRefusalKind::SymbolicLink, "symbolic-link"},
    {HelperRefusalKind::NotARegularFile, "not-a-regular-file"},
    {HelperRefusalKind::ReadFailed, "read-failed"},
    {HelperRefusalKind::Internal, "internal"},
}};

constexpr std::array<EnumName<ArgumentForm>, 6> form_names{{
    {ArgumentForm::PciAddress, "pci-address"},
    {ArgumentForm::PciAddressList, "pci-address-list"},
    {ArgumentForm::VmName, "vm-name"},
    {ArgumentForm::Backend, "backend"},
    {ArgumentForm::Fingerprint, "fingerprint"},
    {ArgumentForm::Locale, "locale"},
}};

// The members of HelperRefusal a kind's sentence uses: exactly these go into the reply, and a
// reply that lacks one of them is not understood.
enum Field : unsigned {
    Action = 1U << 0,
    Argument = 1U << 1,
    Accepted = 1U << 2,
    Form = 1U << 3,
    Sent = 1U << 4,
    Type = 1U << 5,
    Count = 1U << 6,
    Length = 1U << 7,
    Limit = 1U << 8,
    Device = 1U << 9,
    Path = 1U << 10,
    ErrorNumber = 1U << 11,
    Detail = 1U << 12,
};

unsigned fields_of(HelperRefusalKind kind)
{
    switch (kind) {
    case HelperRefusalKind::TooManyArguments: return Action | Accepted | Count;
    case HelperRefusalKind::UnknownArgument: return Action | Accepted | Sent;
    case HelperRefusalKind::MissingArgument: return Action | Argument | Form;
    case HelperRefusalKind::NotAString: return Action | Argument | Type;
    case HelperRefusalKind::TooLong: return Action | Argument | Length | Limit;
    case HelperRefusalKind::NotAPciAddress: return Sent;
    case HelperRefusalKind::Malformed: return Action | Argument | Form | Sent;
    case HelperRefusalKind::NoSuchDevice: return Device;
    case HelperRefusalKind::SymbolicLink:
    case HelperRefusalKind::NotARegularFile: return Path;
    case HelperRefusalKind::ReadFailed: return Device | ErrorNumber;
    case HelperRefusalKind::Internal: return Action | Detail;
    }
    return 0;
}

// Keys inside reply_refusal_args.
const QString key_action = QStringLiteral("action");
const QString key_argument = QStringLiteral("argument");
const QString key_accepted = QStringLiteral("accepted");
const QString key_form = QStringLiteral("form");
const QString key_sent = QStringLiteral("sent");
const QString key_type = QStringLiteral("type");
const QString key_count = QStringLiteral("count");
const QString key_length = QStringLiteral("length");
const QString key_limit = QStringLiteral("limit");
const QString key_device = QStringLiteral("device");
const QString key_path = QStringLiteral("path");
const QString key_errno = QStringLiteral("errno");
const QString key_detail = QStringLiteral("detail");

QString qt(std::string_view text)
{
    return QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
}

// The decoding side: every read checks the QVariant's type and remembers whether one failed.
class ArgsReader {
public:
    explicit ArgsReader(const QVariantMap& args) : args_(args) {}

    std::string string(const QString& key)
    {
        const QVariant value = args_.value(key);
        if (value.typeId() != QMetaType::QString) {
            ok_ = false;
            return {};
        }
        return value.toString().toStdString();
    }
    std::int64_t number(const QString& key)
    {
        bool converted = false;
        const qlonglong n = args_.value(key).toLongLong(&converted);
        ok_ = ok_ && converted;
        return n;
    }
    std::vector<std::string> strings(const QString& key)
    {
        const QVariant value = args_.value(key);
        if (value.typeId() != QMetaType::QStringList) {
            ok_ = false;
            return {};
        }
        std::vector<std::string> out;
        for (const QString& s : value.toStringList()) {
            out.push_back(s.toStdString());
        }
        return out;
    }
    [[nodiscard]] bool ok() const { return ok_; }
    void fail() { ok_ = false; }

private:
    const QVariantMap& args_;
    bool ok_ = true;
};

}  // namespace

ErrorCode error_code(HelperRefusalKind kind)
{
    switch (kind) {
    case HelperRefusalKind::TooManyArguments:
    case HelperRefusalKind::UnknownArgument:
    case HelperRefusalKind::MissingArgument:
    case HelperRefusalKind::NotAString:
    case HelperRefusalKind::TooLong:
    case HelperRefusalKind::Malformed: return ErrorCode::BadArguments;
    case HelperRefusalKind::NotAPciAddress: return ErrorCode::NotAPciAddress;
    case HelperRefusalKind::NoSuchDevice: return ErrorCode::NoSuchDevice;
    case HelperRefusalKind::SymbolicLink:
    case HelperRefusalKind::NotARegularFile: return ErrorCode::UnsafeFile;
    case HelperRefusalKind::ReadFailed: return ErrorCode::ReadFailed;
    case HelperRefusalKind::Internal: return ErrorCode::Internal;
    }
    return ErrorCode::Internal;
}

std::string_view helper_refusal_name(HelperRefusalKind kind)
{
    return name_of(kind_names, kind);
}

std::optional<HelperRefusalKind> helper_refusal_kind(std::string_view name)
{
    return value_of(kind_names, name);
}

QVariantMap refusal_data(const HelperRefusal& r)
{
    const unsigned fields = fields_of(r.kind);
    QVariantMap args;
    if (fields & Action) {
        args.insert(key_action, qt(r.action));
    }
    if (fields & Argument) {
        args.insert(key_argument, qt(r.argument));
    }
    if (fields & Accepted) {
        QStringList keys;
        for (const std::string& key : r.accepted) {
            keys.append(qt(key));
        }
        args.insert(key_accepted, keys);
    }
    if (fields & Form) {
        args.insert(key_form, qt(name_of(form_names, r.form)));
    }
    if (fields & Sent) {
        args.insert(key_sent, qt(r.sent));
    }
    if (fields & Type) {
        args.insert(key_type, qt(r.type));
    }
    if (fields & Count) {
        args.insert(key_count, QVariant::fromValue<qlonglong>(r.count));
    }
    if (fields & Length) {
        args.insert(key_length, QVariant::fromValue<qlonglong>(r.length));
    }
    if (fields & Limit) {
        args.insert(key_limit, QVariant::fromValue<qlonglong>(r.limit));
    }
    if (fields & Device) {
        args.insert(key_device, r.device ? qt(r.device->str()) : QString());
    }
    if (fields & Path) {
        args.insert(key_path, qt(r.path));
    }
    if (fields & ErrorNumber) {
        args.insert(key_errno, r.error_number);
    }
    if (fields & Detail) {
        args.insert(key_detail, qt(r.detail));
    }
    return {
        {QString::fromLatin1(reply_refusal), qt(helper_refusal_name(r.kind))},
        {QString::fromLatin1(reply_refusal_args), args},
    };
}

std::optional<HelperRefusal> refusal_from_data(const QVariantMap& data)
{
    const QVariant name = data.value(QString::fromLatin1(reply_refusal));
    const QVariant args = data.value(QString::fromLatin1(reply_refusal_args));
    if (name.typeId() != QMetaType::QString || args.typeId() != QMetaType::QVariantMap) {
        return std::nullopt;
    }
    const auto kind = helper_refusal_kind(name.toString().toStdString());
    if (!kind) {
        return std::nullopt;
    }

    HelperRefusal r;
    r.kind = *kind;
    const QVariantMap map = args.toMap();
    ArgsReader in(map);
    const unsigned fields = fields_of(r.kind);
    if (fields & Action) {
        r.action = in.string(key_action);
    }
    if (fields & Argument) {
        r.argument = in.string(key_argument);
    }
    if (fields & Accepted) {
        r.accepted = in.strings(key_accepted);
    }
    if (fields & Form) {
        const auto form = value_of(form_names, in.string(key_form));
        if (form) {
            r.form = *form;
        } else {
            in.fail();
        }
    }
    if (fields & Sent) {
        r.sent = in.string(key_sent);
    }
    if (fields & Type) {
        r.type = in.string(key_type);
    }
    if (fields & Count) {
        r.count = in.number(key_count);
    }
    if (fields & Length) {
        r.length = in.number(key_length);
    }
    if (fields & Limit) {
        r.limit = in.number(key_limit);
    }
    if (fields & Device) {
        r.device = Bdf::parse(in.string(key_device));
        if (!r.device) {
            in.fail();
        }
    }
    if (fields & Path) {
        r.path = in.string(key_path);
    }
    if (fields & ErrorNumber) {
        r.error_number = static_cast<int>(in.number(key_errno));
    }
    if (fields & Detail) {
        r.detail = in.string(key_detail);
    }
    if (!in.ok()) {
        return std::nullopt;
    }
    return r;
}

}  // namespace isola::helper
