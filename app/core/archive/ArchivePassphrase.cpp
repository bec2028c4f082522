#include "ArchivePassphrase.h"

#include <sodium.h>

namespace pt::core::archive {

crypto::SecureBytes generatePassphrase()
{
    static constexpr char Alphabet[] = "abcdefghjkmnpqrstuvwxyz23456789"; // 31: no i, l, o, 0, 1
    constexpr int Groups = 6, PerGroup = 4;
    crypto::SecureBytes out(Groups * PerGroup + Groups - 1);
    std::size_t at = 0;
    for (int g = 0; g < Groups; ++g) {
        if (g > 0)
            out.data()[at++] = '-';
        for (int c = 0; c < PerGroup; ++c) // uniform: randombytes_uniform has no modulo bias
            out.data()[at++] = std::uint8_t(Alphabet[randombytes_uniform(sizeof(Alphabet) - 1)]);
    }
    return out;
}

} // namespace pt::core::archive
