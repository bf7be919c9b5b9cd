#include "request_arguments.hpp"

#include "text/message.hpp"

namespace isola::cli {

std::expected<std::vector<Bdf>, std::string> parse_addresses(std::span<const std::string> words) {
    std::vector<Bdf> out;
    for (const auto& w : words) {
        auto b = Bdf::parse(w);
        if (!b) return std::unexpected(say("\"{}\" is not a PCI address (expected DDDD:BB:DD.F or BB:DD.F)", w));
        out.push_back(*b);
    }
    return out;
}

std::expected<Backend, std::string> parse_backend(const Arguments& args, Backend fallback) {
    const std::string* b = args.value("--backend");
    if (!b) return fallback;
    auto named = backend_from_string(*b);
    if (!named) return std::unexpected(say("unknown backend \"{}\"; use legacy or iommufd", *b));
    return *named;
}

std::expected<AttachRequest, std::string> parse_attach_request(const Arguments& args, std::string_view command) {
    const std::string* vm = args.value("--vm");
    // TRANSLATORS: {} the command: plan, apply or persist.
    if (!vm || vm->empty()) return std::unexpected(say("{} needs the target VM: --vm NAME", command));
    // TRANSLATORS: {} the command: plan, apply or persist.
    if (args.positional.empty()) return std::unexpected(say("{} needs at least one device address", command));
    auto devices = parse_addresses(args.positional);
    if (!devices) return std::unexpected(devices.error());
    AttachRequest request{.devices = std::move(*devices), .vm = *vm};
    auto backend = parse_backend(args, request.backend);
    if (!backend) return std::unexpected(backend.error());
    request.backend = *backend;
    return request;
}

}  // namespace isola::cli
