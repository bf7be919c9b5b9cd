#include "arguments.hpp"

#include "text/message.hpp"

namespace isola::cli {

std::expected<Arguments, std::string> parse_arguments(const std::vector<std::string>& args, const ArgumentSpec& spec) {
    Arguments out;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (!a.starts_with("--")) {
            out.positional.push_back(a);
            continue;
        }
        std::string name = a, value;
        bool inline_value = false;
        if (auto eq = a.find('='); eq != std::string::npos) {
            name = a.substr(0, eq);
            value = a.substr(eq + 1);
            inline_value = true;
        }
        if (spec.flags.contains(name) && !inline_value) {
            out.flags.insert(name);
        } else if (spec.repeatable.contains(name)) {
            if (!inline_value) {
                if (i + 1 >= args.size()) return std::unexpected(say("option {} needs a value", name));
                value = args[++i];
            }
            out.lists[name].push_back(value);
        } else if (spec.with_value.contains(name)) {
            if (!inline_value) {
                if (i + 1 >= args.size()) return std::unexpected(say("option {} needs a value", name));
                value = args[++i];
            }
            if (out.values.contains(name)) return std::unexpected(say("option {} is given twice", name));
            out.values[name] = value;
        } else {
            return std::unexpected(say("unknown option {}", name));
        }
    }
    return out;
}

}  // namespace isola::cli
