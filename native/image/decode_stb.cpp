// BMP, GIF (first frame), binary PNM and TGA through stb_image. JPEG and PNG
// are compiled out: TurboJPEG and libspng handle them.
#define STB_IMAGE_IMPLEMENTATION
#define STBI_NO_STDIO
#define STBI_ONLY_BMP
#define STBI_ONLY_GIF
#define STBI_ONLY_PNM
#define STBI_ONLY_TGA
// stb allocates the pixels it returns; on malloc they can be handed to the
// caller as they are.
#define STBI_MALLOC(size) std::malloc(size)
#define STBI_REALLOC(pointer, size) std::realloc(pointer, size)
#define STBI_FREE(pointer) std::free(pointer)

#include <climits>
#include <cstdlib>
#include <stdexcept>
#include <string>

#include <stb_image.h>

#include "image_internal.h"

namespace mz::image {
namespace {

int stb_length(size_t size) {
  if (size > static_cast<size_t>(INT_MAX)) throw std::runtime_error("image data larger than 2 GiB");
  return static_cast<int>(size);
}

std::string not_recognised(const char* format_name) {
  if (format_name == nullptr) return "not a JPEG, PNG, BMP, GIF, PNM or TGA image";
  return std::string("invalid ") + format_name + " header";
}

// Colour channels without alpha: stb reports 1 grey, 2 grey + alpha, 3 RGB, 4 RGBA.
int32_t colour_channels(int stored) { return stored <= 2 ? 1 : 3; }

}  // namespace

Info stb_info(const uint8_t* data, size_t size, const char* format_name) {
  int width = 0, height = 0, stored = 0;
  if (stbi_info_from_memory(data, stb_length(size), &width, &height, &stored) == 0)
    throw std::runtime_error(not_recognised(format_name));
  checked_size(width, height, colour_channels(stored));
  return Info{width, height, colour_channels(stored)};
}

Raster decode_stb(const uint8_t* data, size_t size, const char* format_name) {
  int width = 0, height = 0, stored = 0;
  // The header is checked first so that a forged size never reaches an allocation.
  if (stbi_info_from_memory(data, stb_length(size), &width, &height, &stored) == 0)
    throw std::runtime_error(not_recognised(format_name));
  checked_size(width, height, stored);

  Raster raster;
  raster.pixels.reset(stbi_load_from_memory(data, stb_length(size), &width, &height, &stored, 0));
  if (!raster.pixels)
    throw std::runtime_error(std::string("invalid ") + (format_name ? format_name : "TGA") +
                             " data: " + stbi_failure_reason());
  raster.width = width;
  raster.height = height;
  raster.channels = stored;
  return raster;
}

}  // namespace mz::image
