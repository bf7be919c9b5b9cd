// The helper's readconfig reply decodes with the reader's own capability walk: the same device,
// read by the helper as root and by the reader from sysfs, gives the same facts.
#include <gtest/gtest.h>

#include <cstdint>

#include "actions/readconfig.hpp"
#include "client/readconfig_facts.hpp"
#include "fake_sysfs.hpp"
#include "reader/config_space.hpp"

namespace isola::helper {
namespace {

using testing::FakeSysfs;

// A PCIe root port with AER and ACS (capability 0x005f, control 0x001d) in 4 KiB of config space.
std::vector<std::byte> root_port_with_acs()
{
    std::vector<std::byte> c(4096);
    auto u32 = [&](std::size_t at, std::uint32_t v) {
        for (std::size_t i = 0; i < 4; ++i) {
            c[at + i] = static_cast<std::byte>((v >> (8 * i)) & 0xff);
        }
    };
    u32(0x00, 0x10d38086);
    u32(0x04, 0x00100000);               // status: capability list
    u32(0x0c, 0x00010000);               // header type 1 (bridge)
    u32(0x34, 0x40);                     // capabilities at 0x40
    u32(0x40, 0x01 | 0x50 << 8);         // power management, next 0x50
    u32(0x50, 0x10 | (0x0042u << 16));   // PCIe, version 2, root port
    u32(0x100, 0x0001 | 1u << 16 | 0x148u << 20);  // AER, next 0x148
    u32(0x148, 0x000d | 1u << 16);                 // ACS, last
    u32(0x14c, 0x005f | 0x001du << 16);
    return c;
}

QVariantMap reply_with(const QByteArray& config)
{
    return {{QStringLiteral("config"), config}, {QStringLiteral("length"), static_cast<int>(config.size())}};
}

TEST_F(FakeSysfs, AReadconfigReplyDecodesAsTheReaderDecodesSysfs)
{
    const auto dir = add_device("0000:00:1c.0", root_port_with_acs());
    const auto reply = readconfig({{QStringLiteral("bdf"), QStringLiteral("0000:00:1c.0")}}, root);
    ASSERT_TRUE(reply) << english_sentence(reply.error());

    const ConfigFacts facts = readconfig_facts(*reply);
    EXPECT_EQ(facts, detail::read_config_facts(sysfs::AttributeDir(dir)));
    EXPECT_EQ(facts.port_type, Fact<PortType>::known(PortType::RootPort));
    ASSERT_TRUE(facts.acs && facts.acs->has_value());
    EXPECT_EQ((*facts.acs)->capability, 0x005f);
    EXPECT_EQ((*facts.acs)->control, 0x001d);
    EXPECT_EQ(facts.has_sriov_capability, false);
}

TEST(ReadconfigFacts, SixtyFourBytesAreWhatANonRootReaderSees)
{
    const auto image = root_port_with_acs();
    const auto facts = readconfig_facts(reply_with(QByteArray(reinterpret_cast<const char*>(image.data()), 64)));
    EXPECT_TRUE(facts.readable);
    EXPECT_EQ(facts.header_type, Fact<std::uint8_t>::known(0x01));
    EXPECT_EQ(facts.port_type, Fact<PortType>::unknown("config space past 64 bytes needs root"));
    EXPECT_EQ(facts.acs.why_unknown, "config space past 64 bytes needs root");
}

TEST(ReadconfigFacts, AReplyWithoutBytesIsUnreadable)
{
    const auto facts = readconfig_facts(QVariantMap{});
    EXPECT_FALSE(facts.readable);
    EXPECT_EQ(facts.header_type.why_unknown, "config space unreadable");
}

}  // namespace
}  // namespace isola::helper
