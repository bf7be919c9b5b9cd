// Damaged and partial trees: the scan never crashes, unknowns say why, and a missing bus is a sentence.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

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
    EXPECT_EQ(d.vendor_id, 0x8086);
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
