#include "ops/pci_address.hpp"

namespace isola::helper {

namespace {

bool is_lower_hex(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
}

// "DDDD:BB:DD.F": the kernel's dev_name() for a PCI function in domain 0000..ffff.
bool is_canonical_bdf(std::string_view s)
{
    constexpr std::string_view shape = "hhhh:hh:hh.f";
    if (s.size() != shape.size()) {
        return false;
    }
    for (std::size_t i = 0; i < shape.size(); ++i) {
        const char want = shape[i];
        const char c = s[i];
        const bool ok = want == 'h' ? is_lower_hex(c) : want == 'f' ? (c >= '0' && c <= '7') : c == want;
        if (!ok) {
            return false;
        }
    }
    return true;
}

}  // namespace

std::expected<PciAddress, Failure> PciAddress::parse(std::string_view text)
{
    if (!is_canonical_bdf(text)) {
        return std::unexpected(
            Failure{{.kind = HelperRefusalKind::NotAPciAddress, .sent = escape_for_sentence(text)}});
    }
    return PciAddress(text);
}

}  // namespace isola::helper
