// Crash safety: crash_writer adds entries in a loop and is killed with SIGKILL at a random moment.
// Everything it reported as saved must be there and readable after reopening, verify must pass,
// and no plaintext may be left on disk. PT_CRASH_TRIALS raises the number of trials (default 50);
// PT_CRASH_SEED replays a run.
#include "TestSupport.h"

#include "CrashWriterData.h"

#include <QElapsedTimer>
#include <QHash>
#include <QProcess>
#include <QThread>

#include <csignal>
#include <random>

using namespace pt;
using namespace pt::core;
using namespace pt::test;

namespace {

struct Added {
    QString tag;
    int i = 0;
};

struct Edit {
    int revision = 0;
    QString tag;
    int i = 0;
};

int envInt(const char* name, int fallback)
{
    bool ok = false;
    const int value = qEnvironmentVariableIntValue(name, &ok);
    return ok ? value : fallback;
}

} // namespace

TEST_CASE("crash: kill -9 at random moments loses nothing that was saved", "[crash]")
{
    const int trials = std::max(envInt("PT_CRASH_TRIALS", 50), 1);
    const auto seed = static_cast<unsigned>(envInt("PT_CRASH_SEED", int(std::random_device{}() & 0x7fffffff)));
    std::mt19937 rng(seed);
    std::uniform_int_distribution<int> delayMs(5, 300);
    INFO("PT_CRASH_SEED=" << seed << " trials=" << trials);

    QTemporaryDir root;
    REQUIRE(root.isValid());
    const QString tmpDir = qEnvironmentVariable("TMPDIR");
    QString dir;
    QHash<QString, Added> added;
    QHash<QString, QList<Edit>> edits;
    int saved = 0, editsSaved = 0, killedAfterSaving = 0;
    QElapsedTimer timer;
    timer.start();

    for (int trial = 0; trial < trials; ++trial) {
        // A fresh vault every ten trials keeps each reopen-and-verify quick.
        if (trial % 10 == 0) {
            dir = root.path() + QStringLiteral("/vault%1").arg(trial / 10);
            createVault(dir).reset();
            added.clear();
            edits.clear();
        }
        const QString tag = QStringLiteral("t%1").arg(trial);
        const int delay = delayMs(rng);
        INFO("trial " << trial << ", killed after " << delay << " ms");

        QProcess writer;
        writer.setProgram(QStringLiteral(PT_CRASH_WRITER));
        writer.setArguments({dir, QString::fromLatin1(Passphrase.data(), qsizetype(Passphrase.size())), tag});
        writer.start();
        REQUIRE(writer.waitForStarted(10000));
        QThread::msleep(static_cast<unsigned long>(delay));
        ::kill(static_cast<pid_t>(writer.processId()), SIGKILL);
        REQUIRE(writer.waitForFinished(10000));
        const QByteArray errors = writer.readAllStandardError();
        INFO("crash_writer stderr: " << errors.toStdString());
        // It must have been killed, never stopped on its own with an error.
        CHECK(writer.exitStatus() == QProcess::CrashExit);

        int savedThisTrial = 0;
        const QList<QByteArray> lines = writer.readAllStandardOutput().split('\n');
        // The last piece has no newline: either empty or cut off by the kill, so not a promise.
        for (qsizetype l = 0; l + 1 < lines.size(); ++l) {
            const QList<QByteArray> f = lines.at(l).split(' ');
            if (f.value(0) == "A" && f.size() == 3) {
                added.insert(QString::fromLatin1(f.at(1)), {tag, f.at(2).toInt()});
                ++saved;
                ++savedThisTrial;
            } else if (f.value(0) == "E" && f.size() == 4) {
                edits[QString::fromLatin1(f.at(1))].append({f.at(2).toInt(), tag, f.at(3).toInt()});
                ++editsSaved;
            } else {
                FAIL("unexpected line from crash_writer: " << lines.at(l).toStdString());
            }
        }
        if (savedThisTrial > 0)
            ++killedAfterSaving;

        // Whatever the moment of the kill, nothing on disk holds plaintext (temp files included).
        const QStringList plain = filesContaining({dir, tmpDir}, {QByteArray(crash::Marker)});
        INFO("files with plaintext: " << plain.join(QStringLiteral(", ")));
        CHECK(plain.isEmpty());

        auto vault = openVault(dir);
        Journal& j = vault->journal();
        CHECK(j.problems().isEmpty());
        for (auto it = added.cbegin(); it != added.cend(); ++it) {
            INFO("entry " << it.key() << " = " << it->tag << " #" << it->i);
            auto e = j.entry(it.key());
            REQUIRE(e.ok());
            CHECK(e->latest.title == crash::title(it->tag, it->i));
            if (crash::hasAttachment(it->i))
                CHECK(readAttachment(j, it.key(), crash::attachmentName()) == crash::attachment(it->tag, it->i));
        }
        for (auto it = edits.cbegin(); it != edits.cend(); ++it) {
            INFO("edited entry " << it.key());
            auto history = j.history(it.key());
            REQUIRE(history.ok());
            for (const Edit& edit : *it) {
                REQUIRE(history->size() >= edit.revision);
                CHECK(history->at(edit.revision - 1).body == crash::editedBody(edit.tag, edit.i));
            }
        }
        const VerifyReport report = vault->verify();
        INFO(describe(report));
        REQUIRE(report.ok());
    }
    WARN("crash test: " << trials << " kills in " << timer.elapsed() << " ms; " << saved << " entries and "
                        << editsSaved << " edits reported saved, all found; " << killedAfterSaving
                        << " kills came after at least one save (seed " << seed << ")");
    CHECK(killedAfterSaving > 0); // the test exercised kills mid-stream, not only during start-up
}
