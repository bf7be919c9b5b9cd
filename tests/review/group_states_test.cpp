// classify_groups(): the state of each group from its members' drivers and host usage.
#include <gtest/gtest.h>

#include "../unit/topology_builder.hpp"
#include "review/group_states.hpp"

using namespace isola;
using namespace isola::test;

TEST(ReviewGroupStates, EachStateFromDriversAndUsage) {
    auto t = make_topology({
        {.bdf = "00:00.0", .class_id = 0x0600, .group = 0},                                      // host bridge
        {.bdf = "00:01.0", .class_id = 0x0604, .type = PortType::RootPort, .group = 1, .driver = "pcieport"},
        {.bdf = "01:00.0", .class_id = 0x0300, .group = 1, .parent = "00:01.0", .driver = "vfio-pci"},
        {.bdf = "01:00.1", .class_id = 0x0403, .group = 1, .parent = "00:01.0", .driver = "vfio-pci"},
        {.bdf = "02:00.0", .class_id = 0x0300, .group = 2, .driver = "vfio-pci"},
        {.bdf = "02:00.1", .class_id = 0x0403, .group = 2, .driver = "snd_hda_intel"},
        {.bdf = "03:00.0", .group = 3, .driver = "e1000e"},
        {.bdf = "04:00.0", .group = 4, .driver = ""},
    });
    const auto states = classify_groups(t);
    EXPECT_EQ(states.at(0), GroupState::HostCritical);
    EXPECT_EQ(states.at(1), GroupState::Viable);
    EXPECT_EQ(states.at(2), GroupState::Mixed);
    EXPECT_EQ(states.at(3), GroupState::HostOnly);
    EXPECT_EQ(states.at(4), GroupState::Viable);
}
