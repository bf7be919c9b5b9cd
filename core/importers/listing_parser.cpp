#include "importers/listing_parser.hpp"

#include <algorithm>
#include <cctype>
#include <format>

#include "importers/describe_import.hpp"
#include "importers/iommu_sh_line.hpp"
#include "importers/kernel_cmdline.hpp"
#include "importers/lspci_vmm_record.hpp"
#include "importers/printed_names.hpp"
#include "importers/text_scan.hpp"
#include "text/message.hpp"

namespace isola::importers {
namespace {

// Marked for the catalogs: whoever shows a why_unknown passes it through translate().
constexpr const char* kNotInListing = N_("not in a pasted listing");

bool is_lspci_format(ListingFormat f) {
    return f == ListingFormat::LspciNn || f == ListingFormat::LspciNnk || f == ListingFormat::Lspci;
}

// "user@host:~$ cmd", "[user@host dir]# cmd", "alex@nass:~/ > cmd": the host name, if a prompt.
// Hand-written rather than std::regex: libstdc++'s regex recurses per character (a long pasted
// line can exhaust the stack) and trips GCC's -Wmaybe-uninitialized under sanitizers.
// Shape: [ user @ host <no spaces> [ <space> <no spaces> ] ] [ws] one of $#>% then ws or end.
std::optional<std::string> prompt_host(std::string_view text) {
    auto is_name = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '_' || c == '-'; };
    auto is_space = [](char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; };
    std::size_t i = text.starts_with('[') ? 1 : 0;
    const std::size_t user = i;
    while (i < text.size() && is_name(text[i])) ++i;
    if (i == user || i >= text.size() || text[i] != '@') return std::nullopt;
    const std::size_t host = ++i;
    while (i < text.size() && is_name(text[i])) ++i;
    if (i == host) return std::nullopt;
    const std::size_t host_end = i;

    // What lies between the host name and the prompt sign: at most one space inside it, after
    // dropping an optional closing ']' and one optional whitespace character at its end.
    auto fits = [&](std::string_view between) {
        for (int drop_ws = 0; drop_ws <= 1; ++drop_ws)
            for (int drop_bracket = 0; drop_bracket <= 1; ++drop_bracket) {
                std::string_view r = between;
                if (drop_ws && (r.empty() || !is_space(r.back()))) continue;
                if (drop_ws) r.remove_suffix(1);
                if (drop_bracket && (r.empty() || r.back() != ']')) continue;
                if (drop_bracket) r.remove_suffix(1);
                if (std::ranges::count(r, ' ') <= 1) return true;
            }
        return false;
    };
    constexpr std::size_t kLongestPromptTail = 256;  // a path in a prompt; longer is not a prompt
    for (std::size_t p = host_end; p < text.size() && p - host_end <= kLongestPromptTail; ++p) {
        if (std::string_view("$#>%").find(text[p]) == std::string_view::npos) continue;
        if (p + 1 < text.size() && !is_space(text[p + 1])) continue;
        if (fits(text.substr(host_end, p - host_end))) return std::string(text.substr(host, host_end - host));
    }
    return std::nullopt;
}

// Subsystem: "ASUSTeK Computer Inc. Device [1043:8694]" (-nn) or "ASUSTeK Computer Inc. Device".
void apply_subsystem(std::string_view value, Sighting& s) {
    value = trim(value);
    if (std::size_t ids = find_last_id_bracket(value); ids != std::string_view::npos && ids + 11 == value.size()) {
        auto pair = parse_id_pair(value.substr(ids + 1, 9));
        s.subsystem_vendor_id = pair->vendor;
        s.subsystem_device_id = pair->device;
        value = trim(value.substr(0, ids));
    }
    s.subsystem_name = std::string(value);
}

}  // namespace

ParsedListing parse_listing(const std::vector<ListingLine>& lines, ListingFormat forced) {
    const GroupStructure structure = read_group_structure(lines);
    ListingParser parser(forced, structure);
    for (const auto& line : lines) parser.read(line);
    return parser.finish();
}

bool ListingParser::allowed(ListingFormat format) const {
    if (forced_ == ListingFormat::Auto || forced_ == format) return true;
    return is_lspci_format(forced_) && is_lspci_format(format);
}

void ListingParser::use_block(ListingFormat format, int line) {
    if (block_ && out_.blocks[*block_].format == format) {
        out_.blocks[*block_].last_line = line;
        return;
    }
    end_block();
    out_.blocks.push_back(ListingBlock{.format = format, .first_line = line, .last_line = line,
                                       .shows_drivers = false, .gives_groups = false});
    block_ = out_.blocks.size() - 1;
}

void ListingParser::end_block() {
    block_.reset();
    device_.reset();
    header_.reset();
    header_indent_.reset();
    iommu_sh_group_.reset();
    in_vmm_record_ = false;
}

Sighting& ListingParser::add_sighting(const Bdf& address, int line, int indent) {
    Sighting sighting;
    sighting.address = address;
    sighting.line = line;
    sighting.block = static_cast<int>(*block_);
    out_.sightings.push_back(std::move(sighting));
    device_ = out_.sightings.size() - 1;
    device_indent_ = indent;
    ++out_.recognised_lines;
    return out_.sightings.back();
}

void ListingParser::add_device_line(const LspciDeviceLine& d, std::optional<GroupId> group, int line, int indent) {
    Sighting& s = add_sighting(d.address, line, indent);
    s.group = group;
    if (group) out_.blocks[*block_].gives_groups = true;
    s.vendor_id = d.vendor_id;
    s.device_id = d.device_id;
    s.class_id = d.class_id;
    s.class_name = d.class_name;
    s.vendor_name = d.vendor_name;
    s.device_name = d.device_name;
    s.prog_if = d.prog_if;
    // lspci prints "(rev xx)" only when the revision register is not zero (lspci.c show_slot_name
    // callers), so a device line without it says revision 00.
    s.revision = d.revision.value_or(0);
}

void ListingParser::note_acs_mention(const ListingLine& line, bool in_comment) {
    auto token = acs_override_mention(line.text);
    if (!token || std::ranges::find(acs_mentions_, *token) != acs_mentions_.end()) return;
    // On the command line itself it is no mere mention.
    if (const auto& cmdline = out_.host.kernel_cmdline;
        cmdline && std::ranges::contains(kernel_cmdline_words(*cmdline), std::string_view(*token)))
        return;
    acs_mentions_.push_back(*token);
    out_.diagnostics.push_back(to_diagnostic({.kind = in_comment ? ImportDiagnosticKind::AcsOverrideInComment
                                                             : ImportDiagnosticKind::AcsOverrideInText,
                                              .line = line.number, .text = *token}));
}

void ListingParser::unknown_line(const ListingLine& line) {
    const bool names_address = structure_->line(line.number).names_address;
    if (names_address && !out_.first_unplaced) out_.first_unplaced = ParsedListing::UnplacedLine{line.number, line.text};
    const auto kind = names_address && allowed(ListingFormat::Structured) ? ImportDiagnosticKind::SkippedUnplacedAddress
                                                                           : ImportDiagnosticKind::SkippedUnknownLine;
    out_.diagnostics.push_back(to_diagnostic({.kind = kind, .line = line.number, .text = line.text}));
}

// Prompts, command lines, uname, grep separators: context around the listings.
bool ListingParser::read_host_line(const ListingLine& line) {
    std::string_view text = line.text;
    if (auto host = prompt_host(text); host || text.starts_with("$ ")) {
        if (host && !out_.host.hostname.is_known()) out_.host.hostname = Fact<std::string>::known(*host);
        end_block();
        return true;
    }
    if (text.starts_with("[sudo] password for") || text == "--") return true;
    if (auto cmdline = kernel_cmdline_in(text)) {
        end_block();
        ++out_.recognised_lines;
        if (cmdline_seen_) return true;  // dmesg prints it twice ("Command line:", "Kernel command line:")
        cmdline_seen_ = true;
        out_.host.kernel_cmdline = Fact<std::string>::known(*cmdline);
        // "BOOT_IMAGE=/boot/vmlinuz-6.5.11-8-pve": the image name carries the release.
        if (std::size_t at = cmdline->find("vmlinuz-"); at != std::string::npos && !out_.host.kernel_release.is_known())
            out_.host.kernel_release = Fact<std::string>::known(cmdline->substr(at + 8, cmdline->find(' ', at) - at - 8));
        return true;
    }
    std::string_view uname = text;
    if (consume_prefix(uname, "uname -a:")) uname = trim(uname);
    if (uname.starts_with("Linux ") && uname.find(" #") != std::string_view::npos) {
        std::vector<std::string_view> words;
        for (std::string_view rest = uname; !rest.empty() && words.size() < 3;) {
            std::size_t end = rest.find(' ');
            words.push_back(rest.substr(0, end));
            rest = end == std::string_view::npos ? std::string_view{} : trim(rest.substr(end));
        }
        if (words.size() == 3) {
            out_.host.hostname = Fact<std::string>::known(std::string(words[1]));
            out_.host.kernel_release = Fact<std::string>::known(std::string(words[2]));
            ++out_.recognised_lines;
            return true;
        }
    }
    return false;
}

bool ListingParser::read_kernel_log(const ListingLine& line) {
    auto body = strip_dmesg_timestamp(line.text);
    std::string_view text = body.value_or(std::string_view(line.text));
    if (auto added = parse_kernel_log_group_add(text); added && allowed(ListingFormat::Dmesg)) {
        use_block(ListingFormat::Dmesg, line.number);
        out_.blocks[*block_].gives_groups = true;
        add_sighting(added->address, line.number, line.indent).group = added->group;
        device_.reset();  // kernel log lines have no sub-lines
        return true;
    }
    if (!body) return false;
    if (auto cmdline = kernel_cmdline_in(*body)) {
        ListingLine inner = line;
        inner.text = std::string(*body);
        return read_host_line(inner);
    }
    if (body->find("Default domain type: Translated") != std::string_view::npos)
        out_.host.iommu_mode = Fact<IommuMode>::known(IommuMode::Translated);
    else if (body->find("Default domain type: Passthrough") != std::string_view::npos)
        out_.host.iommu_mode = Fact<IommuMode>::known(IommuMode::Passthrough);
    // Other kernel messages (DMAR/AMD-Vi feature lines) are context, not data.
    use_block(ListingFormat::Dmesg, line.number);
    return true;
}

// Lines that end an lshw table because they clearly belong to a listing.
bool ListingParser::strong_form(const ListingLine& line) const {
    std::string_view t = line.text;
    if (parse_group_header(t) || parse_group_one_liner(t) || parse_lspci_device_line(t) || parse_sysfs_group_path(t) ||
        parse_iommu_sh_device(t) || LspciTreeReader::starts_tree(t))
        return true;
    const StructuredLine& structured = structure_->line(line.number);
    return allowed(ListingFormat::Structured) &&
           (structured.role == StructureRole::Heading || (structured.role == StructureRole::Member && structured.group));
}

// `lshw -short` / `lshw -businfo` tables: not PCI listings, skipped without diagnostics.
bool ListingParser::read_lshw(const ListingLine& line) {
    std::string_view t = line.text;
    if ((t.starts_with("H/W path") || t.starts_with("Bus info")) && t.find("Class") != std::string_view::npos &&
        t.find("Description") != std::string_view::npos) {
        end_block();
        in_lshw_ = true;
        return true;
    }
    if (!in_lshw_) return false;
    if (strong_form(line)) {
        in_lshw_ = false;
        return false;
    }
    return true;
}

bool ListingParser::read_vmm(const ListingLine& line) {
    if (!allowed(ListingFormat::LspciVmm)) return false;
    if (auto slot = vmm_record_start(line.text)) {
        use_block(ListingFormat::LspciVmm, line.number);
        add_sighting(*slot, line.number, line.indent);
        in_vmm_record_ = true;
        return true;
    }
    if (!in_vmm_record_ || !device_) return false;
    switch (apply_vmm_field(line.text, out_.sightings[*device_])) {
        case VmmField::Driver: out_.blocks[*block_].shows_drivers = true; [[fallthrough]];
        case VmmField::Applied:
            if (out_.sightings[*device_].group) out_.blocks[*block_].gives_groups = true;
            ++out_.recognised_lines;
            [[fallthrough]];
        case VmmField::Ignored: out_.blocks[*block_].last_line = line.number; return true;
        case VmmField::NotAField: return false;
    }
    return false;
}

bool ListingParser::read_tree(const ListingLine& line) {
    if (!allowed(ListingFormat::LspciTree)) return false;
    const bool in_tree = block_ && out_.blocks[*block_].format == ListingFormat::LspciTree;
    if (!LspciTreeReader::starts_tree(line.text) && !(in_tree && LspciTreeReader::continues_tree(line.text)))
        return false;
    use_block(ListingFormat::LspciTree, line.number);
    const std::string columns = std::string(static_cast<std::size_t>(line.indent), ' ') + line.text;
    for (auto& node : tree_.read(columns)) {
        Sighting& s = add_sighting(node.address, line.number, line.indent);
        s.parent = node.parent;
        s.in_tree = true;
        std::string_view name = node.name;
        if (std::size_t ids = find_last_id_bracket(name); ids != std::string_view::npos) {
            auto pair = parse_id_pair(name.substr(ids + 1, 9));
            s.vendor_id = pair->vendor;
            s.device_id = pair->device;
            name = trim(name.substr(0, ids));
        }
        if (!name.empty()) {
            auto split = split_printed_name(name);
            s.vendor_name = std::move(split.vendor);
            s.device_name = std::move(split.device);
        }
    }
    device_.reset();
    return true;
}

bool ListingParser::read_iommu_sh(const ListingLine& line) {
    if (!allowed(ListingFormat::IommuSh)) return false;
    const bool in_block = block_ && out_.blocks[*block_].format == ListingFormat::IommuSh;
    if (in_block) {
        if (auto usb = parse_iommu_sh_usb(line.text)) {
            // Root hubs (Linux Foundation, 1d6b) are the controller itself, not something plugged in.
            if (device_ && usb->vendor_id != 0x1d6b)
                out_.sightings[*device_].usb.push_back(UsbDevice{.port = {}, .name = usb->name, .keyboard = false, .mouse = false});
            out_.blocks[*block_].last_line = line.number;
            ++out_.recognised_lines;
            return true;
        }
    }
    auto d = parse_iommu_sh_device(line.text);
    if (!d || (!d->group && !(in_block && iommu_sh_group_))) return false;
    use_block(ListingFormat::IommuSh, line.number);
    if (d->group) iommu_sh_group_ = d->group;
    out_.blocks[*block_].gives_groups = true;
    Sighting& s = add_sighting(d->address, line.number, line.indent);
    s.group = iommu_sh_group_;
    s.vendor_id = d->vendor_id;
    s.device_id = d->device_id;
    s.has_reset = d->has_reset;
    s.class_name = d->class_name;
    s.class_id = class_id_from_name(d->class_name);
    s.device_name = d->device_name;  // the script prints no vendor names
    return true;
}

bool ListingParser::read_group_forms(const ListingLine& line) {
    if (auto header = parse_group_header(line.text); header && allowed(header->format)) {
        use_block(header->format, line.number);
        header_ = header;
        header_indent_.reset();
        device_.reset();
        ++out_.recognised_lines;
        return true;
    }
    if (auto one = parse_group_one_liner(line.text); one && allowed(one->format)) {
        auto device = parse_lspci_device_line(one->device_text);
        if (!device) return false;
        use_block(one->format, line.number);
        add_device_line(*device, one->group, line.number, line.indent);
        return true;
    }
    if (auto member = parse_sysfs_group_path(line.text); member && allowed(ListingFormat::SysfsFind)) {
        use_block(ListingFormat::SysfsFind, line.number);
        out_.blocks[*block_].gives_groups = true;
        add_sighting(member->address, line.number, line.indent).group = member->group;
        device_.reset();
        return true;
    }
    return false;
}

bool ListingParser::read_device_line(const ListingLine& line) {
    auto device = parse_lspci_device_line(line.text);
    if (!device) return false;
    // Under a group header, until a line is indented less than the header's first device line
    // (then it is an lspci listing pasted right after the group listing).
    if (header_ && header_indent_ && line.indent < *header_indent_) header_.reset();
    if (header_) {
        if (!header_indent_) header_indent_ = line.indent;
        use_block(header_->format, line.number);
        add_device_line(*device, header_->group, line.number, line.indent);
        return true;
    }
    const ListingFormat format = device->vendor_id ? ListingFormat::LspciNn : ListingFormat::Lspci;
    if (!allowed(format)) return false;
    use_block(format, line.number);
    add_device_line(*device, std::nullopt, line.number, line.indent);
    return true;
}

// The structured group listing (group_structure.hpp), for lines in shapes no other form knows.
// It comes after the named forms, so that whatever they read stays read exactly as before, and
// before the bare lspci device line, which it can give the group of the heading above it.
bool ListingParser::read_structured(const ListingLine& line) {
    if (!allowed(ListingFormat::Structured)) return false;
    const StructuredLine& structured = structure_->line(line.number);
    switch (structured.role) {
        case StructureRole::None: return false;
        case StructureRole::Heading:
        case StructureRole::Context:
            // A heading ends the group above it, whichever form that group's heading had.
            use_block(ListingFormat::Structured, line.number);
            header_.reset();
            header_indent_.reset();
            device_.reset();
            if (structured.role == StructureRole::Heading && structured.misaligned)
                out_.diagnostics.push_back(to_diagnostic({.kind = ImportDiagnosticKind::MisalignedGroup,
                                                          .line = line.number, .text = structured.content,
                                                          .group = structured.group.value_or(0)}));
            return true;
        case StructureRole::Member: return read_structured_member(line, structured);
        case StructureRole::Attribute: {
            if (!device_ || !block_ || out_.blocks[*block_].format != ListingFormat::Structured) return false;
            const ListingLine inner{.number = line.number, .indent = structured.depth, .text = structured.content};
            return read_sub_line(inner);
        }
    }
    return false;
}

bool ListingParser::read_structured_member(const ListingLine& line, const StructuredLine& structured) {
    if (!structured.group || !structured.address) return false;
    // Under an "IOMMU Group N:" header the lspci line is that form's, exactly as before.
    if (header_ && parse_lspci_device_line(line.text)) return false;
    use_block(ListingFormat::Structured, line.number);
    out_.blocks[*block_].gives_groups = true;
    std::optional<GroupId> group = structured.group;
    auto [known, first] = structured_placements_.try_emplace(
        *structured.address, StructuredPlacement{.line = line.number, .group = *group, .sighting = out_.sightings.size(),
                                                 .contradicted = false});
    if (!first && (known->second.contradicted || known->second.group != *group)) {
        // Listed under two groups: neither is clear, so the function keeps no group at all.
        if (!known->second.contradicted) {
            known->second.contradicted = true;
            out_.sightings[known->second.sighting].group.reset();
            out_.diagnostics.push_back(to_diagnostic({.kind = ImportDiagnosticKind::ListedInTwoGroups,
                                                      .line = known->second.line, .address = *structured.address,
                                                      .group = known->second.group, .other_group = *group,
                                                      .other_line = line.number}));
        }
        group.reset();
    }
    const int depth = structured.depth;
    if (auto device = parse_lspci_device_line(structured.device_text); device && device->address == *structured.address)
        add_device_line(*device, group, line.number, depth);
    else
        add_sighting(*structured.address, line.number, depth).group = group;
    return true;
}

// "Subsystem:", "Kernel driver in use:", ... under a device line (lspci -k/-v, ls-iommu -k).
bool ListingParser::read_sub_line(const ListingLine& line) {
    if (!device_ || !block_) return false;
    Sighting& s = out_.sightings[*device_];
    ListingBlock& block = out_.blocks[*block_];
    std::string_view value = line.text;
    if (consume_prefix(value, "Kernel driver in use:")) {
        s.driver = std::string(trim(value));
        block.shows_drivers = true;
    } else if (consume_prefix(value, "Kernel modules:")) {
        block.shows_drivers = true;
    } else if (consume_prefix(value, "Subsystem:")) {
        apply_subsystem(value, s);
    } else if (consume_prefix(value, "IOMMU group:")) {  // lspci -v, pciutils >= 3.8
        if (auto g = parse_decimal(trim(value))) {
            s.group = *g;
            block.gives_groups = true;
        }
    } else if (consume_prefix(value, "NUMA node:")) {
        if (auto n = parse_decimal(trim(value))) s.numa_node = static_cast<int>(*n);
    } else if (line.indent > device_indent_) {
        // DeviceName:, Flags:, Memory at ..., Capabilities: (lspci -v): present, not used.
        block.last_line = line.number;
        return true;
    } else {
        return false;
    }
    block.last_line = line.number;
    ++out_.recognised_lines;
    return true;
}

void ListingParser::read(const ListingLine& line) {
    if (line.text.empty()) {
        in_vmm_record_ = false;  // records are separated by blank lines
        return;
    }
    if (line.text.starts_with('#') && !parse_group_header(line.text)) {
        note_acs_mention(line, true);
        end_block();
        return;
    }
    const bool understood = read_host_line(line) || read_kernel_log(line) || read_lshw(line) || read_vmm(line) ||
                            read_tree(line) || read_iommu_sh(line) || read_group_forms(line) ||
                            read_structured(line) || read_device_line(line) || read_sub_line(line);
    // After the line is read, so that an override on a command line is not reported twice.
    note_acs_mention(line, false);
    if (!understood) unknown_line(line);
}

ParsedListing ListingParser::finish() {
    if (!tree_.placed_all())
        out_.diagnostics.push_back(to_diagnostic({.kind = ImportDiagnosticKind::TreeWithoutRoot}));
    auto set_unknown = [](auto& fact) {
        if (!fact.is_known() && fact.why_unknown.empty()) fact.why_unknown = std::string(kNotInListing);
    };
    set_unknown(out_.host.hostname);
    set_unknown(out_.host.kernel_release);
    set_unknown(out_.host.kernel_cmdline);
    // Any mention of the ACS override counts, also beside a command line without it: a listing
    // captured with the override must never be read as real isolation.
    if (out_.host.kernel_cmdline) {
        std::string all = *out_.host.kernel_cmdline;
        for (const auto& m : acs_mentions_) all += " " + m;
        out_.host.kernel_parameters = parse_kernel_parameters(all);
    } else {
        out_.host.kernel_parameters = kernel_parameters_from_mentions(acs_mentions_, kNotInListing);
    }
    set_unknown(out_.host.iommu_mode);
    set_unknown(out_.host.iommu_drivers);
    set_unknown(out_.host.dev_iommu);
    set_unknown(out_.host.vfio_cdev_support);
    set_unknown(out_.host.vfio_noiommu);
    return std::move(out_);
}

}  // namespace isola::importers
