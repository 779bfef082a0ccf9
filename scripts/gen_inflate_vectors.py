#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0
"""Write the test vectors of lib/inflate_kunit.c as a C header.

Usage: gen_inflate_vectors.py OUT.h

The data compressed is made by tide_words() below, which the KUnit suite
repeats to know what each vector must decompress to. The compressors are
Debian's gzip (dynamic Huffman blocks at -1 and -9, with and without the
file name) and Python's zlib (stored blocks at level 0, fixed-code blocks
with Z_FIXED); a few streams are put together bit by bit here to hit
one error each.
"""

import os
import struct
import subprocess
import sys
import zlib

WORDS = [b"memory ", b"block ", b"online ", b"offline ", b"zone ",
         b"node ", b"page ", b"movable\n"]


def tide_words(n):
    """@n bytes of words picked by a 32-bit LCG (as in the KUnit suite)."""
    out = bytearray()
    s = 1
    while len(out) < n:
        s = (s * 1664525 + 1013904223) & 0xffffffff
        out += WORDS[s >> 29]
    return bytes(out[:n])


def gzip_tool(data, *args):
    return subprocess.run(["gzip", "-c", *args], input=data,
                          stdout=subprocess.PIPE, check=True).stdout


def zlib_gzip(data, level=6, strategy=zlib.Z_DEFAULT_STRATEGY):
    c = zlib.compressobj(level, zlib.DEFLATED, 31, 9, strategy)
    return c.compress(data) + c.flush()


def zlib_raw(data, level=6, strategy=zlib.Z_DEFAULT_STRATEGY):
    c = zlib.compressobj(level, zlib.DEFLATED, -15, 9, strategy)
    return c.compress(data) + c.flush()


def wrap_gzip(raw, data, flags=0, extra=b"", name=b"", comment=b""):
    """A gzip member around raw DEFLATE @raw with the header fields given
    (FHCRC 0x02 adds the header CRC)."""
    hdr = bytearray(b"\x1f\x8b\x08" + bytes([flags]) + b"\0\0\0\0\0\xff")
    if flags & 0x04:
        hdr += struct.pack("<H", len(extra)) + extra
    if flags & 0x08:
        hdr += name + b"\0"
    if flags & 0x10:
        hdr += comment + b"\0"
    if flags & 0x02:
        hdr += struct.pack("<H", zlib.crc32(bytes(hdr)) & 0xffff)
    return bytes(hdr) + raw + struct.pack("<II", zlib.crc32(data),
                                          len(data) & 0xffffffff)


class BitWriter:
    """DEFLATE's bit order: values LSB first, Huffman codes MSB first."""

    def __init__(self):
        self.bits = []

    def put(self, value, n):
        self.bits += [(value >> i) & 1 for i in range(n)]

    def code(self, code, n):
        self.bits += [(code >> (n - 1 - i)) & 1 for i in range(n)]

    def bytes(self):
        b = self.bits + [0] * (-len(self.bits) % 8)
        return bytes(sum(b[i + j] << j for j in range(8))
                     for i in range(0, len(b), 8))


def fixed_lit(w, sym):
    """Write literal/length symbol @sym with the fixed code (RFC 3.2.6)."""
    if sym < 144:
        w.code(0x30 + sym, 8)
    elif sym < 256:
        w.code(0x190 + sym - 144, 9)
    elif sym < 280:
        w.code(sym - 256, 7)
    else:
        w.code(0xc0 + sym - 280, 8)


def far_distance():
    """A fixed block whose first symbol copies from before the output."""
    w = BitWriter()
    w.put(1, 1)
    w.put(1, 2)
    fixed_lit(w, ord("A"))
    fixed_lit(w, 257)           # length 3
    w.code(1, 5)                # distance symbol 1: 2 back, 1 byte written
    fixed_lit(w, 256)
    return w.bytes()


def oversubscribed():
    """A dynamic block whose code length code gives 19 codes 1 bit each."""
    w = BitWriter()
    w.put(1, 1)
    w.put(2, 2)
    w.put(0, 5)
    w.put(0, 5)
    w.put(15, 4)
    for _ in range(19):
        w.put(1, 3)
    return w.bytes() + b"\0" * 8


def no_end_of_block():
    """A dynamic block whose literal code has no symbol 256 (all 8 bits
    for 0..255, the rest 0)."""
    w = BitWriter()
    w.put(1, 1)
    w.put(2, 2)
    w.put(0, 5)                 # 257 literal/length codes
    w.put(0, 5)                 # 1 distance code
    w.put(15, 4)                # all 19 code length code lengths
    # Sent in the order 16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3,
    # 13, 2, 14, 1, 15: symbols 0 and 8 get 1 bit each, so a length of 0
    # is sent as "0" and a length of 8 as "1".
    lens = {0: 1, 8: 1}
    for sym in (16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14,
                1, 15):
        w.put(lens.get(sym, 0), 3)
    for _ in range(256):
        w.code(1, 1)            # literals 0..255: 8 bits
    w.code(0, 1)                # end of block: no code
    w.code(0, 1)                # the one distance code: none
    return w.bytes() + b"\0" * 8


def c_array(name, data):
    lines = [f"static const u8 {name}[] = {{"]
    for i in range(0, len(data), 12):
        lines.append("\t" + " ".join(f"0x{b:02x}," for b in data[i:i + 12]))
    lines.append("};")
    return "\n".join(lines) + "\n"


def main():
    out = sys.argv[1]
    small = tide_words(3000)
    large = tide_words(300000)
    vecs = [
        # name, data length, gzip member
        ("vec_stored", len(small), zlib_gzip(small, level=0)),
        ("vec_fixed", len(small), zlib_gzip(small, strategy=zlib.Z_FIXED)),
        ("vec_dynamic", len(small), gzip_tool(small, "-9", "-n")),
        ("vec_large_fast", len(large), gzip_tool(large, "-1", "-n")),
        ("vec_large_best", len(large), gzip_tool(large, "-9", "-n")),
        ("vec_all_fields", len(small),
         wrap_gzip(zlib_raw(small), small, flags=0x1e, extra=b"TIDE\x02\0hi",
                   name=b"words.txt", comment=b"test vector")),
        ("vec_empty", 0, gzip_tool(b"", "-n")),
    ]
    text = ["/* Generated by scripts/gen_inflate_vectors.py: do not edit. */",
            "#ifndef _GENERATED_INFLATE_VECTORS_H",
            "#define _GENERATED_INFLATE_VECTORS_H", ""]
    for name, n, member in vecs:
        text.append(c_array(name, member))
        text.append(f"#define {name}_size {n}\n")
    text.append(c_array("raw_far_distance", far_distance()))
    text.append(c_array("raw_oversubscribed", oversubscribed()))
    text.append(c_array("raw_no_end_of_block", no_end_of_block()))
    text.append("#endif")
    with open(out + ".tmp", "w") as f:
        f.write("\n".join(text) + "\n")
    os.replace(out + ".tmp", out)


if __name__ == "__main__":
    main()
