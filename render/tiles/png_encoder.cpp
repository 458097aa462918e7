#include "render/tiles/png_encoder.hpp"

#include "base/error.hpp"
#include "render/tiles/opacity.hpp"

#include <png.h>
#include <zlib.h>

#include <array>
#include <cstring>
#include <vector>

namespace naqsha::tiles {
namespace {

void append_bytes(png_structp png, png_bytep data, png_size_t length) {
    auto* out = static_cast<std::string*>(png_get_io_ptr(png));
    out->append(reinterpret_cast<const char*>(data), length);
}
void no_flush(png_structp) {}

[[noreturn]] void on_png_error(png_structp png, png_const_charp message) {
    // libpng requires this not to return; the jump lands in the setjmp below.
    auto* text = static_cast<std::string*>(png_get_error_ptr(png));
    if (text != nullptr) *text = message;
    png_longjmp(png, 1);
}
void on_png_warning(png_structp, png_const_charp) {}

// Maps up to 256 distinct colours to indices; gives up past that.
class palette_builder {
public:
    bool add(std::uint32_t colour, std::uint8_t& index) {
        std::size_t slot = hash(colour);
        while (used_[slot]) {
            if (keys_[slot] == colour) {
                index = values_[slot];
                return true;
            }
            slot = (slot + 1) & (capacity - 1);
        }
        if (entries.size() == 256) return false;
        used_[slot] = true;
        keys_[slot] = colour;
        values_[slot] = index = static_cast<std::uint8_t>(entries.size());
        entries.push_back(colour);
        return true;
    }
    std::vector<std::uint32_t> entries;

private:
    static constexpr std::size_t capacity = 1024;
    static std::size_t hash(std::uint32_t c) { return (c * 2654435761u) >> 22; }
    std::array<bool, capacity> used_{};
    std::array<std::uint32_t, capacity> keys_{};
    std::array<std::uint8_t, capacity> values_{};
};


// Everything libpng needs, prepared beforehand: libpng reports errors by longjmp, so the function
// that calls it holds no C++ objects and changes no locals after setjmp.
struct png_job {
    int width = 0, height = 0;
    int depth = 8;
    bool indexed = false;
    bool opaque = false; // truecolour without an alpha channel
    int compression_level = 6;
    const png_color* palette = nullptr;
    int palette_size = 0;
    const png_byte* alpha = nullptr;
    int alpha_size = 0;
    png_bytep* rows = nullptr;
};

bool run_libpng(const png_job* job, std::string* out, std::string* error_text) {
    png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, error_text, on_png_error, on_png_warning);
    if (png == nullptr) return false;
    png_infop info = png_create_info_struct(png);
    if (setjmp(png_jmpbuf(png))) {
        png_destroy_write_struct(&png, &info);
        return false;
    }
    png_set_write_fn(png, out, append_bytes, no_flush);
    png_set_compression_level(png, job->compression_level);
    // Map tiles are long runs of one colour: run-length matching compresses them about as well as
    // the default strategy, in a fraction of the time.
    png_set_compression_strategy(png, Z_RLE);
    // Z_RLE never reads zlib's hash table, but zlib still slides it along with the window: a smaller
    // table (memory level 7, not 8) cut encoding time by a tenth on the benchmark's tiles, for 0.2 %
    // more bytes. Below 7 the smaller symbol buffer costs more than the table saves.
    png_set_compression_mem_level(png, 7);
    png_set_IHDR(png, info, png_uint_32(job->width), png_uint_32(job->height), job->depth,
                 job->indexed  ? PNG_COLOR_TYPE_PALETTE
                 : job->opaque ? PNG_COLOR_TYPE_RGB
                               : PNG_COLOR_TYPE_RGBA,
                 PNG_INTERLACE_NONE,
                 PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
    if (job->indexed) {
        png_set_PLTE(png, info, job->palette, job->palette_size);
        if (job->alpha_size > 0) png_set_tRNS(png, info, job->alpha, job->alpha_size, nullptr);
        // Filters rarely help indexed images and cost time.
        png_set_filter(png, PNG_FILTER_TYPE_BASE, PNG_FILTER_NONE);
    } else {
        // SUB turns a run of equal pixels into zero bytes, which Z_RLE then finds.
        png_set_filter(png, PNG_FILTER_TYPE_BASE, PNG_FILTER_SUB);
    }
    png_write_info(png, info);
    if (job->indexed && job->depth < 8) png_set_packing(png);
    if (job->opaque) png_set_filler(png, 0, PNG_FILLER_AFTER); // the rows stay RGBA; libpng drops the A
    png_write_image(png, job->rows);
    png_write_end(png, nullptr);
    png_destroy_write_struct(&png, &info);
    return true;
}

} // namespace

std::string encode_png(std::span<const std::uint8_t> rgba, int width, int height, const png_settings& settings,
                       std::optional<bool> known_opaque) {
    const std::size_t pixel_count = std::size_t(width) * std::size_t(height);
    // Try the palette first: one pass over the pixels.
    // Reused by each thread's tiles: encoding runs per tile, thousands of times.
    thread_local std::vector<std::uint8_t> indices;
    palette_builder palette;
    bool indexed = settings.allow_palette;
    // Whether every pixel is opaque is found on the same pass, while it lasts, and finished
    // alone once the palette overflows.
    bool opaque = true;
    std::size_t checked = 0; // pixels whose alpha `opaque` covers
    if (indexed) {
        indices.resize(pixel_count);
        // Map tiles are mostly runs of one colour: a run is skipped two pixels at a time and needs
        // no lookup.
        std::uint32_t previous = 0;
        std::uint8_t previous_index = 0;
        bool have_previous = false;
        while (checked < pixel_count) {
            std::uint32_t c;
            std::memcpy(&c, rgba.data() + checked * 4, 4);
            if (have_previous && c == previous) {
                const std::uint64_t two = (std::uint64_t(previous) << 32) | previous;
                std::size_t end = checked + 1;
                for (std::uint64_t w; end + 2 <= pixel_count; end += 2) {
                    std::memcpy(&w, rgba.data() + end * 4, 8);
                    if (w != two) break;
                }
                std::memset(indices.data() + checked, previous_index, end - checked);
                checked = end;
                continue;
            }
            if (!palette.add(c, indices[checked])) {
                indexed = false;
                break;
            }
            opaque = opaque && rgba[checked * 4 + 3] == 255;
            previous = c;
            previous_index = indices[checked];
            have_previous = true;
            ++checked;
        }
    }
    if (!indexed) {
        // Past 256 colours, an image with no transparent pixel (most tiles inside the country) is
        // stored as RGB: a quarter less for the filter and deflate to chew through.
        opaque = known_opaque ? *known_opaque : opaque && all_opaque(rgba.subspan(checked * 4));
    }
    const std::size_t n = palette.entries.size();
    std::vector<png_color> plte(n);
    std::vector<png_byte> alpha(n);
    int alpha_size = 0;
    for (std::size_t i = 0; i < n; ++i) {
        std::uint8_t b[4];
        std::memcpy(b, &palette.entries[i], 4);
        plte[i] = {b[0], b[1], b[2]};
        alpha[i] = b[3];
        if (b[3] != 255) alpha_size = static_cast<int>(i) + 1;
    }
    std::vector<png_bytep> rows(static_cast<std::size_t>(height));
    for (std::size_t y = 0; y < rows.size(); ++y)
        rows[y] = indexed ? indices.data() + y * std::size_t(width)
                          : const_cast<png_bytep>(rgba.data() + y * std::size_t(width) * 4);

    png_job job;
    job.width = width;
    job.height = height;
    job.indexed = indexed;
    job.opaque = !indexed && opaque;
    job.depth = !indexed ? 8 : n <= 2 ? 1 : n <= 4 ? 2 : n <= 16 ? 4 : 8;
    job.compression_level = settings.compression_level;
    job.palette = plte.data();
    job.palette_size = static_cast<int>(n);
    job.alpha = alpha.data();
    job.alpha_size = alpha_size;
    job.rows = rows.data();
    std::string out, error_text;
    out.reserve(indexed ? pixel_count / 4 : pixel_count);
    if (!run_libpng(&job, &out, &error_text)) throw error("libpng: " + error_text);
    return out;
}

decoded_png decode_png(std::span<const std::uint8_t> bytes) {
    png_image image;
    std::memset(&image, 0, sizeof image);
    image.version = PNG_IMAGE_VERSION;
    if (!png_image_begin_read_from_memory(&image, bytes.data(), bytes.size()))
        throw input_error(std::string("not a readable PNG: ") + image.message);
    image.format = PNG_FORMAT_RGBA;
    decoded_png out;
    out.width = int(image.width);
    out.height = int(image.height);
    out.rgba.resize(PNG_IMAGE_SIZE(image));
    if (!png_image_finish_read(&image, nullptr, out.rgba.data(), 0, nullptr)) {
        png_image_free(&image);
        throw input_error(std::string("PNG decoding failed: ") + image.message);
    }
    return out;
}

} // namespace naqsha::tiles
