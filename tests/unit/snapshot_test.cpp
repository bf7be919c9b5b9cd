#include <gtest/gtest.h>

#include <algorithm>
#include <functional>

#include <nlohmann/json.hpp>

#include <filesystem>

#include "reader/read_host.hpp"
#include "snapshot/snapshot.hpp"

using namespace isola;

namespace {

// Every field set, known and unknown, so a lossy field shows up as an inequality.
Topology full_topology() {
    Device gpu;
    gpu.address = *Bdf::parse("0000:0b:00.0");
    gpu.vendor_id = Fact<std::uint16_t>::known(0x10de);
    gpu.device_id = Fact<std::uint16_t>::known(0x1b80);
    gpu.subsystem_vendor_id = Fact<std::uint16_t>::known(0x1458);
    gpu.subsystem_device_id = Fact<std::uint16_t>::unknown("not in a pasted listing");
    gpu.class_id = Fact<std::uint16_t>::known(0x0300);
    gpu.prog_if = Fact<std::uint8_t>::known(0);
    gpu.revision = Fact<std::uint8_t>::known(0xa1);
    gpu.vendor_name = "NVIDIA Corporation";
    gpu.device_name = "GP104 [GeForce GTX 1080]";
    gpu.class_name = "VGA compatible controller";
    gpu.header_type = Fact<std::uint8_t>::known(0x80);
    gpu.multifunction = Fact<bool>::known(true);
    gpu.port_type = Fact<PortType>::known(PortType::Endpoint);
    gpu.acs = Fact<std::optional<AcsCapability>>::known(std::nullopt);
    gpu.link.current_speed = Fact<std::string>::known("8.0 GT/s PCIe");
    gpu.link.current_width = Fact<int>::known(16);
    gpu.link.max_speed = Fact<std::string>::unknown("not a PCIe device");
    gpu.link.max_width = Fact<int>::unknown("not a PCIe device");
    gpu.parent = *Bdf::parse("0000:00:03.1");
    gpu.iommu_group = 14;
    gpu.driver = Fact<std::string>::known("nouveau");
    gpu.driver_override = Fact<std::string>::known("");
    gpu.vfio_cdev = Fact<std::string>::known("");
    gpu.reset_methods = Fact<std::vector<std::string>>::known({"flr", "bus"});
    gpu.boot_vga = Fact<bool>::known(true);
    gpu.numa_node = Fact<int>::known(-1);
    gpu.usage.display = Fact<DisplayUse>::known(
        {{"card0"}, true, Fact<std::vector<DrmOpener>>::known({{"kwin_wayland", 1234, "card0"}, {"Xwayland", 1301, "renderD128"}})});
    gpu.usage.net = Fact<std::vector<NetInterface>>::known({{"enp11s0", "up", {"192.0.2.10/24", "2001:db8::1/64"}, true, false}});
    using K = BlockHolder::Kind;
    gpu.usage.block = Fact<std::vector<BlockDevice>>::known(
        {{"nvme0n1", {}, true,
          {{"nvme0n1p2", {"/"}, true, {}, false,
            {{K::DeviceMapper, "dm-0", "cryptroot", {}, false, {{K::DeviceMapper, "dm-1", "vg0-root", {"/"}, false, {}}}}}},
           {"nvme0n1p3", {}, false, {}, true, {}},
           {"nvme0n1p4", {"/srv"}, false, {}, false, {{K::Md, "md127", "", {"/srv"}, false, {}}}}}}});
    gpu.usage.usb = Fact<std::vector<UsbDevice>>::known({{"1-2", "Logitech USB Receiver", true, true}});
    gpu.usage.sound = Fact<std::vector<SoundCard>>::known({{"card1", "NVidia"}});

    Device port;
    port.address = *Bdf::parse("0000:00:03.1");
    port.vendor_id = Fact<std::uint16_t>::known(0x1022);
    port.device_id = Fact<std::uint16_t>::known(0x1483);
    port.port_type = Fact<PortType>::known(PortType::RootPort);
    port.acs = Fact<std::optional<AcsCapability>>::known(AcsCapability{0x5f, 0x1d});
    port.sriov.num_vfs = Fact<int>::known(0);
    port.sriov.vfs = {*Bdf::parse("0000:0c:10.0")};
    port.sriov.physfn = *Bdf::parse("0000:0c:00.0");
    port.iommu_group = 2;

    HostFacts host;
    host.hostname = Fact<std::string>::known("desk");
    host.kernel_release = Fact<std::string>::known("6.12.0");
    host.kernel_cmdline = Fact<std::string>::unknown("proc/cmdline is not readable");
    host.iommu_mode = Fact<IommuMode>::known(IommuMode::Passthrough);
    host.iommu_drivers = Fact<std::vector<std::string>>::known({"ivhd0"});
    host.dev_iommu = Fact<bool>::known(true);
    host.vfio_cdev_support = Fact<bool>::known(false);
    host.vfio_noiommu = Fact<bool>::unknown("the vfio module is not loaded");
    // The command line is not known, but a source mentioned two parameters: those fields are known.
    host.kernel_parameters = kernel_parameters_from_mentions({"amd_iommu=on", "iommu=pt"}, "proc/cmdline is not readable");

    Source source{SourceKind::LiveHost, "/sys", "", "2026-11-24T20:00:00Z", true};
    IommuGroup g14{14, Fact<std::string>::known("identity"), {}, false};
    return Topology(source, host, {gpu, port}, {g14}, {{"0000:0b:00.0", "a note"}});
}

// A loaded snapshot is the same host, but its source says "snapshot of" what it was taken of.
void expect_same_host(const Topology& back, const Topology& original, const std::string& file) {
    EXPECT_EQ(back.host(), original.host());
    EXPECT_EQ(back.devices(), original.devices());
    EXPECT_EQ(back.groups(), original.groups());
    EXPECT_EQ(back.diagnostics(), original.diagnostics());
    EXPECT_EQ(back.source().kind, SourceKind::Snapshot);
    EXPECT_EQ(back.source().origin, file);
    EXPECT_EQ(back.source().snapshot_of, (SnapshotOf{original.source().kind, original.source().origin}));
    EXPECT_EQ(back.source().captured_at, original.source().captured_at);
    EXPECT_EQ(back.source().format, original.source().format);
    EXPECT_EQ(back.source().tree_known, original.source().tree_known);
}

}  // namespace

TEST(Snapshot, RoundTripIsLosslessForEveryField) {
    const Topology t = full_topology();
    auto back = snapshot_from_json(snapshot_to_json(t), "memory");
    ASSERT_TRUE(back) << back.error().message;
    expect_same_host(*back, t, "memory");
    EXPECT_EQ(snapshot_to_json(*back), snapshot_to_json(t));
}

TEST(Snapshot, RoundTripOfThisMachineThroughAFile) {
    auto live = read_host(HostRoots{});
    if (!live) GTEST_SKIP() << live.error().message;
    const auto file = std::filesystem::temp_directory_path() / ("isola-snapshot-" + std::to_string(::getpid()) + ".json");
    ASSERT_TRUE(save_snapshot(*live, file));
    auto back = load_snapshot(file);
    std::filesystem::remove(file);
    ASSERT_TRUE(back) << back.error().message;
    expect_same_host(*back, *live, file.string());
}

TEST(Snapshot, NewerVersionIsRefusedWithASentence) {
    auto r = snapshot_from_json(R"({"format": "isola-snapshot", "version": 7})", "host.json");
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().message,
              "host.json was written by a newer Isola (snapshot format version 7; this Isola reads up to version 2): "
              "update Isola to read it");
}

TEST(Snapshot, CorruptFilesAreRefusedWithASentence) {
    auto not_json = snapshot_from_json("{\"format\": \"isola-snap", "host.json");
    ASSERT_FALSE(not_json);
    EXPECT_EQ(not_json.error().message,
              "host.json is not an Isola snapshot: it is not valid JSON (at byte 23); take a new snapshot with "
              "'isolactl snapshot save'");

    auto other = snapshot_from_json(R"({"devices": []})", "host.json");
    ASSERT_FALSE(other);
    EXPECT_EQ(other.error().message,
              "host.json is not an Isola snapshot (no \"format\": \"isola-snapshot\"); to read a pasted listing use "
              "'isolactl import'");
    // Found by fuzz-snapshot-loader: a "format" that is not a string (here a duplicate key, the
    // last one wins) must be the same sentence, not an exception.
    auto array_format = snapshot_from_json(R"({"format": "isola-snapshot", "format": [1], "version": 1})", "host.json");
    ASSERT_FALSE(array_format);
    EXPECT_EQ(array_format.error().message, other.error().message);

    std::string text = snapshot_to_json(full_topology());
    text.replace(text.find("\"0000:0b:00.0\""), 14, "\"0000:zz:00.0\"");
    auto damaged = snapshot_from_json(text, "host.json");
    ASSERT_FALSE(damaged);
    EXPECT_EQ(damaged.error().message,
              "host.json is damaged: snapshot.devices[1].address \"0000:zz:00.0\" is not a PCI address; take a new "
              "snapshot");
}

TEST(Snapshot, MissingFileIsASentence) {
    auto r = load_snapshot("/nonexistent/host.json");
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().message, "cannot read the snapshot /nonexistent/host.json: there is no such file");
}

// Version 1 wrote only the usage categories in use (a listing's devices had none) and always
// wrote the IDs: it reads as "none found" for a host, "not known" for a listing.
TEST(Snapshot, VersionOneUsageReadsAsWhatItMeant) {
    for (bool listing : {false, true}) {
        Topology t = full_topology();
        auto doc = nlohmann::json::parse(snapshot_to_json(t));
        doc["version"] = 1;
        if (listing) doc["source"]["kind"] = "listing";
        for (auto& d : doc["devices"]) d["usage"] = nlohmann::json::object();
        doc["devices"][0]["usage"]["sound"] = nlohmann::json::array({{{"card", "card1"}, {"name", "NVidia"}}});
        auto back = snapshot_from_json(doc.dump(), "old.json");
        ASSERT_TRUE(back) << back.error().message;
        const DeviceUsage& gpu = back->devices().at(0).usage;
        EXPECT_EQ(gpu.sound, Fact<std::vector<SoundCard>>::known({{"card1", "NVidia"}}));
        if (listing) {
            EXPECT_EQ(gpu.net, Fact<std::vector<NetInterface>>::unknown("not in a pasted listing"));
            EXPECT_EQ(back->devices().at(1).usage, DeviceUsage::unknown("not in a pasted listing"));
        } else {
            EXPECT_EQ(gpu.net, Fact<std::vector<NetInterface>>::known({}));
            EXPECT_EQ(back->devices().at(1).usage, DeviceUsage::none());
        }
    }
}

// Swap, holders and DRM openers came later in version 2: a snapshot written before them reads
// as no swap and no holders, and its GPUs' openers as not recorded (never as "nobody").
TEST(Snapshot, VersionTwoWithoutSwapHoldersOrOpenersReadsAsNotRecorded) {
    auto doc = nlohmann::json::parse(snapshot_to_json(full_topology()));
    auto gpu_json = std::ranges::find(doc["devices"], "0000:0b:00.0", [](const nlohmann::json& d) { return d["address"]; });
    ASSERT_NE(gpu_json, doc["devices"].end());
    auto& usage = (*gpu_json)["usage"];
    usage["display"].erase("openers");
    std::function<void(nlohmann::json&)> strip = [&](nlohmann::json& b) {
        b.erase("swap");
        b.erase("holders");
        for (auto& p : b["partitions"]) strip(p);
    };
    for (auto& b : usage["block"]) strip(b);
    auto back = snapshot_from_json(doc.dump(), "older.json");
    ASSERT_TRUE(back) << back.error().message;
    const DeviceUsage& gpu = back->find(*Bdf::parse("0b:00.0"))->usage;
    EXPECT_EQ(gpu.display->openers, Fact<std::vector<DrmOpener>>::unknown("not recorded in this snapshot"));
    EXPECT_FALSE(gpu.block->at(0).partitions.at(1).swap);
    EXPECT_TRUE(gpu.block->at(0).partitions.at(0).holders.empty());
    EXPECT_EQ(gpu.block->at(0).partitions.at(0).mountpoints, (std::vector<std::string>{"/"}));
}

// Version 2 keeps unknown IDs unknown (a listing without them), never 0000.
TEST(Snapshot, UnknownIdsStayUnknown) {
    Topology t = full_topology();
    auto devices = t.devices();
    devices[0].vendor_id = Fact<std::uint16_t>::unknown("not in a pasted listing");
    devices[0].device_id = Fact<std::uint16_t>::unknown("not in a pasted listing");
    const Topology without(t.source(), t.host(), devices, t.groups(), t.diagnostics());
    auto back = snapshot_from_json(snapshot_to_json(without), "memory");
    ASSERT_TRUE(back) << back.error().message;
    EXPECT_EQ(back->devices().at(0).vendor_id, Fact<std::uint16_t>::unknown("not in a pasted listing"));
    EXPECT_EQ(back->devices().at(0).pci_id(), std::nullopt);
}
