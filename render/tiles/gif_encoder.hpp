#pragma once
// Animated GIF output through giflib: full frames of straight RGBA, each with its own 256-colour
// palette, looping forever. AGG's anti-aliased edges give a map thousands of colours; the frame's most
// frequent colours (the flat fills, the legend's swatches) are kept exactly and the rest take the
// nearest of them, so a status shows in exactly its palette colour. After the first frame, pixels that
// did not change are transparent (drawn over the frame before), which keeps a frame a few kilobytes.
#include <cstdint>
#include <span>
#include <string>
#include <vector>

struct GifFileType;

namespace naqsha::tiles {

class gif_encoder {
public:
    // Throws output_error when giflib cannot start the stream.
    gif_encoder(int width, int height);
    ~gif_encoder();
    gif_encoder(const gif_encoder&) = delete;
    gif_encoder& operator=(const gif_encoder&) = delete;

    // `rgba`: width x height straight RGBA (alpha ignored: frames are opaque). Delay in 1/100 s.
    void add_frame(std::span<const std::uint8_t> rgba, int delay_centiseconds);
    // Ends the stream and returns the file's bytes.
    std::string finish();

private:
    [[noreturn]] void fail(const char* what, int code);
    GifFileType* gif_ = nullptr;
    int width_, height_;
    std::string bytes_;
    std::vector<std::uint8_t> previous_; // the last frame given: pixels the same as there are transparent
};

} // namespace naqsha::tiles
