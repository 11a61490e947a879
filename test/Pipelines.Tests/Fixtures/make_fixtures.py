"""Writes the small image fixtures the decoder tests read.

Run with Debian's python3 and python3-pil from this folder:
    /usr/bin/python3 make_fixtures.py
The tests state the expected pixels by the same formulas, so the files only
need regenerating if a formula changes. 16-bit PNGs are written by hand,
because PIL cannot save 16-bit colour.
"""
import struct
import zlib

from PIL import Image

WIDTH, HEIGHT = 6, 4


def rgb(x, y):
    return (40 * x + 10, 60 * y + 15, 255 - 30 * (x + y))


def grey(x, y):
    return 25 * x + 40 * y + 10


def gradient(mode, value):
    image = Image.new(mode, (WIDTH, HEIGHT))
    image.putdata([value(x, y) for y in range(HEIGHT) for x in range(WIDTH)])
    return image


def png_chunk(kind, payload):
    body = kind + payload
    return struct.pack(">I", len(payload)) + body + struct.pack(">I", zlib.crc32(body))


def write_png16(path, colour_type, samples):
    """samples(x, y) gives the 16-bit samples of one pixel; the low byte is
    noise (0xA5) that a decoder keeping the high byte must ignore."""
    rows = b"".join(
        b"\x00" + b"".join(struct.pack(">H", (s << 8) | 0xA5) for x in range(WIDTH) for s in samples(x, y))
        for y in range(HEIGHT))
    header = struct.pack(">IIBBBBB", WIDTH, HEIGHT, 16, colour_type, 0, 0, 0)
    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n" + png_chunk(b"IHDR", header) +
                png_chunk(b"IDAT", zlib.compress(rows)) + png_chunk(b"IEND", b""))


def quadrants(mode, colours):
    """16x16, one flat colour per 8x8 quadrant (top-left, top-right,
    bottom-left, bottom-right): JPEG reproduces flat blocks almost exactly."""
    image = Image.new(mode, (16, 16))
    for i, colour in enumerate(colours):
        image.paste(colour, ((i % 2) * 8, (i // 2) * 8, (i % 2) * 8 + 8, (i // 2) * 8 + 8))
    return image


colour_quadrants = [(200, 30, 40), (20, 180, 60), (30, 60, 220), (240, 240, 240)]
grey_quadrants = [20, 90, 160, 230]

gradient("RGB", rgb).save("rgb8.png")
gradient("L", grey).save("grey8.png")
rgba = Image.new("RGBA", (WIDTH, HEIGHT))
rgba.putdata([rgb(x, y) + (x * 50,) for y in range(HEIGHT) for x in range(WIDTH)])
rgba.save("rgba8.png")
grey_alpha = Image.new("LA", (WIDTH, HEIGHT))
grey_alpha.putdata([(grey(x, y), x * 50) for y in range(HEIGHT) for x in range(WIDTH)])
grey_alpha.save("greya8.png")
palette = Image.new("P", (WIDTH, HEIGHT))
palette.putpalette([255, 0, 0, 0, 255, 0, 0, 0, 255, 255, 255, 0])
palette.putdata([(x + y) % 4 for y in range(HEIGHT) for x in range(WIDTH)])
palette.save("palette.png")
write_png16("rgb16.png", 2, rgb)
write_png16("grey16.png", 0, lambda x, y: (grey(x, y),))
gradient("RGB", rgb).save("rgb.bmp")
gradient("RGB", rgb).save("rgb.tga")  # a format the decoder refuses
gradient("RGB", rgb).save("rgb.gif")  # 24 colours: the adaptive palette holds them exactly
gradient("RGB", rgb).save("rgb.webp", lossless=True)
gradient("L", grey).save("grey.pgm")  # a format the decoder refuses
quadrants("RGB", colour_quadrants).save("colour.jpg", quality=95, subsampling=0)
quadrants("L", grey_quadrants).save("grey.jpg", quality=95)
quadrants("RGB", colour_quadrants).convert("CMYK").save("cmyk.jpg", quality=95)
quadrants("RGB", colour_quadrants).save("progressive.jpg", quality=95, progressive=True)
quadrants("RGB", colour_quadrants).save("colour.webp", quality=95)  # lossy (VP8)
