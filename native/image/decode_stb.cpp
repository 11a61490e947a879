// BMP, GIF (first frame), binary PNM and TGA through stb_image. JPEG and PNG
// are compiled out: TurboJPEG and libspng handle them.
#define STB_IMAGE_IMPLEMENTATION
#define STBI_NO_STDIO
#define STBI_ONLY_BMP
#define STBI_ONLY_GIF
#define STBI_ONLY_PNM
#define STBI_ONLY_TGA
// stb allocates the pixels it returns; on malloc they can be handed to the
// caller as they are. Zeroed, because stb leaves the rows of a truncated
// uncompressed TGA unwritten, which would hand out stale heap memory.
#define STBI_MALLOC(size) std::calloc(1, size)
#define STBI_REALLOC(pointer, size) std::realloc(pointer, size)
#define STBI_FREE(pointer) std::free(pointer)

#include <cctype>
#include <climits>
#include <cstdlib>
#include <cstring>
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

// Densest encodings (see modelzoo_image.h). TGA has no magic bytes, so it is
// what a NULL name means.
int64_t max_pixels_per_byte(const char* format_name) {
  if (format_name == nullptr) return 64;                 // TGA: 8-bit run-length packets of 128 pixels
  if (std::strcmp(format_name, "BMP") == 0) return 8;    // 1 bit a pixel; stb reads no RLE
  if (std::strcmp(format_name, "GIF") == 0) return 4096; // an LZW code emits at most 4096 pixels
  return 1;                                              // PNM: a byte or two a sample
}

const char* display_name(const char* format_name) { return format_name != nullptr ? format_name : "TGA"; }

bool is_pnm(const char* format_name) { return format_name != nullptr && std::strcmp(format_name, "PNM") == 0; }

// stb_image fills a truncated PNM's pixels with nothing at all (it reads them
// in one piece or not), so the file's length is checked against its header:
// "P5" or "P6", width, height and maxval separated by white space and #
// comments, one white-space byte, then the samples (two bytes each when
// maxval > 255).
void require_whole_pnm(const uint8_t* data, size_t size, int64_t width, int64_t height, int stored) {
  size_t at = 2;
  int64_t maxval = 0;
  for (int field = 0; field < 3; ++field) {
    while (at < size && (std::isspace(data[at]) || data[at] == '#'))
      if (data[at++] == '#')
        while (at < size && data[at] != '\n' && data[at] != '\r') ++at;
    maxval = 0;
    while (at < size && std::isdigit(data[at]) && maxval <= 65535) maxval = maxval * 10 + (data[at++] - '0');
  }
  const int64_t sample_bytes = maxval > 255 ? 2 : 1;
  const int64_t needed = static_cast<int64_t>(at) + 1 + width * height * stored * sample_bytes;
  if (static_cast<int64_t>(size) < needed)
    throw std::runtime_error("PNM data is truncated: " + std::to_string(width) + "x" + std::to_string(height) +
                             " pixels need " + std::to_string(needed) + " bytes, the file has " + std::to_string(size));
}

// Colour channels without alpha: stb reports 1 grey, 2 grey + alpha, 3 RGB, 4 RGBA.
int32_t colour_channels(int stored) { return stored <= 2 ? 1 : 3; }

}  // namespace

Info stb_info(const uint8_t* data, size_t size, const char* format_name) {
  int width = 0, height = 0, stored = 0;
  if (stbi_info_from_memory(data, stb_length(size), &width, &height, &stored) == 0)
    throw std::runtime_error(not_recognised(format_name));
  check_header(width, height, size, max_pixels_per_byte(format_name), display_name(format_name));
  return Info{width, height, colour_channels(stored)};
}

Raster decode_stb(const uint8_t* data, size_t size, const char* format_name) {
  int width = 0, height = 0, stored = 0;
  // The header is checked first so that a forged size never reaches an allocation.
  if (stbi_info_from_memory(data, stb_length(size), &width, &height, &stored) == 0)
    throw std::runtime_error(not_recognised(format_name));
  check_header(width, height, size, max_pixels_per_byte(format_name), display_name(format_name));
  if (is_pnm(format_name)) require_whole_pnm(data, size, width, height, stored);

  Raster raster;
  raster.pixels.reset(stbi_load_from_memory(data, stb_length(size), &width, &height, &stored, 0));
  if (!raster.pixels)
    throw std::runtime_error(std::string("invalid ") + display_name(format_name) +
                             " data: " + stbi_failure_reason());
  raster.width = width;
  raster.height = height;
  raster.channels = stored;
  return raster;
}

}  // namespace mz::image
