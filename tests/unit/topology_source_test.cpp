// One loader for every source; only a host read from roots carries roots (and so VM definitions).
#include <gtest/gtest.h>

#include <filesystem>
#include <unistd.h>

#include "review/vm_definition_sources.hpp"
#include "snapshot/snapshot.hpp"
#include "source/topology_source.hpp"
#include "topology_builder.hpp"

using namespace isola;

TEST(TopologySource, ALoadedSnapshotOfALiveHostIsASnapshotWithoutRoots) {
    Topology live(Source{SourceKind::LiveHost, "/sys", "", "2026-12-01T10:00:00Z", true}, HostFacts{},
                  {test::make_device({.bdf = "01:00.0", .group = 1, .driver = "igb"})}, {}, {});
    const auto file = std::filesystem::temp_directory_path() / ("isola-source-" + std::to_string(::getpid()) + ".json");
    ASSERT_TRUE(save_snapshot(live, file));
    auto loaded = load_topology(TopologySource::snapshot(file));
    std::filesystem::remove(file);
    ASSERT_TRUE(loaded) << loaded.error().message;
    const Source& s = loaded->topology.source();
    EXPECT_EQ(s.kind, SourceKind::Snapshot);
    EXPECT_EQ(s.origin, file.string());
    ASSERT_TRUE(s.snapshot_of);
    EXPECT_EQ(s.snapshot_of->kind, SourceKind::LiveHost);
    EXPECT_EQ(s.snapshot_of->origin, "/sys");
    EXPECT_EQ(s.captured_at, "2026-12-01T10:00:00Z");
    EXPECT_FALSE(s.from_listing());
    EXPECT_FALSE(loaded->roots);
    EXPECT_FALSE(loaded->demo);
    // The round trip of the devices is the snapshot tests' business; the source is this test's.
    EXPECT_EQ(snapshot_to_json(loaded->topology), snapshot_to_json(live));
}

TEST(TopologySource, ADemoHostIsALabelledListingWithoutRoots) {
    const auto demos = demo_host_list();
    ASSERT_FALSE(demos.empty());
    auto loaded = load_topology(TopologySource::demo_host(demos.front().name));
    ASSERT_TRUE(loaded) << loaded.error().message;
    ASSERT_TRUE(loaded->demo);
    EXPECT_EQ(loaded->demo->title, demos.front().title);
    EXPECT_TRUE(loaded->topology.source().from_listing());
    EXPECT_FALSE(loaded->roots);
    auto missing = load_topology(TopologySource::demo_host("no-such-host"));
    ASSERT_FALSE(missing);
    EXPECT_TRUE(missing.error().message.starts_with("there is no demo host \"no-such-host\"; the bundled ones are: "))
        << missing.error().message;
}

TEST(TopologySource, OnlyAnEtcRootLeadsToVmDefinitionDirectories) {
    const auto root = std::filesystem::temp_directory_path() / ("isola-etc-" + std::to_string(::getpid()));
    std::filesystem::create_directories(root / "etc/libvirt/qemu");
    std::filesystem::create_directories(root / "etc/pve/qemu-server");
    const auto found = standard_vm_definition_dirs(HostRoots::under(root));
    HostRoots no_etc = HostRoots::under(root);
    no_etc.etc.clear();
    const auto none = standard_vm_definition_dirs(no_etc);
    std::filesystem::remove_all(root);
    ASSERT_EQ(found.size(), 2u);
    EXPECT_EQ(found[0], (VmDefinitionDir{root / "etc/libvirt/qemu", VmDefinitionFormat::Libvirt}));
    EXPECT_EQ(found[1], (VmDefinitionDir{root / "etc/pve/qemu-server", VmDefinitionFormat::Proxmox}));
    EXPECT_TRUE(none.empty());
}
