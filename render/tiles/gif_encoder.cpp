#include "render/tiles/gif_encoder.hpp"

#include "base/error.hpp"

#include <gif_lib.h>

#include <algorithm>
#include <array>
#include <memory>
#include <stdexcept>
#include <unordered_map>
#include <vector>

namespace naqsha::tiles {
namespace {

constexpr int palette_size = 256;

int append_bytes(GifFileType* gif, const GifByteType* data, int length) {
    static_cast<std::string*>(gif->UserData)->append(reinterpret_cast<const char*>(data), std::size_t(length));
    return length;
}

std::uint32_t rgb_at(std::span<const std::uint8_t> rgba, std::size_t pixel) {
    return std::uint32_t(rgba[pixel * 4]) << 16 | std::uint32_t(rgba[pixel * 4 + 1]) << 8 | rgba[pixel * 4 + 2];
}

int channel_distance(std::uint32_t a, std::uint32_t b) {
    int sum = 0;
    for (int shift : {16, 8, 0}) {
        const int d = int((a >> shift) & 255) - int((b >> shift) & 255);
        sum += d * d;
    }
    return sum;
}

// The index of "as in the frame before" in every frame after the first.
constexpr GifByteType unchanged = palette_size - 1;

struct indexed_frame {
    std::vector<std::uint32_t> palette; // at most palette_size colours
    std::vector<GifByteType> pixels;
    bool uses_unchanged = false;
};

// The most frequent colours exactly (ties by colour, so frames are deterministic); the rest mapped to
// the nearest of them. Pixels the same as in `previous` (when there is one) become `unchanged`: a slice
// changes a few districts, the date and the legend's counts, and long runs of one index cost LZW little.
indexed_frame index_colours(std::span<const std::uint8_t> rgba, std::span<const std::uint8_t> previous,
                            std::size_t pixels) {
    const bool differential = !previous.empty();
    auto same_as_before = [&](std::size_t i) { return differential && rgb_at(rgba, i) == rgb_at(previous, i); };
    std::unordered_map<std::uint32_t, std::size_t> histogram;
    for (std::size_t i = 0; i < pixels; ++i)
        if (!same_as_before(i)) ++histogram[rgb_at(rgba, i)];
    std::vector<std::pair<std::size_t, std::uint32_t>> by_count;
    by_count.reserve(histogram.size());
    for (const auto& [colour, count] : histogram) by_count.emplace_back(count, colour);
    std::sort(by_count.begin(), by_count.end(), [](const auto& a, const auto& b) {
        return a.first != b.first ? a.first > b.first : a.second < b.second;
    });
    indexed_frame out;
    std::unordered_map<std::uint32_t, GifByteType> index;
    const std::size_t colours = differential ? palette_size - 1 : palette_size;
    for (const auto& [count, colour] : by_count) {
        if (out.palette.size() == colours) break;
        index.emplace(colour, GifByteType(out.palette.size()));
        out.palette.push_back(colour);
    }
    out.pixels.resize(pixels);
    out.uses_unchanged = differential;
    for (std::size_t i = 0; i < pixels; ++i) {
        if (same_as_before(i)) {
            out.pixels[i] = unchanged;
            continue;
        }
        const std::uint32_t colour = rgb_at(rgba, i);
        auto it = index.find(colour);
        if (it == index.end() && out.palette.empty()) { // every pixel unchanged but this colour: none kept
            index.emplace(colour, GifByteType(0));
            out.palette.push_back(colour);
            it = index.find(colour);
        }
        if (it == index.end()) {
            std::size_t best = 0;
            int best_distance = channel_distance(colour, out.palette[0]);
            for (std::size_t p = 1; p < out.palette.size(); ++p)
                if (const int d = channel_distance(colour, out.palette[p]); d < best_distance) {
                    best = p;
                    best_distance = d;
                }
            it = index.emplace(colour, GifByteType(best)).first;
        }
        out.pixels[i] = it->second;
    }
    return out;
}

struct map_object_deleter {
    void operator()(ColorMapObject* m) const { GifFreeMapObject(m); }
};

} // namespace

gif_encoder::gif_encoder(int width, int height) : width_(width), height_(height) {
    int error = 0;
    gif_ = EGifOpen(&bytes_, append_bytes, &error);
    if (gif_ == nullptr) fail("cannot start a GIF stream", error);
    try {
        EGifSetGifVersion(gif_, true);
        if (EGifPutScreenDesc(gif_, width, height, 8, 0, nullptr) == GIF_ERROR) fail("screen descriptor", gif_->Error);
        // NETSCAPE2.0 application block: loop forever.
        static const GifByteType netscape[] = {'N', 'E', 'T', 'S', 'C', 'A', 'P', 'E', '2', '.', '0'};
        static const GifByteType forever[] = {1, 0, 0};
        if (EGifPutExtensionLeader(gif_, APPLICATION_EXT_FUNC_CODE) == GIF_ERROR ||
            EGifPutExtensionBlock(gif_, sizeof netscape, netscape) == GIF_ERROR ||
            EGifPutExtensionBlock(gif_, sizeof forever, forever) == GIF_ERROR || EGifPutExtensionTrailer(gif_) == GIF_ERROR)
            fail("loop extension", gif_->Error);
    } catch (...) {
        EGifCloseFile(gif_, &error);
        throw;
    }
}

gif_encoder::~gif_encoder() {
    if (gif_ != nullptr) {
        int error = 0;
        EGifCloseFile(gif_, &error);
    }
}

void gif_encoder::fail(const char* what, int code) {
    throw output_error(std::string("GIF encoder: ") + what + ": " + (GifErrorString(code) ? GifErrorString(code) : "unknown error"));
}

void gif_encoder::add_frame(std::span<const std::uint8_t> rgba, int delay_centiseconds) {
    const std::size_t pixels = std::size_t(width_) * std::size_t(height_);
    if (rgba.size() != pixels * 4) throw std::invalid_argument("gif_encoder::add_frame: the frame is not width x height");
    // A pixel the same as in the frame given before shows what that frame showed there: the same
    // colour, or the nearest of that frame's palette.
    const auto frame = index_colours(rgba, previous_, pixels);
    previous_.assign(rgba.begin(), rgba.end());

    GraphicsControlBlock control{};
    control.DisposalMode = DISPOSE_DO_NOT;
    control.UserInputFlag = false;
    control.DelayTime = delay_centiseconds;
    control.TransparentColor = frame.uses_unchanged ? unchanged : NO_TRANSPARENT_COLOR;
    GifByteType extension[4];
    const auto length = EGifGCBToExtension(&control, extension);
    if (EGifPutExtension(gif_, GRAPHICS_EXT_FUNC_CODE, int(length), extension) == GIF_ERROR)
        fail("frame delay", gif_->Error);

    std::array<GifColorType, palette_size> colours{};
    for (std::size_t i = 0; i < frame.palette.size(); ++i)
        colours[i] = {GifByteType(frame.palette[i] >> 16), GifByteType(frame.palette[i] >> 8), GifByteType(frame.palette[i])};
    const std::unique_ptr<ColorMapObject, map_object_deleter> map(GifMakeMapObject(palette_size, colours.data()));
    if (!map) throw std::bad_alloc();
    if (EGifPutImageDesc(gif_, 0, 0, width_, height_, false, map.get()) == GIF_ERROR) fail("image descriptor", gif_->Error);
    for (int row = 0; row < height_; ++row)
        if (EGifPutLine(gif_, const_cast<GifByteType*>(frame.pixels.data() + std::size_t(row) * std::size_t(width_)),
                        width_) == GIF_ERROR)
            fail("image data", gif_->Error);
}

std::string gif_encoder::finish() {
    int error = 0;
    const int status = EGifCloseFile(gif_, &error);
    gif_ = nullptr;
    if (status == GIF_ERROR) fail("closing the stream", error);
    return std::move(bytes_);
}

} // namespace naqsha::tiles
