#include "ops/change_values.hpp"

#include <algorithm>
#include <cctype>
#include <system_error>

#include "protocol/helper_protocol.hpp"

namespace isola::helper {

namespace {

std::unexpected<Failure> malformed(std::string_view action, std::string_view argument, ArgumentForm form,
                                   std::string_view sent)
{
    return std::unexpected(Failure{{.kind = HelperRefusalKind::Malformed,
                                    .action = std::string(action),
                                    .argument = std::string(argument),
                                    .form = form,
                                    .sent = escape_for_sentence(sent)}});
}

bool is_ascii_alnum(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

}  // namespace

std::expected<std::vector<PciAddress>, Failure> parse_device_list(std::string_view action, std::string_view text,
                                                                  bool allow_empty)
{
    std::vector<PciAddress> out;
    if (text.empty()) {
        if (allow_empty) {
            return out;
        }
        return malformed(action, arg_devices, ArgumentForm::PciAddressList, text);
    }
    std::size_t start = 0;
    while (start <= text.size()) {
        const std::size_t end = std::min(text.find(' ', start), text.size());
        const std::string_view one = text.substr(start, end - start);
        if (one.empty() || out.size() == max_devices_per_call) {
            return malformed(action, arg_devices, ArgumentForm::PciAddressList, text);
        }
        auto address = PciAddress::parse(one);
        if (!address) {
            return std::unexpected(address.error());
        }
        if (std::ranges::none_of(out, [&](const PciAddress& a) { return a.str() == address->str(); })) {
            out.push_back(*address);
        }
        start = end + 1;
    }
    return out;
}

std::expected<void, Failure> require_present(const std::filesystem::path& sysfs, const std::vector<PciAddress>& devices)
{
    for (const PciAddress& d : devices) {
        std::error_code ec;
        // symlink_status: the entry itself (a link to the device's directory), never followed.
        if (!std::filesystem::exists(std::filesystem::symlink_status(sysfs / "bus/pci/devices" / d.str(), ec))) {
            return std::unexpected(Failure{{.kind = HelperRefusalKind::NoSuchDevice, .device = d.bdf()}});
        }
    }
    return {};
}

std::expected<std::string, Failure> parse_vm_name(std::string_view action, std::string_view text)
{
    const bool ok = !text.empty() && text.size() <= 64 && text.front() != '-' &&
                    std::ranges::all_of(text, [](char c) { return is_ascii_alnum(c) || c == '.' || c == '_' || c == '+' || c == '-'; });
    if (!ok) {
        return malformed(action, arg_vm, ArgumentForm::VmName, text);
    }
    return std::string(text);
}

std::expected<Backend, Failure> parse_backend(std::string_view action, std::string_view text)
{
    if (text == "legacy") {
        return Backend::LegacyContainer;
    }
    if (text == "iommufd") {
        return Backend::Iommufd;
    }
    return malformed(action, arg_backend, ArgumentForm::Backend, text);
}

std::expected<std::string, Failure> parse_fingerprint(std::string_view action, std::string_view text)
{
    const bool ok = text.size() == 16 && std::ranges::all_of(text, [](char c) {
                        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
                    });
    if (!ok) {
        return malformed(action, arg_fingerprint, ArgumentForm::Fingerprint, text);
    }
    return std::string(text);
}

std::expected<std::string, Failure> parse_locale(std::string_view action, std::string_view text)
{
    // language: 2-3 lower-case letters; then _TERRITORY, .codeset, @modifier, in that order.
    std::size_t i = 0;
    auto run = [&](auto pred) {
        const std::size_t from = i;
        while (i < text.size() && pred(text[i])) ++i;
        return i - from;
    };
    bool ok = false;
    if (text.starts_with("C") && (text.size() == 1 || text[1] == '.')) {
        i = 1;  // C, C.UTF-8
        ok = true;
    } else if (text.starts_with("POSIX")) {
        i = 5;
        ok = true;
    } else {
        const std::size_t language = run([](char c) { return c >= 'a' && c <= 'z'; });
        ok = language >= 2 && language <= 3;
        if (ok && i < text.size() && text[i] == '_') {
            ++i;
            ok = run([](char c) { return c >= 'A' && c <= 'Z'; }) == 2;
        }
    }
    if (ok && i < text.size() && text[i] == '.') {
        ++i;
        const std::size_t codeset = run([](char c) { return is_ascii_alnum(c) || c == '-'; });
        ok = codeset >= 1 && codeset <= 16;
    }
    if (ok && i < text.size() && text[i] == '@') {
        ++i;
        const std::size_t modifier = run([](char c) { return c >= 'a' && c <= 'z'; });
        ok = modifier >= 1 && modifier <= 16;
    }
    ok = ok && i == text.size();
    if (!ok) {
        return malformed(action, arg_locale, ArgumentForm::Locale, text);
    }
    return std::string(text);
}

}  // namespace isola::helper
