// Recovery keys as people type them: recovery::decode on arbitrary text (UTF-8). A key that
// decodes is 32 bytes, and encoding it gives the input back once spaces and dashes are removed
// and it is lower-cased; that encoding decodes to the same key.
#include "FuzzSupport.h"
#include "vault/RecoveryKey.h"

using namespace pt;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    fuzz::initOnce();
    const QString text = QString::fromUtf8(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
    const auto key = core::recovery::decode(text);
    if (!key)
        return 0;
    PT_FUZZ_CHECK(key->size() == 32);

    const QString encoded = core::recovery::encode(*key);
    PT_FUZZ_CHECK(encoded.startsWith(QLatin1String("ptrk1")) && encoded.size() == 5 + 58);
    QString cleaned;
    for (const QChar c : text)
        if (!c.isSpace() && c != u'-')
            cleaned.append(c);
    PT_FUZZ_CHECK(encoded == cleaned.toLower());

    const auto again = core::recovery::decode(encoded);
    PT_FUZZ_CHECK(again.has_value() && crypto::equal(again->view(), key->view()));
    PT_FUZZ_CHECK(core::recovery::wrappingKey(*key, QString::fromLatin1(fuzz::VaultId)).size() == 32);
    return 0;
}
