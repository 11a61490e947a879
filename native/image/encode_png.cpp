// mz_image_encode_png: 8-bit PNG through libspng, for prediction grids and
// curve plots.
#include <spng.h>

#include <stdexcept>
#include <string>

#include "image_internal.h"

namespace mz::image {
namespace {

class Encoder {
 public:
  Encoder() : ctx_(spng_ctx_new(SPNG_CTX_ENCODER)) {
    if (ctx_ == nullptr) throw std::bad_alloc();
  }
  ~Encoder() { spng_ctx_free(ctx_); }
  Encoder(const Encoder&) = delete;
  Encoder& operator=(const Encoder&) = delete;

  Buffer encode(const uint8_t* pixels, size_t size, const spng_ihdr& header, size_t* png_size) {
    check(spng_set_option(ctx_, SPNG_ENCODE_TO_BUFFER, 1));
    spng_ihdr ihdr = header;
    check(spng_set_ihdr(ctx_, &ihdr));
    check(spng_encode_image(ctx_, pixels, size, SPNG_FMT_PNG, SPNG_ENCODE_FINALIZE));
    int status = 0;
    Buffer png(static_cast<uint8_t*>(spng_get_png_buffer(ctx_, png_size, &status)));
    check(status);
    if (!png) throw std::runtime_error("PNG encoder returned no buffer");
    return png;
  }

 private:
  static void check(int status) {
    if (status != 0) throw std::runtime_error(std::string("PNG encoding failed: ") + spng_strerror(status));
  }
  spng_ctx* ctx_;
};

uint8_t colour_type(int32_t channels) {
  switch (channels) {
    case 1: return SPNG_COLOR_TYPE_GRAYSCALE;
    case 2: return SPNG_COLOR_TYPE_GRAYSCALE_ALPHA;
    case 3: return SPNG_COLOR_TYPE_TRUECOLOR;
    case 4: return SPNG_COLOR_TYPE_TRUECOLOR_ALPHA;
    default: throw std::invalid_argument("channels must be 1, 2, 3 or 4, not " + std::to_string(channels));
  }
}

}  // namespace
}  // namespace mz::image

using namespace mz::image;

MZ_IMAGE_API int mz_image_encode_png(const uint8_t* pixels, int32_t width, int32_t height, int32_t channels,
                                     uint8_t** out, int64_t* out_size) noexcept {
  return guard([&] {
    if (out == nullptr || out_size == nullptr) throw std::invalid_argument("output pointer is null");
    if (pixels == nullptr) throw std::invalid_argument("pixel pointer is null");
    spng_ihdr header{};
    header.color_type = colour_type(channels);
    const size_t size = checked_size(width, height, channels);
    header.width = static_cast<uint32_t>(width);
    header.height = static_cast<uint32_t>(height);
    header.bit_depth = 8;
    size_t png_size = 0;
    Buffer png = Encoder().encode(pixels, size, header, &png_size);
    *out_size = static_cast<int64_t>(png_size);
    *out = png.release();
  });
}
