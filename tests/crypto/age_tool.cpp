// A small command-line front end to crypto/age, for the interop test with the real age program
// (test_age_interop.sh) and for making the fuzz seeds of fuzz/corpus/age_reader. Test-only.
//
//   age_tool keygen                                  an identity file (as age-keygen writes it)
//   age_tool recipient < IDENTITY_FILE               the age1... recipient of each identity
//   age_tool encrypt [-a] -r RECIPIENT [-r ...]      stdin to stdout
//   age_tool encrypt [-a] -p [-w WORK_FACTOR]        passphrase from $AGE_TOOL_PASSPHRASE
//   age_tool decrypt [-m MAX_WORK_FACTOR] -i FILE [-i ...]
//   age_tool decrypt [-m MAX_WORK_FACTOR] -p         passphrase from $AGE_TOOL_PASSPHRASE
//
// Exits 0 on success, 1 on an age error (printed on stderr with its code), 2 on bad usage.
#include "crypto/Init.h"
#include "crypto/age/ArmorWriter.h"
#include "crypto/age/Reader.h"
#include "crypto/age/Writer.h"

#include <cerrno>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include <unistd.h>

using namespace pt::crypto;

namespace {

const char* codeName(age::ErrorCode code)
{
    switch (code) {
    case age::ErrorCode::Ok: return "ok";
    case age::ErrorCode::Usage: return "usage";
    case age::ErrorCode::Io: return "io";
    case age::ErrorCode::Resource: return "resource";
    case age::ErrorCode::Armor: return "armor";
    case age::ErrorCode::Header: return "header";
    case age::ErrorCode::NoMatch: return "no-match";
    case age::ErrorCode::HeaderMac: return "header-mac";
    case age::ErrorCode::Payload: return "payload";
    }
    return "?";
}

int failed(const age::Status& status)
{
    std::cerr << "age_tool: " << codeName(status.code()) << ": " << status.message() << '\n';
    return 1;
}

int usage()
{
    std::cerr << "usage: age_tool keygen | recipient | encrypt [-a] (-r RECIPIENT... | -p [-w N]) "
                 "| decrypt [-m N] (-i FILE... | -p)\n";
    return 2;
}

std::optional<std::size_t> readStdin(std::span<std::uint8_t> buffer)
{
    for (;;) {
        const ssize_t n = ::read(STDIN_FILENO, buffer.data(), buffer.size());
        if (n >= 0)
            return static_cast<std::size_t>(n);
        if (errno != EINTR)
            return std::nullopt;
    }
}

bool writeStdout(ByteView bytes)
{
    while (!bytes.empty()) {
        const ssize_t n = ::write(STDOUT_FILENO, bytes.data(), bytes.size());
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return false;
        bytes = bytes.subspan(static_cast<std::size_t>(n));
    }
    return true;
}

std::optional<SecureBytes> passphraseFromEnvironment()
{
    const char* value = std::getenv("AGE_TOOL_PASSPHRASE");
    if (value == nullptr || *value == '\0') {
        std::cerr << "age_tool: set AGE_TOOL_PASSPHRASE\n";
        return std::nullopt;
    }
    return SecureBytes::copyOf(view(value));
}

// Identity lines of an age identity file: "#" comments and empty lines are skipped.
bool readIdentities(std::istream& in, std::vector<age::X25519Identity>& out)
{
    std::string line;
    while (std::getline(in, line)) {
        if (!line.empty() && line.back() == '\r')
            line.pop_back();
        if (line.empty() || line.front() == '#')
            continue;
        auto identity = age::X25519Identity::parse(line);
        if (!identity) {
            std::cerr << "age_tool: not an X25519 identity line\n";
            return false;
        }
        out.push_back(std::move(*identity));
    }
    return true;
}

int keygen()
{
    const auto identity = age::X25519Identity::generate();
    char created[64];
    const std::time_t now = std::time(nullptr);
    std::strftime(created, sizeof created, "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&now));
    const std::string head = std::string("# created: ") + created + "\n# public key: "
                             + identity.recipient().toString() + "\n";
    const SecureBytes secret = identity.toString();
    const std::uint8_t lf = '\n';
    return writeStdout(view(head)) && writeStdout(secret.view()) && writeStdout({&lf, 1}) ? 0 : 1;
}

int recipient()
{
    std::vector<age::X25519Identity> identities;
    if (!readIdentities(std::cin, identities) || identities.empty())
        return 1;
    for (const auto& identity : identities)
        std::cout << identity.recipient().toString() << '\n';
    return 0;
}

int encrypt(const std::vector<std::string>& args)
{
    bool armor = false;
    bool passphrase = false;
    int workFactor = age::DefaultWorkFactor;
    std::vector<age::X25519Recipient> recipients;
    for (std::size_t i = 0; i < args.size(); ++i) {
        if (args[i] == "-a") {
            armor = true;
        } else if (args[i] == "-p") {
            passphrase = true;
        } else if (args[i] == "-w" && i + 1 < args.size()) {
            workFactor = std::atoi(args[++i].c_str());
        } else if (args[i] == "-r" && i + 1 < args.size()) {
            auto r = age::X25519Recipient::parse(args[++i]);
            if (!r) {
                std::cerr << "age_tool: not an age1 recipient: " << args[i] << '\n';
                return 2;
            }
            recipients.push_back(*r);
        } else {
            return usage();
        }
    }
    if (passphrase == !recipients.empty())
        return usage();

    age::ArmorWriter armorWriter(writeStdout);
    const age::Sink sink = armor ? armorWriter.sink() : age::Sink(writeStdout);
    std::optional<age::Result<age::Writer>> writer;
    if (passphrase) {
        const auto secret = passphraseFromEnvironment();
        if (!secret)
            return 2;
        writer.emplace(age::Writer::toPassphrase(secret->view(), sink, workFactor));
    } else {
        writer.emplace(age::Writer::toRecipients(recipients, sink));
    }
    if (!*writer)
        return failed(writer->status());
    std::vector<std::uint8_t> buffer(100 * 1000); // not a multiple of the chunk size
    for (;;) {
        const auto n = readStdin(buffer);
        if (!n)
            return failed({age::ErrorCode::Io, "reading stdin failed"});
        if (*n == 0)
            break;
        if (auto s = (*writer)->write({buffer.data(), *n}); !s)
            return failed(s);
    }
    if (auto s = (*writer)->finish(); !s)
        return failed(s);
    if (armor) {
        if (auto s = armorWriter.finish(); !s)
            return failed(s);
    }
    return 0;
}

int decrypt(const std::vector<std::string>& args)
{
    age::Identities identities;
    age::ReaderOptions options;
    bool passphrase = false;
    for (std::size_t i = 0; i < args.size(); ++i) {
        if (args[i] == "-p") {
            passphrase = true;
        } else if (args[i] == "-m" && i + 1 < args.size()) {
            options.maxWorkFactor = std::atoi(args[++i].c_str());
        } else if (args[i] == "-i" && i + 1 < args.size()) {
            std::ifstream file(args[++i]);
            if (!file || !readIdentities(file, identities.x25519)) {
                std::cerr << "age_tool: cannot read identities from " << args[i] << '\n';
                return 2;
            }
        } else {
            return usage();
        }
    }
    if (passphrase) {
        auto secret = passphraseFromEnvironment();
        if (!secret)
            return 2;
        identities.passphrase = std::move(*secret);
    }
    if (!passphrase && identities.x25519.empty())
        return usage();
    if (auto s = age::decrypt(readStdin, identities, writeStdout, options); !s)
        return failed(s);
    return 0;
}

} // namespace

int main(int argc, char** argv)
{
    if (!init()) {
        std::cerr << "age_tool: crypto init failed\n";
        return 1;
    }
    if (argc < 2)
        return usage();
    const std::string command = argv[1];
    const std::vector<std::string> args(argv + 2, argv + argc);
    if (command == "keygen" && args.empty())
        return keygen();
    if (command == "recipient" && args.empty())
        return recipient();
    if (command == "encrypt")
        return encrypt(args);
    if (command == "decrypt")
        return decrypt(args);
    return usage();
}
