// libvirt domain XML: the PCI devices a domain claims. libvirt itself stores only addresses (no
// vendor:device), so a claim can be checked for "gone" but not for "now a different card".
#include <algorithm>
#include <charconv>
#include <format>

#include <pugixml.hpp>

#include "review/describe_findings.hpp"
#include "review/vm_definition.hpp"
#include "review/vm_definition_files.hpp"
#include "text/message.hpp"

namespace isola {
namespace {

int line_at(std::string_view text, std::ptrdiff_t offset) {
    if (offset < 0) return 0;
    const auto end = std::min(static_cast<std::size_t>(offset), text.size());
    return 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(end), '\n'));
}

// libvirt reads these attributes with base 0: "0x" for hex, otherwise decimal.
std::optional<unsigned long> parse_number(std::string_view s) {
    int base = 10;
    if (s.starts_with("0x") || s.starts_with("0X")) {
        s.remove_prefix(2);
        base = 16;
    }
    unsigned long v = 0;
    auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v, base);
    if (s.empty() || ec != std::errc{} || p != s.data() + s.size()) return std::nullopt;
    return v;
}

class DomainReader {
public:
    DomainReader(std::string_view text, VmDefinition& vm) : text_(text), vm_(vm) {}

    void read(const pugi::xml_node& domain) {
        vm_.name = domain.child("name").text().as_string();
        int hostdevs = 0, interfaces = 0;
        for (const auto& dev : domain.child("devices").children()) {
            const std::string_view tag = dev.name();
            if (tag == "hostdev" && std::string_view(dev.attribute("mode").as_string("subsystem")) == "subsystem" &&
                std::string_view(dev.attribute("type").as_string()) == "pci")
                claim(dev, std::format("hostdev {}", ++hostdevs));
            else if (tag == "interface" && std::string_view(dev.attribute("type").as_string()) == "hostdev")
                claim(dev, std::format("interface {}", ++interfaces));
        }
    }

private:
    void claim(const pugi::xml_node& dev, std::string entry) {
        const int line = line_at(text_, dev.offset_debug());
        const auto address = dev.child("source").child("address");
        if (!address) return problem(line, entry, review_detail::ProblemKind::ClaimWithoutAddress);
        ClaimedDevice c;
        c.entry = std::move(entry);
        c.line = line;
        if (const auto managed = dev.attribute("managed")) c.managed = std::string_view(managed.value()) == "yes";
        unsigned long parts[4] = {0, 0, 0, 0};
        const char* names[4] = {"domain", "bus", "slot", "function"};
        const unsigned long limits[4] = {0xffff, 0xff, 0x1f, 0x7};
        for (int i = 0; i < 4; ++i) {
            const auto attr = address.attribute(names[i]);
            if (!attr && i == 0) continue;  // libvirt defaults the domain to 0
            if (!attr) return problem(line, c.entry, review_detail::ProblemKind::AddressWithoutPart, names[i]);
            const auto v = parse_number(attr.value());
            if (!v || *v > limits[i])
                return problem(line, c.entry, review_detail::ProblemKind::AddressPartNotNumber, names[i], attr.value());
            parts[i] = *v;
        }
        c.address = Bdf{static_cast<std::uint32_t>(parts[0]), static_cast<std::uint8_t>(parts[1]),
                        static_cast<std::uint8_t>(parts[2]), static_cast<std::uint8_t>(parts[3])};
        vm_.devices.push_back(std::move(c));
    }

    void problem(int line, const std::string& entry, review_detail::ProblemKind kind, std::string name = {},
                 std::string value = {}) {
        vm_.problems.push_back({"vm-claim-unreadable", line,
                                review_detail::describe(review_detail::ProblemDetail{.kind = kind,
                                                                                     .file = vm_.source_file,
                                                                                     .line = line,
                                                                                     .vm = vm_name_or_file(vm_),
                                                                                     .entry = entry,
                                                                                     .name = std::move(name),
                                                                                     .value = std::move(value)})});
    }

    std::string_view text_;
    VmDefinition& vm_;
};

}  // namespace

VmDefinition parse_libvirt_domain(std::string_view xml, std::string source_file) {
    VmDefinition vm;
    vm.source_file = std::move(source_file);
    vm.kind = "libvirt";
    pugi::xml_document doc;
    const auto result = doc.load_buffer(xml.data(), xml.size());
    if (!result) {
        const int line = line_at(xml, result.offset);
        vm.problems.push_back({"vm-file-unreadable", line,
                               review_detail::describe(review_detail::ProblemDetail{
                                   .kind = review_detail::ProblemKind::DomainUnparsable,
                                   .file = vm.source_file,
                                   .line = line,
                                   .value = result.description()})});
        return vm;
    }
    const auto domain = doc.document_element();
    if (std::string_view(domain.name()) != "domain") {
        vm.problems.push_back({"vm-file-unreadable", 0,
                               review_detail::describe(review_detail::ProblemDetail{
                                   .kind = review_detail::ProblemKind::DomainWrongRoot,
                                   .file = vm.source_file,
                                   .name = domain.name()})});
        return vm;
    }
    DomainReader(xml, vm).read(domain);
    return vm;
}

std::expected<std::vector<VmDefinition>, DefinitionDirError> read_libvirt_domains(const std::filesystem::path& dir) {
    return read_definition_dir(dir, {N_("libvirt domain"), "libvirt", UserFileKind::LibvirtDomain,
                                     [](const std::filesystem::path& p) { return p.extension() == ".xml"; },
                                     parse_libvirt_domain});
}

}  // namespace isola
