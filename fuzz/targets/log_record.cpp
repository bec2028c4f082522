// Log records: SignedRecord::unframe (signature || payload) and LogRecord::fromPayload on
// arbitrary bytes. An accepted payload must re-serialise (payload()) to bytes that parse to the
// same record and serialise to the same bytes again.
#include "FuzzSupport.h"
#include "vault/LogRecord.h"

using namespace pt;

namespace {

bool sameFields(const core::LogRecord& a, const core::LogRecord& b)
{
    if (a.device != b.device || a.seq != b.seq || a.previous != b.previous || a.time != b.time ||
        a.clockWas != b.clockWas || a.op != b.op || a.entryId != b.entryId)
        return false;
    if (a.op == core::LogRecord::Op::Put && (a.revision != b.revision || a.object != b.object))
        return false;
    if (a.op == core::LogRecord::Op::Purge) {
        if (a.purged.size() != b.purged.size())
            return false;
        for (qsizetype i = 0; i < a.purged.size(); ++i)
            if (a.purged[i].object != b.purged[i].object || a.purged[i].sha256 != b.purged[i].sha256)
                return false;
    }
    return true;
}

void checkPayload(const QByteArray& bytes)
{
    const auto record = core::LogRecord::fromPayload(bytes);
    if (!record)
        return;
    PT_FUZZ_CHECK(!record->device.isEmpty() && record->seq >= 1 && record->time.isValid() &&
                  !record->entryId.isEmpty());
    PT_FUZZ_CHECK((record->seq == 1) == record->previous.isEmpty());
    if (record->op == core::LogRecord::Op::Put)
        PT_FUZZ_CHECK(record->revision >= 1 && record->object.size() == 64);

    const QByteArray payload = record->payload();
    const auto again = core::LogRecord::fromPayload(payload);
    PT_FUZZ_CHECK(again.has_value());
    PT_FUZZ_CHECK(sameFields(*record, *again));
    PT_FUZZ_CHECK(again->payload() == payload);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    fuzz::initOnce();
    const QByteArray input = fuzz::qbytes(data, size);

    // The input as the decrypted row: signature || payload.
    const auto framed = core::SignedRecord::unframe(input);
    PT_FUZZ_CHECK(framed.has_value() == (size > 64));
    if (framed) {
        PT_FUZZ_CHECK(framed->signature.size() == 64);
        PT_FUZZ_CHECK(framed->frame() == input);
        PT_FUZZ_CHECK(framed->hash().size() == 64);
        checkPayload(framed->payload);
    }
    // And as an exported payload on its own.
    checkPayload(input);
    return 0;
}
