// The written tree has the files and formats core/reader/README.md reads, laid out as Linux does.
#include "machine_test_support.hpp"

#include <gtest/gtest.h>

#include <set>

using namespace isola::lab;
namespace fs = std::filesystem;

namespace {

std::string file(const fs::path& p) { return test::read_text(p); }

}  // namespace

TEST(WriteFixture, EveryMachineWrites) {
    for (const auto& f : test::machine_files()) {
        const auto stem = f.stem().string();
        const auto root = test::generate(stem);
        const auto spec = test::load_machine(stem);
        std::size_t listed = 0;
        for ([[maybe_unused]] const auto& e : fs::directory_iterator(root / "sys/bus/pci/devices")) ++listed;
        EXPECT_EQ(listed, static_cast<std::size_t>(function_count(spec))) << stem;
        EXPECT_TRUE(fs::exists(root / "proc/self/mountinfo")) << stem;
        EXPECT_TRUE(fs::exists(root / "dev")) << stem;
    }
}

TEST(WriteFixture, DeviceFilesUseKernelFormats) {
    const auto root = test::generate("edge-workstation");
    const fs::path gpu = root / "sys/bus/pci/devices/0000:01:00.0";
    EXPECT_EQ(fs::read_symlink(gpu), "../../../devices/pci0000:00/0000:00:01.0/0000:01:00.0");
    EXPECT_EQ(file(gpu / "vendor"), "0x10de\n");
    EXPECT_EQ(file(gpu / "class"), "0x030000\n");
    EXPECT_EQ(file(gpu / "revision"), "0xa1\n");
    EXPECT_EQ(file(gpu / "driver_override"), "(null)\n");
    EXPECT_EQ(file(gpu / "boot_vga"), "1\n");
    EXPECT_EQ(file(gpu / "current_link_speed"), "16.0 GT/s PCIe\n");
    EXPECT_EQ(file(gpu / "current_link_width"), "16\n");
    EXPECT_EQ(fs::read_symlink(gpu / "driver"), "../../../../bus/pci/drivers/nouveau");
    EXPECT_EQ(fs::read_symlink(gpu / "iommu_group"), "../../../../kernel/iommu_groups/1");
    EXPECT_FALSE(fs::exists(root / "sys/bus/pci/devices/0000:01:00.1/boot_vga"));
    EXPECT_TRUE(fs::exists(root / "sys/bus/pci/drivers/nouveau/0000:01:00.0/vendor"));
    EXPECT_TRUE(fs::exists(root / "sys/bus/pci/drivers/nouveau/unbind"));
    EXPECT_EQ(file(root / "sys/kernel/iommu_groups/1/type"), "DMA\n");
    EXPECT_TRUE(fs::exists(root / "sys/kernel/iommu_groups/1/devices/0000:02:00.0/vendor"));

    const auto config = file(gpu / "config");
    ASSERT_EQ(config.size(), 4096u);
    EXPECT_EQ(static_cast<unsigned char>(config[0x0e]), 0x80);  // multifunction, header type 0
    EXPECT_EQ(static_cast<unsigned char>(config[0x06]) & 0x10, 0x10);
    EXPECT_EQ(file(root / "sys/bus/pci/devices/0000:06:00.0/reset_method"), "");
    EXPECT_EQ(file(root / "sys/bus/pci/devices/0000:05:00.0/driver_override"), "vfio-pci\n");
    EXPECT_EQ(file(root / "sys/bus/pci/devices/0000:05:00.0/vfio-dev/vfio0/dev"), "238:0\n");
    EXPECT_TRUE(fs::exists(root / "dev/vfio/devices/vfio0"));
    EXPECT_TRUE(fs::exists(root / "dev/iommu"));
}

TEST(WriteFixture, HostUsageSitsBelowTheOwningFunction) {
    const auto root = test::generate("edge-workstation");
    EXPECT_EQ(fs::read_symlink(root / "sys/class/block/nvme0n1p2"),
              "../../devices/pci0000:00/0000:00:1b.0/0000:03:00.0/nvme/nvme0/nvme0n1/nvme0n1p2");
    EXPECT_EQ(file(root / "sys/class/block/nvme0n1p2/partition"), "2\n");
    EXPECT_EQ(file(root / "sys/class/block/nvme0n1p2/dev"), "259:2\n");
    EXPECT_NE(file(root / "proc/self/mountinfo").find(" 259:2 / / rw,relatime"), std::string::npos);
    EXPECT_EQ(file(root / "sys/class/net/enp4s0/operstate"), "up\n");
    EXPECT_NE(file(root / "proc/net/route").find("enp4s0\t00000000\t0101A8C0\t0003"), std::string::npos);
    EXPECT_NE(file(root / "proc/net/fib_trie").find("|-- 192.168.1.20\n        /32 host LOCAL"), std::string::npos);
    EXPECT_NE(file(root / "proc/net/if_inet6").find("20010db8000100000000000000000020 03 40 00 00   enp4s0"),
              std::string::npos);
    EXPECT_NE(file(root / "proc/net/ipv6_route").find(std::string(32, '0') + " 00 "), std::string::npos);
    EXPECT_EQ(fs::canonical(root / "sys/class/graphics/fb0/device"), fs::canonical(root / "sys/bus/pci/devices/0000:01:00.0"));
    EXPECT_TRUE(fs::exists(root / "sys/class/drm/card0/device"));
    EXPECT_EQ(file(root / "sys/class/sound/card2/id"), "Creative\n");
    const fs::path usb = root / "sys/bus/pci/devices/0000:00:14.0/usb1";
    EXPECT_EQ(file(usb / "1-1/idVendor"), "046d\n");
    EXPECT_EQ(file(usb / "1-1/1-1:1.0/bInterfaceProtocol"), "01\n");
    EXPECT_EQ(file(usb / "1-2/1-2:1.0/bInterfaceProtocol"), "02\n");
    EXPECT_EQ(file(root / "proc/sys/kernel/hostname"), "edge-workstation\n");
}

TEST(WriteFixture, SriovLinksAndVfConfig) {
    const auto root = test::generate("edge-sriov-64vfs");
    const fs::path pf = root / "sys/bus/pci/devices/0000:01:00.0";
    EXPECT_EQ(file(pf / "sriov_numvfs"), "64\n");
    EXPECT_EQ(file(pf / "sriov_totalvfs"), "64\n");
    EXPECT_EQ(fs::read_symlink(pf / "virtfn0"), "../0000:01:10.0");
    EXPECT_EQ(fs::read_symlink(pf / "virtfn63"), "../0000:01:1f.6");
    const fs::path vf = root / "sys/bus/pci/devices/0000:01:1f.6";
    EXPECT_EQ(fs::read_symlink(vf / "physfn"), "../0000:01:00.0");
    EXPECT_EQ(file(vf / "device"), "0x10ed\n");
    EXPECT_EQ(fs::read_symlink(vf / "driver"), "../../../../bus/pci/drivers/ixgbevf");
    const auto config = file(vf / "config");
    EXPECT_EQ(config.substr(0, 4), std::string(4, '\xff'));  // VF IDs read 0xffff in raw config space
    // 64 VFs, each its own group, after the explicit/auto groups of the other functions.
    std::set<std::string> groups;
    for (int n = 0; n < 64; ++n)
        groups.insert(fs::read_symlink(pf / ("virtfn" + std::to_string(n)) / "iommu_group").filename());
    EXPECT_EQ(groups.size(), 64u);
}

TEST(WriteFixture, NoIommuMachines) {
    const auto none = test::generate("edge-no-iommu");
    EXPECT_TRUE(fs::is_empty(none / "sys/kernel/iommu_groups"));
    EXPECT_FALSE(fs::exists(none / "sys/class/iommu"));
    EXPECT_FALSE(fs::exists(none / "sys/bus/pci/devices/0000:00:02.0/iommu_group"));

    const auto noiommu = test::generate("edge-noiommu-vfio");
    EXPECT_EQ(file(noiommu / "sys/kernel/iommu_groups/0/name"), "vfio-noiommu\n");
    EXPECT_EQ(file(noiommu / "sys/module/vfio/parameters/enable_unsafe_noiommu_mode"), "Y\n");
    EXPECT_TRUE(fs::exists(noiommu / "dev/vfio/noiommu-0"));
}

TEST(WriteFixture, ConventionalDevicesBehindAPcieToPciBridge) {
    const auto root = test::generate("edge-switch-bridge");
    EXPECT_EQ(file(root / "sys/bus/pci/devices/0000:06:01.0/config").size(), 256u);
    EXPECT_EQ(fs::read_symlink(root / "sys/bus/pci/devices/0000:06:01.0"),
              "../../../devices/pci0000:00/0000:00:03.0/0000:05:00.0/0000:06:01.0");
    EXPECT_FALSE(fs::exists(root / "sys/bus/pci/devices/0000:05:00.0/driver"));
}

TEST(WriteFixture, HoldersSwapProcessesAndUsbNetworkAdapters) {
    const auto root = test::generate("edge-host-use");
    // dm/md devices live under devices/virtual/block, linked both ways to what they sit on.
    EXPECT_EQ(file(root / "sys/class/block/dm-1/dm/name"), "vg0-root\n");
    EXPECT_EQ(file(root / "sys/class/block/dm-1/dev"), "254:1\n");
    EXPECT_EQ(fs::canonical(root / "sys/class/block/nvme0n1p2/holders/dm-0"),
              fs::canonical(root / "sys/devices/virtual/block/dm-0"));
    EXPECT_EQ(fs::canonical(root / "sys/class/block/dm-0/holders/dm-1"), fs::canonical(root / "sys/class/block/dm-1"));
    EXPECT_EQ(fs::canonical(root / "sys/class/block/dm-0/slaves/nvme0n1p2"), fs::canonical(root / "sys/class/block/nvme0n1p2"));
    // md127 sits on one partition of each SATA disk.
    EXPECT_TRUE(fs::exists(root / "sys/class/block/sda3/holders/md127"));
    EXPECT_TRUE(fs::exists(root / "sys/class/block/sdb1/holders/md127"));
    EXPECT_TRUE(fs::exists(root / "sys/class/block/md127/slaves/sdb1"));
    const auto mountinfo = file(root / "proc/self/mountinfo");
    EXPECT_NE(mountinfo.find(" 254:1 / / rw,relatime"), std::string::npos);
    EXPECT_NE(mountinfo.find(" 9:127 / /srv rw,relatime"), std::string::npos);
    const auto swaps = file(root / "proc/swaps");
    EXPECT_TRUE(swaps.starts_with("Filename"));
    EXPECT_NE(swaps.find("/dev/dm-2 "), std::string::npos);
    EXPECT_NE(swaps.find("/dev/sda1 "), std::string::npos);
    // Processes: fd links are absolute, as the kernel shows them.
    EXPECT_EQ(file(root / "proc/1234/comm"), "kwin_wayland\n");
    EXPECT_EQ(fs::read_symlink(root / "proc/1234/fd/3"), "/dev/dri/card0");
    EXPECT_FALSE(fs::is_directory(root / "proc/1/fd"));
    // The USB NIC's interface is below the USB interface, below the xHCI function.
    EXPECT_EQ(fs::read_symlink(root / "sys/class/net/enx00e04c680001"),
              "../../devices/pci0000:00/0000:00:1c.2/0000:05:00.0/usb3/3-1/3-1:1.0/net/enx00e04c680001");
    EXPECT_TRUE(fs::exists(root / "sys/class/drm/renderD128"));
}
