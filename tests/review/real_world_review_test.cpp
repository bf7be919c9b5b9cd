// Acceptance: every listing in tests/data/real-world imported and reviewed. The shared-group
// situations each file's '#' header describes are reported with the right devices, and nothing
// else is (beyond the note on what a listing cannot tell).
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "importers/import_listing.hpp"
#include "review_test_support.hpp"

using namespace isola;
using namespace isola::test;

namespace {

Review review_file(const std::string& name) {
    std::ifstream in(std::string(ISOLA_TEST_DATA) + "/real-world/" + name);
    EXPECT_TRUE(in) << name;
    std::stringstream text;
    text << in.rdbuf();
    auto topology = import_listing(text.str(), ListingFormat::Auto, name);
    EXPECT_TRUE(topology.has_value()) << name;
    return topology ? review_host(*topology) : Review{};
}

struct Expected {
    std::string code;
    std::optional<GroupId> group;
    std::vector<const char*> devices;
};

struct RealWorldCase {
    std::string file;
    int exit_code;
    std::vector<Expected> findings;  // every finding but "listing-limits", in review order
    friend void PrintTo(const RealWorldCase& c, std::ostream* os) { *os << c.file; }
};

}  // namespace

class RealWorldReview : public testing::TestWithParam<RealWorldCase> {};

TEST_P(RealWorldReview, ReportsTheSituationsItsHeaderDescribes) {
    const auto& c = GetParam();
    const Review r = review_file(c.file);
    EXPECT_EQ(review_exit_code(r), c.exit_code) << render_review_text(r);
    // A listing never passes for a reviewed host: it always says what it could not tell.
    EXPECT_EQ(only(r, "listing-limits").severity, Severity::Note);

    std::vector<const ReviewFinding*> rest;
    for (const auto& f : r.findings)
        if (f.code != "listing-limits") rest.push_back(&f);
    ASSERT_EQ(rest.size(), c.findings.size()) << render_review_text(r);
    for (std::size_t i = 0; i < rest.size(); ++i) {
        EXPECT_EQ(rest[i]->code, c.findings[i].code) << i;
        EXPECT_EQ(rest[i]->group, c.findings[i].group) << rest[i]->code;
        std::vector<Bdf> devices;
        for (const char* d : c.findings[i].devices) devices.push_back(*Bdf::parse(d));
        EXPECT_EQ(rest[i]->devices, devices) << rest[i]->code;
    }
    // Every view renders whatever the listing held.
    EXPECT_FALSE(render_review_text(r).empty());
    EXPECT_FALSE(render_review_json(r).empty());
    EXPECT_FALSE(render_review_html(r).empty());
}

INSTANTIATE_TEST_SUITE_P(
    AllFiles, RealWorldReview,
    testing::Values(
        // Group 15: the whole B550 chipset with the host RX 550 and the RTL8125 NIC.
        RealWorldCase{"01_amd-b550-aorus-pro_gpu-in-chipset-group.txt", 0,
                      {{"shared-group", 15, {"02:00.0", "02:00.1", "04:00.0", "04:00.1", "05:00.0"}}}},
        RealWorldCase{"02_amd-x570-aorus-pro-wifi_dual-nvidia.txt", 0, {}},
        // GPU with the PEG root port only: a bridge does not make a group shared.
        RealWorldCase{"04_intel-z170-asrock-itx_gtx960.txt", 0, {}},
        // SATA, an i210 and both I350 ports on vfio-pci, each alone in its group.
        RealWorldCase{"05_server-fujitsu-primergy-tx1320m3_xeon-e3_c236.txt", 0,
                      {{"held-for-vfio", 4, {"00:17.0"}},
                       {"held-for-vfio", 12, {"04:00.0"}},
                       {"held-for-vfio", 13, {"05:00.0"}},
                       {"held-for-vfio", 14, {"05:00.1"}}}},
        // PCH xHCI with the shared SRAM; the RX 560 already on vfio-pci.
        RealWorldCase{"07_intel-z690-asus_i9-12900ks_alderlake_tb4_3formats.txt", 1,
                      {{"candidate-with-host-critical", 7, {"00:14.0", "00:14.2"}},
                       {"held-for-vfio", 23, {"04:00.0", "04:00.1"}}}},
        // The iGPU passed through on vfio-pci; GTX 1660 Ti's four functions are one device.
        RealWorldCase{"08_intel-raptorlake-msi_sriov-82576-vfs_plx-switch.txt", 1,
                      {{"candidate-with-host-critical", 6, {"00:14.0", "00:14.2"}},
                       {"held-for-vfio", 0, {"00:02.0"}}}},
        RealWorldCase{"10_hedt-threadripper3000-trx40_4-root-complexes_2xA6000.txt", 0, {}},
        RealWorldCase{"11_amd-am5-b650e-asus-strix_7600x_rx7900xt.txt", 0, {}},
        // CNVi WiFi shares group 4 with the PCH xHCI and shared SRAM.
        RealWorldCase{"13_laptop-msi-gf72-8re_coffeelake-h_gtx1060m.txt", 1,
                      {{"candidate-with-host-critical", 4, {"00:14.0", "00:14.2", "00:14.3"}}}},
        // Both HD 7970s and their audio functions in one group 1.
        RealWorldCase{"15_intel-z97-haswell_two-gpus-one-group_no-acs.txt", 0,
                      {{"shared-group", 1, {"01:00.0", "01:00.1", "02:00.0", "02:00.1"}}}},
        // iommu.sh marks reset methods: the xHCI and the RX 7600's audio have none.
        RealWorldCase{"17_intel-b560-rocketlake_rx7600_iommu-sh-usb-format.txt", 1,
                      {{"candidate-with-host-critical", 3, {"00:14.0", "00:14.2"}},
                       {"no-reset", 3, {"00:14.0"}},
                       {"no-reset", 13, {"03:00.1"}}}},
        RealWorldCase{"18_amd-b550-itx-5700g-apu_acs-override-applied.txt", 1, {{"acs-override", std::nullopt, {}}}},
        RealWorldCase{"20_server-epyc-rome-supermicro-h12ssw-nt_lspci-knn-only.txt", 1,
                      {{"no-group-data", std::nullopt, {}}}},
        RealWorldCase{"22_server-embedded-atom-c3558-supermicro-a2sdi_truenas.txt", 0,
                      {{"iommu-passthrough", std::nullopt, {}}}},
        RealWorldCase{"23_laptop-ivybridge-qm77_quadro-k2000m.txt", 0, {}},
        // The 300-series chipset group: USB, SATA and the I211 NIC.
        RealWorldCase{"24_amd-x370-ryzen1-two-rx580-isolated.txt", 0,
                      {{"shared-group", 15, {"03:00.0", "03:00.1", "1f:00.0"}}}}),
    [](const testing::TestParamInfo<RealWorldCase>& p) { return "file" + p.param.file.substr(0, 2); });

TEST(RealWorldReviewSentences, File01TheHostGpuInTheChipsetGroup) {
    EXPECT_EQ(only(review_file("01_amd-b550-aorus-pro_gpu-in-chipset-group.txt"), "shared-group", 15).sentence,
        "IOMMU group 15 holds passthrough "
        "candidates 0000:02:00.0 (500 Series Chipset USB 3.1 XHCI Controller), 0000:04:00.0 (Lexa PRO [Radeon "
        "540/540X/550/550X / RX 540X/550/550X]) and 0000:05:00.0 (RTL8125 2.5GbE Controller) together with "
        "0000:02:00.1 (500 Series Chipset SATA Controller) and 0000:04:00.1 (Baffin HDMI/DP Audio [Radeon RX 550 "
        "640SP / RX 560/560X]): VFIO takes the whole group, so these devices can go to one VM together or stay on "
        "the host together, never split between them");
}

TEST(RealWorldReviewSentences, File15TwoGpusInOneGroup) {
    EXPECT_EQ(only(review_file("15_intel-z97-haswell_two-gpus-one-group_no-acs.txt"), "shared-group", 1).sentence,
        "IOMMU group 1 holds passthrough "
        "candidates 0000:01:00.0 (Tahiti XT [Radeon HD 7970/8970 OEM / R9 280X]) and 0000:02:00.0 (Tahiti XT [Radeon "
        "HD 7970/8970 OEM / R9 280X]) together with 0000:01:00.1 (Tahiti XT HDMI Audio [Radeon HD 7970 Series]) and "
        "0000:02:00.1 (Tahiti XT HDMI Audio [Radeon HD 7970 Series]): VFIO takes the whole group, so these devices "
        "can go to one VM together or stay on the host together, never split between them");
}

TEST(RealWorldReviewSentences, File18TheAcsOverride) {
    EXPECT_EQ(only(review_file("18_amd-b550-itx-5700g-apu_acs-override-applied.txt"), "acs-override").sentence,
        "The ACS override "
        "(pcie_acs_override=downstream,multifunction) is active: the kernel treats root and downstream ports without "
        "ACS and functions of multifunction devices without ACS as isolated, so IOMMU groups may be smaller than "
        "what the hardware isolates and a group boundary does not prove isolation; devices it split apart can still "
        "reach each other by peer-to-peer DMA, so boot once without it to see the real groups before passing devices "
        "to a VM you do not trust");
}

TEST(RealWorldReviewSentences, File20NoGroupData) {
    const auto r = review_file("20_server-epyc-rome-supermicro-h12ssw-nt_lspci-knn-only.txt");
    EXPECT_EQ(only(r, "no-group-data").sentence, "20_server-epyc-rome-supermicro-h12ssw-nt_lspci-knn-only.txt has no "
        "IOMMU group data, so no group can be reviewed: it may come from a host with the IOMMU off or from a command "
        "that does not print groups (lspci without -v); capture /sys/kernel/iommu_groups/*/devices/* on that host "
        "and review again");
    EXPECT_EQ(r.iommu_summary, "The listing has no IOMMU group data, so it does not say whether an IOMMU was active.");
}

TEST(RealWorldReviewSentences, File13WifiBesideTheChipset) {
    EXPECT_EQ(only(review_file("13_laptop-msi-gf72-8re_coffeelake-h_gtx1060m.txt"), "candidate-with-host-critical", 4)
                  .sentence,
              "0000:00:14.0 (Cannon Lake PCH USB 3.1 xHCI Host Controller) and 0000:00:14.3 (Wireless-AC 9560 "
                  "[Jefferson Peak]) in IOMMU group 4 cannot be passed to a VM without taking what the host needs "
                  "with them: 0000:00:14.2 (Cannon Lake PCH Shared SRAM) is the chipset's RAM controller; VFIO takes "
                  "whole groups, so keep them on the host, or give a plug-in card a slot with its own IOMMU group");
}
