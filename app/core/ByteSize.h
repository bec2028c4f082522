#pragma once
// How big a file is, in the unit a person reads it in: bytes below 1 KiB, then KiB, MiB or GiB
// with one decimal, the number always under 1024 once rounded ("1023.96 KiB" is "1.0 MiB").
// The numbers only: the app and the CLI each put them in their own words ("512 bytes",
// "1.5 KiB"), so both show the same figure for the same file.
#include <QtGlobal>

namespace pt::core {

struct ByteSize {
    enum class Unit { Bytes, KiB, MiB, GiB };
    Unit unit = Unit::Bytes;
    qint64 bytes = 0;  // the exact count, for Unit::Bytes
    qint64 tenths = 0; // the size in `unit`, times ten and rounded, for the other units

    bool operator==(const ByteSize&) const = default;
};

[[nodiscard]] ByteSize byteSize(qint64 bytes);

} // namespace pt::core
