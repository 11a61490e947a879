// The decoded raster: size limits checked before allocation, channel
// conversion, and the one function that frees what the library returns.
#include <new>
#include <stdexcept>
#include <string>

#include "image_internal.h"

namespace mz::image {

size_t checked_size(int64_t width, int64_t height, int64_t channels) {
  if (width < 1 || height < 1 || width > MZ_IMAGE_MAX_SIDE || height > MZ_IMAGE_MAX_SIDE)
    throw std::runtime_error("image size " + std::to_string(width) + "x" + std::to_string(height) +
                             " is outside 1.." + std::to_string(MZ_IMAGE_MAX_SIDE) + " pixels per side");
  // Sides are at most 2^15, so the product cannot overflow.
  const int64_t pixels = width * height;
  if (pixels > MZ_IMAGE_MAX_PIXELS)
    throw std::runtime_error("image size " + std::to_string(width) + "x" + std::to_string(height) + " is " +
                             std::to_string(pixels) + " pixels, more than the limit of " +
                             std::to_string(MZ_IMAGE_MAX_PIXELS) + " (a decompression bomb?)");
  return static_cast<size_t>(pixels * channels);
}

void check_header(int64_t width, int64_t height, size_t input_size, int64_t max_pixels_per_byte,
                  const char* format_name) {
  checked_size(width, height, 1);
  // input_size comes from a buffer in memory, far below 2^63 / 8256.
  if (width * height > static_cast<int64_t>(input_size) * max_pixels_per_byte)
    throw std::runtime_error(std::string(format_name) + " header declares " + std::to_string(width) + "x" +
                             std::to_string(height) + " pixels, more than " + std::to_string(input_size) +
                             " bytes can hold; the file is truncated or its header is damaged");
}

Raster allocate(int64_t width, int64_t height, int32_t channels) {
  const size_t bytes = checked_size(width, height, channels);
  Raster raster;
  raster.pixels.reset(static_cast<uint8_t*>(std::malloc(bytes)));
  if (!raster.pixels) throw std::bad_alloc();
  raster.width = static_cast<int32_t>(width);
  raster.height = static_cast<int32_t>(height);
  raster.channels = channels;
  return raster;
}

namespace {

// PIL's convert("L"): ITU-R 601 weights in 16-bit fixed point, rounded, so
// that grey values match what a PyTorch pipeline sees; grey input stays exact
// because the weights sum to 65536.
inline uint8_t luma(const uint8_t* rgb) {
  return static_cast<uint8_t>((rgb[0] * 19595 + rgb[1] * 38470 + rgb[2] * 7471 + 0x8000) >> 16);
}

}  // namespace

Raster convert_channels(Raster source, int32_t channels) {
  if (channels != 1 && channels != 3)
    throw std::invalid_argument("channels must be 1 (grey) or 3 (RGB), not " + std::to_string(channels));
  if (source.channels == channels) return source;

  Raster target = allocate(source.width, source.height, channels);
  const size_t count = static_cast<size_t>(source.width) * static_cast<size_t>(source.height);
  const int32_t step = source.channels;
  const bool source_is_grey = step <= 2;  // grey, or grey + alpha
  const uint8_t* in = source.pixels.get();
  uint8_t* out = target.pixels.get();
  for (size_t i = 0; i < count; ++i, in += step) {
    if (channels == 1) {
      *out++ = source_is_grey ? in[0] : luma(in);
    } else {
      out[0] = in[0];
      out[1] = source_is_grey ? in[0] : in[1];
      out[2] = source_is_grey ? in[0] : in[2];
      out += 3;
    }
  }
  return target;
}

}  // namespace mz::image

MZ_IMAGE_API int mz_image_free(uint8_t* buffer) noexcept {
  std::free(buffer);
  return 0;
}
