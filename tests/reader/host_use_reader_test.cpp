// Host use the kernel lets an unbind destroy, read from the fixture lab's edge-host-use tree:
// swap (/proc/swaps), device-mapper and md holders, processes holding DRM nodes open, and a USB
// network adapter behind an xHCI controller — then the plan's refusal, verbatim.
#include <gtest/gtest.h>

#include <filesystem>
#include <format>
#include <fstream>
#include <sstream>

#include "fixture_lab.hpp"
#include "plan/attach_plan.hpp"
#include "plan/describe_plan.hpp"
#include "reader/read_host.hpp"

using namespace isola;
namespace fs = std::filesystem;

namespace {

lab::MachineSpec host_use_spec() {
    std::ifstream in(fs::path(ISOLA_FIXTURE_MACHINES_DIR) / "edge-host-use.json");
    std::stringstream text;
    text << in.rdbuf();
    auto spec = lab::parse_machine_spec(text.str());
    if (!spec) throw std::runtime_error(spec.error());
    return *spec;
}

// Written once; removed when the test program ends.
const fs::path& written_root() {
    static const struct Tree {
        fs::path root = fs::temp_directory_path() / std::format("isola-host-use-{}", ::getpid());
        Tree() {
            fs::remove_all(root);
            lab::write_fixture(host_use_spec(), root);
        }
        ~Tree() { fs::remove_all(root); }
    } tree;
    return tree.root;
}

const Topology& host() {
    static const Topology t = [] {
        auto read = read_host(HostRoots::under(written_root()));
        if (!read) throw std::runtime_error(read.error().message);
        return std::move(*read);
    }();
    return t;
}

const Device& device(const char* bdf) { return *host().find(*Bdf::parse(bdf)); }

std::vector<std::string> refusals(std::initializer_list<const char*> bdfs) {
    AttachRequest r{.vm = "win11"};
    for (const char* b : bdfs) r.devices.push_back(*Bdf::parse(b));
    std::vector<std::string> out;
    for (const auto& refusal : plan_attach(host(), r).refusals) out.push_back(describe(refusal));
    return out;
}

using K = BlockHolder::Kind;

}  // namespace

TEST(HostUseReader, SwapPartitionsAreReadFromProcSwaps) {
    const auto& block = *device("03:00.0").usage.block;
    ASSERT_EQ(block.size(), 1u);
    ASSERT_EQ(block[0].partitions.size(), 3u);
    EXPECT_TRUE(block[0].partitions[0].swap);
    EXPECT_EQ(block[0].partitions[0].name, "sda1");
    EXPECT_FALSE(block[0].partitions[1].swap);
    EXPECT_FALSE(block[0].swap);
}

TEST(HostUseReader, HoldersAreFollowedUpTheStackWithNamesMountsAndSwap) {
    const auto& sda = device("03:00.0").usage.block->at(0);
    EXPECT_EQ(sda.partitions[1].holders, (std::vector<BlockHolder>{{K::DeviceMapper, "dm-3", "vg1-home", {"/home"}, false, {}}}));
    EXPECT_EQ(sda.partitions[1].mountpoints, (std::vector<std::string>{"/home"}));  // inherited, as before
    EXPECT_EQ(sda.partitions[2].holders, (std::vector<BlockHolder>{{K::Md, "md127", "", {"/srv"}, false, {}}}));
    // The same md array on the second controller's disk.
    EXPECT_EQ(device("04:00.0").usage.block->at(0).partitions.at(0).holders,
              (std::vector<BlockHolder>{{K::Md, "md127", "", {"/srv"}, false, {}}}));
    // / on LVM on dm-crypt on NVMe: the disk holds root through two layers; swap is on an LV.
    const auto& nvme = device("02:00.0").usage.block->at(0);
    EXPECT_TRUE(nvme.holds_root);
    EXPECT_EQ(nvme.partitions.at(1).holders,
              (std::vector<BlockHolder>{{K::DeviceMapper, "dm-0", "cryptroot", {}, false,
                                         {{K::DeviceMapper, "dm-1", "vg0-root", {"/"}, false, {}},
                                          {K::DeviceMapper, "dm-2", "vg0-swap", {}, true, {}}}}}));
}

TEST(HostUseReader, ProcessesHoldingDrmNodesOpenAreNamedPerGpu) {
    const auto& gpu = *device("01:00.0").usage.display;
    EXPECT_EQ(gpu.drm_cards, (std::vector<std::string>{"card0"}));
    EXPECT_EQ(gpu.openers, Fact<std::vector<DrmOpener>>::known({{"kwin_wayland", 1234, "card0"},
                                                                {"kwin_wayland", 1234, "renderD128"},
                                                                {"Xwayland", 1301, "renderD128"}}));
    // Nobody readable holds card1 open, but pid 1's fd table cannot be listed: not known, with why.
    EXPECT_EQ(device("00:02.0").usage.display->openers,
              Fact<std::vector<DrmOpener>>::unknown("the open files of other users' processes can be read only as root"));
    // Devices without DRM nodes know they have no openers.
    EXPECT_EQ(device("01:00.1").usage.display->openers, Fact<std::vector<DrmOpener>>::known({}));
}

TEST(HostUseReader, WithoutAProcRootDrmOpenersAreNotKnown) {
    HostRoots roots = HostRoots::under(written_root());
    roots.proc.clear();
    auto t = read_host(roots);
    ASSERT_TRUE(t);
    EXPECT_EQ(t->find(*Bdf::parse("01:00.0"))->usage.display->openers,
              Fact<std::vector<DrmOpener>>::unknown(
                  "no /proc root was given for this tree, so which processes hold its DRM nodes open is not known"));
}

TEST(HostUseReader, AUsbNetworkAdapterBelongsToItsXhciController) {
    const auto& net = *device("05:00.0").usage.net;
    ASSERT_EQ(net.size(), 1u);
    EXPECT_EQ(net[0].name, "enx00e04c680001");
    EXPECT_EQ(net[0].operstate, "up");
    EXPECT_TRUE(net[0].default_route_v4);
    ASSERT_FALSE(net[0].addresses.empty());
    EXPECT_EQ(net[0].addresses[0], "192.168.1.30/24");
    EXPECT_EQ(device("05:00.0").usage.usb->size(), 1u);
}

TEST(HostUseReader, EachUseBecomesTheRefusalItsSentenceSays) {
    EXPECT_EQ(refusals({"03:00.0"}),
              (std::vector<std::string>{
                  "cannot assign 0000:03:00.0 to \"win11\": it holds the host's swap space (sda1)",
                  "cannot assign 0000:03:00.0 to \"win11\": it holds sda2, which is part of device-mapper device "
                  "vg1-home (dm-3) mounted at /home",
                  "cannot assign 0000:03:00.0 to \"win11\": it holds sda3, which is part of RAID array md127 mounted at "
                  "/srv"}));
    EXPECT_EQ(refusals({"04:00.0"}), (std::vector<std::string>{
                                         "cannot assign 0000:04:00.0 to \"win11\": it holds sdb1, which is part of RAID "
                                         "array md127 mounted at /srv"}));
    EXPECT_EQ(refusals({"02:00.0"}), (std::vector<std::string>{
                                         "cannot assign 0000:02:00.0 to \"win11\": it holds the host's root filesystem "
                                         "(/ on nvme0n1p2)"}));
    EXPECT_EQ(refusals({"01:00.0", "01:00.1"}),
              (std::vector<std::string>{
                  "cannot assign 0000:01:00.0 to \"win11\": it is in use by kwin_wayland (pid 1234) and Xwayland (pid "
                  "1301), which hold its DRM nodes open (card0, renderD128)"}));
    EXPECT_EQ(refusals({"00:02.0"}), (std::vector<std::string>{
                                         "cannot assign 0000:00:02.0 to \"win11\": it drives the host's console"}));
    EXPECT_EQ(refusals({"05:00.0"}), (std::vector<std::string>{
                                         "cannot assign 0000:05:00.0 to \"win11\": it carries the host's default route "
                                         "(enx00e04c680001)"}));
}
