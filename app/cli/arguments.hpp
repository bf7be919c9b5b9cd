// A small, strict command-line parser: options are declared, unknown ones are refused with a
// sentence (no silent ignoring — a typo in --sysfs-root must not scan the real host instead).
#pragma once

#include <expected>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace isola::cli {

struct ArgumentSpec {
    std::set<std::string> flags;        // --json
    std::set<std::string> with_value;   // --sysfs-root DIR
    std::set<std::string> repeatable;   // --vm-configs DIR, as often as wanted
};

struct Arguments {
    std::vector<std::string> positional;
    std::set<std::string> flags;
    std::map<std::string, std::string> values;
    std::map<std::string, std::vector<std::string>> lists;  // repeatable options, in order

    [[nodiscard]] bool has(const std::string& flag) const { return flags.contains(flag); }
    [[nodiscard]] const std::string* value(const std::string& option) const {
        auto it = values.find(option);
        return it == values.end() ? nullptr : &it->second;
    }
};

std::expected<Arguments, std::string> parse_arguments(const std::vector<std::string>& args, const ArgumentSpec& spec);

}  // namespace isola::cli
