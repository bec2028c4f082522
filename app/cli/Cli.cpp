#include "Cli.h"

#include "EntryFormat.h"
#include "PassphraseSource.h"
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

const QString KeychainService = QStringLiteral("Paper Trail");

struct CommandSpec {
    QStringList options; // besides the global ones
    int minArgs = 0;
    int maxArgs = 0;
};

const std::map<QString, CommandSpec>& commands()
{
    static const std::map<QString, CommandSpec> specs{
        {QStringLiteral("init"), {{}, 0, 0}},
        {QStringLiteral("add"), {{"title", "body", "occurred", "tag", "attach", "kind"}, 0, 0}},
        {QStringLiteral("list"), {{"kind", "tag", "since", "until", "deleted"}, 0, 0}},
        {QStringLiteral("show"), {{"history"}, 1, 1}},
        {QStringLiteral("edit"), {{"title", "body", "occurred", "tag", "attach", "detach", "kind"}, 1, 1}},
        {QStringLiteral("delete"), {{}, 1, 1}},
        {QStringLiteral("purge"), {{}, 1, 1}},
        {QStringLiteral("attachment"), {{"out", "stdout"}, 3, 3}},
        {QStringLiteral("search"), {{}, 1, 100}},
        {QStringLiteral("verify"), {{}, 0, 0}},
        {QStringLiteral("passwd"), {{"new-passphrase-file"}, 0, 0}},
        {QStringLiteral("remember"), {{}, 0, 0}},
        {QStringLiteral("forget"), {{}, 0, 0}},
    };
    return specs;
}

const QStringList GlobalOptions{"vault", "passphrase-file", "recovery-key", "json", "help", "version"};

QString usageText()
{
    return QStringLiteral(
        "Usage: papertrail-cli [--vault DIR] [--passphrase-file FILE | --recovery-key KEY] [--json] COMMAND\n"
        "\n"
        "Commands:\n"
        "  init                                   create a vault; prints the recovery key once\n"
        "  add --title T [--body B | stdin] [--occurred ISO8601] [--kind K] [--tag TAG]... [--attach FILE]...\n"
        "  list [--kind K] [--tag T] [--since D] [--until D] [--deleted]\n"
        "  show ID [--history]\n"
        "  edit ID [--title T] [--body B | stdin] [--occurred ISO8601] [--tag TAG]... [--attach FILE]... [--detach NAME]...\n"
        "  delete ID                              hide the entry; its history is kept\n"
        "  purge ID                               remove its bytes; the log keeps a hash marker\n"
        "  attachment get ID NAME (--out FILE | --stdout)\n"
        "  search QUERY\n"
        "  verify                                 exit 0 only when every check holds\n"
        "  passwd [--new-passphrase-file FILE]    change the passphrase\n"
        "  remember | forget                      keep / remove this device's key in the OS keychain\n"
        "\n"
        "The passphrase comes from --passphrase-file, PAPERTRAIL_PASSPHRASE, the keychain (after\n"
        "'remember'), or a prompt. Exit codes: 0 ok, 1 failed, 2 usage, 3 wrong passphrase or key,\n"
        "4 damaged, 5 not found.\n");
}

QDateTime parseWhen(const QString& text, bool endOfDay)
{
    const QDate date = QDate::fromString(text, Qt::ISODate);
    if (date.isValid() && text.size() == 10)
        return endOfDay ? QDateTime(date, QTime(23, 59, 59, 999)) : QDateTime(date, QTime(0, 0));
    return parseIso(text);
}

QByteArray readAllStdin()
{
    QFile in;
    if (!in.open(stdin, QIODevice::ReadOnly))
        return {};
    return in.readAll();
}

} // namespace

void Cli::print(const QString& text) const
{
    const QByteArray bytes = text.toUtf8();
    std::fwrite(bytes.constData(), 1, static_cast<std::size_t>(bytes.size()), stdout);
}

void Cli::printJson(const QJsonObject& object) const { print(QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Indented))); }
void Cli::printJson(const QJsonArray& array) const { print(QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Indented))); }

int Cli::fail(const Error& error) const
{
    std::fprintf(stderr, "%s\n", error.message.toUtf8().constData());
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
        {"recovery-key", "Unlock with the recovery key instead of the passphrase.", "KEY"},
        {"new-passphrase-file", "passwd: read the new passphrase from FILE.", "FILE"},
        {"json", "Print one JSON document."},
        {"title", "Entry title.", "T"},
        {"body", "Entry body (otherwise read from stdin when it is not a terminal).", "B"},
        {"occurred", "When it happened (ISO 8601; default now).", "ISO8601"},
        {"kind", "Entry kind (note, meeting, email, screenshot, grade, shout-out, ...).", "K"},
        {"tag", "A tag (repeat for more).", "TAG"},
        {"attach", "Attach a file (repeat for more).", "FILE"},
        {"detach", "edit: remove the attachment with this name.", "NAME"},
        {"since", "list: from this date or time.", "D"},
        {"until", "list: up to this date or time.", "D"},
        {"deleted", "list: include deleted entries."},
        {"history", "show: every revision."},
        {"out", "attachment get: write to FILE.", "FILE"},
        {"stdout", "attachment get: write to standard output."},
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
        {"purge", &Cli::purge},       {"attachment", &Cli::attachment}, {"search", &Cli::search},
        {"verify", &Cli::verify},     {"passwd", &Cli::passwd},     {"remember", &Cli::remember},
        {"forget", &Cli::forget},
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

Result<std::unique_ptr<Vault>> Cli::openUnlocked()
{
    auto vault = Vault::open(vaultDir());
    if (!vault)
        return vault.error();
    Vault& v = **vault;
    if (m_parser.isSet(QStringLiteral("recovery-key"))) {
        if (Status s = v.unlockWithRecoveryKey(m_parser.value(QStringLiteral("recovery-key"))); !s)
            return s.error();
    } else if (!m_parser.isSet(QStringLiteral("passphrase-file")) && !qEnvironmentVariableIsSet("PAPERTRAIL_PASSPHRASE") &&
               v.isRememberedOnThisDevice()) {
        platform::KeychainSecretStore keychain(KeychainService, std::chrono::seconds(10));
        platform::SecretResult secret = keychain.readBlocking(v.keychainKey());
        Status unlocked = secret.ok() ? v.unlockWithDeviceKey(secret.secret.view())
                                      : Status(failed(secret.message));
        if (!unlocked) {
            std::fprintf(stderr, "%s\n", unlocked.error().message.toUtf8().constData());
            auto p = passphrase(QStringLiteral("Passphrase: "), false);
            if (!p)
                return p.error();
            if (Status s = v.unlockWithPassphrase(p->view()); !s)
                return s.error();
        }
    } else {
        auto p = passphrase(QStringLiteral("Passphrase: "), false);
        if (!p)
            return p.error();
        if (Status s = v.unlockWithPassphrase(p->view()); !s)
            return s.error();
    }
    if (!v.journal().problems().isEmpty())
        std::fprintf(stderr, "Warning: %lld item(s) could not be read. Run 'papertrail-cli verify' for details.\n",
                     static_cast<long long>(v.journal().problems().size()));
    return vault;
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

int Cli::init()
{
    const QString dir = vaultDir();
    if (Vault::exists(dir))
        return fail(usage(QStringLiteral("There is already a vault at %1. Pick another folder with --vault.").arg(dir)));
    auto pass = passphrase(QStringLiteral("New passphrase: "), true);
    if (!pass)
        return fail(pass.error());
    crypto::pwhash::Params params;
    if (qEnvironmentVariable("PAPERTRAIL_TEST_KDF") == QLatin1String("1")) {
        // For test suites only: creating thousands of vaults at one second each is not practical.
        params = {1, 8u * 1024u * 1024u};
        std::fputs("Warning: PAPERTRAIL_TEST_KDF=1 uses weak key derivation; never use it for real records.\n", stderr);
    } else {
        std::fputs("Measuring this device to tune the key derivation (about a second)...\n", stderr);
        params = crypto::pwhash::calibrate();
    }
    QString recoveryKey;
    auto vault = Vault::create(dir, pass->view(), params, &recoveryKey);
    if (!vault)
        return fail(vault.error());
    if (m_parser.isSet(QStringLiteral("json"))) {
        printJson(QJsonObject{{QStringLiteral("vault"), dir},
                              {QStringLiteral("vault_id"), (*vault)->header().vaultId},
                              {QStringLiteral("recovery_key"), recoveryKey}});
        return 0;
    }
    print(QStringLiteral("Created a vault at %1\n\n"
                         "Your recovery key (shown only this once; write it down and keep it away from "
                         "work devices):\n\n    %2\n\n"
                         "With it you can open the vault and set a new passphrase if you forget yours.\n")
              .arg(dir, recoveryKey));
    return 0;
}

namespace {

struct OpenedFiles {
    std::vector<std::unique_ptr<QFile>> files;
};

Result<QList<NewAttachment>> openAttachments(const QStringList& paths, OpenedFiles& opened)
{
    static const QMimeDatabase mimes;
    QList<NewAttachment> list;
    for (const QString& path : paths) {
        auto file = std::make_unique<QFile>(path);
        if (!file->open(QIODevice::ReadOnly))
            return notFound(QStringLiteral("Could not open %1 to attach: %2.").arg(path, file->errorString()));
        // By name first; a pipe or a nameless file is recognised by its first bytes instead.
        QMimeType mime = mimes.mimeTypeForFile(path, QMimeDatabase::MatchExtension);
        if (mime.isDefault() || !QFileInfo(path).isFile())
            mime = mimes.mimeTypeForData(file.get());
        list.append({file.get(), QFileInfo(path).fileName(), mime.name()});
        opened.files.push_back(std::move(file));
    }
    return list;
}

} // namespace

int Cli::add()
{
    bool bodyGiven = false;
    auto body = bodyFromArgumentsOrStdin(&bodyGiven);
    EntryDraft draft;
    draft.title = m_parser.value(QStringLiteral("title"));
    draft.body = *body;
    if (m_parser.isSet(QStringLiteral("kind")))
        draft.kind = m_parser.value(QStringLiteral("kind"));
    draft.tags = m_parser.values(QStringLiteral("tag"));
    if (m_parser.isSet(QStringLiteral("occurred"))) {
        draft.occurredAt = parseIso(m_parser.value(QStringLiteral("occurred")));
        if (!draft.occurredAt.isValid())
            return usageError(QStringLiteral("--occurred needs an ISO 8601 time such as 2026-11-23T14:30:00+01:00."));
    }
    OpenedFiles opened;
    auto attachments = openAttachments(m_parser.values(QStringLiteral("attach")), opened);
    if (!attachments)
        return fail(attachments.error());
    draft.attachments = *attachments;

    auto vault = openUnlocked();
    if (!vault)
        return fail(vault.error());
    auto entry = (*vault)->journal().add(draft);
    if (!entry)
        return fail(entry.error());
    if (m_parser.isSet(QStringLiteral("json")))
        printJson(entryJson(*entry));
    else
        print(entry->latest.entryId + QLatin1Char('\n'));
    return 0;
}

int Cli::list()
{
    QDateTime since, until;
    if (m_parser.isSet(QStringLiteral("since")) && !(since = parseWhen(m_parser.value(QStringLiteral("since")), false)).isValid())
        return usageError(QStringLiteral("--since needs a date such as 2026-11-01."));
    if (m_parser.isSet(QStringLiteral("until")) && !(until = parseWhen(m_parser.value(QStringLiteral("until")), true)).isValid())
        return usageError(QStringLiteral("--until needs a date such as 2026-11-30."));
    auto vault = openUnlocked();
    if (!vault)
        return fail(vault.error());
    const QString kind = m_parser.value(QStringLiteral("kind"));
    const QString tag = m_parser.value(QStringLiteral("tag"));
    QJsonArray json;
    QString text;
    for (const Entry& e : (*vault)->journal().entries(m_parser.isSet(QStringLiteral("deleted")))) {
        if (!kind.isEmpty() && e.latest.kind != kind)
            continue;
        if (!tag.isEmpty() && !e.latest.tags.contains(tag))
            continue;
        if ((since.isValid() && e.latest.occurredAt < since) || (until.isValid() && e.latest.occurredAt > until))
            continue;
        json.append(entryJson(e));
        text += listLine(e) + QLatin1Char('\n');
    }
    if (m_parser.isSet(QStringLiteral("json")))
        printJson(json);
    else
        print(text.isEmpty() ? QStringLiteral("No entries.\n") : text);
    return 0;
}

int Cli::show()
{
    auto vault = openUnlocked();
    if (!vault)
        return fail(vault.error());
    Journal& journal = (*vault)->journal();
    auto entry = journal.entry(m_args.at(0));
    if (!entry)
        return fail(entry.error());
    const bool json = m_parser.isSet(QStringLiteral("json"));
    if (!m_parser.isSet(QStringLiteral("history"))) {
        if (json)
            printJson(entryJson(*entry));
        else
            print(entryText(*entry));
        return 0;
    }
    auto history = journal.history(entry->latest.entryId);
    if (!history)
        return fail(history.error());
    if (json) {
        QJsonObject o = entryJson(*entry);
        QJsonArray revisions;
        for (qsizetype i = 0; i < history->size(); ++i) {
            QJsonObject r = revisionJson(history->at(i), entry->revisions.at(i).object);
            if (i > 0)
                r.insert(QStringLiteral("changed"), QJsonArray::fromStringList(changedFields(history->at(i - 1), history->at(i))));
            revisions.append(r);
        }
        o.insert(QStringLiteral("history"), revisions);
        printJson(o);
        return 0;
    }
    QString text = QStringLiteral("Entry %1: %2 revision(s)%3\n\n")
                       .arg(entry->latest.entryId)
                       .arg(entry->revisions.size())
                       .arg(entry->purged ? QStringLiteral(", purged") : entry->deleted ? QStringLiteral(", deleted") : QString());
    for (qsizetype i = 0; i < history->size(); ++i)
        text += revisionText(history->at(i), i > 0 ? changedFields(history->at(i - 1), history->at(i)) : QStringList());
    print(text);
    return 0;
}

int Cli::edit()
{
    EntryChange change;
    if (m_parser.isSet(QStringLiteral("title")))
        change.title = m_parser.value(QStringLiteral("title"));
    bool bodyGiven = false;
    auto body = bodyFromArgumentsOrStdin(&bodyGiven);
    if (bodyGiven)
        change.body = *body;
    if (m_parser.isSet(QStringLiteral("kind")))
        change.kind = m_parser.value(QStringLiteral("kind"));
    if (m_parser.isSet(QStringLiteral("tag")))
        change.tags = m_parser.values(QStringLiteral("tag"));
    if (m_parser.isSet(QStringLiteral("occurred"))) {
        const QDateTime when = parseIso(m_parser.value(QStringLiteral("occurred")));
        if (!when.isValid())
            return usageError(QStringLiteral("--occurred needs an ISO 8601 time such as 2026-11-23T14:30:00+01:00."));
        change.occurredAt = when;
    }
    change.removeAttachments = m_parser.values(QStringLiteral("detach"));
    OpenedFiles opened;
    auto attachments = openAttachments(m_parser.values(QStringLiteral("attach")), opened);
    if (!attachments)
        return fail(attachments.error());
    change.addAttachments = *attachments;

    auto vault = openUnlocked();
    if (!vault)
        return fail(vault.error());
    auto id = (*vault)->journal().resolveId(m_args.at(0));
    if (!id)
        return fail(id.error());
    auto entry = (*vault)->journal().edit(*id, change);
    if (!entry)
        return fail(entry.error());
    if (m_parser.isSet(QStringLiteral("json")))
        printJson(entryJson(*entry));
    else
        print(QStringLiteral("%1 revision %2\n").arg(entry->latest.entryId).arg(entry->latest.revision));
    return 0;
}

int Cli::remove()
{
    return withEntry([this](Journal& journal, const QString& id) -> Status {
        if (Status s = journal.tombstone(id); !s)
            return s;
        print(QStringLiteral("Deleted %1. It is hidden from the timeline; 'show %1 --history' still shows it.\n").arg(id));
        return Ok{};
    });
}

int Cli::purge()
{
    return withEntry([this](Journal& journal, const QString& id) -> Status {
        if (Status s = journal.purge(id); !s)
            return s;
        print(QStringLiteral("Purged %1: its contents and attachments are gone; the log keeps their hashes.\n").arg(id));
        return Ok{};
    });
}

int Cli::withEntry(const std::function<Status(Journal&, const QString&)>& action)
{
    auto vault = openUnlocked();
    if (!vault)
        return fail(vault.error());
    auto id = (*vault)->journal().resolveId(m_args.at(0));
    if (!id)
        return fail(id.error());
    if (Status s = action((*vault)->journal(), *id); !s)
        return fail(s.error());
    return 0;
}

int Cli::attachment()
{
    if (m_args.at(0) != QLatin1String("get"))
        return usageError(QStringLiteral("Use 'attachment get ID NAME --out FILE' or '--stdout'."));
    const bool toStdout = m_parser.isSet(QStringLiteral("stdout"));
    if (toStdout == m_parser.isSet(QStringLiteral("out")))
        return usageError(QStringLiteral("Give exactly one of --out FILE and --stdout."));
    auto vault = openUnlocked();
    if (!vault)
        return fail(vault.error());
    QFile sink;
    if (toStdout) {
        if (!sink.open(stdout, QIODevice::WriteOnly))
            return fail(failed(QStringLiteral("Could not write to standard output.")));
    } else {
        sink.setFileName(m_parser.value(QStringLiteral("out")));
        if (!sink.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return fail(failed(QStringLiteral("Could not create %1: %2.").arg(sink.fileName(), sink.errorString())));
        sink.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
    }
    auto id = (*vault)->journal().resolveId(m_args.at(1));
    Status s = id ? (*vault)->journal().writeAttachment(*id, m_args.at(2), sink) : Status(id.error());
    if (!s) {
        if (!toStdout)
            sink.remove(); // never leave a partial copy behind
        return fail(s.error());
    }
    return 0;
}

int Cli::search()
{
    auto vault = openUnlocked();
    if (!vault)
        return fail(vault.error());
    Journal& journal = (*vault)->journal();
    auto hits = journal.search(m_args.join(QLatin1Char(' ')));
    if (!hits)
        return fail(hits.error());
    QJsonArray json;
    QString text;
    for (const SearchHit& hit : *hits) {
        auto entry = journal.entry(hit.entryId);
        if (!entry)
            continue;
        QJsonObject o = entryJson(*entry);
        o.insert(QStringLiteral("snippet"), hit.snippet);
        json.append(o);
        text += listLine(*entry) + QStringLiteral("\n          ") + hit.snippet.simplified() + QLatin1Char('\n');
    }
    if (m_parser.isSet(QStringLiteral("json")))
        printJson(json);
    else
        print(text.isEmpty() ? QStringLiteral("No matches.\n") : text);
    return 0;
}

int Cli::verify()
{
    auto vault = openUnlocked();
    if (!vault)
        return fail(vault.error());
    const VerifyReport report = (*vault)->verify();
    if (m_parser.isSet(QStringLiteral("json")))
        printJson(verifyJson(report));
    else
        print(verifyText(report));
    return report.ok() ? 0 : static_cast<int>(ErrorCode::Damaged);
}

int Cli::passwd()
{
    auto vault = openUnlocked();
    if (!vault)
        return fail(vault.error());
    crypto::SecureBytes next;
    if (m_parser.isSet(QStringLiteral("new-passphrase-file"))) {
        QString error;
        auto p = passphraseFromFile(m_parser.value(QStringLiteral("new-passphrase-file")), &error);
        if (!p)
            return fail(failed(error));
        next = std::move(*p);
    } else {
        auto p = promptPassphrase(QStringLiteral("New passphrase: "));
        auto again = p ? promptPassphrase(QStringLiteral("Repeat the new passphrase: ")) : std::nullopt;
        if (!p || !again)
            return usageError(QStringLiteral("Give the new passphrase with --new-passphrase-file or run in a terminal."));
        if (!crypto::equal(p->view(), again->view()))
            return fail(usage(QStringLiteral("The two passphrases differ; nothing was changed. Try again.")));
        next = std::move(*p);
    }
    if (Status s = (*vault)->changePassphrase(next.view()); !s)
        return fail(s.error());
    print(QStringLiteral("Passphrase changed. The recovery key still works.\n"));
    return 0;
}

int Cli::remember()
{
    auto vault = openUnlocked();
    if (!vault)
        return fail(vault.error());
    auto deviceKey = (*vault)->rememberOnThisDevice();
    if (!deviceKey)
        return fail(deviceKey.error());
    platform::KeychainSecretStore keychain(KeychainService, std::chrono::seconds(10));
    const platform::SecretResult written = keychain.writeBlocking((*vault)->keychainKey(), deviceKey->view());
    if (!written.ok()) {
        (void)(*vault)->forgetOnThisDevice();
        return fail(failed(written.message));
    }
    print(QStringLiteral("This device now opens the vault without the passphrase. 'forget' undoes it.\n"));
    return 0;
}

int Cli::forget()
{
    auto vault = Vault::open(vaultDir());
    if (!vault)
        return fail(vault.error());
    if (Status s = (*vault)->forgetOnThisDevice(); !s)
        return fail(s.error());
    platform::KeychainSecretStore keychain(KeychainService, std::chrono::seconds(10));
    const platform::SecretResult removed = keychain.removeBlocking((*vault)->keychainKey());
    if (!removed.ok())
        std::fprintf(stderr, "The vault no longer accepts this device's key, but the keychain entry could not "
                             "be removed: %s\n", removed.message.toUtf8().constData());
    print(QStringLiteral("This device no longer remembers the vault; the passphrase is needed again.\n"));
    return 0;
}

} // namespace pt::cli
