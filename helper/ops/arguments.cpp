#include "ops/arguments.hpp"

#include <algorithm>
#include <utility>
#include <vector>

namespace isola::helper {

namespace {

// More keys than this is not a confused client but an attempt to make the helper work.
constexpr qsizetype max_argument_count = 16;

std::vector<std::string> keys_of(std::span<const StringArgument> spec)
{
    std::vector<std::string> keys;
    for (const StringArgument& arg : spec) {
        keys.emplace_back(arg.key);
    }
    return keys;
}

const StringArgument* find_spec(std::span<const StringArgument> spec, std::string_view key)
{
    const auto it = std::ranges::find(spec, key, &StringArgument::key);
    return it == spec.end() ? nullptr : &*it;
}

std::unexpected<Failure> refuse(HelperRefusal refusal)
{
    return std::unexpected(Failure{std::move(refusal)});
}

}  // namespace

std::expected<ArgumentValues, Failure> parse_arguments(std::string_view action, std::span<const StringArgument> spec,
                                                       const QVariantMap& args)
{
    if (args.size() > max_argument_count) {
        return refuse({.kind = HelperRefusalKind::TooManyArguments,
                       .action = std::string(action),
                       .accepted = keys_of(spec),
                       .count = args.size()});
    }

    ArgumentValues values;
    for (auto it = args.cbegin(); it != args.cend(); ++it) {
        const std::string key = it.key().toStdString();
        const StringArgument* arg = find_spec(spec, key);
        if (arg == nullptr) {
            return refuse({.kind = HelperRefusalKind::UnknownArgument,
                           .action = std::string(action),
                           .accepted = keys_of(spec),
                           .sent = escape_for_sentence(key)});
        }
        // typeId(), not canConvert(): a QByteArray or a number is refused, never converted.
        if (it.value().typeId() != QMetaType::QString) {
            const char* type = it.value().metaType().name();
            return refuse({.kind = HelperRefusalKind::NotAString,
                           .action = std::string(action),
                           .argument = std::string(arg->key),
                           .type = type != nullptr ? type : ""});
        }
        const QString value = it.value().toString();
        if (value.size() > arg->max_length) {
            return refuse({.kind = HelperRefusalKind::TooLong,
                           .action = std::string(action),
                           .argument = std::string(arg->key),
                           .length = value.size(),
                           .limit = arg->max_length});
        }
        values.emplace(key, value.toStdString());
    }

    for (const StringArgument& arg : spec) {
        if (!values.contains(arg.key)) {
            return refuse({.kind = HelperRefusalKind::MissingArgument,
                           .action = std::string(action),
                           .argument = std::string(arg.key),
                           .form = arg.form});
        }
    }
    return values;
}

}  // namespace isola::helper
