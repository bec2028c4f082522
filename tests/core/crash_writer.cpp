// Helper for the crash test: crash_writer VAULT_DIR PASSPHRASE TAG
// Opens the vault and adds entries (every third with an attachment, every fourth followed by an
// edit of an earlier entry) until it is killed. A line is printed, and flushed, only after the
// call that saved it has returned:
//   A <entry id> <i>          entry i was added
//   E <entry id> <revision> <i>  that entry was edited to editedBody(tag, i)
#include "CrashWriterData.h"
#include "vault/Vault.h"
#include "crypto/Init.h"

#include <QBuffer>
#include <QCoreApplication>

#include <cstdio>
#include <cstring>

using namespace pt;
using namespace pt::core;
namespace crash = pt::test::crash;

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    if (!crypto::init()) {
        std::fputs("crypto::init failed\n", stderr);
        return 10;
    }
    if (argc != 4) {
        std::fputs("usage: crash_writer VAULT_DIR PASSPHRASE TAG\n", stderr);
        return 2;
    }
    const QString dir = QString::fromLocal8Bit(argv[1]);
    const crypto::ByteView passphrase(reinterpret_cast<const std::uint8_t*>(argv[2]), std::strlen(argv[2]));
    const QString tag = QString::fromLocal8Bit(argv[3]);

    auto vault = Vault::open(dir);
    if (!vault) {
        std::fprintf(stderr, "open: %s\n", vault.error().message.toUtf8().constData());
        return 11;
    }
    if (const Status s = (*vault)->unlockWithPassphrase(passphrase); !s) {
        std::fprintf(stderr, "unlock: %s\n", s.error().message.toUtf8().constData());
        return 12;
    }
    Journal& journal = (*vault)->journal();
    QStringList ids;
    for (int i = 0; i < 1'000'000; ++i) {
        EntryDraft draft;
        draft.title = crash::title(tag, i);
        draft.body = crash::body(tag, i);
        draft.tags = {QStringLiteral("crash")};
        QBuffer buffer;
        if (crash::hasAttachment(i)) {
            buffer.setData(crash::attachment(tag, i));
            buffer.open(QIODevice::ReadOnly);
            draft.attachments = {NewAttachment{&buffer, crash::attachmentName(), QStringLiteral("application/octet-stream")}};
        }
        auto entry = journal.add(draft);
        if (!entry) {
            std::fprintf(stderr, "add %d: %s\n", i, entry.error().message.toUtf8().constData());
            return 13;
        }
        const QString id = entry->latest.entryId;
        std::printf("A %s %d\n", id.toLatin1().constData(), i);
        std::fflush(stdout);
        if (crash::editsAfter(i) && !ids.isEmpty()) {
            const QString target = ids.at(i % ids.size());
            EntryChange change;
            change.body = crash::editedBody(tag, i);
            auto edited = journal.edit(target, change);
            if (!edited) {
                std::fprintf(stderr, "edit %d: %s\n", i, edited.error().message.toUtf8().constData());
                return 14;
            }
            std::printf("E %s %d %d\n", target.toLatin1().constData(), edited->latest.revision, i);
            std::fflush(stdout);
        }
        ids << id;
    }
    return 0;
}
