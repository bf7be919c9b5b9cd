#include "graph/png_device.hpp"

#include <csetjmp>
#include <cstdint>
#include <cstring>
#include <span>
#include <vector>

#include <graphviz/gvcjob.h>
#include <graphviz/gvplugin.h>
#include <graphviz/gvplugin_device.h>
#include <png.h>

// Exported by libgvc for output devices (Graphviz's own gd and gdk plugins use it); 2.42 declares
// it only in an uninstalled header. With gvRenderData it appends to the in-memory result.
extern "C" size_t gvwrite(GVJ_t* job, const char* s, size_t len);

namespace isola::graphviz {
namespace {

constexpr int kZlibLevel = 3;

void write_to_job(png_structp png, png_bytep data, png_size_t length) {
    auto* job = static_cast<GVJ_t*>(png_get_io_ptr(png));
    gvwrite(job, reinterpret_cast<const char*>(data), length);
}

void flush_nothing(png_structp) {}

// cairo's ARGB32: one native-endian word per pixel, colour premultiplied by alpha.
bool all_opaque(std::span<const std::uint32_t> pixels) {
    for (std::uint32_t p : pixels)
        if ((p >> 24) != 0xff) return false;
    return true;
}

void to_bytes(std::span<const std::uint32_t> row, bool opaque, std::uint8_t* out) {
    for (std::uint32_t p : row) {
        const unsigned a = p >> 24;
        unsigned r = (p >> 16) & 0xff, g = (p >> 8) & 0xff, b = p & 0xff;
        if (!opaque && a != 0 && a != 0xff) {
            // Undo the premultiplication, rounding as cairo's own writer does.
            r = (r * 255 + a / 2) / a;
            g = (g * 255 + a / 2) / a;
            b = (b * 255 + a / 2) / a;
        }
        *out++ = static_cast<std::uint8_t>(r);
        *out++ = static_cast<std::uint8_t>(g);
        *out++ = static_cast<std::uint8_t>(b);
        if (!opaque) *out++ = static_cast<std::uint8_t>(a);
    }
}

struct Image {
    const std::uint32_t* pixels;
    unsigned width, height;
    bool opaque;
};

// libpng reports errors by longjmp: this frame holds nothing with a destructor, so jumping back
// into it skips no C++ cleanup. `row` is the caller's buffer.
bool encode(GVJ_t* job, const Image& image, std::uint8_t* row) {
    png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, nullptr, nullptr, nullptr);
    if (!png) return false;
    png_infop info = png_create_info_struct(png);
    if (!info || setjmp(png_jmpbuf(png))) {
        png_destroy_write_struct(&png, &info);
        return false;
    }
    png_set_write_fn(png, job, &write_to_job, &flush_nothing);
    png_set_IHDR(png, info, image.width, image.height, 8, image.opaque ? PNG_COLOR_TYPE_RGB : PNG_COLOR_TYPE_RGBA,
                 PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
    png_set_filter(png, PNG_FILTER_TYPE_BASE, PNG_FILTER_NONE);
    png_set_compression_level(png, kZlibLevel);
    png_write_info(png, info);
    for (unsigned y = 0; y < image.height; ++y) {
        to_bytes({image.pixels + std::size_t{y} * image.width, image.width}, image.opaque, row);
        png_write_row(png, row);
    }
    png_write_end(png, info);
    png_destroy_write_struct(&png, &info);
    return true;
}

void format_png(GVJ_t* job) {
    if (!job->imagedata || job->width == 0 || job->height == 0) return;
    // The cairo renderer leaves an ARGB32 image surface without row padding (stride = 4 * width).
    Image image{reinterpret_cast<const std::uint32_t*>(job->imagedata), job->width, job->height, true};
    image.opaque = all_opaque({image.pixels, std::size_t{image.width} * image.height});
    std::vector<std::uint8_t> row(std::size_t{image.width} * 4);
    if (!encode(job, image, row.data())) agerr(AGERR, const_cast<char*>("Isola's PNG encoder failed (out of memory?)\n"));
}

gvdevice_engine_t png_engine = {
    .initialize = nullptr,
    .format = &format_png,
    .finalize = nullptr,
};

gvdevice_features_t png_features = {
    .flags = GVDEVICE_BINARY_FORMAT | GVDEVICE_DOES_TRUECOLOR,
    .default_margin = {0., 0.},
    .default_pagesize = {0., 0.},
    .default_dpi = {96., 96.},
};

gvplugin_installed_t png_devices[] = {
    {0, "png:cairo", 0, &png_engine, &png_features},
    {0, nullptr, 0, nullptr, nullptr},
};

gvplugin_api_t isola_apis[] = {
    {API_device, png_devices},
    {static_cast<api_t>(0), nullptr},
};

gvplugin_library_t isola_library = {const_cast<char*>("isola"), isola_apis};

}  // namespace

void install_png_device(GVC_t* context) { gvAddLibrary(context, &isola_library); }

}  // namespace isola::graphviz
