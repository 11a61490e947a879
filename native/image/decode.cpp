// mz_image_info and mz_image_decode: recognise the format by its magic bytes
// (file extensions lie) and dispatch to its codec.
#include <cstring>
#include <stdexcept>

#include "image_internal.h"

namespace mz::image {
namespace {

enum class Format { jpeg, png, bmp, gif, pnm, unknown };

bool starts_with(const uint8_t* data, size_t size, const char* magic, size_t length) {
  return size >= length && std::memcmp(data, magic, length) == 0;
}

Format sniff(const uint8_t* data, size_t size) {
  if (starts_with(data, size, "\xFF\xD8\xFF", 3)) return Format::jpeg;
  if (starts_with(data, size, "\x89PNG\r\n\x1A\n", 8)) return Format::png;
  if (starts_with(data, size, "BM", 2)) return Format::bmp;
  if (starts_with(data, size, "GIF8", 4)) return Format::gif;
  if (size >= 2 && data[0] == 'P' && data[1] >= '1' && data[1] <= '6') return Format::pnm;
  return Format::unknown;  // TGA has no magic bytes
}

// The name used in messages about a format stb_image handles; NULL when no
// magic bytes matched.
const char* stb_format_name(Format format) {
  switch (format) {
    case Format::bmp: return "BMP";
    case Format::gif: return "GIF";
    case Format::pnm: return "PNM";
    default: return nullptr;
  }
}

size_t checked_input(const uint8_t* data, int64_t size) {
  if (size < 0) throw std::invalid_argument("negative image data size");
  if (size == 0) throw std::runtime_error("empty image data (0 bytes)");
  if (data == nullptr) throw std::invalid_argument("image data pointer is null");
  return static_cast<size_t>(size);
}

template <class T>
void require_out(T* out) {
  if (out == nullptr) throw std::invalid_argument("output pointer is null");
}

Info info(const uint8_t* data, size_t size) {
  const Format format = sniff(data, size);
  if (format == Format::jpeg) return jpeg_info(data, size);
  if (format == Format::png) return png_info(data, size);
  return stb_info(data, size, stb_format_name(format));
}

Raster decode(const uint8_t* data, size_t size) {
  const Format format = sniff(data, size);
  if (format == Format::jpeg) return decode_jpeg(data, size);
  if (format == Format::png) return decode_png(data, size);
  return decode_stb(data, size, stb_format_name(format));
}

}  // namespace
}  // namespace mz::image

using namespace mz::image;

MZ_IMAGE_API int mz_image_info(const uint8_t* data, int64_t size, int32_t* width, int32_t* height,
                               int32_t* channels) noexcept {
  return guard([&] {
    require_out(width);
    require_out(height);
    require_out(channels);
    const Info found = info(data, checked_input(data, size));
    *width = found.width;
    *height = found.height;
    *channels = found.channels;
  });
}

MZ_IMAGE_API int mz_image_decode(const uint8_t* data, int64_t size, int32_t channels, uint8_t** pixels,
                                 int32_t* width, int32_t* height) noexcept {
  return guard([&] {
    require_out(pixels);
    require_out(width);
    require_out(height);
    Raster raster = convert_channels(decode(data, checked_input(data, size)), channels);
    *width = raster.width;
    *height = raster.height;
    *pixels = raster.pixels.release();
  });
}
