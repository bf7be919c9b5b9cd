// isolactl export: VM configuration for the whole IOMMU groups of the selected devices.
#include <format>
#include <iostream>

#include "commands.hpp"
#include "request_arguments.hpp"
#include "export/export_config.hpp"
#include "text/message.hpp"
#include "topology_source.hpp"

namespace isola::cli {

int run_export(const std::vector<std::string>& raw) {
    ArgumentSpec spec{{"--unmanaged", "--iommufd", "--rombar-off", "--x-vga"}, {"--format", "--romfile", "--proxmox-index"}};
    add_source_options(spec);
    // --format names the export format here; a listing's format is --import-format.
    spec.with_value.insert("--import-format");
    auto args = parse_arguments(raw, spec);
    if (!args) return std::cerr << "isolactl: " << args.error() << "\n", kExitUsage;

    std::string formats;
    for (auto f : all_export_formats()) formats += (formats.empty() ? "" : ", ") + std::string(to_string(f));
    const std::string* name = args->value("--format");
    if (!name) return std::cerr << "isolactl: " << say("export needs --format (one of {})", formats) << "\n", kExitUsage;
    auto format = export_format_from_string(*name);
    if (!format)
        return std::cerr << "isolactl: " << say("unknown export format \"{0}\"; use one of {1}", *name, formats) << "\n", kExitUsage;

    auto named = parse_addresses(args->positional);
    if (!named) return std::cerr << "isolactl: " << named.error() << "\n", kExitUsage;
    const std::vector<Bdf>& selected = *named;
    ExportOptions options;
    options.managed = !args->has("--unmanaged");
    options.iommufd = args->has("--iommufd");
    options.rom.bar_off = args->has("--rombar-off");
    if (auto* f = args->value("--romfile")) options.rom.file = *f;
    options.primary_gpu_xvga = args->has("--x-vga");
    if (auto* i = args->value("--proxmox-index")) {
        try {
            options.proxmox_first_index = static_cast<unsigned>(std::stoul(*i));
        } catch (const std::exception&) {
            return std::cerr << "isolactl: " << say("--proxmox-index takes a number, not \"{}\"", *i) << "\n", kExitUsage;
        }
    }
    // Sources: the listing format option is spelled --import-format for this command.
    if (auto* f = args->value("--import-format")) args->values["--format"] = *f;
    else args->values.erase("--format");

    auto loaded = load_topology(*args);
    if (!loaded) return std::cerr << "isolactl: " << loaded.error() << "\n", kExitNoInput;
    auto result = export_config(loaded->topology, selected, *format, options);
    if (!result) return std::cerr << "isolactl: " << result.error().sentence << "\n", kExitNoInput;
    std::cout << result->text;
    if (!result->text.empty() && !result->text.ends_with('\n')) std::cout << '\n';
    std::cout.flush();
    for (const auto& w : result->warnings) std::cerr << say("warning: {}", w) << "\n";
    return 0;
}

}  // namespace isola::cli
