// Internal pieces shared by the image codecs: the exception guard, the
// decoded raster with its size limits, and each codec's entry points.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>

#include "modelzoo_image.h"

namespace mz::image {

void set_error(const char* message) noexcept;

// Runs body and turns every exception into status 1 plus a message for
// mz_image_last_error(). Nothing escapes across extern "C".
template <class Body>
int guard(Body&& body) noexcept {
  try {
    body();
    return 0;
  } catch (const std::exception& e) {
    set_error(e.what());
  } catch (...) {
    set_error("unknown native error");
  }
  return 1;
}

// Codecs (TurboJPEG, stb_image, spng) hand out malloc'd buffers; keeping every
// buffer on malloc lets the caller release any of them with mz_image_free.
struct FreeDeleter {
  void operator()(uint8_t* p) const noexcept { std::free(p); }
};
using Buffer = std::unique_ptr<uint8_t, FreeDeleter>;

// Interleaved HWC uint8 pixels.
struct Raster {
  int32_t width = 0;
  int32_t height = 0;
  int32_t channels = 0;
  Buffer pixels;
};

// Header facts: channels is 1 (grey) or 3 (colour); alpha is not counted.
struct Info {
  int32_t width = 0;
  int32_t height = 0;
  int32_t channels = 0;
};

// Throws unless the sides are within 1..MZ_IMAGE_MAX_SIDE and the pixel count
// within MZ_IMAGE_MAX_PIXELS; returns the buffer size in bytes.
size_t checked_size(int64_t width, int64_t height, int64_t channels);
// Throws when a header's width x height is more than input_size bytes of the
// format could encode at max_pixels_per_byte (modelzoo_image.h says why each
// format's figure holds), so a forged header never sizes an allocation.
void check_header(int64_t width, int64_t height, size_t input_size, int64_t max_pixels_per_byte,
                  const char* format_name);
// An uninitialised raster, allocated only after checked_size agrees.
Raster allocate(int64_t width, int64_t height, int32_t channels);
inline size_t byte_count(const Raster& raster) {
  return static_cast<size_t>(raster.width) * static_cast<size_t>(raster.height) *
         static_cast<size_t>(raster.channels);
}
// Converts a 1, 2, 3 or 4 channel raster to 1 (grey) or 3 (RGB) channels.
Raster convert_channels(Raster source, int32_t channels);

Info jpeg_info(const uint8_t* data, size_t size);
Raster decode_jpeg(const uint8_t* data, size_t size);
Info png_info(const uint8_t* data, size_t size);
Raster decode_png(const uint8_t* data, size_t size);
// format_name names the format the magic bytes claimed (for messages), or is
// NULL when there were none to claim, which leaves only TGA to try.
Info stb_info(const uint8_t* data, size_t size, const char* format_name);
Raster decode_stb(const uint8_t* data, size_t size, const char* format_name);

}  // namespace mz::image
