// File sizes as the app and the CLI show them: bytes below 1 KiB, then one decimal of the largest
// unit that keeps the number under 1024 once rounded.
#include "TestSupport.h"

#include "ByteSize.h"

using pt::core::ByteSize;
using pt::core::byteSize;
using Unit = ByteSize::Unit;

TEST_CASE("byte size: bytes below 1 KiB then KiB MiB and GiB with one decimal", "[bytesize]")
{
    CHECK(byteSize(0) == ByteSize{Unit::Bytes, 0, 0});
    CHECK(byteSize(1) == ByteSize{Unit::Bytes, 1, 0});
    CHECK(byteSize(512) == ByteSize{Unit::Bytes, 512, 0});
    CHECK(byteSize(1023) == ByteSize{Unit::Bytes, 1023, 0});
    CHECK(byteSize(1024) == ByteSize{Unit::KiB, 0, 10});
    CHECK(byteSize(1536) == ByteSize{Unit::KiB, 0, 15});
    CHECK(byteSize(65 * 1024 + 100) == ByteSize{Unit::KiB, 0, 651});
    CHECK(byteSize(5 * 1024 * 1024) == ByteSize{Unit::MiB, 0, 50});
    CHECK(byteSize(qint64(2) * 1024 * 1024 * 1024) == ByteSize{Unit::GiB, 0, 20});
    CHECK(byteSize(qint64(5000) * 1024 * 1024 * 1024) == ByteSize{Unit::GiB, 0, 50000}); // no larger unit
    CHECK(byteSize(-5) == ByteSize{Unit::Bytes, 0, 0});
}

TEST_CASE("byte size: a size that rounds up to 1024 of a unit is 1.0 of the next", "[bytesize]")
{
    CHECK(byteSize(1024 * 1024 - 1) == ByteSize{Unit::MiB, 0, 10}); // not "1024.0 KiB"
    CHECK(byteSize(1024 * 1024 - 60) == ByteSize{Unit::KiB, 0, 10239}); // 1023.94 KiB
    CHECK(byteSize(qint64(1024) * 1024 * 1024 - 1) == ByteSize{Unit::GiB, 0, 10});
}
