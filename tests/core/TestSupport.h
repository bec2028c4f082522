#pragma once
// Shared helpers for test_core: fast vaults, a settable clock, attachment sources, raw access to
// journal.db and files for tampering, and report matchers.
#include <catch2/catch.hpp>

#include "vault/Vault.h"
#include "crypto/Bytes.h"
#include "crypto/PasswordHash.h"

#include <QBuffer>
#include <QByteArray>
#include <QDateTime>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <functional>
#include <list>
#include <memory>
#include <ostream>
#include <string>

// Catch prints QStrings and QByteArrays readably in failure messages.
inline std::ostream& operator<<(std::ostream& os, const QString& s) { return os << s.toStdString(); }
inline std::ostream& operator<<(std::ostream& os, const QByteArray& b)
{
    return os << "QByteArray(" << b.size() << " bytes)";
}

namespace pt::test {

// The small KDF parameters the CLI uses with PAPERTRAIL_TEST_KDF=1.
inline const crypto::pwhash::Params FastKdf{1, 8u * 1024u * 1024u};
inline constexpr std::string_view Passphrase = "correct horse battery staple";

inline crypto::ByteView bytes(std::string_view s) { return crypto::view(s); }

// The proof changePassphrase and replaceRecoveryKey ask for.
inline core::CurrentSecret currentPassphrase(std::string_view passphrase = Passphrase)
{
    return {core::CurrentSecret::Kind::Passphrase, crypto::SecureBytes::copyOf(crypto::view(passphrase))};
}
inline core::CurrentSecret currentRecoveryKey(const QString& key)
{
    const QByteArray utf8 = key.toUtf8();
    return {core::CurrentSecret::Kind::RecoveryKey,
            crypto::SecureBytes::copyOf({reinterpret_cast<const std::uint8_t*>(utf8.constData()), std::size_t(utf8.size())})};
}

// Creates a vault in `dir` (must not exist) with FastKdf, unlocked. REQUIREs success.
std::unique_ptr<core::Vault> createVault(const QString& dir, QString* recoveryKey = nullptr,
                                         core::Clock clock = {});
// Opens and unlocks with Passphrase. REQUIREs success.
std::unique_ptr<core::Vault> openVault(const QString& dir, core::Clock clock = {});

// A clock the test moves by hand; copies share the same time.
class ManualClock {
public:
    explicit ManualClock(QDateTime start);
    [[nodiscard]] core::Clock clock() const;
    void set(const QDateTime& t) { *m_now = t; }
    void advance(qint64 ms) { *m_now = m_now->addMSecs(ms); }
    [[nodiscard]] QDateTime now() const { return *m_now; }

private:
    std::shared_ptr<QDateTime> m_now;
};

// Keeps QBuffers alive for as long as the NewAttachments that point at them are in use.
class Sources {
public:
    core::NewAttachment add(const QByteArray& data, const QString& name,
                            const QString& mime = QStringLiteral("application/octet-stream"));

private:
    std::list<QBuffer> m_buffers;
};

QByteArray randomData(qsizetype size);
QString sha256Hex(const QByteArray& data);
// The attachment's plaintext through Journal::writeAttachment; REQUIREs success.
QByteArray readAttachment(const core::Journal& journal, const QString& entryId, const QString& name);

// Files.
bool copyDir(const QString& from, const QString& to);
QByteArray readFile(const QString& path);
void writeFile(const QString& path, const QByteArray& data);
void flipByte(const QString& path, qint64 offset); // XOR 0x01; negative counts from the end
void truncateFile(const QString& path, qint64 size);
QStringList filesUnder(const QString& dir); // recursive, hidden included, absolute paths
// Files under `dirs` whose bytes contain any of `needles`.
QStringList filesContaining(const QStringList& dirs, const QList<QByteArray>& needles);
// The needle in UTF-8, UTF-16LE and UTF-16BE.
QList<QByteArray> encodings(const QString& text);

// Direct SQL on a closed vault's journal.db, through its own uniquely named connection.
class RawDb {
public:
    explicit RawDb(const QString& path);
    ~RawDb();
    RawDb(const RawDb&) = delete;
    RawDb& operator=(const RawDb&) = delete;

    struct LogRow {
        QString device;
        qint64 seq = 0;
        QByteArray data;
    };
    QList<LogRow> logRows();
    QStringList objectIds();
    QByteArray objectData(const QString& id);
    void setObjectData(const QString& id, const QByteArray& data);
    void setLogData(const QString& device, qint64 seq, const QByteArray& data);
    void deleteLog(const QString& device, qint64 seq);
    void deleteObject(const QString& id);
    void exec(const QString& sql);
    QSqlDatabase db();

private:
    QString m_connection;
};

QByteArray flipped(QByteArray data, qsizetype offset);

// Verify report helpers.
QString describe(const core::VerifyReport& report);
bool names(const core::VerifyReport& report, const std::function<bool(const core::VerifyProblem&)>& pred);
bool namesText(const core::VerifyReport& report, const QString& text); // some item contains text
bool namesRecord(const core::VerifyReport& report, const QString& device, qint64 seq);

} // namespace pt::test
