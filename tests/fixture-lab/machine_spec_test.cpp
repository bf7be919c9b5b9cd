// Machine descriptions: every shipped one parses, and mistakes come back as one clear sentence.
#include "machine_test_support.hpp"

#include <gtest/gtest.h>

using namespace isola::lab;

namespace {

std::string error_of(std::string_view json) {
    auto spec = parse_machine_spec(json);
    return spec ? std::string("(parsed)") : spec.error();
}

}  // namespace

TEST(MachineSpec, EveryMachineFileParses) {
    const auto files = test::machine_files();
    ASSERT_GE(files.size(), 16u);
    for (const auto& file : files) {
        auto spec = parse_machine_spec(test::read_text(file));
        EXPECT_TRUE(spec.has_value()) << file << ": " << (spec ? "" : spec.error());
    }
}

TEST(MachineSpec, RealWorldMachinesKeepTheirFunctionCounts) {
    EXPECT_EQ(function_count(test::load_machine("rw01-b550-aorus-pro")), 40);
    EXPECT_EQ(function_count(test::load_machine("rw10-trx40-threadripper")), 85);
    EXPECT_EQ(function_count(test::load_machine("edge-sriov-64vfs")), 69);
}

TEST(MachineSpec, ErrorsAreSentences) {
    EXPECT_EQ(error_of(R"({"name": "m", "devices": [{"bdf": "01:00.0", "id": "10de-1401", "class": "0300"}]})"),
              "device 01:00.0: \"id\" must be vendor:device in hex like \"10de:1401\"");
    EXPECT_EQ(error_of(R"({"name": "m", "devices": [{"bdf": "00:02.0", "id": "8086:1912", "class": "0300", "drvier": "i915"}]})"),
              "device 00:02.0: unknown field \"drvier\"");
    EXPECT_EQ(error_of(R"({"name": "m", "devices": [{"bdf": "1:0.0", "id": "8086:1912", "class": "0300"}]})"),
              "device 1:0.0: \"bdf\" must be an address like \"01:00.0\" or \"0000:01:00.0\"");
    EXPECT_EQ(error_of(R"({"name": "m", "devices": [{"bdf": "05:00.0", "id": "8086:1533", "class": "0200"}]})"),
              "device 0000:05:00.0 is on bus 05, which no bridge leads to: give a bridge \"secondary\": \"05\" or the "
              "device a \"parent\"");
    EXPECT_EQ(error_of(R"({"name": "m", "devices": [{"bdf": "00:02.0", "id": "8086:1912", "class": "0300"},
                                                     {"bdf": "00:02.0", "id": "8086:1912", "class": "0300"}]})"),
              "device 0000:00:02.0 is listed twice");
    EXPECT_EQ(error_of(R"({"name": "m", "iommu": "none", "devices": [{"bdf": "00:02.0", "id": "8086:1912", "class": "0300", "group": 3}]})"),
              "device 0000:00:02.0 is in group 3, but the machine has no IOMMU: groups then exist only in vfio no-IOMMU "
              "mode; set \"noiommu_mode\": true");
    EXPECT_EQ(error_of(R"({"name": "m", "devices": [{"bdf": "00:1f.3", "id": "8086:a348", "class": "0403", "boot_vga": true}]})"),
              "device 0000:00:1f.3 has boot_vga, but only VGA-class (0300) devices have that file");
    EXPECT_EQ(error_of(R"({"name": "m", "devices": [{"bdf": "00:01.0", "id": "8086:1901", "class": "0604",
                           "sriov": {"total": 4, "vfs": 8, "vf_device": "10ca"}}]})"),
              "device 00:01.0: sriov \"vfs\" 8 is more than \"total\" 4");
    EXPECT_EQ(error_of(R"({"name": "m", "devices": []})"), "the machine has no \"devices\" list");
    EXPECT_TRUE(error_of("{\"name\": ").starts_with("the machine description is not valid JSON: "));
}

TEST(MachineSpec, ScaleMachinesOfEveryShapeReachTheirSize) {
    for (ScaleShape shape : kScaleShapes) {
        EXPECT_EQ(scale_shape_named(to_string(shape)), shape);
        for (int target : {1024, 4096, 16384}) {
            const MachineSpec spec = scale_machine(target, shape);
            const int n = function_count(spec);
            EXPECT_GT(n, target * 94 / 100) << to_string(shape) << " " << target;
            EXPECT_LE(n, target * 103 / 100) << to_string(shape) << " " << target;
            EXPECT_EQ(validate_machine_spec(spec), std::nullopt) << to_string(shape) << " " << target;
        }
    }
    EXPECT_EQ(scale_shape_named("vf_heavy"), std::nullopt);
}
