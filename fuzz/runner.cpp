// A deterministic corpus runner for builds without libFuzzer (g++, or clang without the fuzzer
// runtime). It feeds every corpus file to LLVMFuzzerTestOneInput, then a fixed number of
// mutations of them drawn from a seeded PRNG: bit flips, byte changes, insertions, deletions,
// truncations, duplicated ranges, dictionary tokens, number swaps and splices between corpus
// files. The same seed gives the same inputs in the same order, so a failure in CI reproduces.
//
//   fuzz_NAME [options] CORPUS_DIR_OR_FILE...
//     -runs=N        mutated executions in total (default 4000; 0 runs the corpus files only)
//     -seed=N        PRNG seed (default 1)
//     -max_time=S    stop mutating after S seconds (default 25); the corpus itself always runs
//     -timeout=S     one input running longer than S seconds is a hang (default 10)
//     -max_len=N     never grow an input past N bytes (default 1 MiB)
//     -artifact_prefix=P  where a crashing input is written: P + "crash-<hash>" (default "./")
//
// A crash, sanitizer report, property violation (abort) or hang writes the input that caused it
// and exits non-zero. Run the binary with that file as its only argument to reproduce it.
#include <algorithm>
#include <chrono>
#include <csignal>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <vector>

#include <fcntl.h>
#include <unistd.h>

#if defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(undefined_behavior_sanitizer)
#define PT_FUZZ_SANITIZED 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__)
#define PT_FUZZ_SANITIZED 1
#endif
#if defined(PT_FUZZ_SANITIZED) && __has_include(<sanitizer/common_interface_defs.h>)
#include <sanitizer/common_interface_defs.h>
#define PT_FUZZ_DEATH_CALLBACK 1
#endif

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

#if defined(PT_FUZZ_SANITIZED)
// A hostile input must not make the code ask for absurd amounts of memory: with this, a request
// over 512 MiB is reported (allocation-size-too-big) instead of being attempted.
extern "C" const char* __asan_default_options();
extern "C" const char* __asan_default_options()
{
    return "max_allocation_size_mb=512:allocator_may_return_null=0";
}
#endif

namespace {

namespace fs = std::filesystem;

// What is running now, for the crash handlers (which may only use async-signal-safe calls).
const std::uint8_t* g_data = nullptr;
std::size_t g_size = 0;
const char* g_origin = ""; // corpus file name, or "" for a mutation
char g_artifactPrefix[4096] = "./";
volatile std::sig_atomic_t g_dumped = 0;

void writeAll(int fd, const void* p, std::size_t n)
{
    const auto* c = static_cast<const char*>(p);
    while (n > 0) {
        const ssize_t w = ::write(fd, c, n);
        if (w <= 0)
            return;
        c += w;
        n -= static_cast<std::size_t>(w);
    }
}

void say(const char* s) { writeAll(2, s, std::strlen(s)); }

std::uint64_t fnv1a(const std::uint8_t* p, std::size_t n)
{
    std::uint64_t h = 1469598103934665603ull;
    for (std::size_t i = 0; i < n; ++i)
        h = (h ^ p[i]) * 1099511628211ull;
    return h;
}

// Writes the current input to <prefix><kind>-<hash>; async-signal-safe.
void dumpInput(const char* kind)
{
    if (g_dumped || g_data == nullptr)
        return;
    g_dumped = 1;
    char path[4200];
    std::size_t len = 0;
    auto append = [&](const char* s) {
        while (*s && len + 1 < sizeof path)
            path[len++] = *s++;
    };
    append(g_artifactPrefix);
    append(kind);
    append("-");
    const std::uint64_t h = fnv1a(g_data, g_size);
    static const char digits[] = "0123456789abcdef";
    for (int i = 60; i >= 0 && len + 1 < sizeof path; i -= 4)
        path[len++] = digits[(h >> i) & 15];
    path[len] = '\0';
    const int fd = ::open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (fd >= 0) {
        writeAll(fd, g_data, g_size);
        ::close(fd);
    }
    say("\n==fuzz runner== ");
    say(kind);
    say(" on ");
    say(*g_origin ? g_origin : "a mutated input");
    say("; input written to ");
    say(path);
    say("\n");
}

#if defined(PT_FUZZ_DEATH_CALLBACK)
void onSanitizerDeath() { dumpInput("crash"); }
#endif

void onFatalSignal(int sig)
{
    dumpInput("crash");
    std::signal(sig, SIG_DFL);
    std::raise(sig);
}

void onAlarm(int)
{
    dumpInput("timeout");
    say("==fuzz runner== one input ran past -timeout: a hang\n");
    ::_exit(70);
}

void installHandlers()
{
#if defined(PT_FUZZ_DEATH_CALLBACK)
    __sanitizer_set_death_callback(onSanitizerDeath);
#endif
    std::signal(SIGABRT, onFatalSignal);
    std::signal(SIGALRM, onAlarm);
#if !defined(PT_FUZZ_SANITIZED)
    // Under ASan these are the sanitizer's, which reports and then calls the death callback.
    std::signal(SIGSEGV, onFatalSignal);
    std::signal(SIGBUS, onFatalSignal);
    std::signal(SIGFPE, onFatalSignal);
    std::signal(SIGILL, onFatalSignal);
#endif
}

unsigned g_timeout = 10;

void execute(const std::vector<std::uint8_t>& input, const char* origin)
{
    g_data = input.data();
    g_size = input.size();
    g_origin = origin;
    ::alarm(g_timeout);
    LLVMFuzzerTestOneInput(input.data(), input.size());
    ::alarm(0);
    g_data = nullptr;
}

// SplitMix64: small, fast, and the same on every platform.
class Rng {
public:
    explicit Rng(std::uint64_t seed) : m_state(seed) {}
    std::uint64_t next()
    {
        std::uint64_t z = (m_state += 0x9e3779b97f4a7c15ull);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
        return z ^ (z >> 31);
    }
    std::size_t below(std::size_t n) { return n == 0 ? 0 : static_cast<std::size_t>(next() % n); }
    bool chance(unsigned oneIn) { return below(oneIn) == 0; }

private:
    std::uint64_t m_state;
};

// Tokens that matter to the formats fuzzed here (JSON, ISO times, base64, hex, Bech32).
constexpr std::string_view Tokens[] = {
    "\"", "\\", "{", "}", "[", "]", ":", ",", "null", "true", "false", "{}", "[]", "\"\"",
    "\\u0000", "\\ud800", "\\udfff", "\\u00e9", "\xc3\xa9", "\xed\xa0\x80", "\xf0\x9f\x98\x80", "\xff",
    "1e308", "-1e308", "1e-400", "-0", "0.5", "2147483648", "-2147483649", "9007199254740993",
    "18446744073709551616", "4294967296", "9223372036854775807", "-9223372036854775808",
    "T", "Z", "+14:00", "-12:00", "+99:59", ".999", ":60", "24:00:00", "0000-01-01", "9999-12-31",
    "-", " ", "=", "==", "/", "+", "1", "A", "ptrk1", "PTRK1", "age1", "\"v\":1", "\"v\":2",
    "\"revision\":1", "\"seq\":1", "\"op\":\"put\"", "\"op\":\"purge\"", "\"previous\":\"\"",
};

constexpr std::string_view Numbers[] = {
    "0", "1", "-1", "2", "255", "256", "65535", "65536", "2147483647", "2147483648", "-2147483648",
    "4294967295", "4294967296", "9007199254740992", "9223372036854775807", "1e19", "1.5", "1e308",
    "3", "64", "65", "8191", "8192", "4294967297",
};

void insertBytes(std::vector<std::uint8_t>& v, std::size_t pos, std::string_view s)
{
    v.insert(v.begin() + static_cast<std::ptrdiff_t>(pos), s.begin(), s.end());
}

void mutateOnce(std::vector<std::uint8_t>& v, const std::vector<std::vector<std::uint8_t>>& corpus, Rng& rng,
                std::size_t maxLen)
{
    const std::size_t n = v.size();
    switch (rng.below(13)) {
    case 0: // flip one bit
        if (n)
            v[rng.below(n)] ^= static_cast<std::uint8_t>(1u << rng.below(8));
        break;
    case 1: { // set a byte to an interesting or random value
        static constexpr std::uint8_t Interesting[] = {0, 1, 0x7f, 0x80, 0xff, '0', '9', 'a', 'f', 'A',
                                                       'z', '"', '\\', '{', '}', '[', ']', ':', ',',
                                                       '-', '.', '+', 'e', 'u', ' ', '\n', '=', '1'};
        if (n)
            v[rng.below(n)] = rng.chance(2) ? Interesting[rng.below(sizeof Interesting)]
                                            : static_cast<std::uint8_t>(rng.next());
        break;
    }
    case 2: { // insert 1..8 random bytes
        const std::size_t count = 1 + rng.below(8);
        const std::size_t pos = rng.below(n + 1);
        for (std::size_t i = 0; i < count; ++i)
            v.insert(v.begin() + static_cast<std::ptrdiff_t>(pos), static_cast<std::uint8_t>(rng.next()));
        break;
    }
    case 3: { // erase a range
        if (!n)
            break;
        const std::size_t pos = rng.below(n);
        const std::size_t len = 1 + rng.below(std::min<std::size_t>(n - pos, rng.chance(4) ? n : 16));
        v.erase(v.begin() + static_cast<std::ptrdiff_t>(pos), v.begin() + static_cast<std::ptrdiff_t>(pos + len));
        break;
    }
    case 4: // truncate
        v.resize(rng.below(n + 1));
        break;
    case 5: { // duplicate a range somewhere else
        if (!n)
            break;
        const std::size_t from = rng.below(n);
        const std::size_t len = 1 + rng.below(std::min<std::size_t>(n - from, 256));
        const std::vector<std::uint8_t> piece(v.begin() + static_cast<std::ptrdiff_t>(from),
                                              v.begin() + static_cast<std::ptrdiff_t>(from + len));
        const std::size_t to = rng.below(n + 1);
        v.insert(v.begin() + static_cast<std::ptrdiff_t>(to), piece.begin(), piece.end());
        break;
    }
    case 6: // insert a token
    case 7: {
        const std::string_view t = Tokens[rng.below(std::size(Tokens))];
        insertBytes(v, rng.below(n + 1), t);
        break;
    }
    case 8: { // replace a run of digits with an interesting number
        std::vector<std::size_t> starts;
        for (std::size_t i = 0; i < n; ++i)
            if (v[i] >= '0' && v[i] <= '9' && (i == 0 || v[i - 1] < '0' || v[i - 1] > '9'))
                starts.push_back(i);
        if (starts.empty())
            break;
        const std::size_t s = starts[rng.below(starts.size())];
        std::size_t e = s;
        while (e < n && v[e] >= '0' && v[e] <= '9')
            ++e;
        v.erase(v.begin() + static_cast<std::ptrdiff_t>(s), v.begin() + static_cast<std::ptrdiff_t>(e));
        insertBytes(v, s, Numbers[rng.below(std::size(Numbers))]);
        break;
    }
    case 9: { // splice: a prefix of this input and a suffix of another corpus file
        const auto& other = corpus[rng.below(corpus.size())];
        const std::size_t cut = rng.below(n + 1);
        const std::size_t from = rng.below(other.size() + 1);
        v.resize(cut);
        v.insert(v.end(), other.begin() + static_cast<std::ptrdiff_t>(from), other.end());
        break;
    }
    case 10: { // overwrite a range with bytes from another corpus file
        const auto& other = corpus[rng.below(corpus.size())];
        if (!n || other.empty())
            break;
        const std::size_t from = rng.below(other.size());
        const std::size_t to = rng.below(n);
        const std::size_t len = 1 + rng.below(std::min<std::size_t>({other.size() - from, n - to, 64}));
        std::copy_n(other.begin() + static_cast<std::ptrdiff_t>(from), len, v.begin() + static_cast<std::ptrdiff_t>(to));
        break;
    }
    case 11: { // swap two bytes
        if (n < 2)
            break;
        std::swap(v[rng.below(n)], v[rng.below(n)]);
        break;
    }
    default: { // add or subtract a small amount from a byte (length fields, counters)
        if (n)
            v[rng.below(n)] += static_cast<std::uint8_t>(rng.below(9)) - 4;
        break;
    }
    }
    if (v.size() > maxLen)
        v.resize(maxLen);
}

bool readFile(const fs::path& path, std::vector<std::uint8_t>& out)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return false;
    out.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    return true;
}

bool parseOption(std::string_view arg, std::string_view name, std::uint64_t& out)
{
    if (arg.substr(0, name.size()) != name)
        return false;
    out = std::strtoull(std::string(arg.substr(name.size())).c_str(), nullptr, 10);
    return true;
}

} // namespace

int main(int argc, char** argv)
{
    std::uint64_t runs = 4000, seed = 1, maxTime = 25, timeout = 10, maxLen = 1 << 20;
    std::vector<fs::path> inputs;
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg = argv[i];
        if (parseOption(arg, "-runs=", runs) || parseOption(arg, "-seed=", seed) ||
            parseOption(arg, "-max_time=", maxTime) || parseOption(arg, "-timeout=", timeout) ||
            parseOption(arg, "-max_len=", maxLen))
            continue;
        if (arg.substr(0, 17) == "-artifact_prefix=") {
            std::snprintf(g_artifactPrefix, sizeof g_artifactPrefix, "%s", argv[i] + 17);
            continue;
        }
        if (!arg.empty() && arg[0] == '-') {
            std::fprintf(stderr, "unknown option %s (see the comment at the top of fuzz/runner.cpp)\n", argv[i]);
            return 2;
        }
        inputs.emplace_back(arg);
    }
    if (inputs.empty()) {
        std::fprintf(stderr, "usage: %s [-runs=N] [-seed=N] [-max_time=S] [-timeout=S] CORPUS_DIR_OR_FILE...\n",
                     argv[0]);
        return 2;
    }
    g_timeout = static_cast<unsigned>(std::max<std::uint64_t>(timeout, 1));
    installHandlers();

    // Every file, in sorted order so the run is the same everywhere.
    std::vector<fs::path> files;
    for (const fs::path& p : inputs) {
        std::error_code ec;
        if (fs::is_directory(p, ec)) {
            for (const auto& entry : fs::recursive_directory_iterator(p))
                if (entry.is_regular_file())
                    files.push_back(entry.path());
        } else if (fs::is_regular_file(p, ec)) {
            files.push_back(p);
        } else {
            std::fprintf(stderr, "no such file or directory: %s\n", p.c_str());
            return 2;
        }
    }
    std::sort(files.begin(), files.end());

    const auto start = std::chrono::steady_clock::now();
    std::vector<std::vector<std::uint8_t>> corpus;
    for (const fs::path& f : files) {
        std::vector<std::uint8_t> bytes;
        if (!readFile(f, bytes)) {
            std::fprintf(stderr, "cannot read %s\n", f.c_str());
            return 2;
        }
        const std::string name = f.string();
        execute(bytes, name.c_str());
        corpus.push_back(std::move(bytes));
    }
    if (corpus.empty()) {
        std::fprintf(stderr, "no corpus files found\n");
        return 2;
    }

    Rng rng(seed);
    std::uint64_t done = 0;
    std::size_t longest = 0;
    for (const auto& c : corpus)
        longest = std::max(longest, c.size());
    const std::size_t cap = std::min<std::size_t>(maxLen, std::max<std::size_t>(2 * longest, 4096));
    std::vector<std::uint8_t> input;
    for (; done < runs; ++done) {
        if (std::chrono::steady_clock::now() - start > std::chrono::seconds(maxTime))
            break;
        input = corpus[done % corpus.size()];
        const std::size_t stacked = 1 + rng.below(rng.chance(4) ? 8 : 3);
        for (std::size_t m = 0; m < stacked; ++m)
            mutateOnce(input, corpus, rng, cap);
        execute(input, "");
    }
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::printf("%s: %zu corpus files, %llu mutated executions (seed %llu) in %.1f s%s\n",
                fs::path(argv[0]).filename().c_str(), corpus.size(), static_cast<unsigned long long>(done),
                static_cast<unsigned long long>(seed), seconds,
                done < runs ? " (stopped by -max_time)" : "");
    return 0;
}
