#include "ByteSize.h"

#include <algorithm>
#include <cmath>
#include <iterator>

namespace pt::core {

ByteSize byteSize(qint64 bytes)
{
    if (bytes < 1024)
        return {ByteSize::Unit::Bytes, std::max<qint64>(bytes, 0), 0};
    constexpr ByteSize::Unit units[] = {ByteSize::Unit::KiB, ByteSize::Unit::MiB, ByteSize::Unit::GiB};
    double divisor = 1024;
    for (std::size_t i = 0;; ++i, divisor *= 1024) {
        const auto tenths = static_cast<qint64>(std::llround(double(bytes) * 10 / divisor));
        // Rounded up to 1024.0 of this unit, it reads better as 1.0 of the next one.
        if (tenths < 10240 || i + 1 == std::size(units))
            return {units[i], 0, tenths};
    }
}

} // namespace pt::core
