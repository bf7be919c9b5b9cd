// What several commands read from their arguments the same way, each wrong value refused with
// one sentence: PCI addresses (plan, apply, persist, restore, unpersist, export, graph, probe),
// the backend, and the AttachRequest that plan, apply and persist share.
#pragma once

#include <expected>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "arguments.hpp"
#include "plan/attach_plan.hpp"

namespace isola::cli {

// Each of `words` as a PCI address (DDDD:BB:DD.F or BB:DD.F), or the sentence for the first one that is not.
std::expected<std::vector<Bdf>, std::string> parse_addresses(std::span<const std::string> words);

// --backend legacy|iommufd, or `fallback` when it is not given.
std::expected<Backend, std::string> parse_backend(const Arguments& args, Backend fallback);

// The devices (positional), --vm and --backend, as the request `command` (plan, apply, persist)
// plans. A missing --vm is said by the caller when its command has another way (apply --plan).
std::expected<AttachRequest, std::string> parse_attach_request(const Arguments& args, std::string_view command);

}  // namespace isola::cli
