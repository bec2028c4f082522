#!/usr/bin/env python3
"""Adds an EXIF block to a JPEG: camera Make "Apple" and a GPS position (N 40 44 54, W 73 59 0),
as a phone writes them, so the CLI tests have a photo that carries a location.
Usage: gps_jpeg.py FILE.jpg (changed in place)."""
import struct
import sys


def rationals(*pairs):
    return b"".join(struct.pack(">II", a, b) for a, b in pairs)


def ifd(entries, base):
    """An IFD at offset `base` of the TIFF block: entries (tag, type, count, value) then values."""
    out = struct.pack(">H", len(entries))
    data = b""
    data_offset = base + 2 + 12 * len(entries) + 4
    for tag, kind, count, value in entries:
        if isinstance(value, bytes) and len(value) > 4:
            out += struct.pack(">HHII", tag, kind, count, data_offset + len(data))
            data += value
        else:
            packed = value if isinstance(value, bytes) else struct.pack(">I", value)
            out += struct.pack(">HHI", tag, kind, count) + packed.ljust(4, b"\0")
    return out + struct.pack(">I", 0) + data


make = b"Apple\0"
gps_offset = 8 + 2 + 12 * 2 + 4 + len(make)
ifd0 = ifd([(0x010F, 2, len(make), make), (0x8825, 4, 1, gps_offset)], 8)
gps = ifd([(1, 2, 2, b"N\0"), (2, 5, 3, rationals((40, 1), (44, 1), (54, 1))),
           (3, 2, 2, b"W\0"), (4, 5, 3, rationals((73, 1), (59, 1), (0, 1)))], gps_offset)
tiff = b"MM\0*" + struct.pack(">I", 8) + ifd0 + gps
app1 = b"Exif\0\0" + tiff
path = sys.argv[1]
jpeg = open(path, "rb").read()
assert jpeg[:2] == b"\xff\xd8", "not a JPEG"
open(path, "wb").write(jpeg[:2] + b"\xff\xe1" + struct.pack(">H", len(app1) + 2) + app1 + jpeg[2:])
