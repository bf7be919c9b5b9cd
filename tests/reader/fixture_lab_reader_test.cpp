// Every fixture-lab machine, written as a sysfs/proc tree, read by Isola and by the real lspci:
// addresses, IDs, drivers and groups must agree; the facts only Isola reads must match the
// description; and the snapshot of each machine must round-trip losslessly.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <format>
#include <fstream>
#include <map>
#include <sstream>

#include "fixture_lab.hpp"
#include "lspci_output.hpp"
#include "reader/read_host.hpp"
#include "snapshot/snapshot.hpp"
#include "support/require_tool.hpp"

using namespace isola;
namespace fs = std::filesystem;

namespace {

std::vector<fs::path> machine_files() {
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(ISOLA_FIXTURE_MACHINES_DIR))
        if (e.path().extension() == ".json") files.push_back(e.path());
    std::ranges::sort(files);
    return files;
}

// Each machine is written and read once for all tests about it (writing the larger ones takes a
// while under sanitizers); the trees are removed when the test program ends.
struct WrittenMachine {
    lab::MachineSpec spec;
    fs::path root;
    Topology topology;
    std::string error;
};

const WrittenMachine& written(const fs::path& file) {
    static std::map<fs::path, WrittenMachine> cache;
    static struct Cleanup {
        ~Cleanup() {
            for (auto& [f, m] : cache) fs::remove_all(m.root);
        }
    } cleanup;
    if (auto it = cache.find(file); it != cache.end()) return it->second;
    WrittenMachine m;
    std::ifstream in(file);
    std::stringstream text;
    text << in.rdbuf();
    auto parsed = lab::parse_machine_spec(text.str());
    if (!parsed) {
        m.error = parsed.error();
        return cache[file] = m;
    }
    m.spec = *parsed;
    m.root = fs::temp_directory_path() / std::format("isola-reader-lab-{}-{}", ::getpid(), m.spec.name);
    fs::remove_all(m.root);
    lab::write_fixture(m.spec, m.root);
    auto read = read_host(HostRoots::under(m.root));
    if (read) m.topology = std::move(*read);
    else m.error = read.error().message;
    return cache[file] = std::move(m);
}

class FixtureMachine : public ::testing::TestWithParam<fs::path> {
protected:
    void SetUp() override {
        machine = &written(GetParam());
        ASSERT_EQ(machine->error, "");
    }
    const WrittenMachine* machine = nullptr;
    const lab::MachineSpec& spec() const { return machine->spec; }
    const fs::path& root() const { return machine->root; }
    const Topology& topology() const { return machine->topology; }
};

}  // namespace

TEST_P(FixtureMachine, IsolaAndLspciAgreeOnEveryFunction) {
    ISOLA_REQUIRE_TOOL("lspci", "pciutils");
    auto lspci = test::lspci_records((root() / "sys/bus/pci").string());
    ASSERT_TRUE(lspci) << "lspci -vmmnk failed on " << root();
    ASSERT_EQ(topology().devices().size(), lspci->size());
    EXPECT_EQ(static_cast<int>(topology().devices().size()), lab::function_count(spec()));
    for (const auto& d : topology().devices()) {
        auto it = lspci->find(d.address.str());
        ASSERT_NE(it, lspci->end()) << d.address.str();
        EXPECT_EQ(d.pci_id().value_or("unknown"), it->second.ids) << d.address.str();
        EXPECT_EQ(d.driver.value_or("?"), it->second.driver) << d.address.str();
        EXPECT_EQ(d.iommu_group ? std::to_string(*d.iommu_group) : "", it->second.group) << d.address.str();
        EXPECT_EQ(std::format("{:04x}", d.class_id.value_or(0xffff)), it->second.cls) << d.address.str();
        // lspci leaves out some zero ProgIf/Rev lines: compare the numbers.
        auto hex = [](const std::string& s) { return s.empty() ? 0 : std::stoi(s, nullptr, 16); };
        EXPECT_EQ(d.prog_if.value_or(0xff), hex(it->second.prog_if)) << d.address.str();
        EXPECT_EQ(d.revision.value_or(0xff), hex(it->second.revision)) << d.address.str();
        // Isola takes subsystem IDs from config space (header, or a bridge's SSVID capability),
        // lspci from the sysfs files the kernel filled from the same registers.
        const std::uint16_t sv = d.subsystem_vendor_id.value_or(0);
        EXPECT_EQ(sv != 0 && sv != 0xffff ? std::format("{:04x}:{:04x}", sv, d.subsystem_device_id.value_or(0)) : "",
                  it->second.subsystem)
            << d.address.str();
    }
}

TEST_P(FixtureMachine, ResultDoesNotDependOnTheNumberOfThreads) {
    // Attribute files are read on several threads while libpci scans; diagnostics are put back in
    // scan order, so one thread and many give the same topology.
    const auto at = [] { return std::chrono::system_clock::time_point{}; };
    auto one = read_host(HostRoots::under(root()), {.clock = at, .threads = 1});
    auto many = read_host(HostRoots::under(root()), {.clock = at, .threads = 5});
    ASSERT_TRUE(one && many);
    EXPECT_EQ(*one, *many);
    EXPECT_EQ(one->diagnostics(), many->diagnostics());
}

TEST_P(FixtureMachine, ConfigSpaceFactsAreReadAsRoot) {
    // Fixtures give full config space, as root sees it: port type and ACS must be known.
    for (const auto& d : topology().devices()) {
        EXPECT_TRUE(d.port_type.is_known()) << d.address.str() << ": " << d.port_type.why_unknown;
        EXPECT_TRUE(d.acs.is_known()) << d.address.str() << ": " << d.acs.why_unknown;
        EXPECT_TRUE(d.multifunction.is_known()) << d.address.str();
    }
    EXPECT_EQ(topology().host().kernel_release.value_or(""), spec().kernel_release);
    // VFIO no-IOMMU mode makes groups (named vfio-noiommu) without any IOMMU.
    EXPECT_EQ(topology().has_groups(), spec().iommu != lab::IommuKind::None || spec().noiommu_mode);
}

TEST_P(FixtureMachine, SnapshotRoundTripIsLossless) {
    // The same host comes back; only its source says it is now a snapshot of what was read, and
    // saving it again writes the same file.
    auto back = snapshot_from_json(snapshot_to_json(topology()), spec().name);
    ASSERT_TRUE(back) << back.error().message;
    EXPECT_EQ(back->host(), topology().host());
    EXPECT_EQ(back->devices(), topology().devices());
    EXPECT_EQ(back->groups(), topology().groups());
    EXPECT_EQ(back->diagnostics(), topology().diagnostics());
    EXPECT_EQ(back->source().kind, SourceKind::Snapshot);
    EXPECT_EQ(back->source().snapshot_of, (SnapshotOf{topology().source().kind, topology().source().origin}));
    EXPECT_EQ(snapshot_to_json(*back), snapshot_to_json(topology()));
}

INSTANTIATE_TEST_SUITE_P(Lab, FixtureMachine, ::testing::ValuesIn(machine_files()),
                         [](const auto& machine) {
                             std::string n = machine.param.stem().string();
                             std::ranges::replace_if(n, [](char c) { return !std::isalnum(static_cast<unsigned char>(c)); }, '_');
                             return n;
                         });
