// The age format's published vectors (C2SP CCTV test kit). fetch_age_vectors.sh, a ctest fixture,
// writes them into the build directory and passes the folder in PT_AGE_VECTORS; this test is
// hidden from test discovery and registered on its own (tests/crypto/CMakeLists.txt). It fails,
// never skips, when the folder is missing or holds fewer vectors than the kit has.
#include "TestHelpers.h"

#include "crypto/Sha256.h"
#include "crypto/age/Reader.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <sstream>

using namespace pt::crypto;

namespace {

// cctv-age 0.2.0 has 143 vectors, 18 of them for the ML-KEM hybrid recipient type.
constexpr std::size_t MinVectors = 143;
constexpr std::size_t MinRun = 125;

struct Vector {
    std::string name;
    std::multimap<std::string, std::string> fields;
    Bytes file;

    [[nodiscard]] std::string field(const std::string& key) const
    {
        const auto it = fields.find(key);
        return it == fields.end() ? std::string() : it->second;
    }
};

Vector readVector(const std::filesystem::path& path)
{
    std::ifstream in(path, std::ios::binary);
    REQUIRE(in);
    const std::string all((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const std::size_t split = all.find("\n\n");
    REQUIRE(split != std::string::npos);
    Vector v;
    v.name = path.filename().string();
    std::istringstream header(all.substr(0, split));
    for (std::string line; std::getline(header, line);) {
        const std::size_t colon = line.find(": ");
        REQUIRE(colon != std::string::npos);
        v.fields.emplace(line.substr(0, colon), line.substr(colon + 2));
    }
    const ByteView body = view(std::string_view(all).substr(split + 2));
    v.file.assign(body.begin(), body.end());
    return v;
}

// Whether the (dearmored) header has a stanza of the ML-KEM hybrid type, in any case.
bool usesMlKem(const Vector& v)
{
    Bytes file = v.file;
    if (v.field("armored") == "yes") {
        age::BufferedSource raw(age::memorySource(v.file));
        age::ArmorReader armor(raw);
        file.clear();
        std::uint8_t buffer[4096];
        for (;;) {
            const auto n = armor.read(buffer);
            if (!n || *n == 0)
                break;
            file.insert(file.end(), buffer, buffer + *n);
        }
    }
    std::string text(file.begin(), file.end());
    std::transform(text.begin(), text.end(), text.begin(),
                   [](char c) { return c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c; });
    return text.find("\n-> mlkem768x25519 ") != std::string::npos;
}

struct Outcome {
    age::Status status;
    Bytes released; // every chunk read() handed out, even before a failure
};

Outcome decryptVector(const Vector& v, const age::Identities& identities, age::ArmorMode mode,
                      std::size_t pieceSize)
{
    age::ReaderOptions options;
    options.armor = mode;
    age::Reader reader(age::memorySource(v.file, pieceSize), options);
    Outcome out;
    out.status = reader.unlock(identities);
    while (out.status) {
        ByteView chunk;
        out.status = reader.read(chunk);
        if (chunk.empty())
            break;
        out.released.insert(out.released.end(), chunk.begin(), chunk.end());
    }
    return out;
}

age::ErrorCode expectedCode(const std::string& expect)
{
    if (expect == "success")
        return age::ErrorCode::Ok;
    if (expect == "no match")
        return age::ErrorCode::NoMatch;
    if (expect == "HMAC failure")
        return age::ErrorCode::HeaderMac;
    if (expect == "header failure")
        return age::ErrorCode::Header;
    if (expect == "payload failure")
        return age::ErrorCode::Payload;
    if (expect == "armor failure")
        return age::ErrorCode::Armor;
    FAIL("unknown expectation: " << expect);
    return age::ErrorCode::Ok;
}

} // namespace

TEST_CASE("age: every CCTV test vector without ML-KEM recipients", "[.][age-vectors]")
{
    const char* dir = std::getenv("PT_AGE_VECTORS");
    INFO("PT_AGE_VECTORS names the folder fetch_age_vectors.sh writes (ctest sets it)");
    REQUIRE(dir != nullptr);
    REQUIRE(std::filesystem::is_directory(dir));

    std::vector<std::filesystem::path> paths;
    for (const auto& entry : std::filesystem::directory_iterator(dir))
        if (entry.is_regular_file())
            paths.push_back(entry.path());
    std::sort(paths.begin(), paths.end());
    REQUIRE(paths.size() >= MinVectors);

    std::size_t run = 0;
    std::vector<std::string> excluded;
    for (const auto& path : paths) {
        const Vector v = readVector(path);
        INFO("vector " << v.name);
        if (usesMlKem(v)) {
            excluded.push_back(v.name);
            continue;
        }
        ++run;

        age::Identities identities;
        for (auto [it, end] = v.fields.equal_range("identity"); it != end; ++it) {
            if (it->second.starts_with("AGE-SECRET-KEY-PQ-1"))
                continue; // the hybrid type's identity: its stanzas are not ours
            auto identity = age::X25519Identity::parse(it->second);
            REQUIRE(identity.has_value());
            identities.x25519.push_back(std::move(*identity));
        }
        const auto passphrases = v.fields.equal_range("passphrase");
        REQUIRE(std::distance(passphrases.first, passphrases.second) <= 2);
        // A second passphrase (scrypt_double) changes nothing: the header fails before any.
        if (passphrases.first != passphrases.second)
            identities.passphrase = SecureBytes::copyOf(view(passphrases.first->second));

        const std::string expect = v.field("expect");
        const age::ErrorCode want = expectedCode(expect);
        const bool armored = v.field("armored") == "yes";
        const auto mode = armored ? age::ArmorMode::Armored : age::ArmorMode::Binary;
        // Odd piece sizes so header lines, armor lines and chunks straddle reads.
        for (const std::size_t pieceSize : {std::size_t{0}, std::size_t{7}}) {
            CAPTURE(pieceSize);
            const Outcome got = decryptVector(v, identities, mode, pieceSize);
            CAPTURE(got.status.message());
            CHECK(got.status.code() == want);
            if (want != age::ErrorCode::Ok)
                CHECK_FALSE(got.status.message().empty());
            // All the plaintext released, even before a payload failure, matches the kit's hash.
            if (const std::string payload = v.field("payload"); !payload.empty())
                CHECK(toHex(Sha256::hash(got.released)) == payload);
            else
                CHECK(got.released.empty());
        }
        // Detection of the armor finds the same answer for every file that decrypts.
        if (want == age::ErrorCode::Ok)
            CHECK(decryptVector(v, identities, age::ArmorMode::Auto, 0).status.ok());
    }

    std::ostringstream list;
    for (const auto& name : excluded)
        list << ' ' << name;
    WARN("age vectors: " << run << " run, " << excluded.size()
                         << " excluded for ML-KEM hybrid stanzas:" << list.str());
    CHECK(run >= MinRun);
    CHECK(run + excluded.size() == paths.size());
}
