// PNG through libspng: every colour type and bit depth is expanded to RGB8
// (palette looked up, 16-bit samples reduced to their high byte, alpha
// dropped as PIL's convert("RGB") drops it), then converted as requested.
#include <spng.h>

#include <stdexcept>
#include <string>

#include "image_internal.h"

namespace mz::image {
namespace {

class Decoder {
 public:
  Decoder(const uint8_t* data, size_t size) : ctx_(spng_ctx_new(0)) {
    if (ctx_ == nullptr) throw std::bad_alloc();
    check(spng_set_png_buffer(ctx_, data, size));
  }
  ~Decoder() { spng_ctx_free(ctx_); }
  Decoder(const Decoder&) = delete;
  Decoder& operator=(const Decoder&) = delete;

  spng_ihdr header() {
    spng_ihdr ihdr{};
    check(spng_get_ihdr(ctx_, &ihdr));
    return ihdr;
  }

  void decode_rgb8(uint8_t* out, size_t size) {
    size_t expected = 0;
    check(spng_decoded_image_size(ctx_, SPNG_FMT_RGB8, &expected));
    if (expected != size) throw std::logic_error("PNG decoded size disagrees with its header");
    check(spng_decode_image(ctx_, out, size, SPNG_FMT_RGB8, 0));
  }

 private:
  static void check(int status) {
    if (status != 0) throw std::runtime_error(std::string("invalid PNG data: ") + spng_strerror(status));
  }
  spng_ctx* ctx_;
};

// Densest PNG (see modelzoo_image.h): deflate's 1032:1 over rows of 1-bit pixels.
constexpr int64_t max_pixels_per_byte = 1032 * 8;

bool is_grey(const spng_ihdr& ihdr) {
  return ihdr.color_type == SPNG_COLOR_TYPE_GRAYSCALE || ihdr.color_type == SPNG_COLOR_TYPE_GRAYSCALE_ALPHA;
}

}  // namespace

Info png_info(const uint8_t* data, size_t size) {
  Decoder decoder(data, size);
  const spng_ihdr ihdr = decoder.header();
  const int32_t channels = is_grey(ihdr) ? 1 : 3;
  check_header(ihdr.width, ihdr.height, size, max_pixels_per_byte, "PNG");
  return Info{static_cast<int32_t>(ihdr.width), static_cast<int32_t>(ihdr.height), channels};
}

Raster decode_png(const uint8_t* data, size_t size) {
  Decoder decoder(data, size);
  const spng_ihdr ihdr = decoder.header();
  check_header(ihdr.width, ihdr.height, size, max_pixels_per_byte, "PNG");
  Raster raster = allocate(ihdr.width, ihdr.height, 3);
  decoder.decode_rgb8(raster.pixels.get(), byte_count(raster));
  return raster;
}

}  // namespace mz::image
