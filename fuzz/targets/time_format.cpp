// Times in every JSON format: parseIso on arbitrary text. A time that parses must be written by
// isoWithOffset in the documented 29-character form, and that form must parse back to the same
// instant with the same offset (toUTC() and back too: log records and vault.json store UTC).
#include "FuzzSupport.h"
#include "TimeFormat.h"

using namespace pt;

namespace {

void roundTrip(const QDateTime& t)
{
    const QString text = core::isoWithOffset(t);
    PT_FUZZ_CHECK(text.size() == 29);
    const QDateTime back = core::parseIso(text);
    PT_FUZZ_CHECK(back.isValid());
    PT_FUZZ_CHECK(back == t);
    PT_FUZZ_CHECK(back.offsetFromUtc() == t.offsetFromUtc());
    PT_FUZZ_CHECK(core::isoWithOffset(back) == text);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    fuzz::initOnce();
    const QString text = QString::fromUtf8(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
    const QDateTime t = core::parseIso(text);
    if (!t.isValid()) {
        PT_FUZZ_CHECK(core::isoWithOffset(t).isEmpty());
        return 0;
    }
    roundTrip(t);
    roundTrip(t.toUTC());
    return 0;
}
