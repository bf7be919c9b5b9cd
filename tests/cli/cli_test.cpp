#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <chrono>
#include <iterator>

namespace {

struct Run {
    int status = -1;
    std::string out;  // stdout and stderr together, as a person sees them
};

Run run_shell(const std::string& cmd);

// `locale`: run under that locale (LANGUAGE unset) with the catalogs the build compiled.
Run isolactl(const std::string& args, const char* locale = nullptr) {
    const std::string env = locale ? std::string("env -u LANGUAGE LC_ALL=") + locale + " ISOLA_LOCALEDIR=" +
                                         ISOLA_BUILD_LOCALEDIR + " "
                                   : std::string();
    return run_shell(env + ISOLACTL + " " + args + " 2>&1");
}

// A shell command line, its output and exit status.
Run run_shell(const std::string& cmd) {
    Run r;
    FILE* pipe = popen(cmd.c_str(), "r");
    if (!pipe) return r;
    std::array<char, 4096> buf{};
    while (auto n = std::fread(buf.data(), 1, buf.size(), pipe)) r.out.append(buf.data(), n);
    const int raw = pclose(pipe);
    r.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
    return r;
}

const std::string kData = ISOLA_TEST_DATA;
const std::string kB550 = kData + "/real-world/01_amd-b550-aorus-pro_gpu-in-chipset-group.txt";

}  // namespace

TEST(Cli, HelpListsTheCommands) {
    auto r = isolactl("--help");
    EXPECT_EQ(r.status, 0);
    EXPECT_NE(r.out.find("plan BDF... --vm NAME"), std::string::npos);
}

TEST(Cli, UnknownOptionsAreRefusedNotIgnored) {
    auto r = isolactl("scan --sysfs-rot /tmp");
    EXPECT_EQ(r.status, 64);
    EXPECT_EQ(r.out, "isolactl: unknown option --sysfs-rot\n");
}

TEST(Cli, AMissingSysfsRootIsASentence) {
    auto r = isolactl("scan --sysfs-root /nonexistent/sys");
    EXPECT_EQ(r.status, 66);
    EXPECT_EQ(r.out,
              "isolactl: no PCI bus at /nonexistent/sys/bus/pci/devices: sysfs is not mounted there, or this is not a "
              "sysfs root; pass the right --sysfs-root, or use a snapshot or listing instead\n");
}

TEST(Cli, ImportShowsTheListingGroupedByIommuGroup) {
    auto r = isolactl("import " + kB550);
    ASSERT_EQ(r.status, 0) << r.out;
    EXPECT_NE(r.out.find("Devices: 40 PCI functions, 25 IOMMU groups"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("IOMMU group 15 · 8 functions"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("0000:05:00.0"), std::string::npos);
    // What the listing does not say, counted from the facts (bridges are never unbound).
    EXPECT_NE(r.out.find("Note:    the source does not fully say what the host uses 30 functions for.\n"),
              std::string::npos) << r.out;
    EXPECT_NE(r.out.find("Note:    the source does not say which driver holds 40 functions ('?' in the table).\n"),
              std::string::npos) << r.out;
    auto german = isolactl("import " + kB550, "de_DE.UTF-8");
    EXPECT_NE(german.out.find("Hinweis:  die Quelle sagt nicht, welcher Treiber 40 Funktionen hält ('?' in der Tabelle).\n"),
              std::string::npos) << german.out;
}

TEST(Cli, SnapshotOfAListingReadsBackToTheSameView) {
    const auto file = std::filesystem::temp_directory_path() / ("isola-cli-" + std::to_string(::getpid()) + ".json");
    auto saved = isolactl("snapshot save " + file.string() + " --import " + kB550);
    ASSERT_EQ(saved.status, 0) << saved.out;
    EXPECT_EQ(saved.out, "Saved 40 PCI functions in 25 IOMMU groups to " + file.string() + "\n");
    auto from_snapshot = isolactl("scan --snapshot " + file.string());
    auto from_listing = isolactl("scan --import " + kB550);
    std::filesystem::remove(file);
    ASSERT_EQ(from_snapshot.status, 0) << from_snapshot.out;
    // Only the source line differs: a snapshot of a listing is still a listing.
    auto body = [](const std::string& s) { return s.substr(s.find('\n')); };
    EXPECT_EQ(body(from_snapshot.out), body(from_listing.out));
}

TEST(Cli, PlanOnADemoHostNamesTheWholeGroup) {
    auto r = isolactl("plan 0000:08:00.0 --vm win11 --demo b550-gpu-in-chipset-group");
    // Group 18 holds only the 6950 XT's video function; a listing does not say which driver holds
    // it, so the plan asks for confirmation (exit 1) rather than assuming it is free.
    EXPECT_EQ(r.status, 1) << r.out;
    EXPECT_NE(r.out.find("has an unknown driver (the listing does not show drivers (lspci without -k))"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("Plan: assign 0000:08:00.0 to \"win11\" (legacy backend)"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("IOMMU group 18:"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("is another function of the same device"), std::string::npos) << r.out;

    auto chipset = isolactl("plan 04:00.0 --vm win11 --import " + kB550 + " --json");
    EXPECT_EQ(chipset.status, 1) << chipset.out;  // unknown drivers: needs confirmation
    EXPECT_NE(chipset.out.find("\"groups\": [\n    15\n  ]"), std::string::npos) << chipset.out;
}

TEST(Cli, PlanArgumentsAreChecked) {
    EXPECT_EQ(isolactl("plan 01:00.0").out, "isolactl: plan needs the target VM: --vm NAME\n");
    auto bad = isolactl("plan 01:00 --vm x");
    EXPECT_EQ(bad.status, 64);
    EXPECT_EQ(bad.out, "isolactl: \"01:00\" is not a PCI address (expected DDDD:BB:DD.F or BB:DD.F)\n");
}

TEST(Cli, ExplainOfAListingSaysWhyItCannotPredict) {
    auto r = isolactl("explain 1 --demo z97-two-gpus-one-group");
    ASSERT_EQ(r.status, 0) << r.out;
    EXPECT_NE(r.out.find("IOMMU group 1 · 6 functions · prediction not-possible"), std::string::npos) << r.out;
}

TEST(Cli, OverviewOfAHostWithoutIommuShowsADemoHostAndSaysSo) {
    if (std::filesystem::exists("/sys/kernel/iommu_groups/0")) GTEST_SKIP() << "this machine has IOMMU groups";
    if (!std::filesystem::is_directory("/sys/bus/pci/devices")) GTEST_SKIP() << "this machine has no PCI bus";
    auto r = isolactl("overview");
    ASSERT_EQ(r.status, 0) << r.out;
    EXPECT_NE(r.out.find("IOMMU:   No IOMMU is active on this host"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("This machine has no IOMMU groups, so here is Isola's view of a bundled demo host instead"),
              std::string::npos);
    EXPECT_NE(r.out.find("a published listing of another machine, not this one."), std::string::npos);
}

TEST(Cli, ExportIsGroupCompleteAndWarnsAboutGroupMates) {
    auto r = isolactl("export --format driverctl 01:00.0 --demo z97-two-gpus-one-group");
    ASSERT_EQ(r.status, 0) << r.out;
    for (const char* bdf : {"0000:01:00.0", "0000:01:00.1", "0000:02:00.0", "0000:02:00.1"})
        EXPECT_NE(r.out.find(std::string("driverctl set-override ") + bdf + " vfio-pci"), std::string::npos) << r.out;
    EXPECT_EQ(r.out.find("set-override 0000:00:01.0"), std::string::npos) << "bridges stay with the host";
    EXPECT_NE(r.out.find("warning: 0000:02:00.0 (Advanced Micro Devices, Inc. [AMD/ATI] Tahiti XT [Radeon HD "
                         "7970/8970 OEM / R9 280X]) is included because it shares IOMMU group 1 with 0000:01:00.0"),
              std::string::npos)
        << r.out;
}

TEST(Cli, ExportArgumentsAreChecked) {
    auto r = isolactl("export --format vmware 01:00.0 --demo z97-two-gpus-one-group");
    EXPECT_EQ(r.status, 64);
    EXPECT_EQ(r.out,
              "isolactl: unknown export format \"vmware\"; use one of libvirt, qemu, proxmox, cloud-hypervisor, "
              "kernel-cmdline, modprobe.d, driverctl\n");
}

TEST(Cli, ReviewOfAListingReportsTheSharedGroupAndWritesHtml) {
    auto r = isolactl("review --demo z97-two-gpus-one-group");
    EXPECT_EQ(r.status, 0) << r.out;  // notes only
    EXPECT_NE(r.out.find("[note] shared-group, group 1: IOMMU group 1 holds passthrough candidates 0000:01:00.0"),
              std::string::npos)
        << r.out;

    const auto html = std::filesystem::temp_directory_path() / ("isola-review-" + std::to_string(::getpid()) + ".html");
    auto w = isolactl("review --demo z97-two-gpus-one-group --html " + html.string());
    EXPECT_EQ(w.status, 0) << w.out;
    ASSERT_TRUE(std::filesystem::exists(html));
    EXPECT_GT(std::filesystem::file_size(html), 1000u);
    std::filesystem::remove(html);
}

TEST(Cli, ReviewExitCodeIsTwoForBlockersAndReadsVmDefinitions) {
    const auto dir = std::filesystem::temp_directory_path() / ("isola-vms-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    // Two libvirt domains claiming the two GPUs of one IOMMU group.
    for (auto [name, bus] : {std::pair{"gaming", "0x01"}, std::pair{"linux", "0x02"}}) {
        std::ofstream(dir / (std::string(name) + ".xml"))
            << "<domain type='kvm'><name>" << name << "</name><devices><hostdev mode='subsystem' type='pci' "
            << "managed='yes'><source><address domain='0x0000' bus='" << bus
            << "' slot='0x00' function='0x0'/></source></hostdev></devices></domain>\n";
    }
    auto r = isolactl("review --demo z97-two-gpus-one-group --libvirt " + dir.string());
    std::filesystem::remove_all(dir);
    EXPECT_EQ(r.status, 2) << r.out;
    EXPECT_NE(r.out.find("[blocker] vms-share-group"), std::string::npos) << r.out;
}

TEST(Cli, GraphWritesAPictureWithThePlanHighlighted) {
    const auto png = std::filesystem::temp_directory_path() / ("isola-graph-" + std::to_string(::getpid()) + ".png");
    auto r = isolactl("graph -o " + png.string() + " --demo b550-gpu-in-chipset-group --plan 04:00.0 --vm win11");
    ASSERT_EQ(r.status, 0) << r.out;
    EXPECT_EQ(r.out, "Wrote the graph of 40 PCI functions in 25 IOMMU groups to " + png.string() + "\n");
    std::ifstream in(png, std::ios::binary);
    char magic[8] = {};
    in.read(magic, 8);
    EXPECT_EQ(std::string(magic, 8), "\x89PNG\r\n\x1a\n");
    std::filesystem::remove(png);

    auto bad = isolactl("graph -o /tmp/x.jpeg --demo b550-gpu-in-chipset-group");
    EXPECT_EQ(bad.status, 66);
    EXPECT_EQ(bad.out, "isolactl: cannot tell the picture format of \"/tmp/x.jpeg\": name it .svg, .png or .dot\n");
}

TEST(Cli, ScanOfThisMachineStatesWhenNoIommuIsActive) {
    if (std::filesystem::exists("/sys/kernel/iommu_groups/0")) GTEST_SKIP() << "this machine has IOMMU groups";
    if (!std::filesystem::is_directory("/sys/bus/pci/devices")) GTEST_SKIP() << "this machine has no PCI bus";
    auto r = isolactl("scan");
    ASSERT_EQ(r.status, 0) << r.out;
    EXPECT_NE(r.out.find("IOMMU:   No IOMMU is active on this host, so no device can be isolated for VFIO: enable "
                         "VT-d (Intel) or AMD-Vi/IOMMU (AMD) in the firmware setup"),
              std::string::npos)
        << r.out;
    EXPECT_NE(r.out.find("No IOMMU group · "), std::string::npos) << r.out;
}

TEST(Cli, ReviewResolvesProxmoxMappingsAndSeesACardThatChanged) {
    // A fixture-lab host (hostname "edge-acs-less-root-ports") and a Proxmox cluster layout whose
    // mapping recorded another NIC at 0000:01:00.0 than the 82574L [8086:10d3] that is there.
    const auto root = std::filesystem::temp_directory_path() / ("isola-pve-" + std::to_string(::getpid()));
    std::filesystem::remove_all(root);
    const std::string gen = std::string(ISOLA_FIXTURE_GEN) + " " + ISOLA_FIXTURE_MACHINES_DIR +
                            "/edge-acs-less-root-ports.json " + (root / "host").string() + " >/dev/null";
    ASSERT_EQ(std::system(gen.c_str()), 0);
    std::filesystem::create_directories(root / "etc/pve/qemu-server");
    std::filesystem::create_directories(root / "etc/pve/mapping");
    std::ofstream(root / "etc/pve/qemu-server/100.conf") << "hostpci0: mapping=nic,pcie=1\nname: router\n";
    std::ofstream(root / "etc/pve/mapping/pci.cfg")
        << "nic\n\tmap id=8086:1533,iommugroup=2,node=edge-acs-less-root-ports,path=0000:01:00.0\n";
    const auto host = root / "host";
    auto r = isolactl("review --sysfs-root " + (host / "sys").string() + " --proc-root " + (host / "proc").string() +
                      " --dev-root " + (host / "dev").string() + " --proxmox " + (root / "etc/pve/qemu-server").string());
    std::filesystem::remove_all(root);
    EXPECT_EQ(r.status, 2) << r.out;
    EXPECT_NE(r.out.find("claims 0000:01:00.0 through the resource mapping \"nic\" as 8086:1533, but that address now "
                         "holds 8086:10d3 (Intel Corporation 82574L Gigabit Network Connection)"),
              std::string::npos)
        << r.out;
}

namespace {

// A fixture-lab host written to a per-process directory; removed with the object.
struct FixtureHost {
    std::filesystem::path root;
    explicit FixtureHost(const std::string& machine) {
        root = std::filesystem::temp_directory_path() / ("isola-host-" + machine + "-" + std::to_string(::getpid()));
        std::filesystem::remove_all(root);
        const std::string gen = std::string(ISOLA_FIXTURE_GEN) + " " + ISOLA_FIXTURE_MACHINES_DIR + "/" + machine +
                                ".json " + root.string() + " >/dev/null";
        written = std::system(gen.c_str()) == 0;
    }
    ~FixtureHost() { std::filesystem::remove_all(root); }
    FixtureHost(const FixtureHost&) = delete;
    FixtureHost& operator=(const FixtureHost&) = delete;
    bool written = false;
};

bool contains(const std::string& haystack, const std::string& needle) { return haystack.find(needle) != std::string::npos; }

}  // namespace

TEST(CliSource, AFixtureHostsEtcRootHoldsItsVmDefinitionsAndTheReviewFindsThem) {
    FixtureHost host("edge-workstation");
    ASSERT_TRUE(host.written);
    auto r = isolactl("review --root " + host.root.string());
    EXPECT_EQ(r.status, 2) << r.out;
    EXPECT_TRUE(contains(r.out, "VM definitions:\n  win11 (libvirt, " + (host.root / "etc/libvirt/qemu/win11.xml").string() +
                                    ")\n  usb-box (proxmox, " + (host.root / "etc/pve/qemu-server/100.conf").string() + ")\n"))
        << r.out;
    EXPECT_TRUE(contains(r.out, "[blocker] vm-partial-group, group 1: " + (host.root / "etc/libvirt/qemu/win11.xml").string() +
                                    ":4: \"win11\" claims 0000:01:00.0")) << r.out;
    EXPECT_TRUE(contains(r.out, "and no endpoint of the group is on a host driver; claimed by \"usb-box\"")) << r.out;
    // Given only as a sysfs root, the tree has no /etc: neither its VMs nor this machine's.
    auto sysfs_only = isolactl("review --sysfs-root " + (host.root / "sys").string() + " --proc-root " +
                               (host.root / "proc").string());
    EXPECT_FALSE(contains(sysfs_only.out, "win11")) << sysfs_only.out;
    EXPECT_FALSE(contains(sysfs_only.out, "VM definitions:")) << sysfs_only.out;
}

TEST(CliSource, ASnapshotStaysASnapshotAndItsReviewNeverReadsThisMachinesVms) {
    FixtureHost host("edge-workstation");
    ASSERT_TRUE(host.written);
    const auto snapshot = host.root / "host.json";
    ASSERT_EQ(isolactl("snapshot save " + snapshot.string() + " --root " + host.root.string()).status, 0);

    // This machine's own libvirt directory gets a domain claiming an address the snapshot has;
    // only inside the disposable build root may a test write to /etc.
    const std::filesystem::path this_machine = "/etc/libvirt/qemu/isola-cli-test-" + std::to_string(::getpid()) + ".xml";
    const bool disposable = std::getenv("ISOLA_DISPOSABLE_ROOT") && std::string(std::getenv("ISOLA_DISPOSABLE_ROOT")) == "1";
    if (disposable) {
        std::filesystem::create_directories(this_machine.parent_path());
        std::ofstream(this_machine) << "<domain><name>this-machines-vm</name><devices><hostdev mode='subsystem' "
                                       "type='pci'><source><address domain='0' bus='1' slot='0' function='0'/>"
                                       "</source></hostdev></devices></domain>\n";
    }
    auto review = isolactl("review --snapshot " + snapshot.string());
    auto live = isolactl("review --json");
    if (disposable) std::filesystem::remove(this_machine);

    EXPECT_TRUE(contains(review.out, "Review of " + snapshot.string() + " (snapshot)")) << review.out;
    EXPECT_FALSE(contains(review.out, "this-machines-vm")) << review.out;
    EXPECT_FALSE(contains(review.out, "win11")) << review.out;  // the fixture's /etc is not in the snapshot
    if (disposable) {
        EXPECT_TRUE(contains(live.out, "this-machines-vm")) << live.out;  // the live host reads /etc
    }

    auto scan = isolactl("scan --snapshot " + snapshot.string());
    EXPECT_TRUE(contains(scan.out, "Source:  " + snapshot.string() + " (snapshot of live-host " + (host.root / "sys").string()))
        << scan.out;
    // Saved again, the snapshot still says what it was taken of.
    const auto again = host.root / "again.json";
    ASSERT_EQ(isolactl("snapshot save " + again.string() + " --snapshot " + snapshot.string()).status, 0);
    std::ifstream in(again);
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    EXPECT_TRUE(contains(text, "\"kind\": \"live-host\"")) << text.substr(0, 400);
    EXPECT_TRUE(contains(text, "\"origin\": \"" + (host.root / "sys").string() + "\"")) << text.substr(0, 400);
}

TEST(CliSource, FilesThatAreNotListingsAreRefusedAsWhatTheyAreWithinASecond) {
    const auto dir = std::filesystem::temp_directory_path() / ("isola-bounded-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    const auto big = dir / "big.txt";
    {
        std::ofstream(big) << "IOMMU Group 1:\n";
        std::filesystem::resize_file(big, 1ull << 30);  // sparse: 1 GiB without writing it
    }
    const auto fifo = dir / "fifo";
    ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);

    const auto started = std::chrono::steady_clock::now();
    auto zero = isolactl("import /dev/zero");
    auto huge = isolactl("import " + big.string());
    auto pipe = isolactl("import " + fifo.string());
    auto directory = isolactl("import " + dir.string());
    auto zero_snapshot = isolactl("scan --snapshot /dev/zero");
    auto huge_snapshot = isolactl("scan --snapshot " + big.string());
    const auto took = std::chrono::steady_clock::now() - started;
    std::filesystem::remove_all(dir);

    EXPECT_EQ(zero.status, 66);
    EXPECT_EQ(zero.out, "isolactl: cannot read the listing /dev/zero: it is a device, not a file; save its content to "
                        "a file first\n");
    EXPECT_EQ(huge.out, "isolactl: cannot read the listing " + big.string() +
                            ": at 1 GiB it is larger than the 64 MiB limit for this kind of file; is it the right file?\n");
    EXPECT_EQ(pipe.out, "isolactl: cannot read the listing " + fifo.string() +
                            ": it is a pipe (FIFO), not a file; save its content to a file first\n");
    EXPECT_EQ(directory.out, "isolactl: cannot read the listing " + dir.string() + ": it is a directory; name a file in it\n");
    EXPECT_EQ(zero_snapshot.out, "isolactl: cannot read the snapshot /dev/zero: it is a device, not a file; save its "
                                 "content to a file first\n");
    EXPECT_EQ(huge_snapshot.out, "isolactl: cannot read the snapshot " + big.string() +
                                     ": at 1 GiB it is larger than the 256 MiB limit for this kind of file; is it the right "
                                     "file?\n");
    // Six refusals, each without reading what it refuses (sanitized build included).
    EXPECT_LT(std::chrono::duration<double>(took).count(), 6.0);
}

TEST(CliSource, PlanUnderAGermanLocaleSpeaksGerman) {
    FixtureHost host("edge-workstation");
    ASSERT_TRUE(host.written);
    // The boot GPU drives the console: the plan refuses, with what to do.
    const std::string plan = "plan 01:00.0 --vm win11 --root " + host.root.string();
    auto german = isolactl(plan, "de_DE.UTF-8");
    EXPECT_EQ(german.status, 2) << german.out;
    EXPECT_TRUE(contains(german.out, "Plan: 0000:01:00.0 an „win11“ übergeben (Backend legacy)\n")) << german.out;
    EXPECT_TRUE(contains(german.out, "Abgelehnt:\n  - kann 0000:01:00.0 nicht an „win11“ übergeben: es treibt die Konsole "
                                     "des Hosts\n    was zu tun ist: legen Sie die Konsole zuerst auf eine andere GPU "
                                     "(oder eine serielle Konsole)\n"))
        << german.out;
    // The same plan in the C locale is English, word for word from the same typed refusal.
    auto english = isolactl(plan);
    EXPECT_TRUE(contains(english.out, "Refused:\n  - cannot assign 0000:01:00.0 to \"win11\": it drives the host's console\n"
                                      "    what to do: move the console to another GPU (or a serial console) first\n"))
        << english.out;
}

TEST(CliSource, HelpUnderAGermanLocaleSpeaksGerman) {
    auto help_in = [](const char* locale) { return isolactl("--help", locale); };
    auto german = help_in("de_DE.UTF-8");
    EXPECT_EQ(german.status, 0);
    EXPECT_TRUE(german.out.starts_with("Aufruf: isolactl BEFEHL [OPTIONEN]\n\nBefehle:\n  overview [--graph DATEI]\n"))
        << german.out;
    // The words are German; what one types (commands, options, backend names) is not translated.
    EXPECT_TRUE(contains(german.out, "  plan BDF... --vm NAME [--backend legacy|iommufd]\n")) << german.out;
    EXPECT_TRUE(contains(german.out, "\nQuellen (alle Befehle außer demo):\n  --root VERZ ")) << german.out;
    EXPECT_TRUE(contains(german.out, "\nRückgabewert: 0 Erfolg; plan und review: 1 etwas braucht eine Bestätigung"))
        << german.out;
    auto french = help_in("fr_FR.UTF-8");
    EXPECT_EQ(french.status, 0);
    EXPECT_TRUE(french.out.starts_with("utilisation\u00a0: isolactl COMMANDE [OPTIONS]\n\nCommandes\u00a0:\n"))
        << french.out;
    // In the C locale the text is the English one, first line and all.
    auto english = isolactl("--help");
    EXPECT_EQ(english.status, 0);
    EXPECT_EQ(english.out.substr(0, english.out.find('\n')), "usage: isolactl COMMAND [OPTIONS]");
    EXPECT_TRUE(english.out.ends_with("\n\nExit status: 0 success; plan and review: 1 something needs confirmation, "
                                      "2 refused / blockers\nfound; apply and restore: 2 refused before any write, 3 a "
                                      "write failed and everything was put\nback, 4 a device could not be put back; 64 "
                                      "wrong usage; 66 input missing or unreadable.\n"))
        << english.out;
    EXPECT_TRUE(contains(german.out, "  apply BDF... --vm NAME [--backend legacy|iommufd] | --plan PLAN.json\n"
                                     "                        [--confirm] [--dry-run] [--fingerprint FP] [--json]\n"
                                     "                        die ganzen Gruppen an vfio-pci übergeben, mit Journal; "
                                     "--dry-run zeigt\n"))
        << german.out;
}

TEST(CliSource, UsageErrorsUnderGermanAndFrenchLocalesAreTranslated) {
    auto run_in = [](const char* locale, const std::string& args) { return isolactl(args, locale); };
    auto german = run_in("de_DE.UTF-8", "scan --sysfs-rot /tmp");
    EXPECT_EQ(german.status, 64);
    EXPECT_EQ(german.out, "isolactl: unbekannte Option --sysfs-rot\n");
    german = run_in("de_DE.UTF-8", "plan 01:00.0");
    EXPECT_EQ(german.status, 64);
    EXPECT_EQ(german.out, "isolactl: plan braucht die Ziel-VM: --vm NAME\n");
    german = run_in("de_DE.UTF-8", "scan --sysfs-root /nonexistent/sys");
    EXPECT_EQ(german.status, 66);
    EXPECT_EQ(german.out, "isolactl: kein PCI-Bus unter /nonexistent/sys/bus/pci/devices: dort ist kein sysfs eingehängt, "
                          "oder das ist keine sysfs-Wurzel; geben Sie das richtige --sysfs-root an oder verwenden Sie "
                          "stattdessen einen Schnappschuss oder eine Auflistung\n");
    auto french = run_in("fr_FR.UTF-8", "scan --json --table");
    EXPECT_EQ(french.status, 64);
    EXPECT_EQ(french.out, "isolactl: choisissez --json ou --table, pas les deux\n");
    // The same mistake in the C locale is English.
    EXPECT_EQ(isolactl("scan --json --table").out, "isolactl: choose --json or --table, not both\n");
}

// apply / restore / status on a fixture tree. A fixture has no kernel behind its files: a write to
// drivers_probe binds nothing, so a real apply there is caught by the driver check and rolled back
// — which is what these tests use. The real kernel is in tests/lab.
namespace {

std::string host_options(const FixtureHost& host) { return " --root " + host.root.string(); }

std::string read_text(const std::filesystem::path& file) {
    std::ifstream in(file);
    return {std::istreambuf_iterator<char>(in), {}};
}

}  // namespace

TEST(CliApply, DryRunPrintsTheExactWritesAndChangesNothing) {
    FixtureHost host("edge-workstation");
    ASSERT_TRUE(host.written);
    const std::string sys = (host.root / "sys").string();
    auto r = isolactl("apply 00:17.0 --vm win11 --dry-run" + host_options(host));
    EXPECT_EQ(r.status, 0) << r.out;
    EXPECT_EQ(r.out, "echo vfio-pci > " + sys + "/bus/pci/devices/0000:00:17.0/driver_override\n"
                     "echo 0000:00:17.0 > " + sys + "/bus/pci/drivers/ahci/unbind\n"
                     "echo 0000:00:17.0 > " + sys + "/bus/pci/drivers_probe\n");
    EXPECT_EQ(read_text(host.root / "sys/bus/pci/devices/0000:00:17.0/driver_override"), "(null)\n");
    EXPECT_FALSE(std::filesystem::exists(host.root / "var/lib/isola"));
}

TEST(CliApply, ARefusedPlanChangesNothingAndSaysWhy) {
    FixtureHost host("edge-workstation");
    ASSERT_TRUE(host.written);
    auto r = isolactl("apply 03:00.0 --vm win11 --confirm" + host_options(host));
    EXPECT_EQ(r.status, 2) << r.out;
    EXPECT_TRUE(contains(r.out, "isolactl: nothing was changed, because the plan is refused: ")) << r.out;
    EXPECT_TRUE(contains(r.out, "root filesystem")) << r.out;
    EXPECT_EQ(read_text(host.root / "sys/bus/pci/devices/0000:03:00.0/driver_override"), "(null)\n");
    EXPECT_FALSE(std::filesystem::exists(host.root / "var/lib/isola/journal.json"));
}

TEST(CliApply, AProbeThatBindsNothingIsCaughtAndPutBack) {
    FixtureHost host("edge-workstation");
    ASSERT_TRUE(host.written);
    auto r = isolactl("apply 00:17.0 --vm win11 --confirm" + host_options(host));
    EXPECT_EQ(r.status, 3) << r.out;
    EXPECT_EQ(r.out, "isolactl: 0000:00:17.0 is on ahci instead of vfio-pci after the probe: another driver took it.\n"
                     "isolactl: Isola put every device back as it was: 0000:00:17.0 on ahci.\n");
    EXPECT_EQ(read_text(host.root / "sys/bus/pci/devices/0000:00:17.0/driver_override"), "\n");
    EXPECT_FALSE(std::filesystem::exists(host.root / "var/lib/isola/journal.json"));
    auto status = isolactl("status" + host_options(host));
    EXPECT_EQ(status.status, 0);
    EXPECT_EQ(status.out, "Isola has moved no device on this host.\n");
}

TEST(CliApply, AnInterruptedApplyIsPutBackAtTheNextStartAndSaidSo) {
    FixtureHost host("edge-workstation");
    ASSERT_TRUE(host.written);
    // A crash after the override was written: the journal says the second write was next.
    std::ofstream(host.root / "sys/bus/pci/devices/0000:00:17.0/driver_override", std::ios::trunc) << "vfio-pci\n";
    std::filesystem::create_directories(host.root / "var/lib/isola");
    std::ofstream(host.root / "var/lib/isola/journal.json") << R"({"isola_journal": 1, "kind": "apply", "phase": "writing",
      "vm": "win11", "fingerprint": "f", "started": 1764700000, "next": 1,
      "before": [{"device": "0000:00:17.0", "vendor": "8086", "device_id": "a352", "driver": "ahci", "driver_override": "", "sriov_numvfs": null}],
      "target": [{"device": "0000:00:17.0", "vendor": "8086", "device_id": "a352", "driver": "vfio-pci", "driver_override": "vfio-pci", "sriov_numvfs": null}],
      "writes": [{"kind": "set-driver-override", "device": "0000:00:17.0", "driver": "vfio-pci"},
                 {"kind": "unbind", "device": "0000:00:17.0", "driver": "ahci"},
                 {"kind": "probe", "device": "0000:00:17.0", "driver": "vfio-pci"}]})";
    auto r = isolactl("status" + host_options(host));
    EXPECT_EQ(r.status, 0) << r.out;
    EXPECT_EQ(r.out, "isolactl: An apply for \"win11\" started 2025-12-02 18:26 UTC was interrupted at write 2 of 3.\n"
                     "isolactl: Isola put every device back as it was: 0000:00:17.0 on ahci.\n"
                     "Isola has moved no device on this host.\n");
    EXPECT_EQ(read_text(host.root / "sys/bus/pci/devices/0000:00:17.0/driver_override"), "\n");
    EXPECT_FALSE(std::filesystem::exists(host.root / "var/lib/isola/journal.json"));
}

TEST(CliApply, RestoreAndStatusSayWhatIsolaMovedInEnglishAndGerman) {
    FixtureHost host("edge-workstation");
    ASSERT_TRUE(host.written);
    auto r = isolactl("restore 00:17.0" + host_options(host));
    EXPECT_EQ(r.status, 2) << r.out;
    EXPECT_EQ(r.out, "isolactl: Isola did not move 0000:00:17.0, so there is nothing to restore (isolactl status lists what it moved).\n");
    auto german = isolactl("status" + host_options(host), "de_DE.UTF-8");
    EXPECT_EQ(german.out, "Isola hat auf diesem Host kein Gerät verschoben.\n");
    auto french = isolactl("restore 00:17.0" + host_options(host), "fr_FR.UTF-8");
    EXPECT_EQ(french.out, "isolactl: Isola n’a pas déplacé 0000:00:17.0, il n’y a donc rien à restaurer (isolactl status liste ce "
                          "qu’il a déplacé).\n");
}

TEST(CliApply, ArgumentsAreChecked) {
    EXPECT_EQ(isolactl("apply 01:00.0").out, "isolactl: apply needs the target VM: --vm NAME, or a plan: --plan FILE\n");
    EXPECT_EQ(isolactl("apply --vm x").out, "isolactl: apply needs at least one device address\n");
    EXPECT_EQ(isolactl("apply 01:00.0 --vm x --demo b550-gpu-in-chipset-group").out,
              "isolactl: this command changes a host, so it reads the host itself (or --root DIR, --sysfs-root DIR), "
              "not a snapshot, a listing or a demo host\n");
    EXPECT_EQ(isolactl("apply --plan /nonexistent/plan.json").out,
              "isolactl: cannot read the plan /nonexistent/plan.json: there is no such file, or it is not readable\n");
    EXPECT_EQ(isolactl("status extra").out, "isolactl: status takes no arguments, but was given \"extra\"\n");
}

TEST(CliApply, APlanFileIsAppliedOnlyWhileTheHostIsAsItWas) {
    FixtureHost host("edge-workstation");
    ASSERT_TRUE(host.written);
    const auto plan = host.root / "plan.json";
    {
        auto made = isolactl("plan 00:17.0 --vm win11 --json" + host_options(host));
        std::ofstream(plan) << made.out;
    }
    auto ok = isolactl("apply --plan " + plan.string() + " --dry-run" + host_options(host));
    EXPECT_EQ(ok.status, 0) << ok.out;
    // The host changes: the SATA controller now has another driver.
    std::filesystem::remove(host.root / "sys/bus/pci/devices/0000:00:17.0/driver");
    std::filesystem::create_directories(host.root / "sys/bus/pci/drivers/pci-stub");
    std::filesystem::create_symlink("../../../bus/pci/drivers/pci-stub", host.root / "sys/bus/pci/devices/0000:00:17.0/driver");
    auto stale = isolactl("apply --plan " + plan.string() + " --dry-run" + host_options(host));
    EXPECT_EQ(stale.status, 2) << stale.out;
    EXPECT_TRUE(contains(stale.out, "nothing was changed: the host is no longer as it was when the plan was approved")) << stale.out;
}

// isolactl probe. A fixture tree has no kernel behind its /dev nodes (they are plain files), so
// what these tests see is the probe meeting that: the real attach is tested in tests/lab.
TEST(CliProbe, ArgumentsAreChecked) {
    auto none = isolactl("probe");
    EXPECT_EQ(none.status, 64);
    EXPECT_EQ(none.out, "isolactl: probe needs a device address: isolactl probe BDF\n");
    EXPECT_EQ(isolactl("probe 01:00.0 02:00.0").out, "isolactl: probe takes one device address, but was given 2\n");
    EXPECT_EQ(isolactl("probe 01:00").out, "isolactl: \"01:00\" is not a PCI address (expected DDDD:BB:DD.F or BB:DD.F)\n");
    EXPECT_EQ(isolactl("probe 01:00.0 --backend vfio").out, "isolactl: unknown backend \"vfio\"; use legacy or iommufd\n");
    auto demo = isolactl("probe 01:00.0 --demo b550-gpu-in-chipset-group");
    EXPECT_EQ(demo.status, 64);
    EXPECT_EQ(demo.out, "isolactl: probe opens the host's VFIO devices, so it reads the host itself (or --root DIR), not "
                        "a snapshot, a listing or a demo host\n");
}

TEST(CliProbe, OnAFixtureTreeEveryRefusalIsASentenceAndExitFive) {
    FixtureHost host("edge-workstation");
    ASSERT_TRUE(host.written);
    auto ahci = isolactl("probe 00:17.0" + host_options(host));
    EXPECT_EQ(ahci.status, 5) << ahci.out;
    EXPECT_TRUE(contains(ahci.out, ") is on ahci, not vfio-pci: apply it first (isolactl apply 0000:00:17.0 --vm NAME)\n"))
        << ahci.out;
    // A plain file where /dev/vfio/vfio should be: the kernel's own answer to the first ioctl.
    auto legacy = isolactl("probe 05:00.0" + host_options(host));
    EXPECT_EQ(legacy.status, 5) << legacy.out;
    EXPECT_TRUE(contains(legacy.out, " in IOMMU group 9: the kernel refused VFIO_GET_API_VERSION with ENOTTY\n"))
        << legacy.out;
    auto cdev = isolactl("probe 05:00.0 --backend iommufd --json" + host_options(host));
    EXPECT_EQ(cdev.status, 5) << cdev.out;
    EXPECT_TRUE(contains(cdev.out, "\"kind\": \"cdev-node-mismatch\"")) << cdev.out;
    EXPECT_TRUE(contains(cdev.out, "is missing (or not a device node), though sysfs says the device has one")) << cdev.out;
}

// isolactl persist / unpersist as root on a fixture host's /etc (no driverctl there: Isola's udev
// rule). The SATA controller's ahci loads from an initramfs, so a modprobe.d softdep comes too.
TEST(CliPersist, DryRunPersistStatusAndUnpersistLeaveEtcAsItWas) {
    FixtureHost host("edge-workstation");
    ASSERT_TRUE(host.written);
    const std::string etc = (host.root / "etc").string();
    const std::string kSoftdep = "# Written by Isola (isolactl persist); isolactl unpersist removes it.\n"
                                 "# vfio-pci loads before these drivers, so it claims the devices Isola\n"
                                 "# binds at boot. Rebuild the initramfs after a change.\n"
                                 "softdep ahci pre: vfio-pci\n";
    const std::string kRule = "# 0000:00:17.0 for \"win11\", instead of ahci\n"
                              "ACTION==\"add\", SUBSYSTEM==\"pci\", KERNEL==\"0000:00:17.0\", ATTR{driver_override}=\"vfio-pci\", "
                              "RUN{builtin}+=\"kmod load vfio-pci\", RUN+=\"/bin/sh -c '[ -e /sys%p/driver ] && ! [ /sys%p/driver -ef "
                              "/sys/bus/pci/drivers/vfio-pci ] && echo %k > /sys%p/driver/unbind; echo %k > /sys/bus/pci/drivers_probe'\"\n";
    auto dry = isolactl("persist 00:17.0 --vm win11 --dry-run" + host_options(host));
    EXPECT_EQ(dry.status, 0) << dry.out;
    EXPECT_TRUE(dry.out.starts_with("# write " + etc + "/modprobe.d/isola-vfio.conf:\n" + kSoftdep + "# write " + etc +
                                    "/udev/rules.d/60-isola-vfio.rules:\n# Written by Isola (isolactl persist)"))
        << dry.out;
    EXPECT_TRUE(dry.out.ends_with(kRule)) << dry.out;
    EXPECT_FALSE(std::filesystem::exists(host.root / "etc/udev/rules.d/60-isola-vfio.rules"));
    EXPECT_FALSE(std::filesystem::exists(host.root / "var/lib/isola"));

    auto made = isolactl("persist 00:17.0 --vm win11" + host_options(host));
    EXPECT_EQ(made.status, 0) << made.out;
    EXPECT_EQ(made.out, "1 device is bound to vfio-pci at boot for \"win11\", by Isola's udev rule "
                        "(/etc/udev/rules.d/60-isola-vfio.rules): 0000:00:17.0.\n"
                        "wrote " + etc + "/modprobe.d/isola-vfio.conf.\n"
                        "wrote " + etc + "/udev/rules.d/60-isola-vfio.rules.\n"
                        "ahci loads from the initramfs: rebuild it (update-initramfs -u, or dracut -f) so the change takes "
                        "effect there; Isola does not run it.\n"
                        "The devices move at the next boot; isolactl apply moves them now.\n");
    EXPECT_EQ(read_text(host.root / "etc/modprobe.d/isola-vfio.conf"), kSoftdep);
    EXPECT_TRUE(read_text(host.root / "etc/udev/rules.d/60-isola-vfio.rules").ends_with(kRule));
    EXPECT_EQ(read_text(host.root / "sys/bus/pci/devices/0000:00:17.0/driver_override"), "(null)\n");  // nothing moves now

    auto status = isolactl("status" + host_options(host));
    EXPECT_EQ(status.status, 0) << status.out;
    EXPECT_TRUE(status.out.starts_with("Isola has moved no device on this host.\nIsola binds 1 device to vfio-pci at boot:\n"
                                       "0000:00:17.0 for \"win11\" since "))
        << status.out;
    EXPECT_TRUE(status.out.ends_with(" UTC, by Isola's udev rule (/etc/udev/rules.d/60-isola-vfio.rules); it was on ahci\n"))
        << status.out;
    auto german = isolactl("status" + host_options(host), "de_DE.UTF-8");
    EXPECT_TRUE(contains(german.out, "Isola bindet beim Start 1 Gerät an vfio-pci:\n")) << german.out;
    auto json = isolactl("status --json" + host_options(host));
    EXPECT_TRUE(contains(json.out, "\"persisted\"")) << json.out;
    EXPECT_TRUE(contains(json.out, "\"0000:00:17.0\"")) << json.out;

    auto undo_dry = isolactl("unpersist --dry-run" + host_options(host));
    EXPECT_EQ(undo_dry.out, "# remove " + etc + "/modprobe.d/isola-vfio.conf\n# remove " + etc + "/udev/rules.d/60-isola-vfio.rules\n");
    EXPECT_TRUE(std::filesystem::exists(host.root / "etc/udev/rules.d/60-isola-vfio.rules"));
    auto undone = isolactl("unpersist" + host_options(host));
    EXPECT_EQ(undone.status, 0) << undone.out;
    EXPECT_TRUE(undone.out.starts_with("1 device boots on its host driver again: 0000:00:17.0.\n"
                                       "removed " + etc + "/modprobe.d/isola-vfio.conf.\n"
                                       "removed " + etc + "/udev/rules.d/60-isola-vfio.rules.\n"
                                       "ahci loads from the initramfs: rebuild it"))
        << undone.out;
    EXPECT_FALSE(std::filesystem::exists(host.root / "etc/modprobe.d/isola-vfio.conf"));
    EXPECT_FALSE(std::filesystem::exists(host.root / "etc/udev/rules.d/60-isola-vfio.rules"));
    EXPECT_FALSE(std::filesystem::exists(host.root / "var/lib/isola/persisted.json"));

    auto again = isolactl("unpersist 00:17.0" + host_options(host));
    EXPECT_EQ(again.status, 2) << again.out;
    EXPECT_EQ(again.out, "isolactl: Isola did not persist 0000:00:17.0, so there is nothing to unpersist (isolactl status lists "
                         "what it binds at boot).\n");
    auto nothing = isolactl("unpersist" + host_options(host));
    EXPECT_EQ(nothing.status, 0) << nothing.out;
    EXPECT_EQ(nothing.out, "Isola binds no device at boot; there is nothing to unpersist.\n");
}

TEST(CliPersist, AnInterruptedPersistIsPutBackByStatusAndSaidSo) {
    FixtureHost host("edge-workstation");
    ASSERT_TRUE(host.written);
    const auto rules = host.root / "etc/udev/rules.d/60-isola-vfio.rules";
    std::filesystem::create_directories(rules.parent_path());
    std::ofstream(rules) << "half a rule";
    std::filesystem::create_directories(host.root / "var/lib/isola");
    std::ofstream(host.root / "var/lib/isola/persist-journal.json")
        << R"({"isola_persist_journal": 1, "files": [{"path": ")" << rules.string() << R"(", "before": null}],
              "record": {"isola_persisted": 1, "devices": [{"device": "0000:00:17.0", "vm": "win11", "host_driver": "ahci",
                                                              "mode": "udev-rule", "since": 1764700000}]}})";
    auto r = isolactl("status" + host_options(host));
    EXPECT_EQ(r.status, 0) << r.out;
    EXPECT_EQ(r.out, "isolactl: A persist change was interrupted; Isola put 1 file back as it was.\n"
                     "Isola has moved no device on this host.\n");
    EXPECT_FALSE(std::filesystem::exists(rules));
    EXPECT_FALSE(std::filesystem::exists(host.root / "var/lib/isola/persist-journal.json"));
}

TEST(CliPersist, ArgumentsAreChecked) {
    EXPECT_EQ(isolactl("persist 00:17.0").out, "isolactl: persist needs the target VM: --vm NAME\n");
    EXPECT_EQ(isolactl("persist --vm x").out, "isolactl: persist needs at least one device address\n");
    EXPECT_EQ(isolactl("plan --vm x").out, "isolactl: plan needs at least one device address\n");
    EXPECT_EQ(isolactl("persist 00:17.0 --vm x --backend vfio").out, "isolactl: unknown backend \"vfio\"; use legacy or iommufd\n");
    EXPECT_EQ(isolactl("unpersist 0000:00:17.0/../x").out,
              "isolactl: \"0000:00:17.0/../x\" is not a PCI address (expected DDDD:BB:DD.F or BB:DD.F)\n");
    EXPECT_EQ(isolactl("persist 00:17.0 --vm x --sysfs-root /tmp").out,
              "isolactl: persist and unpersist write a host's /etc and /var/lib/isola: name it with --root DIR\n");
    EXPECT_EQ(isolactl("unpersist --demo b550-gpu-in-chipset-group").out,
              "isolactl: this command changes a host, so it reads the host itself (or --root DIR, --sysfs-root DIR), "
              "not a snapshot, a listing or a demo host\n");
    const auto german = isolactl("persist --vm x", "de_DE.UTF-8");
    EXPECT_EQ(german.out, "isolactl: persist braucht mindestens eine Geräteadresse\n");
    const auto french = isolactl("plan 01:00.0", "fr_FR.UTF-8");
    EXPECT_EQ(french.out, "isolactl: plan a besoin de la VM cible\u00a0: --vm NOM\n");
}

#ifdef ISOLA_HELPER_CLIENT_MODULE_DIR
// Without root, probe (like apply, restore, persist, unpersist) goes through isola-helper, whose
// client is a module isolactl loads beside itself or from the installed module directory. A copy
// of isolactl without it says so in one sentence, in the person's language, and does nothing.
TEST(Cli, WithoutRootAndWithoutItsHelperClientModuleAChangeIsRefusedInOneSentence) {
    if (::geteuid() != 0) GTEST_SKIP() << "runs isolactl as nobody, which needs root";
    const std::filesystem::path installed = std::filesystem::path(ISOLA_HELPER_CLIENT_MODULE_DIR) / "isolactl-helper-client.so";
    if (std::filesystem::exists(installed)) GTEST_SKIP() << installed << " is installed here";
    std::string dir_template = (std::filesystem::temp_directory_path() / "isola-cli-nomodule-XXXXXX").string();
    ASSERT_NE(::mkdtemp(dir_template.data()), nullptr);
    const std::filesystem::path dir = dir_template;
    std::filesystem::copy_file(ISOLACTL, dir / "isolactl");
    std::filesystem::permissions(dir, std::filesystem::perms::owner_all | std::filesystem::perms::group_read |
                                          std::filesystem::perms::group_exec | std::filesystem::perms::others_read |
                                          std::filesystem::perms::others_exec);
    std::filesystem::permissions(dir / "isolactl", std::filesystem::perms::owner_all | std::filesystem::perms::group_read |
                                                       std::filesystem::perms::group_exec | std::filesystem::perms::others_read |
                                                       std::filesystem::perms::others_exec);
    auto as_nobody = [&](const std::string& locale) {
        return run_shell("env -u LANGUAGE LC_ALL=" + locale + " ISOLA_LOCALEDIR=" + ISOLA_BUILD_LOCALEDIR +
                         " setpriv --reuid=65534 --regid=65534 --clear-groups -- " + (dir / "isolactl").string() +
                         " probe 0000:00:00.0 2>&1");
    };
    const std::string tried = (dir / "isolactl-helper-client.so").string() + ", " + installed.string();
    const auto en = as_nobody("C.UTF-8");
    EXPECT_EQ(en.status, 2);
    EXPECT_EQ(en.out, "isolactl: probe needs root or isola-helper, and isolactl cannot load its helper client (" + tried +
                          ": not found); reinstall Isola, or run it as root (for example sudo isolactl probe …)\n");
    const auto de = as_nobody("de_DE.UTF-8");
    EXPECT_EQ(de.status, 2);
    EXPECT_EQ(de.out, "isolactl: probe braucht root oder isola-helper, und isolactl kann seinen Client für das "
                      "Hilfsprogramm nicht laden (" + tried + ": nicht gefunden); installieren Sie Isola neu, oder "
                      "führen Sie es als root aus (zum Beispiel sudo isolactl probe …)\n");
    const auto fr = as_nobody("fr_FR.UTF-8");
    EXPECT_EQ(fr.status, 2);
    EXPECT_EQ(fr.out, "isolactl: probe a besoin de root ou d’isola-helper, et isolactl ne peut pas charger son client "
                      "du programme d’assistance (" + tried + " : introuvable) ; réinstallez Isola, ou lancez-le en "
                      "root (par exemple sudo isolactl probe …)\n");
    std::filesystem::remove_all(dir);
}
#endif
