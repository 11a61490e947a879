// JPEG through TurboJPEG: greyscale stays one channel, YCbCr becomes RGB and
// CMYK/YCCK is converted to RGB the way PIL does it.
#include <turbojpeg.h>

#include <cstring>
#include <stdexcept>
#include <string>

#include "image_internal.h"

namespace mz::image {
namespace {

class Decompressor {
 public:
  Decompressor() : handle_(tjInitDecompress()) {
    if (handle_ == nullptr) throw std::runtime_error(std::string("TurboJPEG: ") + tjGetErrorStr2(nullptr));
  }
  ~Decompressor() { tjDestroy(handle_); }
  Decompressor(const Decompressor&) = delete;
  Decompressor& operator=(const Decompressor&) = delete;
  tjhandle get() const { return handle_; }
  std::string error() const { return tjGetErrorStr2(handle_); }

 private:
  tjhandle handle_;
};

struct Header {
  int width = 0;
  int height = 0;
  int colorspace = 0;
};

// Densest JPEG (see modelzoo_image.h): a flat progressive image spends a bit
// per 8x8 block on its DC scan, 512 pixels a byte; twice that for slack.
constexpr int64_t max_pixels_per_byte = 1024;

Header read_header(const Decompressor& tj, const uint8_t* data, size_t size) {
  Header header;
  int subsampling = 0;
  if (tjDecompressHeader3(tj.get(), data, static_cast<unsigned long>(size), &header.width, &header.height,
                          &subsampling, &header.colorspace) != 0)
    throw std::runtime_error("invalid JPEG header: " + tj.error());
  check_header(header.width, header.height, size, max_pixels_per_byte, "JPEG");
  return header;
}

// Entropy-coded data stuffs every 0xFF with 0x00, so each FF DA pair is a
// start-of-scan marker (or one inside an embedded thumbnail: a few more).
void check_scan_count(const uint8_t* data, size_t size) {
  int scans = 0;
  for (size_t at = 0; at + 1 < size; ++at)
    if (data[at] == 0xFF && data[at + 1] == 0xDA && ++scans > MZ_IMAGE_MAX_JPEG_SCANS)
      throw std::runtime_error("JPEG has more than " + std::to_string(MZ_IMAGE_MAX_JPEG_SCANS) +
                               " scans; refused, as decoding it could take minutes");
}

bool is_cmyk(int colorspace) { return colorspace == TJCS_CMYK || colorspace == TJCS_YCCK; }

// Photoshop writes CMYK inverted and marks such files with an APP14 "Adobe"
// segment; PIL inverts only then, so the segment decides here too.
bool has_adobe_segment(const uint8_t* data, size_t size) {
  size_t at = 2;  // after SOI
  while (at + 4 <= size && data[at] == 0xFF) {
    const uint8_t marker = data[at + 1];
    if (marker == 0xDA || marker == 0xD9) break;  // image data starts: no more header segments
    const size_t length = (static_cast<size_t>(data[at + 2]) << 8) | data[at + 3];
    if (marker == 0xEE && length >= 7 && at + 9 <= size && std::memcmp(data + at + 4, "Adobe", 5) == 0)
      return true;
    at += 2 + length;
  }
  return false;
}

// PIL's cmyk2rgb: R = (255 - K) - C * (255 - K) / 255, rounded as PIL rounds.
inline uint8_t ink_to_light(int ink, int inverse_black) {
  const int product = ink * inverse_black + 128;
  const int value = inverse_black - (((product >> 8) + product) >> 8);
  return static_cast<uint8_t>(value < 0 ? 0 : value);
}

Raster cmyk_to_rgb(const Raster& cmyk, bool stored_inverted) {
  Raster rgb = allocate(cmyk.width, cmyk.height, 3);
  const size_t count = static_cast<size_t>(cmyk.width) * static_cast<size_t>(cmyk.height);
  const uint8_t* in = cmyk.pixels.get();
  uint8_t* out = rgb.pixels.get();
  for (size_t i = 0; i < count; ++i, in += 4, out += 3) {
    int ink[4];
    for (int c = 0; c < 4; ++c) ink[c] = stored_inverted ? 255 - in[c] : in[c];
    const int inverse_black = 255 - ink[3];
    for (int c = 0; c < 3; ++c) out[c] = ink_to_light(ink[c], inverse_black);
  }
  return rgb;
}

}  // namespace

Info jpeg_info(const uint8_t* data, size_t size) {
  Decompressor tj;
  const Header header = read_header(tj, data, size);
  const int32_t channels = header.colorspace == TJCS_GRAY ? 1 : 3;
  return Info{header.width, header.height, channels};
}

Raster decode_jpeg(const uint8_t* data, size_t size) {
  Decompressor tj;
  const Header header = read_header(tj, data, size);
  check_scan_count(data, size);
  const bool cmyk = is_cmyk(header.colorspace);
  const int format = header.colorspace == TJCS_GRAY ? TJPF_GRAY : cmyk ? TJPF_CMYK : TJPF_RGB;
  Raster raster = allocate(header.width, header.height, tjPixelSize[format]);
  if (tjDecompress2(tj.get(), data, static_cast<unsigned long>(size), raster.pixels.get(), header.width, 0,
                    header.height, format, 0) != 0) {
    // Recoverable corruption (extraneous bytes, a bad marker) is only a warning
    // and PIL accepts such files too; running out of data means the file was
    // truncated, which PIL rejects, so it is an error here as well.
    const std::string message = tj.error();
    if (tjGetErrorCode(tj.get()) == TJERR_FATAL || message.find("Premature end") != std::string::npos)
      throw std::runtime_error("invalid JPEG data: " + message);
  }
  return cmyk ? cmyk_to_rgb(raster, has_adobe_segment(data, size)) : std::move(raster);
}

}  // namespace mz::image
