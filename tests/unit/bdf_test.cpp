#include <gtest/gtest.h>

#include "topology/bdf.hpp"

using isola::Bdf;

TEST(Bdf, ParsesFullAddressAndPrintsItCanonically) {
    auto b = Bdf::parse("0000:0B:00.1");
    ASSERT_TRUE(b);
    EXPECT_EQ(b->domain, 0u);
    EXPECT_EQ(b->bus, 0x0b);
    EXPECT_EQ(b->device, 0);
    EXPECT_EQ(b->function, 1);
    EXPECT_EQ(b->str(), "0000:0b:00.1");
}

TEST(Bdf, AddressWithoutDomainIsDomainZero) {
    auto b = Bdf::parse("2f:1f.7");
    ASSERT_TRUE(b);
    EXPECT_EQ(b->str(), "0000:2f:1f.7");
    EXPECT_EQ(b->slot_str(), "0000:2f:1f");
}

TEST(Bdf, WideDomainsOfVmdAndHyperVAreKept) {
    auto b = Bdf::parse("10000:e1:00.0");
    ASSERT_TRUE(b);
    EXPECT_EQ(b->str(), "10000:e1:00.0");
}

TEST(Bdf, RejectsMalformedAndOutOfRangeAddresses) {
    for (const char* bad : {"", "0000:0b:00", "0b:20.0", "0b:00.8", "00:00.0 ", "zz:00.0", "0:00:00.0",
                            "0000:0b:00.1.2", "0000:0b::00.1", "1:2:3:4"})
        EXPECT_FALSE(Bdf::parse(bad)) << bad;
}

TEST(Bdf, OrdersByDomainBusDeviceFunction) {
    EXPECT_LT(*Bdf::parse("0000:00:1f.3"), *Bdf::parse("0000:01:00.0"));
    EXPECT_LT(*Bdf::parse("0000:ff:1f.7"), *Bdf::parse("0001:00:00.0"));
    EXPECT_TRUE(Bdf::parse("01:00.0")->same_slot(*Bdf::parse("0000:01:00.1")));
}
