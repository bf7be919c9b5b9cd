// A throw-away host root for helper unit tests: <tmp>/sys/bus/pci/devices/<bdf>/config, laid
// out the way the kernel does it (the devices/ entry is a symlink into sys/devices).
#pragma once

#include <cstddef>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace isola::helper::testing {

namespace fs = std::filesystem;

class FakeSysfs : public ::testing::Test {
protected:
    void SetUp() override
    {
        std::string templ = (fs::temp_directory_path() / "isola-helper-test-XXXXXX").string();
        ASSERT_NE(::mkdtemp(templ.data()), nullptr);
        root = templ;
        fs::create_directories(root / "sys/bus/pci/devices");
    }
    void TearDown() override { fs::remove_all(root); }

    // A function whose config space holds `bytes`; returns the real device directory.
    fs::path add_device(const std::string& bdf, const std::vector<std::byte>& bytes)
    {
        const fs::path dir = root / "sys/devices/pci0000:00" / bdf;
        fs::create_directories(dir);
        std::ofstream(dir / "config", std::ios::binary)
            .write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
        fs::create_directory_symlink(fs::path("../../../devices/pci0000:00") / bdf,
                                     root / "sys/bus/pci/devices" / bdf);
        return dir;
    }

    // Config space that starts with vendor 0x8086, device 0x10d3 (an e1000e), then a counter.
    static std::vector<std::byte> config_bytes(std::size_t size)
    {
        std::vector<std::byte> out(size);
        for (std::size_t i = 0; i < size; ++i) {
            out[i] = static_cast<std::byte>(i & 0xff);
        }
        if (size >= 4) {
            out[0] = std::byte{0x86};
            out[1] = std::byte{0x80};
            out[2] = std::byte{0xd3};
            out[3] = std::byte{0x10};
        }
        return out;
    }

    fs::path root;
};

}  // namespace isola::helper::testing
