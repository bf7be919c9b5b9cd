// isolactl — Isola's command line: the same core, the same sentences, scriptable.
#include <cstdio>
#include <filesystem>
#include <clocale>
#include <format>
#include <iostream>
#include <string>
#include <vector>

#include "commands.hpp"

#include "text/message.hpp"

namespace {

// isolactl --help (on stderr, isolactl without arguments): one catalog entry per section, so a
// translator sees each one whole. Commands, options and format names are what people type and stay
// as they are in every language; the descriptions and placeholders (FILE, DIR, NAME) are translated.
std::string usage() {
    // TRANSLATORS: the first line of "isolactl --help"; COMMAND and OPTIONS are placeholders.
    std::string text = isola::translate("usage: isolactl COMMAND [OPTIONS]");
    text += "\n\n";
    // TRANSLATORS: keep the command names, the options (--graph, --vm, ...) and the names after
    // them that people type (legacy, iommufd, libvirt, qemu, ...) as they are; ETC is the directory
    // given to --etc-root. Descriptions start in column 25; keep lines within 100 columns.
    text += isola::translate(R"(Commands:
  overview [--graph FILE]
                        this host's IOMMU groups, review and graph; a bundled demo host when it
                        has none
  scan                  read a host and show its devices grouped by IOMMU group
  import FILE           read a pasted listing (shell loop, lspci -nn/-nnk/-vmm/-tv, ls-iommu)
  explain [GROUP|BDF]   why devices share their IOMMU groups; where the kernel's rules disagree
  plan BDF... --vm NAME [--backend legacy|iommufd]
                        the whole-group effect of assigning devices to a VM, before anything happens
  review [--vm-configs DIR]... [--libvirt DIR]... [--proxmox DIR]... [--json | --html FILE]
                        host-wide group conflicts, and the VM definitions that claim devices
                        (default for a host read from roots: ETC/libvirt/qemu, ETC/pve/qemu-server;
                        never for a snapshot, listing or demo host);
                        Proxmox mapping= claims resolve through /etc/pve/mapping/pci.cfg
                        [--pve-mappings FILE]
  graph -o FILE.svg|.png|.dot [--plan BDF]... [--vm NAME] [--expand-vfs] [--each-device]
                        the PCI tree with IOMMU groups as boxes coloured by state (Graphviz);
                        alike devices with all below them are drawn once, as "N ×" stacks
  export --format F BDF...
                        VM configuration for the whole groups: libvirt, qemu, proxmox,
                        cloud-hypervisor, kernel-cmdline, modprobe.d, driverctl
                        [--unmanaged] [--iommufd] [--rombar-off] [--romfile FILE] [--x-vga]
                        (a listing's format is --import-format here)
  apply BDF... --vm NAME [--backend legacy|iommufd] | --plan PLAN.json
                        [--confirm] [--dry-run] [--fingerprint FP] [--json]
                        move the whole groups to vfio-pci, journaled; --dry-run prints the writes
  restore [BDF...] [--dry-run] [--json]
                        put devices Isola moved (all, by default) back as they were
  probe BDF [--backend legacy|iommufd] [--json]
                        try VFIO's attach on a device on vfio-pci, as a VM would; changes nothing
  persist BDF... --vm NAME [--backend legacy|iommufd] [--confirm] [--dry-run]
                        [--fingerprint FP]
                        bind the whole groups to vfio-pci at every boot, by address (driverctl's
                        overrides, or a udev rule); --dry-run prints each file
  unpersist [BDF...] [--dry-run]
                        remove the boot-time binding Isola made (all, by default), exactly
  status [--json]       what Isola moved on this host, what it binds at boot, and any unfinished
                        change (apply, restore, status: --state-dir DIR instead of /var/lib/isola)
Not root on this host: apply, restore, probe, persist and unpersist go through isola-helper,
and polkit asks for an administrator's password.
  snapshot save FILE    save this host (or any source) as a JSON snapshot
  demo list             list the bundled demo hosts)");
    text += "\n\n";
    // TRANSLATORS: where isolactl reads a host from; keep the options as they are. Descriptions
    // start in column 25; keep lines within 100 columns.
    text += isola::translate(R"(Sources (every command but demo):
  --root DIR            a host tree laid out as DIR/sys, DIR/proc, DIR/dev, DIR/etc
  --sysfs-root DIR --proc-root DIR --dev-root DIR --etc-root DIR
                        single roots instead of /sys, /proc, /dev; /etc is read only when named
  --snapshot FILE | --import FILE [--format F] | --demo NAME
  --pci-ids FILE        pci.ids to name devices (default: libpci's)
  --wake                also read the configuration space of sleeping (runtime-suspended)
                        devices, which wakes them; without it their ACS and port type stay unknown)");
    text += "\n";
    // TRANSLATORS: keep the options and the command names in parentheses as they are.
    text += isola::translate("Output: --table (default) | --json (scan, import); --json (explain, plan)");
    text += "\n\n";
    // TRANSLATORS: the exit codes of isolactl; keep the numbers.
    text += isola::translate(R"(Exit status: 0 success; plan and review: 1 something needs confirmation, 2 refused / blockers
found; apply and restore: 2 refused before any write, 3 a write failed and everything was put
back, 4 a device could not be put back; 64 wrong usage; 66 input missing or unreadable.)");
    text += "\n";
    return text;
}

}  // namespace

int main(int argc, char** argv) {
    // Sentences in the user's language (LC_MESSAGES, LANGUAGE); numbers and JSON stay in the C
    // locale, so output that scripts parse does not change with it.
    std::setlocale(LC_ALL, "");
    std::setlocale(LC_NUMERIC, "C");
    isola::bind_message_catalog(isola::default_locale_dir());
    std::vector<std::string> args(argv + 1, argv + argc);
    if (args.empty() || args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
        std::fputs(usage().c_str(), args.empty() ? stderr : stdout);
        return args.empty() ? isola::cli::kExitUsage : 0;
    }
    if (args[0] == "--version") {
        std::puts("isolactl " ISOLA_VERSION);
        return 0;
    }
    const std::string command = args[0];
    args.erase(args.begin());
    // apply, restore and status settle an unfinished change themselves; every other command
    // mentions it, so that nobody misses a host left half-changed by a crash.
    if (command != "apply" && command != "restore" && command != "status" && command != "persist" && command != "unpersist") {
        std::error_code ec;
        if (const std::filesystem::path journal = "/var/lib/isola/journal.json"; std::filesystem::exists(journal, ec))
            std::cerr << "isolactl: "
                      << isola::say("an earlier change by Isola is unfinished ({}); isolactl status, run as root, puts it back",
                                    journal.string())
                      << "\n";
    }
    if (command == "overview") return isola::cli::run_overview(args);
    if (command == "scan") return isola::cli::run_scan(args);
    if (command == "import") return isola::cli::run_import(args);
    if (command == "snapshot") return isola::cli::run_snapshot(args);
    if (command == "demo") return isola::cli::run_demo(args);
    if (command == "explain") return isola::cli::run_explain(args);
    if (command == "plan") return isola::cli::run_plan(args);
    if (command == "export") return isola::cli::run_export(args);
    if (command == "review") return isola::cli::run_review(args);
    if (command == "graph") return isola::cli::run_graph(args);
    if (command == "apply") return isola::cli::run_apply(args);
    if (command == "restore") return isola::cli::run_restore(args);
    if (command == "status") return isola::cli::run_status(args);
    if (command == "probe") return isola::cli::run_probe(args);
    if (command == "persist") return isola::cli::run_persist(args);
    if (command == "unpersist") return isola::cli::run_unpersist(args);
    std::cerr << "isolactl: " << isola::say("unknown command \"{}\"; run 'isolactl --help' for the list", command) << "\n";
    return isola::cli::kExitUsage;
}
