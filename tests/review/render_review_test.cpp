// The three views of a review: text for isolactl, JSON for scripts, one self-contained HTML page.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "review_test_support.hpp"

using namespace isola;
using namespace isola::test;

namespace {

Review small_review() {
    Review r;
    r.origin = "host<1>";
    r.source_kind = SourceKind::Snapshot;
    r.iommu_summary = "An IOMMU is active and translates DMA for every group.";
    r.findings = {{Severity::Blocker, "mixed-group", "group 3 <script>alert('x')</script> & more", {*Bdf::parse("03:00.0")},
                   3, {}},
                  {Severity::Note, "boot-gpu", "0000:01:00.0 is the boot GPU", {*Bdf::parse("01:00.0")}, 1, {"win \"11\""}}};
    r.groups = {{3, GroupState::Mixed, {{*Bdf::parse("03:00.0"), "Tahiti <XT>", "VGA compatible controller",
                                         std::string("vfio-pci"), {"win \"11\""}},
                                        {*Bdf::parse("03:00.1"), "Tahiti HDMI", "Audio device", std::nullopt, {}}}}};
    r.vm_sources = {"win \"11\" (libvirt, /etc/libvirt/qemu/win11.xml)"};
    return r;
}

}  // namespace

TEST(ReviewRender, TextIsOneLinePerFindingAfterASummary) {
    EXPECT_EQ(render_review_text(small_review()),
              "Review of host<1> (snapshot): 1 blocker, 0 to confirm, 1 note\n"
              "IOMMU: An IOMMU is active and translates DMA for every group.\n"
              "VM definitions:\n"
              "  win \"11\" (libvirt, /etc/libvirt/qemu/win11.xml)\n"
              "\n"
              "[blocker] mixed-group, group 3: group 3 <script>alert('x')</script> & more\n"
              "[note] boot-gpu, group 1: 0000:01:00.0 is the boot GPU\n");
    Review clean;
    clean.origin = "/";
    clean.iommu_summary = "An IOMMU is active and translates DMA for every group.";
    EXPECT_NE(render_review_text(clean).find("No findings.\n"), std::string::npos);
}

TEST(ReviewRender, JsonCarriesCodesSeveritiesAndTheExitCode) {
    const auto doc = nlohmann::json::parse(render_review_json(small_review()));
    EXPECT_EQ(doc["schema"], "isola-review/1");
    EXPECT_EQ(doc["exit_code"], 2);
    EXPECT_EQ(doc["counts"]["blocker"], 1);
    EXPECT_EQ(doc["findings"][0]["code"], "mixed-group");
    EXPECT_EQ(doc["findings"][0]["severity"], "blocker");
    EXPECT_EQ(doc["findings"][0]["devices"][0], "0000:03:00.0");
    EXPECT_EQ(doc["findings"][1]["vms"][0], "win \"11\"");
    EXPECT_EQ(doc["groups"][0]["state"], "mixed");
    EXPECT_TRUE(doc["groups"][0]["members"][1]["driver"].is_null());
}

TEST(ReviewRender, JsonSurvivesInvalidUtf8FromAPastedListing) {
    Review r = small_review();
    r.groups[0].members[0].name = "bad \xff name";
    const auto doc = nlohmann::json::parse(render_review_json(r));
    EXPECT_EQ(doc["groups"][0]["members"][0]["name"], "bad \xef\xbf\xbd name");  // U+FFFD
}

TEST(ReviewRender, HtmlIsSelfContainedEscapedAndFollowsTheColourScheme) {
    const std::string html = render_review_html(small_review());
    EXPECT_TRUE(html.starts_with("<!DOCTYPE html>"));
    EXPECT_NE(html.find("prefers-color-scheme: dark"), std::string::npos);
    EXPECT_NE(html.find("<meta name=\"color-scheme\" content=\"light dark\">"), std::string::npos);
    // Nothing loads from elsewhere and nothing runs.
    for (const char* external : {"http://", "https://", "<script", "<link", "src=", "@import", "url("})
        EXPECT_EQ(html.find(external), std::string::npos) << external;
    EXPECT_NE(html.find("group 3 &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; more"), std::string::npos);
    EXPECT_NE(html.find("<title>Isola review: host&lt;1&gt;</title>"), std::string::npos);
    EXPECT_NE(html.find("Tahiti &lt;XT&gt;"), std::string::npos);
    EXPECT_NE(html.find("win &quot;11&quot;"), std::string::npos);
    // A findings table per severity present, and the per-group table.
    EXPECT_NE(html.find(">Blockers</span>"), std::string::npos);
    EXPECT_NE(html.find(">Notes</span>"), std::string::npos);
    EXPECT_EQ(html.find(">To confirm</span>"), std::string::npos);
    EXPECT_NE(html.find("<td rowspan=\"2\">3</td><td rowspan=\"2\">mixed</td>"), std::string::npos);
    EXPECT_NE(html.find("<span class=\"muted\">not known</span>"), std::string::npos);
}

TEST(ReviewRender, AWholeReviewRendersInEveryView) {
    const auto r = review_host(review_host_fixture());
    const auto doc = nlohmann::json::parse(render_review_json(r));
    EXPECT_EQ(doc["findings"].size(), r.findings.size());
    EXPECT_EQ(doc["groups"].size(), 8u);
    EXPECT_NE(render_review_html(r).find("IOMMU group 3 is not viable"), std::string::npos);
}
