// XChaCha20-Poly1305 opening arbitrary bytes: aead::open, ::openSecret and ::decrypt, with a fixed
// key (seeds from tools/make_corpus.cpp authenticate) or a key of the wrong size.
//
// Input: [flags: 1][aad length: 1][aad][sealed = nonce || ciphertext || tag]. The low nibble of
// flags, when non-zero, cuts the key to that many bytes (every call must then refuse).
#include "FuzzSupport.h"
#include "crypto/Aead.h"

#include <algorithm>

using namespace pt;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    fuzz::initOnce();
    static const crypto::SecureBytes fullKey = fuzz::fixedKey(fuzz::AeadKeyBase);
    if (size < 2)
        return 0;
    const std::uint8_t flags = data[0];
    const std::size_t aadSize = std::min<std::size_t>(data[1], size - 2);
    const crypto::ByteView aad{data + 2, aadSize};
    const crypto::ByteView sealed{data + 2 + aadSize, size - 2 - aadSize};
    const std::size_t keySize = (flags & 15) ? (flags & 15) : crypto::aead::KeySize;
    const crypto::ByteView key = fullKey.view().first(keySize);

    const auto opened = crypto::aead::open(key, sealed, aad);
    const auto openedSecret = crypto::aead::openSecret(key, sealed, aad);
    PT_FUZZ_CHECK(opened.has_value() == openedSecret.has_value());
    if (sealed.size() >= crypto::aead::NonceSize) {
        const auto decrypted = crypto::aead::decrypt(key, sealed.first(crypto::aead::NonceSize),
                                                     sealed.subspan(crypto::aead::NonceSize), aad);
        PT_FUZZ_CHECK(decrypted.has_value() == opened.has_value());
        if (decrypted)
            PT_FUZZ_CHECK(*decrypted == *opened);
    }
    if (!opened)
        return 0;
    PT_FUZZ_CHECK(keySize == crypto::aead::KeySize);
    PT_FUZZ_CHECK(opened->size() + crypto::aead::NonceSize + crypto::aead::TagSize == sealed.size());
    PT_FUZZ_CHECK(crypto::equal(*opened, openedSecret->view()));
    // Opening binds the associated data: one more byte of it and the same bytes do not open.
    crypto::Bytes longer(aad.begin(), aad.end());
    longer.push_back(0);
    PT_FUZZ_CHECK(!crypto::aead::open(key, sealed, longer));
    // And sealing what came out opens again to the same plaintext.
    const crypto::Bytes resealed = crypto::aead::seal(key, *opened, aad);
    const auto reopened = crypto::aead::open(key, resealed, aad);
    PT_FUZZ_CHECK(reopened && *reopened == *opened);
    return 0;
}
