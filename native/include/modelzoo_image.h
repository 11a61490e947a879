/*
 * ModelZoo image codecs: a C ABI over TurboJPEG, libspng and stb_image,
 * with no libtorch dependency (library mzimage).
 *
 * Conventions, as in modelzoo.h:
 *  - every export is noexcept, returns 0 on success and non-zero on failure;
 *    mz_image_last_error() then returns this thread's message;
 *  - results come back through out-parameters; every buffer the library
 *    returns is freed exactly once, with mz_image_free.
 *
 * Pixels are interleaved HWC uint8, rows top to bottom, no padding:
 * channels 1 is greyscale, 3 is RGB, 4 is RGBA (encoding only).
 */
#ifndef MODELZOO_IMAGE_H
#define MODELZOO_IMAGE_H

#include <stdint.h>

#ifdef __cplusplus
#define MZ_IMAGE_EXTERN_C extern "C"
#define MZ_IMAGE_NOEXCEPT noexcept
#else
#define MZ_IMAGE_EXTERN_C
#define MZ_IMAGE_NOEXCEPT
#endif
#define MZ_IMAGE_API MZ_IMAGE_EXTERN_C __attribute__((visibility("default")))

/* Limits checked from the header before any pixel memory is allocated or any
 * pixel is decoded:
 *  - a width or height of at most MZ_IMAGE_MAX_SIDE;
 *  - at most MZ_IMAGE_MAX_PIXELS pixels: the count above which PIL raises
 *    DecompressionBombError (twice Image.MAX_IMAGE_PIXELS), so the images
 *    PIL refuses are refused here too; 4 bytes a pixel still fit one .NET array;
 *  - no more pixels than the file's bytes could encode at the format's densest
 *    (a flat image): 1024 per byte for JPEG (a progressive DC scan spends at
 *    least a bit per 8x8 block; arithmetic-coded flat images can go beyond and
 *    are refused), 8256 for PNG (deflate's 1032:1 of 1-bit rows), 4096 for GIF
 *    (LZW codes of at most 4096 pixels), 64 for TGA (8-bit run-length packets),
 *    8 for BMP (1 bit a pixel, no RLE) and 1 for PNM. A forged header in a small
 *    file therefore never sizes an allocation;
 *  - JPEG: at most MZ_IMAGE_MAX_JPEG_SCANS scans, as libjpeg-turbo's own fuzzers
 *    limit them: each scan passes over the whole image, so thousands of tiny
 *    scans would make a small file take minutes. */
#define MZ_IMAGE_MAX_SIDE 32768
#define MZ_IMAGE_MAX_PIXELS 178956970LL
#define MZ_IMAGE_MAX_JPEG_SCANS 500

/* This thread's last error message; never NULL ("" when none). */
MZ_IMAGE_API const char* mz_image_last_error(void) MZ_IMAGE_NOEXCEPT;

/* Reads only the header. channels is 1 for greyscale and 3 for colour
 * images (alpha is not counted: decoding drops it). */
MZ_IMAGE_API int mz_image_info(const uint8_t* data, int64_t size, int32_t* width,
                               int32_t* height, int32_t* channels) MZ_IMAGE_NOEXCEPT;

/* Decodes a JPEG, PNG, BMP, GIF (first frame), PNM or TGA image into
 * channels (1 or 3) interleaved uint8 values. Colour becomes grey with
 * PIL's convert("L") weights (ITU-R 601); alpha is dropped; 16-bit
 * samples keep their high byte. *pixels is freed with mz_image_free. */
MZ_IMAGE_API int mz_image_decode(const uint8_t* data, int64_t size, int32_t channels,
                                 uint8_t** pixels, int32_t* width,
                                 int32_t* height) MZ_IMAGE_NOEXCEPT;

/* Encodes channels (1, 2, 3 or 4) interleaved uint8 values as an 8-bit PNG.
 * *out is freed with mz_image_free. */
MZ_IMAGE_API int mz_image_encode_png(const uint8_t* pixels, int32_t width, int32_t height,
                                     int32_t channels, uint8_t** out,
                                     int64_t* out_size) MZ_IMAGE_NOEXCEPT;

/* Frees a buffer returned by this library; NULL is ignored. Always 0. */
MZ_IMAGE_API int mz_image_free(uint8_t* buffer) MZ_IMAGE_NOEXCEPT;

#endif
