// Test-only command line over crypto/Minisign, for tests/crypto/test_minisign_interop.sh:
//   minisign_tool pubkey SEEDHEX                      print the public key file
//   minisign_tool seckey SEEDHEX                      print the same key as `minisign -G -W` would
//                                                     write it (unencrypted), so minisign itself
//                                                     can sign with our key
//   minisign_tool sign SEEDHEX FILE [TRUSTED [UNTRUSTED]]
//                                                     write FILE.minisig, print the public key file
//   minisign_tool verify [-H] FILE SIG PUB            print "ok", then the trusted comment on its
//                                                     own line, exit 0; or print the status, exit 1
// Exit 2 for a usage or I/O error.
#include "crypto/Init.h"
#include "crypto/Minisign.h"

#include <ctime>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

using namespace pt::crypto;

namespace {

int usage()
{
    std::cerr << "usage: minisign_tool pubkey SEEDHEX | seckey SEEDHEX |"
                 " sign SEEDHEX FILE [TRUSTED [UNTRUSTED]] | verify [-H] FILE SIG PUB\n";
    return 2;
}

std::optional<minisign::KeyPair> keyFromHex(const std::string& hex)
{
    const auto seed = fromHex(hex);
    if (!seed || seed->size() != minisign::SeedSize) {
        std::cerr << "SEEDHEX must be 64 hex digits\n";
        return std::nullopt;
    }
    return minisign::KeyPair::fromSeed(SecureBytes::copyOf(*seed));
}

// Feeds the file to `sink` in 64 KiB pieces; false on an I/O error.
template <typename Sink>
bool readPieces(const std::string& path, Sink&& sink)
{
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        std::cerr << "cannot open " << path << "\n";
        return false;
    }
    std::vector<char> buffer(std::size_t{64} * 1024);
    while (in) {
        in.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
        const auto n = static_cast<std::size_t>(in.gcount());
        if (n > 0)
            sink(ByteView(reinterpret_cast<const std::uint8_t*>(buffer.data()), n));
    }
    if (!in.eof()) {
        std::cerr << "cannot read " << path << "\n";
        return false;
    }
    return true;
}

// A small file read whole, refused when longer than `limit`.
std::optional<std::string> readSmall(const std::string& path, std::size_t limit)
{
    std::string text;
    bool tooLong = false;
    const bool ok = readPieces(path, [&](ByteView piece) {
        if (tooLong || piece.size() > limit - text.size()) {
            tooLong = true;
            return;
        }
        text.append(reinterpret_cast<const char*>(piece.data()), piece.size());
    });
    if (!ok)
        return std::nullopt;
    if (tooLong)
        return std::string(limit + 1, '\n'); // malformed by size, let the parser say so
    return text;
}

int seckey(const minisign::KeyPair& key)
{
    // minisign.h SeckeyStruct, as `minisign -G -W` fills it: no KDF, zero salt and limits, and
    // a zero checksum (minisign only computes it when it encrypts the key).
    Bytes raw;
    for (const char c : std::string_view("Ed\0\0B2", 6))
        raw.push_back(static_cast<std::uint8_t>(c));
    raw.resize(raw.size() + 32 + 8 + 8, 0);
    const auto& id = key.publicKey().keyId;
    raw.insert(raw.end(), id.begin(), id.end());
    const ByteView sk = key.secretKey().view();
    raw.insert(raw.end(), sk.begin(), sk.end());
    raw.resize(raw.size() + 32, 0);
    std::cout << "untrusted comment: minisign encrypted secret key\n" << toBase64(raw) << "\n";
    return 0;
}

int signFile(const minisign::KeyPair& key, const std::string& path, std::string trusted,
             const std::string& untrusted)
{
    minisign::Signer signer(key);
    if (!readPieces(path, [&](ByteView piece) { signer.update(piece); }))
        return 2;
    if (trusted.empty())
        trusted = minisign::defaultTrustedComment(static_cast<std::uint64_t>(std::time(nullptr)),
                                                  path);
    const std::string signature = signer.finish(trusted, untrusted);
    std::ofstream out(path + ".minisig", std::ios::binary | std::ios::trunc);
    out << signature;
    out.close();
    if (!out) {
        std::cerr << "cannot write " << path << ".minisig\n";
        return 2;
    }
    std::cout << minisign::publicKeyFile(key.publicKey());
    return 0;
}

int verifyFile(const std::string& path, const std::string& sigPath, const std::string& pubPath,
               bool prehashedOnly)
{
    const auto pub = readSmall(pubPath, minisign::MaxPublicKeyFileSize);
    const auto sig = readSmall(sigPath, minisign::MaxSignatureFileSize);
    if (!pub || !sig)
        return 2;
    minisign::VerifyOptions options;
    options.allowLegacy = !prehashedOnly;
    minisign::Verifier verifier(*pub, *sig, options);
    if (verifier.status() == minisign::VerifyStatus::Ok
        && !readPieces(path, [&](ByteView piece) { verifier.update(piece); }))
        return 2;
    const minisign::Verification result = verifier.finish();
    std::cout << minisign::statusName(result.status) << "\n";
    if (!result.ok())
        return 1;
    std::cout << result.trustedComment << "\n";
    return 0;
}

} // namespace

int main(int argc, char** argv)
{
    if (!init()) {
        std::cerr << "pt::crypto::init() failed\n";
        return 2;
    }
    const std::vector<std::string> args(argv + 1, argv + argc);
    if (args.size() == 2 && (args[0] == "pubkey" || args[0] == "seckey")) {
        const auto key = keyFromHex(args[1]);
        if (!key)
            return 2;
        if (args[0] == "seckey")
            return seckey(*key);
        std::cout << minisign::publicKeyFile(key->publicKey());
        return 0;
    }
    if (args.size() >= 3 && args.size() <= 5 && args[0] == "sign") {
        const auto key = keyFromHex(args[1]);
        if (!key)
            return 2;
        return signFile(*key, args[2], args.size() > 3 ? args[3] : std::string(),
                        args.size() > 4 ? args[4]
                                        : std::string(minisign::DefaultSignatureComment));
    }
    if (args.size() == 4 && args[0] == "verify")
        return verifyFile(args[1], args[2], args[3], false);
    if (args.size() == 5 && args[0] == "verify" && args[1] == "-H")
        return verifyFile(args[2], args[3], args[4], true);
    return usage();
}
