#include "ops/arguments.hpp"

#include <algorithm>
#include <format>

namespace isola::helper {

namespace {

// More keys than this is not a confused client but an attempt to make the helper work.
constexpr qsizetype max_argument_count = 16;

std::string key_list(std::span<const StringArgument> spec)
{
    std::string out;
    for (const StringArgument& arg : spec) {
        if (!out.empty()) {
            out += ", ";
        }
        out += std::format("\"{}\"", arg.key);
    }
    return out;
}

const StringArgument* find_spec(std::span<const StringArgument> spec, std::string_view key)
{
    const auto it = std::ranges::find(spec, key, &StringArgument::key);
    return it == spec.end() ? nullptr : &*it;
}

}  // namespace

std::expected<ArgumentValues, Failure> parse_arguments(std::string_view action, std::span<const StringArgument> spec,
                                                       const QVariantMap& args)
{
    const std::string takes = std::format("{} takes only {}", action, key_list(spec));
    if (args.size() > max_argument_count) {
        return std::unexpected(fail(ErrorCode::BadArguments, std::format("{} arguments sent; {}", args.size(), takes)));
    }

    ArgumentValues values;
    for (auto it = args.cbegin(); it != args.cend(); ++it) {
        const std::string key = it.key().toStdString();
        const StringArgument* arg = find_spec(spec, key);
        if (arg == nullptr) {
            return std::unexpected(
                fail(ErrorCode::BadArguments, std::format("unknown argument {}; {}", quote_for_sentence(key), takes)));
        }
        // typeId(), not canConvert(): a QByteArray or a number is refused, never converted.
        if (it.value().typeId() != QMetaType::QString) {
            return std::unexpected(fail(ErrorCode::BadArguments,
                                        std::format("argument \"{}\" of {} must be a string, not {}", arg->key,
                                                    action, it.value().metaType().name() ? it.value().metaType().name()
                                                                                         : "nothing")));
        }
        const QString value = it.value().toString();
        if (value.size() > arg->max_length) {
            return std::unexpected(fail(ErrorCode::BadArguments,
                                        std::format("argument \"{}\" of {} is {} characters long; at most {} are "
                                                    "accepted",
                                                    arg->key, action, value.size(), arg->max_length)));
        }
        values.emplace(key, value.toStdString());
    }

    for (const StringArgument& arg : spec) {
        if (!values.contains(arg.key)) {
            return std::unexpected(fail(ErrorCode::BadArguments,
                                        std::format("{} needs the argument \"{}\" ({})", action, arg.key, arg.example)));
        }
    }
    return values;
}

}  // namespace isola::helper
