// isolactl — Isola's command line: the same core, the same sentences, scriptable.
#include <cstdio>
#include <format>
#include <iostream>
#include <string>
#include <vector>

#include "commands.hpp"

namespace {

constexpr const char* kUsage = R"(usage: isolactl COMMAND [OPTIONS]

Commands:
  overview              this host's IOMMU groups; a bundled demo host when it has none
  scan                  read a host and show its devices grouped by IOMMU group
  import FILE           read a pasted listing (shell loop, lspci -nn/-nnk/-vmm/-tv, ls-iommu)
  snapshot save FILE    save this host (or any source) as a JSON snapshot
  demo list             list the bundled demo hosts

Sources (scan, snapshot save):
  --sysfs-root DIR --proc-root DIR --dev-root DIR   read a host tree other than /sys, /proc, /dev
  --snapshot FILE | --import FILE [--format F] | --demo NAME
  --pci-ids FILE        pci.ids to name devices (default: libpci's)
Output (scan, import): --table (default) | --json

Exit status: 0 success, 64 wrong usage, 66 input missing or unreadable.
)";

}  // namespace

int main(int argc, char** argv) {
    std::vector<std::string> args(argv + 1, argv + argc);
    if (args.empty() || args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
        std::fputs(kUsage, args.empty() ? stderr : stdout);
        return args.empty() ? isola::cli::kExitUsage : 0;
    }
    if (args[0] == "--version") {
        std::puts("isolactl " ISOLA_VERSION);
        return 0;
    }
    const std::string command = args[0];
    args.erase(args.begin());
    if (command == "overview") return isola::cli::run_overview(args);
    if (command == "scan") return isola::cli::run_scan(args);
    if (command == "import") return isola::cli::run_import(args);
    if (command == "snapshot") return isola::cli::run_snapshot(args);
    if (command == "demo") return isola::cli::run_demo(args);
    std::cerr << std::format("isolactl: unknown command \"{}\"; run 'isolactl --help' for the list\n", command);
    return isola::cli::kExitUsage;
}
