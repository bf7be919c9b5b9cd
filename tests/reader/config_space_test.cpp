// The capability walk on hand-made config spaces: what each register layout means, that damaged
// capability chains end, and that the two register sources — sysfs' `config` file (the reader) and
// bytes in memory (the helper's readconfig reply) — decode every image identically.
// (Every fixture-lab machine and this host exercise the sysfs path too.)
#include <gtest/gtest.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <span>
#include <string>
#include <vector>

#include "reader/config_space.hpp"
#include "reader/device_attributes.hpp"

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

// The image written as a function directory's `config` file and read as the reader reads it.
ConfigFacts sysfs_facts_of(const Config& c) {
    const fs::path dir = fs::temp_directory_path() /
                         ("isola-config-" + std::to_string(::getpid()) + "-" +
                          ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::create_directories(dir);
    std::ofstream(dir / "config", std::ios::binary) << c.bytes;
    auto facts = detail::read_config_facts(sysfs::AttributeDir(dir));
    fs::remove_all(dir);
    return facts;
}

// The same image as bytes in memory (a copy, so a dword past the end really is outside it).
ConfigFacts bytes_facts_of(const Config& c) {
    const std::vector<std::uint8_t> bytes(c.bytes.begin(), c.bytes.end());
    return decode_config_facts(std::span<const std::uint8_t>(bytes));
}

// Both sources; every test below asserts on facts both gave alike.
ConfigFacts facts_of(const Config& c) {
    const auto from_file = sysfs_facts_of(c);
    EXPECT_EQ(from_file, bytes_facts_of(c)) << "the sysfs file and the same bytes in memory decode differently ("
                                            << c.bytes.size() << "-byte image)";
    return from_file;
}

// A register source that counts what the walk asks for, over the bytes of an image.
class CountedRegisters final : public ConfigRegisters {
public:
    explicit CountedRegisters(const Config& c) : bytes_(c.bytes.begin(), c.bytes.end()), inner_(bytes_) {}
    std::size_t size() const override { return inner_.size(); }
    std::optional<std::uint32_t> dword(unsigned offset) const override {
        offsets.push_back(offset);
        return inner_.dword(offset);
    }
    mutable std::vector<unsigned> offsets;

private:
    std::vector<std::uint8_t> bytes_;
    ConfigBytes inner_;
};

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

// Device/port type values the PCIe specification reserves are no port type: unknown, with why,
// never taken for an endpoint (which would let the ACS check reason about it).
TEST(ConfigSpace, AReservedPortTypeIsUnknownNotAnEndpoint) {
    for (unsigned reserved : {0x2u, 0x3u, 0xbu, 0xfu}) {
        const auto f = facts_of(pcie_function(4096, reserved));
        EXPECT_FALSE(f.port_type) << reserved;
        EXPECT_EQ(f.port_type.why_unknown,
                  "the PCIe capability gives a device/port type the PCIe specification reserves");
    }
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

TEST(ConfigSpace, BytesAreReadableOnlyInsideTheSpan) {
    const std::vector<std::uint8_t> bytes{0x86, 0x80, 0xd3, 0x10, 0x07, 0x04, 0x10, 0x00, 0xaa};
    const ConfigBytes config{std::span<const std::uint8_t>(bytes)};
    EXPECT_EQ(config.size(), 9u);
    EXPECT_EQ(config.dword(0), 0x10d38086u) << "little-endian, as on the bus";
    EXPECT_EQ(config.dword(4), 0x00100407u);
    EXPECT_EQ(config.dword(8), std::nullopt) << "one byte of the dword is past the end";
    EXPECT_EQ(config.dword(0xffc), std::nullopt);
    EXPECT_EQ(config.dword(0xfffffffc), std::nullopt) << "no wrap-around past the end";
}

TEST(ConfigSpace, A64ByteSpanIsWhatAReaderWithoutRootSees) {
    // The helper's reply, or a snapshot, holding only the 64 bytes the kernel serves non-root
    // readers: the same unknowns, with the same reasons, as reading sysfs without root.
    const Config full = pcie_function(4096, 0x4);
    const std::vector<std::uint8_t> bytes(full.bytes.begin(), full.bytes.begin() + 64);
    const auto f = decode_config_facts(std::span<const std::uint8_t>(bytes));
    EXPECT_TRUE(f.readable);
    EXPECT_EQ(f.header_type, Fact<std::uint8_t>::known(0));
    EXPECT_EQ(f.multifunction, Fact<bool>::known(false));
    EXPECT_EQ(f.port_type, Fact<PortType>::unknown("config space past 64 bytes needs root"));
    EXPECT_EQ(f.acs, Fact<std::optional<AcsCapability>>::unknown("config space past 64 bytes needs root"));
    EXPECT_EQ(f.has_sriov_capability, std::nullopt);

    Config header = full;
    header.bytes.resize(64);
    EXPECT_EQ(f, sysfs_facts_of(header));

    const auto none = decode_config_facts(std::span<const std::uint8_t>());
    EXPECT_FALSE(none.readable);
    EXPECT_EQ(none.port_type.why_unknown, "config space unreadable");
}

TEST(ConfigSpace, AnImageCutInsideACapabilityDecodesAlikeFromBothSources) {
    // ACS header at 0x148 inside the image, its registers at 0x14c cut: ACS is not known.
    Config port = pcie_function(4096, 0x4);
    port.ext(0x100, 0x0001, 0x148);
    port.ext(0x148, 0x000d, 0);
    port.u32(0x14c, 0x005f | 0x001d << 16);
    port.bytes.resize(0x14e);
    const auto f = facts_of(port);
    EXPECT_EQ(*f.port_type, PortType::RootPort);
    EXPECT_EQ(f.acs.why_unknown, "extended config space is not readable");

    // Cut inside the standard capability list: the PCIe capability at 0x50 is out of reach.
    Config cut = pcie_function(4096, 0x0);
    cut.bytes.resize(0x52);
    EXPECT_EQ(facts_of(cut).port_type.why_unknown, "config space past 64 bytes needs root");
}

TEST(ConfigSpace, TheWalkReadsOnlyTheDwordsItNeeds) {
    // Each dword read from sysfs is a device transaction: a root port with AER and ACS costs
    // eight, whichever source holds the registers.
    Config port = pcie_function(4096, 0x4);
    port.ext(0x100, 0x0001, 0x148);
    port.ext(0x148, 0x000d, 0);
    const CountedRegisters registers(port);
    const auto f = decode_config_facts(registers);
    EXPECT_TRUE(f.acs && f.acs->has_value());
    EXPECT_EQ(registers.offsets, (std::vector<unsigned>{0x0c, 0x04, 0x34, 0x40, 0x50, 0x100, 0x148, 0x14c}));
}

// A runtime-suspended function (a laptop's dGPU in D3cold) would wake for a read of its config
// file: the reader leaves it asleep, keeps what sysfs holds (its driver) and says why the config
// facts are unknown; asked for a full read, it reads them.
TEST(ConfigSpace, ASleepingFunctionIsNotWokenUnlessAFullReadIsAskedFor) {
    const fs::path devices = fs::temp_directory_path() / ("isola-asleep-" + std::to_string(::getpid()));
    const fs::path dir = devices / "0000:01:00.0";
    fs::create_directories(dir / "power");
    fs::create_directories(devices / "drivers" / "nouveau");
    Config gpu = pcie_function(4096, 0x0);
    gpu.u8(0x0e, 0x80);
    std::ofstream(dir / "config", std::ios::binary) << gpu.bytes;
    std::ofstream(dir / "power" / "runtime_status") << "suspended\n";
    fs::create_directory_symlink(devices / "drivers" / "nouveau", dir / "driver");

    const sysfs::AttributeDir devices_dir(devices);
    auto read = [&](bool wake) {
        Device d;
        d.address = *Bdf::parse("0000:01:00.0");
        std::vector<Diagnostic> diagnostics;
        detail::read_device_attributes(devices_dir, d, diagnostics, wake);
        EXPECT_TRUE(diagnostics.empty()) << diagnostics.front().message;
        return d;
    };
    const Device asleep = read(false);
    const std::string why =
        "not read: the device is asleep (runtime-suspended) and a read would wake it; ask for a full read to know";
    EXPECT_EQ(asleep.port_type, Fact<PortType>::unknown(why));
    EXPECT_EQ(asleep.acs, Fact<std::optional<AcsCapability>>::unknown(why));
    EXPECT_EQ(asleep.multifunction, Fact<bool>::unknown(why));
    EXPECT_EQ(asleep.driver, Fact<std::string>::known("nouveau")) << "what sysfs holds is read as usual";

    const Device woken = read(true);
    EXPECT_EQ(woken.port_type, Fact<PortType>::known(PortType::Endpoint));
    EXPECT_EQ(woken.multifunction, Fact<bool>::known(true));

    std::ofstream(dir / "power" / "runtime_status") << "active\n";
    EXPECT_EQ(read(false).port_type, Fact<PortType>::known(PortType::Endpoint)) << "an awake function is read";
    fs::remove_all(devices);
}
