#include "Cli.h"

#include "PassphraseSource.h"
#include "TerminalText.h"
#include "vault/PassphraseEstimate.h"
#include "TimeFormat.h"
#include "platform/KeychainSecretStore.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMimeDatabase>

#include <cstdio>
#include <map>
#include <set>

namespace pt::cli {

using namespace pt::core;

namespace {

struct CommandSpec {
    QStringList options; // besides the global ones
    int minArgs = 0;
    int maxArgs = 0;
};

const std::map<QString, CommandSpec>& commands()
{
    static const std::map<QString, CommandSpec> specs{
        {QStringLiteral("init"), {{"allow-weak-passphrase"}, 0, 0}},
        {QStringLiteral("add"), {{"title", "body", "occurred", "tag", "attach", "kind"}, 0, 0}},
        {QStringLiteral("list"), {{"kind", "tag", "since", "until", "deleted"}, 0, 0}},
        {QStringLiteral("show"), {{"history"}, 1, 1}},
        {QStringLiteral("edit"), {{"title", "body", "occurred", "tag", "attach", "detach", "kind"}, 1, 1}},
        {QStringLiteral("delete"), {{}, 1, 1}},
        {QStringLiteral("restore"), {{}, 1, 1}},
        {QStringLiteral("purge"), {{}, 1, 1}},
        {QStringLiteral("attachment"), {{"out", "stdout"}, 3, 3}},
        {QStringLiteral("search"), {{}, 1, 100}},
        {QStringLiteral("verify"), {{}, 0, 0}},
        {QStringLiteral("passwd"), {{"new-passphrase-file", "allow-weak-passphrase"}, 0, 0}},
        {QStringLiteral("new-recovery-key"), {{}, 0, 0}},
        {QStringLiteral("remember"), {{}, 0, 0}},
        {QStringLiteral("forget"), {{}, 0, 0}},
        {QStringLiteral("remote"), {{"user", "password-file", "certificate"}, 1, 2}},
        {QStringLiteral("sync"), {{}, 0, 0}},
        {QStringLiteral("link"), {{"user", "password-file", "vault-id", "certificate"}, 1, 1}},
        {QStringLiteral("conflicts"), {{}, 0, 0}},
        {QStringLiteral("resolve"), {{"keep", "title", "body"}, 1, 1}},
        {QStringLiteral("devices"), {{}, 0, 2}},
        {QStringLiteral("export"), {{"to", "archive-passphrase-file", "generate-passphrase", "out", "since", "until",
                                     "kind", "tag", "entry", "no-history", "deleted", "owner", "redact-text",
                                     "redact-area"}, 0, 0}},
        {QStringLiteral("verify-archive"), {{"identity"}, 1, 1}},
        {QStringLiteral("keygen"), {{"out"}, 0, 0}},
        {QStringLiteral("import-email"), {{"from", "since", "until", "subject", "dry-run"}, 1, 10000}},
        {QStringLiteral("import-image"), {{"occurred", "title"}, 1, 10000}},
        // pip checks each subcommand's own options itself (PipCommands.cpp).
        {QStringLiteral("pip"), {{"start", "end", "goal", "title", "manager", "hr", "union", "employee", "area", "scale",
                                  "shoutouts-per-week", "attach", "days", "reason", "note", "occurred", "comment",
                                  "job-tomorrow", "words", "did-not-happen", "from", "where", "body", "steps", "results",
                                  "unclear", "question", "claim", "facts", "link", "out", "how", "text", "measured-by",
                                  "decided-by", "smart"}, 1, 4}},
    };
    return specs;
}

const QStringList GlobalOptions{"vault", "passphrase-file", "recovery-key", "recovery-key-file", "json", "help", "version"};

QString usageText()
{
    return QStringLiteral(
        "Usage: papertrail-cli [--vault DIR] [--passphrase-file FILE | --recovery-key-file FILE] [--json] COMMAND\n"
        "\n"
        "Commands:\n"
        "  init [--allow-weak-passphrase]         create a vault; prints the recovery key once\n"
        "  add --title T [--body B | stdin] [--occurred ISO8601] [--kind K] [--tag TAG]... [--attach FILE]...\n"
        "  list [--kind K] [--tag T] [--since D] [--until D] [--deleted]\n"
        "  show ID [--history]\n"
        "  edit ID [--title T] [--body B | stdin] [--occurred ISO8601] [--tag TAG]... [--attach FILE]... [--detach NAME]...\n"
        "  delete ID                              hide the entry; its history is kept\n"
        "  restore ID                             bring a deleted entry back as a new revision\n"
        "  purge ID                               remove its bytes; the log keeps a hash marker\n"
        "  attachment get ID NAME (--out FILE | --stdout)\n"
        "  search QUERY\n"
        "  verify                                 exit 0 only when every check holds\n"
        "  passwd [--new-passphrase-file FILE] [--allow-weak-passphrase]\n"
        "                                         change the passphrase (asks for the current one first)\n"
        "  new-recovery-key                       replace the recovery key; the old one stops working\n"
        "  remember | forget                      keep / remove this device's key in the OS keychain\n"
        "  remote set FOLDER-OR-URL [--user U] [--password-file F] [--certificate SHA256]\n"
        "                                         sync with a folder or a WebDAV server (app password kept in the keychain)\n"
        "  remote show                            the remote this vault syncs with\n"
        "  remote trust SHA256                    trust the server's certificate with this fingerprint, and no other\n"
        "  sync                                   pull what other devices wrote, push what this one wrote\n"
        "  link FOLDER-OR-URL [--user U] [--password-file F] [--vault-id ID] [--certificate SHA256]\n"
        "                                         make --vault DIR a new device of the vault on that remote\n"
        "  conflicts                              entries two devices changed without seeing each other's change\n"
        "  resolve ID --keep KEEP [--title T] [--body B]\n"
        "                                         end a conflict with one side, or with a merge of the sides\n"
        "  devices                                this vault's devices: name, who added it, last sync\n"
        "  devices revoke ID                      refuse what a lost or stolen device writes from now on\n"
        "  export --out FILE (--to AGE1... | --archive-passphrase-file F | --generate-passphrase)\n"
        "         [--since D] [--until D] [--kind K]... [--tag T]... [--entry ID]... [--no-history] [--deleted] [--owner NAME]\n"
        "         [--redact-text ID:PHRASE]... [--redact-area ID:NAME:X,Y,W,H]...\n"
        "                                         one encrypted archive (.zip.age) for a lawyer\n"
        "  verify-archive FILE (--identity KEYFILE | --passphrase-file F)\n"
        "                                         every check the lawyer makes of an archive\n"
        "  keygen [--out FILE]                    an age identity for someone who has no age program\n"
        "  import-email FILE... [--from S] [--since D] [--until D] [--subject WORDS] [--dry-run]\n"
        "                                         bring in .eml and mbox files, each message once\n"
        "  import-image FILE... [--occurred ISO8601] [--title T]\n"
        "                                         bring in screenshots and photos, their text made searchable\n"
        "  pip plan --start DATE --end DATE --goal TEXT... [--title T] [--manager M] [--hr H] [--union U]\n"
        "           [--employee NAME] [--area A]... [--scale met|1-5|A,B,C] [--shoutouts-per-week N] [--attach FILE]...\n"
        "                                         set up the plan: its goals, contacts, problem areas and the PIP itself\n"
        "  pip goal [GOAL] [--text T] [--measured-by M] [--decided-by D] [--smart S] [--area A] [--link ID]...\n"
        "                                         add a goal, or change one: how it is measured, who decides, its evidence\n"
        "  pip extend --days N [--reason sick|leave|formal|other] [--note N] [--occurred DATE]\n"
        "                                         move the end by N working days\n"
        "  pip show                               status, working days left, the grades table\n"
        "  pip grade GOAL DATE GRADE [--comment C] [--note N] [--attach SCREENSHOT]\n"
        "                                         the manager's grade of goal GOAL (its number or words) on DATE\n"
        "  pip checkin DATE (--job-tomorrow yes|no|unsure [--words W] | --did-not-happen [--reason R]) [--note N]\n"
        "                                         the day's check-in: would I have a job tomorrow, or why it did not happen\n"
        "  pip shoutout --from NAME [--where W] [--body TEXT] [--occurred WHEN] [--attach FILE]...\n"
        "                                         praise from a colleague, with a draft to forward it to the manager\n"
        "  pip rebuttal [--area A [--steps S] [--results R] [--unclear U] [--question Q] | --claim C [--facts F]]\n"
        "               [--link ID]... [--out FILE]\n"
        "                                         write a point of the response, or print (or save) the draft\n"
        "  pip outcome passed|extended|failed|resigned|severance [--note N] [--occurred WHEN]\n"
        "  pip told PERSON [--how H] [--note N] [--occurred WHEN]\n"
        "                                         how it ended, and each colleague told of it\n"
        "\n"
        "The passphrase comes from --passphrase-file, PAPERTRAIL_PASSPHRASE, the keychain (after\n"
        "'remember'), or a prompt. --recovery-key-file FILE unlocks with the recovery key instead\n"
        "(FILE - asks for it); --recovery-key KEY still works but shows the key in the process list.\n"
        "Exit codes: 0 ok, 1 failed, 2 usage, 3 wrong passphrase or key, 4 damaged, 5 not found.\n");
}

QByteArray readAllStdin()
{
    QFile in;
    if (!in.open(stdin, QIODevice::ReadOnly))
        return {};
    return in.readAll();
}

} // namespace

namespace {

void writeOut(const QByteArray& bytes) { std::fwrite(bytes.constData(), 1, static_cast<std::size_t>(bytes.size()), stdout); }

} // namespace

void Cli::print(const QString& text) const { writeOut(terminalSafe(text).toUtf8()); }

// JSON escapes control characters itself and is meant for programs.
void Cli::printJson(const QJsonObject& object) const { writeOut(QJsonDocument(object).toJson(QJsonDocument::Indented)); }
void Cli::printJson(const QJsonArray& array) const { writeOut(QJsonDocument(array).toJson(QJsonDocument::Indented)); }

void Cli::warn(const QString& message) const
{
    std::fprintf(stderr, "%s\n", terminalSafe(message).toUtf8().constData());
}

int Cli::fail(const Error& error) const
{
    warn(error.message);
    return static_cast<int>(error.code);
}

int Cli::usageError(const QString& message) const
{
    return fail(usage(message + QStringLiteral(" Run 'papertrail-cli --help' for the commands.")));
}

int Cli::run(const QStringList& arguments)
{
    m_parser.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsOptions);
    m_parser.addOptions({
        {"vault", "The vault folder.", "DIR"},
        {"passphrase-file", "Read the passphrase from the first line of FILE.", "FILE"},
        {"recovery-key", "Unlock with the recovery key KEY (visible in the process list: prefer --recovery-key-file).", "KEY"},
        {"recovery-key-file", "Unlock with the recovery key read from FILE (- asks for it).", "FILE"},
        {"new-passphrase-file", "passwd: read the new passphrase from FILE.", "FILE"},
        {"allow-weak-passphrase", "init, passwd: accept a passphrase that could be guessed within a day."},
        {"json", "Print one JSON document."},
        {"title", "Entry title.", "T"},
        {"body", "Entry body (otherwise read from stdin when it is not a terminal).", "B"},
        {"occurred", "When it happened (ISO 8601; default now; import-image: default the photo's EXIF or the file's time).", "ISO8601"},
        {"kind", "Entry kind (note, meeting, email, screenshot, grade, shout-out, ...).", "K"},
        {"tag", "A tag (repeat for more).", "TAG"},
        {"attach", "Attach a file (repeat for more).", "FILE"},
        {"detach", "edit: remove the attachment with this name.", "NAME"},
        {"since", "list, export, import-email: from this date or time.", "D"},
        {"until", "list, export, import-email: up to this date or time.", "D"},
        {"from", "import-email: only messages whose sender contains S; pip shoutout: who gave it.", "S"},
        {"subject", "import-email: only messages whose subject holds these words.", "WORDS"},
        {"dry-run", "import-email: list what would be imported, import nothing."},
        {"deleted", "list, export: include deleted entries."},
        {"history", "show: every revision."},
        {"user", "remote set, link: the WebDAV user name.", "U"},
        {"password-file", "remote set, link: read the WebDAV app password from FILE.", "FILE"},
        {"certificate", "remote set, link: trust the server's certificate with this SHA-256 fingerprint.", "SHA256"},
        {"vault-id", "link: which vault, when the remote holds more than one.", "ID"},
        {"keep", "resolve: the side of the conflict to keep (as 'conflicts' shows it).", "KEEP"},
        {"out", "attachment get, export, keygen: write to FILE.", "FILE"},
        {"to", "export: the lawyer's age public key, age1... (repeat for more).", "AGE1"},
        {"archive-passphrase-file", "export: encrypt the archive to the passphrase in FILE.", "FILE"},
        {"generate-passphrase", "export: encrypt the archive to a new passphrase, printed once."},
        {"entry", "export: only this entry (repeat for more).", "ID"},
        {"no-history", "export: only each entry's latest revision."},
        {"owner", "export: whose records, for the report's title page.", "NAME"},
        {"redact-text", "export: black out PHRASE in entry ID's text, in this copy only (repeat for more).", "ID:PHRASE"},
        {"redact-area", "export: black out a rectangle of an image, in this copy only (repeat for more).", "ID:NAME:X,Y,W,H"},
        {"identity", "verify-archive: the age identity file the archive was encrypted to.", "KEYFILE"},
        {"stdout", "attachment get: write to standard output."},
        {"start", "pip plan: the first day.", "DATE"},
        {"end", "pip plan: the last day, as the plan sets it.", "DATE"},
        {"goal", "pip plan: a goal in the plan's words (repeat for each).", "TEXT"},
        {"manager", "pip plan: the manager's name and address.", "M"},
        {"hr", "pip plan: the HR contact.", "H"},
        {"union", "pip plan: the union steward or representative.", "U"},
        {"employee", "pip plan: your name, for the drafts.", "NAME"},
        {"area", "pip plan: a problem area (repeat); pip rebuttal, pip goal: the area it answers.", "A"},
        {"scale", "pip plan: met, 1-5, or the plan's grades best first, comma-separated.", "SCALE"},
        {"shoutouts-per-week", "pip plan: the support rotation's shout-outs per week.", "N"},
        {"days", "pip extend: working days added.", "N"},
        {"reason", "pip extend: sick, leave, formal or other; pip checkin: cancelled, refused, no-show or other.", "R"},
        {"note", "pip: your own note.", "N"},
        {"comment", "pip grade: the manager's comment.", "C"},
        {"job-tomorrow", "pip checkin: would I have a job tomorrow? yes, no or unsure.", "ANSWER"},
        {"words", "pip checkin: the manager's answer in their words.", "W"},
        {"did-not-happen", "pip checkin: the check-in did not happen."},
        {"where", "pip shoutout: Slack, Workday, email, ...", "W"},
        {"steps", "pip rebuttal: the steps taken.", "S"},
        {"results", "pip rebuttal: the results so far.", "R"},
        {"unclear", "pip rebuttal: what is still unclear.", "U"},
        {"question", "pip rebuttal: the question to ask.", "Q"},
        {"claim", "pip rebuttal: a claim of the plan that is wrong.", "C"},
        {"facts", "pip rebuttal: the facts that answer it.", "F"},
        {"link", "pip rebuttal, pip goal: an entry that shows it (repeat).", "ID"},
        {"how", "pip told: how they were told.", "H"},
        {"text", "pip goal: the goal in the plan's words.", "T"},
        {"measured-by", "pip goal: how it is measured.", "M"},
        {"decided-by", "pip goal: who decides it is met.", "D"},
        {"smart", "pip goal: your own specific, measurable version.", "S"},
        {"help", "Show this help."},
        {"version", "Show the version."},
    });
    if (!m_parser.parse(arguments))
        return usageError(m_parser.errorText() + QLatin1Char('.'));
    if (m_parser.isSet(QStringLiteral("help"))) {
        print(usageText());
        return 0;
    }
    if (m_parser.isSet(QStringLiteral("version"))) {
        print(QStringLiteral("papertrail-cli %1\n").arg(QCoreApplication::applicationVersion()));
        return 0;
    }
    QStringList positional = m_parser.positionalArguments();
    if (positional.isEmpty()) {
        std::fputs(usageText().toUtf8().constData(), stderr);
        return static_cast<int>(ErrorCode::Usage);
    }
    const QString command = positional.takeFirst();
    const auto spec = commands().find(command);
    if (spec == commands().end())
        return usageError(QStringLiteral("Unknown command '%1'.").arg(command));
    for (const QString& name : m_parser.optionNames())
        if (!GlobalOptions.contains(name) && !spec->second.options.contains(name) &&
            !(name == QLatin1String("new-passphrase-file") && command == QLatin1String("init")))
            return usageError(QStringLiteral("'%1' does not take --%2.").arg(command, name));
    if (positional.size() < spec->second.minArgs || positional.size() > spec->second.maxArgs)
        return usageError(QStringLiteral("Wrong number of arguments for '%1'.").arg(command));
    m_args = positional;

    using Handler = int (Cli::*)();
    static const std::map<QString, Handler> handlers{
        {"init", &Cli::init},         {"add", &Cli::add},           {"list", &Cli::list},
        {"show", &Cli::show},         {"edit", &Cli::edit},         {"delete", &Cli::remove},
        {"restore", &Cli::restore},   {"purge", &Cli::purge},       {"attachment", &Cli::attachment}, {"search", &Cli::search},
        {"verify", &Cli::verify},     {"passwd", &Cli::passwd},     {"remember", &Cli::remember},
        {"forget", &Cli::forget},     {"new-recovery-key", &Cli::newRecoveryKey},
        {"remote", &Cli::remote},     {"sync", &Cli::sync},         {"link", &Cli::link},
        {"conflicts", &Cli::conflicts}, {"resolve", &Cli::resolve}, {"devices", &Cli::devices},
        {"export", &Cli::exportArchive}, {"verify-archive", &Cli::verifyArchive}, {"keygen", &Cli::keygen},
        {"import-email", &Cli::importEmail}, {"import-image", &Cli::importImage}, {"pip", &Cli::pip},
    };
    return (this->*handlers.at(command))();
}

QString Cli::vaultDir() const
{
    return m_parser.isSet(QStringLiteral("vault")) ? QFileInfo(m_parser.value(QStringLiteral("vault"))).absoluteFilePath()
                                                   : defaultVaultDir();
}

Result<crypto::SecureBytes> Cli::passphrase(const QString& prompt, bool confirm)
{
    if (m_parser.isSet(QStringLiteral("passphrase-file"))) {
        QString error;
        auto p = passphraseFromFile(m_parser.value(QStringLiteral("passphrase-file")), &error);
        if (!p)
            return failed(error);
        return std::move(*p);
    }
    if (auto p = passphraseFromEnvironment())
        return std::move(*p);
    auto p = promptPassphrase(prompt);
    if (!p)
        return wrongKey(QStringLiteral("No passphrase given. Use --passphrase-file, set PAPERTRAIL_PASSPHRASE, "
                                       "or run in a terminal to be asked."));
    if (confirm) {
        auto again = promptPassphrase(QStringLiteral("Repeat the passphrase: "));
        if (!again || !crypto::equal(p->view(), again->view()))
            return usage(QStringLiteral("The two passphrases differ; nothing was changed. Try again."));
    }
    return std::move(*p);
}

bool Cli::recoveryKeyGiven() const
{
    return m_parser.isSet(QStringLiteral("recovery-key")) || m_parser.isSet(QStringLiteral("recovery-key-file"));
}

Result<crypto::SecureBytes> Cli::recoveryKey()
{
    if (m_parser.isSet(QStringLiteral("recovery-key-file"))) {
        const QString file = m_parser.value(QStringLiteral("recovery-key-file"));
        if (file == QLatin1String("-")) {
            if (stdinIsTerminal()) {
                if (auto key = promptPassphrase(QStringLiteral("Recovery key: ")))
                    return std::move(*key);
                return wrongKey(QStringLiteral("No recovery key given."));
            }
            if (auto key = firstLineOfStdin())
                return std::move(*key);
            return wrongKey(QStringLiteral("No recovery key on standard input."));
        }
        QString error;
        auto key = passphraseFromFile(file, &error);
        if (!key)
            return failed(error);
        return std::move(*key);
    }
    warn(QStringLiteral("Warning: --recovery-key shows the key to everyone on this computer in the process list. "
                        "Use --recovery-key-file FILE, or --recovery-key-file - to type it."));
    const QByteArray text = m_parser.value(QStringLiteral("recovery-key")).toUtf8();
    return crypto::SecureBytes::copyOf(bytesOf(text));
}

Result<CurrentSecret> Cli::currentSecret()
{
    if (recoveryKeyGiven()) {
        auto key = recoveryKey();
        if (!key)
            return key.error();
        return CurrentSecret{CurrentSecret::Kind::RecoveryKey, std::move(*key)};
    }
    auto p = passphrase(QStringLiteral("Passphrase: "), false);
    if (!p)
        return p.error();
    return CurrentSecret{CurrentSecret::Kind::Passphrase, std::move(*p)};
}

Status Cli::unlockWith(Vault& vault, const CurrentSecret& secret) const
{
    if (secret.kind == CurrentSecret::Kind::RecoveryKey)
        return vault.unlockWithRecoveryKey(QString::fromUtf8(reinterpret_cast<const char*>(secret.secret.data()),
                                                             qsizetype(secret.secret.size())));
    return vault.unlockWithPassphrase(secret.secret.view());
}

Result<std::unique_ptr<Vault>> Cli::openUnlocked()
{
    auto vault = Vault::open(vaultDir());
    if (!vault)
        return vault.error();
    Vault& v = **vault;
    const bool secretGiven = recoveryKeyGiven() || m_parser.isSet(QStringLiteral("passphrase-file")) ||
                             qEnvironmentVariableIsSet("PAPERTRAIL_PASSPHRASE");
    bool unlocked = false;
    if (!secretGiven && v.isRememberedOnThisDevice()) {
        platform::KeychainSecretStore keychain(KeychainService, std::chrono::seconds(10));
        platform::SecretResult secret = keychain.readBlocking(v.keychainKey());
        Status s = secret.ok() ? v.unlockWithDeviceKey(secret.secret.view()) : Status(failed(secret.message));
        if (!s)
            warn(s.error().message);
        unlocked = s.ok();
    }
    if (!unlocked) {
        auto secret = currentSecret();
        if (!secret)
            return secret.error();
        if (Status s = unlockWith(v, *secret); !s)
            return s.error();
    }
    crossCheckKeychain(v);
    reportAfterUnlock(v);
    return vault;
}

Result<std::unique_ptr<Vault>> Cli::openWithSecret(CurrentSecret* secret)
{
    auto vault = Vault::open(vaultDir());
    if (!vault)
        return vault.error();
    auto given = currentSecret();
    if (!given)
        return given.error();
    if (Status s = unlockWith(**vault, *given); !s)
        return s.error();
    crossCheckKeychain(**vault);
    reportAfterUnlock(**vault);
    *secret = std::move(*given);
    return vault;
}

void Cli::crossCheckKeychain(Vault& vault) const
{
    if (!vault.isRememberedOnThisDevice())
        return;
    // A remembered device keeps a second copy of what it saw in the keychain, out of reach of
    // whoever can write the vault folder or the config folder.
    platform::KeychainSecretStore keychain(KeychainService, std::chrono::seconds(10));
    platform::SecretResult kept = keychain.readBlocking(vault.keychainSeenHeadsKey());
    if (kept.ok()) {
        const QByteArray json(reinterpret_cast<const char*>(kept.secret.data()), qsizetype(kept.secret.size()));
        if (auto heads = seenHeadsFromJson(json))
            vault.checkAgainst(*heads);
        else
            warn(QStringLiteral("Warning: the keychain's record of what this device saw of the vault is damaged; it "
                                "is written anew."));
    }
    const QByteArray now = seenHeadsToJson(vault.seenHeads());
    (void)keychain.writeBlocking(vault.keychainSeenHeadsKey(), bytesOf(now));
}

void Cli::reportAfterUnlock(const Vault& vault) const
{
    if (!vault.journal().problems().isEmpty())
        warn(QStringLiteral("Warning: %1 item(s) could not be read. Run 'papertrail-cli verify' for details.")
                 .arg(vault.journal().problems().size()));
    for (const RollbackFinding& finding : vault.rollbackFindings())
        warn(QStringLiteral("Warning: ") + finding.message());
}

Status Cli::refuseWeakPassphrase(const crypto::SecureBytes& passphrase) const
{
    // Scored from a QString that lives only here; the estimate keeps nothing.
    const auto estimate = core::passphrase::estimate(
        QString::fromUtf8(reinterpret_cast<const char*>(passphrase.data()), qsizetype(passphrase.size())));
    if (!estimate.guessableWithinADay)
        return Ok{};
    const QString words = QStringLiteral("Someone with a copy of the vault could guess that passphrase in %1. %2")
                              .arg(estimate.crackTimeText, estimate.feedback);
    if (m_parser.isSet(QStringLiteral("allow-weak-passphrase"))) {
        warn(QStringLiteral("Warning: ") + words);
        return Ok{};
    }
    return usage(words + QStringLiteral(" Nothing was changed. Choose a longer one, or give --allow-weak-passphrase to "
                                        "use it anyway."));
}

Result<QString> Cli::bodyFromArgumentsOrStdin(bool* given)
{
    if (m_parser.isSet(QStringLiteral("body"))) {
        *given = true;
        return m_parser.value(QStringLiteral("body"));
    }
    const QStringList attachments = m_parser.values(QStringLiteral("attach"));
    if (stdinIsTerminal() || attachments.contains(QLatin1String("/dev/stdin"))) {
        *given = false; // stdin is a person typing, or it is the attachment itself
        return QString();
    }
    const QByteArray bytes = readAllStdin();
    *given = !bytes.isEmpty();
    return QString::fromUtf8(bytes);
}

} // namespace pt::cli
