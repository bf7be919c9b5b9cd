#include "review/vm_definition_files.hpp"
#include "review/describe_findings.hpp"
#include "text/user_file.hpp"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <format>
#include <fstream>
#include <sstream>
#include <system_error>

namespace isola {

std::string_view trim_blank(std::string_view s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
    return s;
}

std::vector<std::string_view> split_trimmed(std::string_view s, char sep) {
    std::vector<std::string_view> out;
    for (std::size_t start = 0;;) {
        const auto end = s.find(sep, start);
        out.push_back(trim_blank(s.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start)));
        if (end == std::string_view::npos) return out;
        start = end + 1;
    }
}

std::optional<ClaimedDevice> parse_proxmox_device_id(std::string_view id) {
    ClaimedDevice c;
    std::optional<Bdf> bdf;
    if (id.find('.') != std::string_view::npos) {
        bdf = Bdf::parse(id);
    } else {
        bdf = Bdf::parse(std::string(id) + ".0");
        c.whole_slot = true;
    }
    if (!bdf) return std::nullopt;
    c.address = *bdf;
    return c;
}

std::string vm_name_or_file(const VmDefinition& vm) {
    return review_detail::describe_vm(vm.name, vm.kind == "proxmox" ? vm.id : std::string());
}

std::expected<std::vector<VmDefinition>, DefinitionDirError> read_definition_dir(const std::filesystem::path& dir,
                                                                                 const DefinitionDirKind& kind) {
    std::error_code ec;
    std::vector<std::filesystem::path> files;
    for (std::filesystem::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec))
        if (it->is_regular_file(ec) && kind.wanted(it->path())) files.push_back(it->path());
    if (ec)
        return std::unexpected(DefinitionDirError{review_detail::describe(
            review_detail::ProblemDetail{.kind = review_detail::ProblemKind::DirectoryUnreadable,
                                         .file = dir.string(),
                                         .name = std::string(kind.what),
                                         .value = ec.message()})});
    std::ranges::sort(files);
    std::vector<VmDefinition> out;
    for (const auto& f : files) {
        auto text = read_user_file(f, kVmDefinitionSizeLimit, kind.file_kind);
        if (!text) {
            VmDefinition vm;
            vm.source_file = f.string();
            vm.kind = std::string(kind.kind);
            vm.problems.push_back({"vm-file-unreadable", 0,
                                   review_detail::describe(review_detail::ProblemDetail{
                                       .kind = review_detail::ProblemKind::FileUnreadable, .value = text.error().message})});
            out.push_back(std::move(vm));
            continue;
        }
        out.push_back(kind.parse(*text, f.string()));
    }
    return out;
}

}  // namespace isola
