// Isola's PNG device against Graphviz's own png:cairo: the same picture, pixel for pixel.
#include <gtest/gtest.h>

#include <png.h>

#include <cstdint>
#include <string>
#include <vector>

#include "graph/graph_builder.hpp"
#include "graph/graph_model.hpp"
#include "graph/graphviz_session.hpp"
#include "graph/png_device.hpp"
#include "small_hosts.hpp"
#include "synthetic_host.hpp"

using namespace isola;

namespace {

struct Pixels {
    std::uint32_t width = 0, height = 0;
    std::vector<std::uint8_t> rgba;
};

Pixels decode(const std::string& png) {
    png_image image{};
    image.version = PNG_IMAGE_VERSION;
    EXPECT_NE(png_image_begin_read_from_memory(&image, png.data(), png.size()), 0) << image.message;
    image.format = PNG_FORMAT_RGBA;
    Pixels out{image.width, image.height, std::vector<std::uint8_t>(PNG_IMAGE_SIZE(image))};
    EXPECT_NE(png_image_finish_read(&image, nullptr, out.rgba.data(), 0, nullptr), 0) << image.message;
    return out;
}

// Lays `host` out once and renders it with both devices.
std::pair<std::string, std::string> both_pngs(const Topology& host, const GraphOptions& options,
                                              bool transparent = false) {
    const GraphModel model = build_graph_model(host, options);
    graphviz::Session session;
    graphviz::Graph graph(session, "isola");
    build_cgraph(model, graph);
    // Isola paints white; a transparent background exercises the RGBA (un-premultiplied) path.
    if (transparent) graphviz::set(graph.get(), "bgcolor", "transparent");
    EXPECT_TRUE(run_dot(graph, model));
    auto theirs = graph.render("png:cairo:cairo");
    auto ours = graph.render(graphviz::kIsolaPngFormat);
    EXPECT_TRUE(theirs) << theirs.error();
    EXPECT_TRUE(ours) << ours.error();
    return {theirs.value_or(""), ours.value_or("")};
}

void expect_same_picture(const Topology& host, const GraphOptions& options = {}, bool transparent = false) {
    const auto [theirs, ours] = both_pngs(host, options, transparent);
    const Pixels a = decode(theirs), b = decode(ours);
    ASSERT_GT(a.width, 100u);
    EXPECT_EQ(a.width, b.width);
    EXPECT_EQ(a.height, b.height);
    EXPECT_TRUE(a.rgba == b.rgba) << "the decoded pixels differ";
    bool translucent = false;
    for (std::size_t i = 3; i < b.rgba.size(); i += 4) translucent |= b.rgba[i] != 0xff;
    EXPECT_EQ(translucent, transparent);
}

TEST(PngDevice, DrawsTheSamePixelsAsGraphvizsOwnCairoPng) {
    expect_same_picture(isola::testing::pcie_switch());
    expect_same_picture(isola::testing::gpu_behind_root_port(), GraphOptions{.png_dpi = 144});
}

TEST(PngDevice, KeepsTransparencyLikeGraphvizsOwnCairoPng) {
    expect_same_picture(isola::testing::pcie_switch(), {}, /*transparent=*/true);
}

TEST(PngDevice, IsSmallerThanGraphvizsOwnOnABigHost) {
    const auto [theirs, ours] = both_pngs(isola::testing::make_synthetic_host(4096), {});
    EXPECT_LT(ours.size(), theirs.size());
}

}  // namespace
