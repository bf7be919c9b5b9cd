// Damaged and partial trees: the scan never crashes, unknowns say why, and a missing bus is a sentence.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "reader/describe_read.hpp"
#include "reader/device_attributes.hpp"
#include "reader/read_host.hpp"

using namespace isola;
namespace fs = std::filesystem;

namespace {

struct TempDir {
    fs::path path = fs::temp_directory_path() / ("isola-reader-" + std::to_string(::getpid()) + "-" +
                                                 ::testing::UnitTest::GetInstance()->current_test_info()->name());
    TempDir() { fs::create_directories(path); }
    ~TempDir() { fs::remove_all(path); }
};

void write(const fs::path& p, std::string_view text) {
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << text;
}

}  // namespace

TEST(ReaderErrors, NoPciBusIsOneSentence) {
    TempDir t;
    auto r = read_host(HostRoots::under(t.path));
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().message,
              "no PCI bus at " + (t.path / "sys/bus/pci/devices").string() +
                  ": sysfs is not mounted there, or this is not a sysfs root; pass the right --sysfs-root, or use a "
                  "snapshot or listing instead");
}

TEST(ReaderErrors, MissingAndMalformedFilesBecomeUnknownsNotCrashes) {
    TempDir t;
    // One function with only the files libpci needs, a 64-byte config (what non-root readers get),
    // an iommu_group link to a name that is not a number, and a garbage numa_node.
    const fs::path dev = t.path / "sys/devices/pci0000:00/0000:00:02.0";
    write(dev / "vendor", "0x8086\n");
    write(dev / "device", "0x10d3\n");
    write(dev / "class", "0x020000\n");
    write(dev / "revision", "0x00\n");
    write(dev / "subsystem_vendor", "0x8086\n");
    write(dev / "subsystem_device", "0x0000\n");
    write(dev / "irq", "0\n");
    write(dev / "resource", "");
    write(dev / "numa_node", "garbage\n");
    std::string config(64, '\0');
    config[0] = '\x86', config[1] = '\x80', config[2] = '\xd3', config[3] = '\x10';
    config[0x06] = '\x10';  // status: has a capability list...
    config[0x34] = '\x40';  // ...starting at 0x40, past what a reader without root may see
    write(dev / "config", config);
    fs::create_directories(t.path / "sys/bus/pci/devices");
    fs::create_symlink("../../../devices/pci0000:00/0000:00:02.0", t.path / "sys/bus/pci/devices/0000:00:02.0");
    fs::create_directories(t.path / "sys/kernel/iommu_groups/abc");
    fs::create_symlink("../../../kernel/iommu_groups/abc", dev / "iommu_group");

    auto r = read_host(HostRoots::under(t.path));
    ASSERT_TRUE(r) << r.error().message;
    ASSERT_EQ(r->devices().size(), 1u);
    const Device& d = r->devices().front();
    EXPECT_EQ(d.vendor_id, Fact<std::uint16_t>::known(0x8086));
    EXPECT_EQ(*d.class_id, 0x0200);
    EXPECT_EQ(d.subsystem_vendor_id.value_or(0), 0x8086);
    EXPECT_EQ(d.subsystem_device_id.value_or(0xffff), 0x0000);
    EXPECT_FALSE(d.port_type);
    EXPECT_EQ(d.port_type.why_unknown, "config space past 64 bytes needs root");
    EXPECT_FALSE(d.acs);
    EXPECT_FALSE(d.numa_node);
    EXPECT_EQ(d.numa_node.why_unknown, "numa_node is not provided by this kernel");
    EXPECT_FALSE(d.iommu_group);
    EXPECT_EQ(*d.driver, "");
    EXPECT_FALSE(d.parent);
    ASSERT_FALSE(r->diagnostics().empty());
    EXPECT_EQ(r->diagnostics().front().subject, "0000:00:02.0");
    EXPECT_EQ(r->diagnostics().front().message, "its iommu_group link names \"abc\", not a group number");
    EXPECT_FALSE(r->host().kernel_release);

    // The same diagnostics, in the same order, however many threads read the attributes.
    const auto at = [] { return std::chrono::system_clock::time_point{}; };
    auto one = read_host(HostRoots::under(t.path), {.clock = at, .threads = 1});
    auto four = read_host(HostRoots::under(t.path), {.clock = at, .threads = 4});
    ASSERT_TRUE(one && four);
    EXPECT_EQ(one->diagnostics(), four->diagnostics());
    EXPECT_EQ(*one, *four);
}

// A function whose sysfs directory cannot be opened (gone between listing and reading, or denied)
// must not read as "no driver, no reset, no VFs": every fact from it is unknown, and a diagnostic
// says so.
TEST(ReaderErrors, AnUnreadableDirectoryGivesUnknownsNotAbsences) {
    TempDir t;
    const sysfs::AttributeDir devices_dir(t.path);  // holds no 0000:00:02.0
    Device d;
    d.address = *Bdf::parse("0000:00:02.0");
    std::vector<Diagnostic> diagnostics;
    detail::read_device_attributes(devices_dir, d, diagnostics);
    const std::string why = "its sysfs directory is not readable";
    EXPECT_EQ(d.driver, Fact<std::string>::unknown(why));
    EXPECT_EQ(d.driver_override, Fact<std::string>::unknown(why));
    EXPECT_EQ(d.reset_methods, Fact<std::vector<std::string>>::unknown(why));
    EXPECT_EQ(d.sriov.num_vfs, Fact<int>::unknown(why));
    EXPECT_EQ(d.port_type, Fact<PortType>::unknown(why));
    EXPECT_EQ(d.acs, Fact<std::optional<AcsCapability>>::unknown(why));
    ASSERT_EQ(diagnostics.size(), 1u);
    EXPECT_EQ(diagnostics[0].subject, "0000:00:02.0");
    EXPECT_EQ(diagnostics[0].message,
              "its sysfs directory cannot be opened, so its driver, reset methods and configuration are not known; run "
              "the scan as root or check the permissions of /sys");
}

// A sysfs tree given without its /proc and /dev (isolactl --sysfs-root alone) must not borrow this
// machine's: the command line, /dev/iommu, routes and mounts stay unknown, with why.
TEST(ReaderErrors, ATreeWithoutProcOrDevRootsKnowsNothingFromThem) {
    TempDir t;
    const fs::path dev = t.path / "sys/devices/pci0000:00/0000:00:02.0";
    for (auto [file, text] : {std::pair{"vendor", "0x8086\n"}, {"device", "0x10d3\n"}, {"class", "0x020000\n"},
                              {"revision", "0x00\n"}, {"irq", "0\n"}, {"resource", ""}})
        write(dev / file, text);
    fs::create_directories(t.path / "sys/bus/pci/devices");
    fs::create_symlink("../../../devices/pci0000:00/0000:00:02.0", t.path / "sys/bus/pci/devices/0000:00:02.0");
    HostRoots roots{.sysfs = t.path / "sys", .proc = {}, .dev = {}, .etc = {}};
    auto r = read_host(roots);
    ASSERT_TRUE(r) << r.error().message;
    const auto& h = r->host();
    EXPECT_EQ(h.kernel_cmdline, Fact<std::string>::unknown("no /proc root was given for this tree"));
    EXPECT_EQ(h.kernel_parameters.has_acs_override(), Fact<bool>::unknown("no /proc root was given for this tree"));
    EXPECT_EQ(h.hostname, Fact<std::string>::unknown("no /proc root was given for this tree"));
    EXPECT_EQ(h.dev_iommu, Fact<bool>::unknown("no /dev root was given for this tree"));
    const Device& d = r->devices().front();
    const std::string no_proc = "no /proc root was given for this tree, so routes and mounts are not known";
    EXPECT_EQ(d.usage.net, Fact<std::vector<NetInterface>>::unknown(no_proc));
    EXPECT_EQ(d.usage.block, Fact<std::vector<BlockDevice>>::unknown(no_proc));
    EXPECT_EQ(d.usage.display, Fact<DisplayUse>::known({}));
    EXPECT_EQ(d.usage.unknown_categories(), (std::vector<UsageCategory>{UsageCategory::Network, UsageCategory::Storage}));
}

// A function that goes away mid-scan (VFs removed, hot unplug) is said as such, never as a failure
// (read_host leaves it out; the kernel lab removes VFs during scans on a real kernel).
TEST(ReaderErrors, AFunctionThatVanishedMidScanIsSaidInOneSentence) {
    const auto gone = read_diagnostic(ReadDiagnosticKind::Vanished, "0000:09:10.2");
    EXPECT_EQ(gone.subject, "0000:09:10.2");
    EXPECT_EQ(gone.message, "it disappeared while Isola read the bus (its VFs were removed, or it was unplugged), so it "
                            "is left out of this scan");
    const auto again = read_diagnostic(ReadDiagnosticKind::ScanRepeated, "/sys/bus/pci", "3");
    EXPECT_EQ(again.message, "functions disappeared while libpci listed the bus, so Isola listed it again (3 passes)");
}
