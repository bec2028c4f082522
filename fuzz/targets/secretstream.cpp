// crypto_secretstream as attachments use it: StreamDecryptor::init and ::pull on arbitrary bytes,
// with a fixed key (seeds from tools/make_corpus.cpp authenticate).
//
// Input: a 24-byte stream header, then records of [flags: 1][length: 3, little-endian, up to
// 128 KiB][that many ciphertext bytes, or what is left]. Flag bit 0 hands pull() an output
// buffer one byte too small (it must refuse). Every output buffer is exactly as large as it is
// said to be, so ASan sees any write past it.
#include "FuzzSupport.h"
#include "crypto/SecretStream.h"

#include <algorithm>
#include <vector>

using namespace pt;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    fuzz::initOnce();
    static const crypto::SecureBytes key = fuzz::fixedKey(fuzz::StreamKeyBase);
    constexpr std::size_t Overhead = crypto::StreamEncryptor::Overhead;
    constexpr std::size_t MaxChunk = crypto::StreamEncryptor::ChunkSize + Overhead;

    crypto::StreamDecryptor decryptor;
    bool final = false;
    {
        // Never initialised: nothing authenticates.
        std::vector<std::uint8_t> out(64);
        PT_FUZZ_CHECK(!decryptor.pull({data, std::min<std::size_t>(size, 64)}, out, final) && !final);
    }
    const std::size_t headerSize = std::min(size, crypto::StreamEncryptor::HeaderSize);
    const bool ready = decryptor.init({data, headerSize}, key.view());
    PT_FUZZ_CHECK(ready == (headerSize == crypto::StreamEncryptor::HeaderSize));
    std::size_t pos = headerSize;

    bool over = false; // finished or failed: every later pull must fail
    while (pos + 4 <= size) {
        const std::uint8_t flags = data[pos];
        const std::size_t wanted = (std::size_t(data[pos + 1]) | std::size_t(data[pos + 2]) << 8 |
                                    std::size_t(data[pos + 3] & 1) << 16);
        pos += 4;
        const std::size_t length = std::min(wanted, size - pos);
        const crypto::ByteView chunk{data + pos, length};
        pos += length;

        const std::size_t fits = length >= Overhead ? length - Overhead : 0;
        const bool small = (flags & 1) && fits > 0;
        std::vector<std::uint8_t> out(small ? fits - 1 : fits);
        const auto got = decryptor.pull(chunk, out, final);
        if (!got) {
            PT_FUZZ_CHECK(!final);
            over = true;
            continue;
        }
        PT_FUZZ_CHECK(!over && !small);
        PT_FUZZ_CHECK(length >= Overhead && length <= MaxChunk);
        PT_FUZZ_CHECK(*got == length - Overhead);
        if (final)
            over = true;
    }
    return 0;
}
