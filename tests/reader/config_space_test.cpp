// read_config_facts() on hand-made config files: what each register layout means, and that
// damaged capability chains end. (Every fixture-lab machine and this host exercise it too.)
#include <gtest/gtest.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>

#include "reader/config_space.hpp"

using namespace isola;
namespace fs = std::filesystem;

namespace {

// A config space image being built; written as the function directory's `config` file.
struct Config {
    std::string bytes;
    explicit Config(std::size_t size) : bytes(size, '\0') {}
    void u8(unsigned at, unsigned v) { bytes[at] = static_cast<char>(v); }
    void u16(unsigned at, unsigned v) { u8(at, v & 0xff), u8(at + 1, v >> 8); }
    void u32(unsigned at, std::uint32_t v) { u16(at, v & 0xffff), u16(at + 2, v >> 16); }
    // A standard capability at `at` with `id`, linking to `next`, with `flags` in its upper word.
    void cap(unsigned at, unsigned id, unsigned next, unsigned flags = 0) { u32(at, id | next << 8 | flags << 16); }
    // An extended capability header.
    void ext(unsigned at, unsigned id, unsigned next) { u32(at, id | 1u << 16 | next << 20); }
};

Config pcie_function(std::size_t size, unsigned port_type) {
    Config c(size);
    c.u16(0x06, 0x0010);  // status: capability list
    c.u8(0x34, 0x40);
    c.cap(0x40, 0x01, 0x50);                           // power management
    c.cap(0x50, 0x10, 0x00, 0x0002 | port_type << 4);  // PCIe, version 2
    return c;
}

detail::ConfigFacts facts_of(const Config& c) {
    const fs::path dir = fs::temp_directory_path() /
                         ("isola-config-" + std::to_string(::getpid()) + "-" +
                          ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::create_directories(dir);
    std::ofstream(dir / "config", std::ios::binary) << c.bytes;
    auto facts = detail::read_config_facts(sysfs::AttributeDir(dir));
    fs::remove_all(dir);
    return facts;
}

}  // namespace

TEST(ConfigSpace, RootPortWithAcsAndAnSriovEndpoint) {
    Config port = pcie_function(4096, 0x4);
    port.u8(0x0e, 0x01);  // bridge header
    port.ext(0x100, 0x0001, 0x148);  // AER
    port.ext(0x148, 0x000d, 0);      // ACS
    port.u32(0x14c, 0x005f | 0x001d << 16);
    const auto p = facts_of(port);
    EXPECT_TRUE(p.readable);
    EXPECT_EQ(*p.header_type, 0x01);
    EXPECT_FALSE(*p.multifunction);
    EXPECT_EQ(*p.port_type, PortType::RootPort);
    ASSERT_TRUE(p.acs && p.acs->has_value());
    EXPECT_EQ((*p.acs)->capability, 0x005f);
    EXPECT_EQ((*p.acs)->control, 0x001d);
    EXPECT_EQ(p.has_sriov_capability, false);

    Config nic = pcie_function(4096, 0x0);
    nic.u8(0x0e, 0x80);  // multifunction
    nic.ext(0x100, 0x0010, 0);  // SR-IOV
    const auto n = facts_of(nic);
    EXPECT_TRUE(*n.multifunction);
    EXPECT_EQ(*n.port_type, PortType::Endpoint);
    EXPECT_TRUE(n.acs && !n.acs->has_value()) << "known: no ACS capability";
    EXPECT_EQ(n.has_sriov_capability, true);
}

TEST(ConfigSpace, ConventionalPciHasNoAcsToAskFor) {
    Config c(256);
    c.u16(0x06, 0x0010);
    c.u8(0x34, 0x40);
    c.cap(0x40, 0x01, 0x00);  // only power management: no PCIe capability
    const auto f = facts_of(c);
    EXPECT_EQ(*f.port_type, PortType::Conventional);
    EXPECT_TRUE(f.acs && !f.acs->has_value());
    EXPECT_EQ(f.has_sriov_capability, false);

    const auto bare = facts_of(Config(256));  // no capability list at all
    EXPECT_EQ(*bare.port_type, PortType::Conventional);
}

TEST(ConfigSpace, UnreadablePartsAreUnknownWithTheReason) {
    // A PCIe function whose config file has no extended space (no ECAM, or a PCI-X mode 1 path).
    const auto legacy = facts_of(pcie_function(256, 0x0));
    EXPECT_EQ(*legacy.port_type, PortType::Endpoint);
    EXPECT_FALSE(legacy.acs);
    EXPECT_EQ(legacy.acs.why_unknown, "extended config space is not readable");
    EXPECT_EQ(legacy.has_sriov_capability, std::nullopt);

    // What a reader without root gets: the 64-byte header, capabilities out of reach.
    Config header = pcie_function(4096, 0x0);
    header.bytes.resize(64);
    const auto user = facts_of(header);
    EXPECT_TRUE(user.header_type);
    EXPECT_FALSE(user.port_type);
    EXPECT_EQ(user.port_type.why_unknown, "config space past 64 bytes needs root");
    EXPECT_EQ(user.acs.why_unknown, "config space past 64 bytes needs root");

    const auto none = facts_of(Config(0));
    EXPECT_FALSE(none.readable);
    EXPECT_EQ(none.header_type.why_unknown, "config space unreadable");
}

TEST(ConfigSpace, LoopingCapabilityChainsEnd) {
    Config c = pcie_function(4096, 0x0);
    c.cap(0x40, 0x01, 0x48);
    c.cap(0x48, 0x05, 0x40);  // MSI pointing back to PM: never reaches the PCIe capability
    const auto f = facts_of(c);
    EXPECT_EQ(*f.port_type, PortType::Conventional);

    Config e = pcie_function(4096, 0x0);
    e.ext(0x100, 0x0001, 0x140);
    e.ext(0x140, 0x000b, 0x100);  // extended chain looping back
    const auto g = facts_of(e);
    EXPECT_TRUE(g.acs && !g.acs->has_value());
}
