#include "BenchVault.h"

#include "BenchSupport.h"
#include "TextGen.h"
#include "vault/KdfPolicy.h"
#include "vault/Vault.h"

#include <QBuffer>

#include <cstdio>

namespace pt::bench {

BenchVault populateVault(const QString& dir, int entries, int screenshotEvery,
                         const std::function<QByteArray(int)>& screenshot)
{
    using namespace pt::core;
    const auto start = SteadyClock::now();
    BenchVault result;
    auto vault = take(Vault::create(dir, crypto::view("bench passphrase"), kdf::floor(), &result.recoveryKey),
                      "Vault::create");
    Journal& journal = vault->journal();
    TextGen gen(20240601);
    const QDateTime now = QDateTime::currentDateTime();
    QStringList ids;
    ids.reserve(entries);
    for (int i = 0; i < entries; ++i) {
        EntryDraft draft = gen.draft(now);
        QByteArray png;
        QBuffer source(&png);
        if (screenshotEvery > 0 && screenshot && i % screenshotEvery == 0) {
            png = screenshot(result.screenshots++);
            source.open(QIODevice::ReadOnly);
            draft.kind = QStringLiteral("screenshot");
            draft.attachments = {{&source, QStringLiteral("screenshot.png"), QStringLiteral("image/png")}};
        }
        ids << take(journal.add(draft), "Journal::add").latest.entryId;
        if ((i + 1) % 2000 == 0)
            progress(QStringLiteral("populate: %1 / %2 entries").arg(i + 1).arg(entries));
    }
    for (int i = 3; i < entries; i += 10) { // every tenth entry gets a second revision
        EntryChange change;
        change.body = take(journal.entry(ids.at(i)), "Journal::entry").latest.body + QStringLiteral("\n\nUpdate: ") +
                      gen.text(40, 300);
        if (i % 20 == 3)
            change.tags = gen.tags() << QStringLiteral("edited");
        (void)take(journal.edit(ids.at(i), change), "Journal::edit");
        ++result.edited;
    }
    result.seconds = msSince(start) / 1000.0;
    return result;
}

void printBenchVault(const BenchVault& vault)
{
    std::printf("recovery=%s\nedited=%d\nscreenshots=%d\nseconds=%.3f\n", qPrintable(vault.recoveryKey), vault.edited,
                vault.screenshots, vault.seconds);
    std::fflush(stdout);
}

BenchVault parseBenchVault(const QByteArray& output)
{
    BenchVault vault;
    for (const QByteArray& line : output.split('\n')) {
        const qsizetype eq = line.indexOf('=');
        if (eq < 0)
            continue;
        const QByteArray key = line.left(eq), value = line.mid(eq + 1);
        if (key == "recovery")
            vault.recoveryKey = QString::fromLatin1(value);
        else if (key == "edited")
            vault.edited = value.toInt();
        else if (key == "screenshots")
            vault.screenshots = value.toInt();
        else if (key == "seconds")
            vault.seconds = value.toDouble();
    }
    if (vault.recoveryKey.isEmpty())
        die(QStringLiteral("the child process did not report the recovery key"));
    return vault;
}

} // namespace pt::bench
