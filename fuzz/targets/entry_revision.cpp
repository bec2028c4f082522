// Entry revision objects (the plaintext of objects.data): EntryRevision::fromJson on arbitrary
// bytes. A revision that parses must re-serialise through toCanonicalJson to bytes that parse to
// an equal revision and serialise to the same bytes again (the canonical form is a fixed point).
#include "vault/EntryRevision.h"
#include "FuzzSupport.h"

using namespace pt;

namespace {

bool isHex64(const QString& s)
{
    if (s.size() != 64)
        return false;
    for (const QChar c : s)
        if (!((c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f')))
            return false;
    return true;
}

bool sameFields(const core::EntryRevision& a, const core::EntryRevision& b)
{
    // QDateTime's == compares instants; the offset is part of what the person recorded, so
    // compare it too.
    return a.entryId == b.entryId && a.revision == b.revision && a.previous == b.previous &&
           a.kind == b.kind && a.title == b.title && a.body == b.body && a.occurredAt == b.occurredAt &&
           a.occurredAt.offsetFromUtc() == b.occurredAt.offsetFromUtc() && a.recordedAt == b.recordedAt &&
           a.recordedAt.offsetFromUtc() == b.recordedAt.offsetFromUtc() && a.timeZone == b.timeZone &&
           a.tags == b.tags && a.fields == b.fields && a.attachments == b.attachments;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    fuzz::initOnce();
    const auto revision = core::EntryRevision::fromJson(fuzz::qbytes(data, size));
    if (!revision)
        return 0;
    // What the reader promises about an accepted revision.
    PT_FUZZ_CHECK(revision->revision >= 1);
    PT_FUZZ_CHECK(!revision->kind.isEmpty());
    PT_FUZZ_CHECK(revision->occurredAt.isValid() && revision->recordedAt.isValid());
    PT_FUZZ_CHECK((revision->revision == 1) == revision->previous.isEmpty());
    for (const core::AttachmentRef& a : revision->attachments)
        PT_FUZZ_CHECK(isHex64(a.object) && isHex64(a.sha256) && a.size >= 0);

    const QByteArray canonical = revision->toCanonicalJson();
    const auto again = core::EntryRevision::fromJson(canonical);
    PT_FUZZ_CHECK(again.has_value());
    PT_FUZZ_CHECK(sameFields(*revision, *again));
    PT_FUZZ_CHECK(again->toCanonicalJson() == canonical);
    PT_FUZZ_CHECK(core::changedFields(*revision, *again).isEmpty());
    return 0;
}
