// QEMU -device vfio-pci arguments, legacy container or iommufd backend. Every property written
// here is checked against Debian 13's QEMU by tests/export/qemu_properties_test.cpp.
#include <algorithm>
#include <format>

#include "export/export_renderers.hpp"

namespace isola::export_detail {
namespace {

constexpr std::string_view kIommufdId = "iommufd0";

// QEMU splits option strings at commas; a literal comma in a value is written twice.
std::string qemu_value(std::string_view value) {
    std::string out;
    for (char c : value) {
        out += c;
        if (c == ',') out += ',';
    }
    return out;
}

// Quote an argument for a POSIX shell when it holds anything beyond the harmless characters.
std::string shell_word(const std::string& arg) {
    const bool plain = std::ranges::all_of(arg, [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
               std::string_view{",.:=/_+-@%"}.contains(c);
    });
    if (plain) return arg;
    std::string out = "'";
    for (char c : arg) out += c == '\'' ? std::string{"'\\''"} : std::string(1, c);
    return out + "'";
}

std::string vfio_device(const Device& d, bool multifunction, const ExportOptions& o) {
    std::string arg = "vfio-pci,host=" + d.address.str();
    if (o.iommufd) arg += std::format(",iommufd={}", kIommufdId);
    if (multifunction) arg += ",multifunction=on";
    if (xvga_applies(o, d)) arg += ",x-vga=on";
    if (rom_applies(o, d)) {
        if (o.rom.bar_off) arg += ",rombar=0";
        if (o.rom.file) arg += ",romfile=" + qemu_value(*o.rom.file);
    }
    return shell_word(arg);
}

}  // namespace

ExportResult render_qemu_args(const ExportSelection& s, const ExportOptions& o) {
    ExportResult r;
    std::vector<std::string> args;  // one option and its value per line
    std::string text;
    for (const auto& line : closure_comment_lines(s)) text += "# " + line + "\n";

    const auto slots = slots_of(s);
    const bool any_multifunction =
        std::ranges::any_of(slots, [](const SlotFunctions& slot) { return slot.functions.size() > 1; });
    if (any_multifunction)
        text += comment(ExportNote{.kind = ExportNoteKind::QemuMultifunction});
    if (o.iommufd) {
        // iommufd object: QEMU 9.0 (qapi/qom.json IOMMUFDProperties "Since: 9.0").
        text += comment(ExportNote{.kind = ExportNoteKind::QemuIommufd});
        args.push_back(std::format("-object iommufd,id={}", kIommufdId));
    }

    for (const auto& slot : slots)
        for (const Device* d : slot.functions) {
            const bool multifunction = slot.functions.size() > 1 && d->address.function == 0;
            args.push_back("-device " + vfio_device(*d, multifunction, o));
        }

    for (std::size_t i = 0; i < args.size(); ++i) text += args[i] + (i + 1 < args.size() ? " \\\n" : "\n");
    r.text = std::move(text);
    return r;
}

}  // namespace isola::export_detail
