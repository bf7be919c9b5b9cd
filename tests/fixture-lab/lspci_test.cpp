// Real part: the distribution's lspci (pciutils/libpci, sysfs method forced so it never falls
// back to this machine's hardware) reads every generated tree and sees exactly the spec.
#include "machine_layout.hpp"
#include "machine_test_support.hpp"

#include <gtest/gtest.h>

#include <cstdio>
#include <format>
#include <map>
#include <cctype>
#include <string_view>

using namespace isola::lab;

namespace {

std::string run_lspci(const std::filesystem::path& root, const std::string& args) {
    const auto command = std::format("{} -A linux-sysfs -O sysfs.path={}/sys/bus/pci {} 2>/dev/null", ISOLA_LSPCI,
                                     root.string(), args);
    std::string out;
    if (FILE* p = ::popen(command.c_str(), "r")) {
        char buf[4096];
        while (auto n = std::fread(buf, 1, sizeof buf, p)) out.append(buf, n);
        EXPECT_EQ(::pclose(p), 0) << command;
    }
    return out;
}

// "0000:01:00.0 VGA compatible controller [0300]: NVIDIA ... [10de:2484] (rev a1)" -> address, IDs.
std::map<std::string, std::string> listed_ids(const std::string& lspci) {
    // The last "[vvvv:dddd]" of the line (the class "[0300]" has no colon).
    auto is_id = [](std::string_view s) {
        if (s.size() != 11 || s[0] != '[' || s[5] != ':' || s[10] != ']') return false;
        for (std::size_t i : {1u, 2u, 3u, 4u, 6u, 7u, 8u, 9u})
            if (!std::isxdigit(static_cast<unsigned char>(s[i])) || std::isupper(static_cast<unsigned char>(s[i])))
                return false;
        return true;
    };
    std::map<std::string, std::string> out;
    std::istringstream in(lspci);
    for (std::string line; std::getline(in, line);) {
        std::string last;
        for (std::size_t at = line.find('['); at != std::string::npos; at = line.find('[', at + 1))
            if (is_id(std::string_view(line).substr(at, 11))) last = line.substr(at + 1, 9);
        out[line.substr(0, 12)] = last;
    }
    return out;
}

}  // namespace

TEST(Lspci, ListsExactlyTheSpecDevicesOfEveryMachine) {
    for (const auto& f : test::machine_files()) {
        const auto stem = f.stem().string();
        const auto root = test::generate(stem);
        auto layout = lay_out_machine(test::load_machine(stem));
        ASSERT_TRUE(layout) << layout.error();
        std::map<std::string, std::string> expected;
        for (const auto& fn : layout->functions)
            expected[fn.name] = std::format("{:04x}:{:04x}", fn.spec.vendor, fn.spec.device);
        EXPECT_EQ(listed_ids(run_lspci(root, "-D -nn")), expected) << stem;
    }
}

TEST(Lspci, ReadsPortTypesAcsAndSriovFromConfigSpace) {
    const auto root = test::generate("edge-switch-bridge");
    const auto root_port = run_lspci(root, "-vvv -s 00:02.0");
    EXPECT_NE(root_port.find("Express (v2) Root Port (Slot+)"), std::string::npos) << root_port;
    EXPECT_NE(root_port.find("ACSCtl:\tSrcValid+ TransBlk- ReqRedir+ CmpltRedir+ UpstreamFwd+"), std::string::npos);
    EXPECT_NE(root_port.find("IOMMU group: 2"), std::string::npos);
    const auto upstream = run_lspci(root, "-vvv -s 01:00.0");
    EXPECT_NE(upstream.find("Express (v2) Upstream Port"), std::string::npos);
    EXPECT_EQ(upstream.find("Access Control Services"), std::string::npos);
    const auto downstream = run_lspci(root, "-vvv -s 02:01.0");
    EXPECT_NE(downstream.find("Express (v2) Downstream Port (Slot+)"), std::string::npos);
    EXPECT_EQ(downstream.find("Access Control Services"), std::string::npos);  // shares group 6 with its endpoint
    const auto bridge = run_lspci(root, "-vvv -s 05:00.0");
    EXPECT_NE(bridge.find("Express (v2) PCI-Express to PCI/PCI-X Bridge"), std::string::npos);
    const auto e1000 = run_lspci(root, "-vvv -s 06:01.0");
    EXPECT_EQ(e1000.find("Express"), std::string::npos);
    EXPECT_NE(e1000.find("Kernel driver in use: e1000"), std::string::npos);

    const auto sriov = run_lspci(test::generate("edge-sriov-64vfs"), "-vvv -s 01:00.0");
    EXPECT_NE(sriov.find("Single Root I/O Virtualization (SR-IOV)"), std::string::npos);
    EXPECT_NE(sriov.find("Total VFs: 64, Number of VFs: 64"), std::string::npos) << sriov;
    EXPECT_NE(sriov.find("VF offset: 128, stride: 2, Device ID: 10ed"), std::string::npos);
}

TEST(Lspci, TreeFollowsBridgeBusNumbers) {
    const auto tree = run_lspci(test::generate("edge-switch-bridge"), "-t");
    EXPECT_EQ(tree,
              "-[0000:00]-+-00.0\n"
              "           +-01.0\n"
              "           +-02.0-[01-04]----00.0-[02-04]--+-00.0-[03]----00.0\n"
              "           |                               \\-01.0-[04]----00.0\n"
              "           +-03.0-[05-06]----00.0-[06]--+-01.0\n"
              "           |                            \\-02.0\n"
              "           +-1f.0\n"
              "           +-1f.2\n"
              "           \\-1f.3\n");
    const auto threadripper = run_lspci(test::generate("rw10-trx40-threadripper"), "-t");
    for (const char* root_bus : {"-[0000:00]-", "-[0000:20]-", "-[0000:40]-", "-[0000:60]-"})
        EXPECT_NE(threadripper.find(root_bus), std::string::npos) << root_bus;
}
