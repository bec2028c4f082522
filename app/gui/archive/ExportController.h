#pragma once
// "Export for a lawyer" (issue 11): one encrypted file, <name>.zip.age, that a lawyer opens, reads
// and checks with standard tools (core::archive::writeArchive). The page sets:
//  - what goes in: a range of days (either end open), kinds and tags (as the timeline's filters:
//    an entry must carry every chosen tag), every revision or only the latest, deleted entries
//    or not, and whose records they are (for the report's title page);
//  - who can open it: the lawyer's age public key (age1..., typed or pasted, or read from a file)
//    or a passphrase, either generated (six groups of four to read out over the phone) or the
//    person's own;
//  - where it goes (a file that is never overwritten without the person saying so);
//  - optionally, names or phrases to black out of every exported entry's text and history in
//    this copy only (Redactions::everywhere); the journal is not changed.
// The export runs on a worker (VaultController::runInBackground, with a journal.db connection of
// its own) with its progress and Cancel; a cancelled or failed export leaves no file (the core's
// guarantee). Nothing else is written: no temp file, and of the choices only the folder the file
// went to is remembered.
#include "Result.h"
#include "archive/ArchiveWriter.h"
#include "crypto/SecureBytes.h"

#include <QObject>
#include <QStringList>
#include <QTimer>
#include <QUrl>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

#include <chrono>
#include <memory>
#include <optional>

namespace pt::gui {

class VaultController;

class ExportController : public QObject {
    Q_OBJECT
    QML_ELEMENT
    Q_MOC_INCLUDE("VaultController.h")
    Q_PROPERTY(VaultController* controller READ controller WRITE setController NOTIFY controllerChanged)

    // What goes in. Days are ISO dates ("2026-11-17"), empty for an open end; no kinds or no
    // tags chosen means every kind, or whatever the tags.
    Q_PROPERTY(QString fromDay READ fromDay WRITE setFromDay NOTIFY choicesChanged)
    Q_PROPERTY(QString toDay READ toDay WRITE setToDay NOTIFY choicesChanged)
    Q_PROPERTY(QStringList kinds READ kinds WRITE setKinds NOTIFY choicesChanged)
    Q_PROPERTY(QStringList tags READ tags WRITE setTags NOTIFY choicesChanged)
    Q_PROPERTY(bool includeHistory READ includeHistory WRITE setIncludeHistory NOTIFY choicesChanged)
    Q_PROPERTY(bool includeDeleted READ includeDeleted WRITE setIncludeDeleted NOTIFY choicesChanged)
    Q_PROPERTY(QString owner READ owner WRITE setOwner NOTIFY choicesChanged)
    // The kinds and tags the vault's entries have, to choose from.
    Q_PROPERTY(QStringList availableKinds READ availableKinds NOTIFY journalRead)
    Q_PROPERTY(QStringList availableTags READ availableTags NOTIFY journalRead)
    // How many entries the choices hold, and how many deleted ones they leave out.
    Q_PROPERTY(int matching READ matching NOTIFY journalRead)
    Q_PROPERTY(int deletedLeftOut READ deletedLeftOut NOTIFY journalRead)
    // The first day is after the last one.
    Q_PROPERTY(bool daysBackwards READ daysBackwards NOTIFY choicesChanged)
    // Names or phrases to black out, one a line as typed; blackOutPhrases is what is used of
    // them (each line trimmed, empty lines and repeats left out).
    Q_PROPERTY(QString blackOutText READ blackOutText WRITE setBlackOutText NOTIFY choicesChanged)
    Q_PROPERTY(QStringList blackOutPhrases READ blackOutPhrases NOTIFY choicesChanged)
    // The image attachments of the entries the choices hold, to black out parts of: each
    // {entryId, name, entryTitle, source (image://attachment/...), boxes (how many are marked)}.
    Q_PROPERTY(QVariantList screenshots READ screenshots NOTIFY areasChanged)
    // Boxes marked to black out, in every image together.
    Q_PROPERTY(int areaCount READ areaCount NOTIFY areasChanged)

    // Who can open it: the lawyer's public key, or (usePassphrase) a passphrase.
    Q_PROPERTY(bool usePassphrase READ usePassphrase WRITE setUsePassphrase NOTIFY recipientChanged)
    Q_PROPERTY(QString publicKey READ publicKey WRITE setPublicKey NOTIFY recipientChanged)
    Q_PROPERTY(bool publicKeyValid READ publicKeyValid NOTIFY recipientChanged)
    // What is wrong with the key as typed, in a sentence; empty when it is right or empty.
    Q_PROPERTY(QString publicKeyProblem READ publicKeyProblem NOTIFY recipientChanged)
    // What reading a key file found: where the key came from, or why none could be used.
    Q_PROPERTY(QString keyFileNote READ keyFileNote NOTIFY recipientChanged)
    Q_PROPERTY(bool keyFileProblem READ keyFileProblem NOTIFY recipientChanged)
    // A generated passphrase ("k7mq-2xpr-9dwh-c4tn-v8bs-3fja"), empty until asked for.
    Q_PROPERTY(QString generatedPassphrase READ generatedPassphrase NOTIFY passphraseChanged)

    // Where it goes: a path, and whether a file is there already (then replaceExisting must be set).
    Q_PROPERTY(QString destination READ destination WRITE setDestination NOTIFY destinationChanged)
    Q_PROPERTY(QUrl destinationUrl READ destinationUrl NOTIFY destinationChanged)
    Q_PROPERTY(QUrl destinationFolder READ destinationFolder NOTIFY destinationChanged)
    Q_PROPERTY(QString destinationName READ destinationName NOTIFY destinationChanged)
    Q_PROPERTY(QString destinationFolderPath READ destinationFolderPath NOTIFY destinationChanged)
    Q_PROPERTY(QString destinationProblem READ destinationProblem NOTIFY destinationChanged)
    Q_PROPERTY(bool destinationExists READ destinationExists NOTIFY destinationChanged)
    Q_PROPERTY(bool replaceExisting READ replaceExisting WRITE setReplaceExisting NOTIFY destinationChanged)

    Q_PROPERTY(Step step READ step NOTIFY stepChanged)
    // 0..1 while exporting; negative before the first bytes (an indeterminate bar).
    Q_PROPERTY(double progress READ progress NOTIFY progressChanged)
    Q_PROPERTY(QString progressText READ progressText NOTIFY progressChanged)
    Q_PROPERTY(bool cancelling READ cancelling NOTIFY progressChanged)
    // What the last export did when it did not finish: an error with its next step, or that it
    // was cancelled.
    Q_PROPERTY(QString errorMessage READ errorMessage NOTIFY messageChanged)
    Q_PROPERTY(QString statusMessage READ statusMessage NOTIFY messageChanged)

    // The finished export.
    Q_PROPERTY(QString resultPath READ resultPath NOTIFY resultChanged)
    Q_PROPERTY(QString resultName READ resultName NOTIFY resultChanged)
    Q_PROPERTY(QString resultFolder READ resultFolder NOTIFY resultChanged)
    Q_PROPERTY(QString resultSize READ resultSize NOTIFY resultChanged)
    Q_PROPERTY(QString resultSha256 READ resultSha256 NOTIFY resultChanged)
    // The same hash in four lines of four groups of four, to read and compare on a phone.
    Q_PROPERTY(QString resultSha256Groups READ resultSha256Groups NOTIFY resultChanged)
    Q_PROPERTY(int resultExhibits READ resultExhibits NOTIFY resultChanged)
    Q_PROPERTY(QString resultExhibitRange READ resultExhibitRange NOTIFY resultChanged) // "PT-0001 to PT-0012"
    Q_PROPERTY(QString resultKeyId READ resultKeyId NOTIFY resultChanged)
    // How many places the phrases were blacked out in, and in how many entries.
    Q_PROPERTY(int resultRedactedPlaces READ resultRedactedPlaces NOTIFY resultChanged)
    Q_PROPERTY(int resultRedactedEntries READ resultRedactedEntries NOTIFY resultChanged)
    // The export had phrases to black out (then the result says how many places, even none).
    Q_PROPERTY(bool resultHadPhrases READ resultHadPhrases NOTIFY resultChanged)
    // It was encrypted to a passphrase (generated: generatedPassphrase still shows it).
    Q_PROPERTY(bool resultUsedPassphrase READ resultUsedPassphrase NOTIFY resultChanged)

public:
    enum class Step { Choosing, Exporting, Finished };
    Q_ENUM(Step)

    static constexpr int MinimumPassphraseLength = 12;
    static constexpr qint64 MaxKeyFileBytes = 64 * 1024;

    explicit ExportController(QObject* parent = nullptr);
    ~ExportController() override;

    [[nodiscard]] VaultController* controller() const { return m_controller; }
    void setController(VaultController* controller);

    [[nodiscard]] QString fromDay() const { return m_filter.from.toString(Qt::ISODate); }
    void setFromDay(const QString& day);
    [[nodiscard]] QString toDay() const { return m_filter.to.toString(Qt::ISODate); }
    void setToDay(const QString& day);
    [[nodiscard]] QStringList kinds() const { return m_filter.kinds; }
    void setKinds(const QStringList& kinds);
    [[nodiscard]] QStringList tags() const { return m_filter.tags; }
    void setTags(const QStringList& tags);
    [[nodiscard]] bool includeHistory() const { return m_filter.includeHistory; }
    void setIncludeHistory(bool include);
    [[nodiscard]] bool includeDeleted() const { return m_filter.includeDeleted; }
    void setIncludeDeleted(bool include);
    [[nodiscard]] QString owner() const { return m_owner; }
    void setOwner(const QString& owner);
    [[nodiscard]] QStringList availableKinds() const { return m_availableKinds; }
    [[nodiscard]] QStringList availableTags() const { return m_availableTags; }
    [[nodiscard]] int matching() const { return m_matching; }
    [[nodiscard]] int deletedLeftOut() const { return m_deletedLeftOut; }
    [[nodiscard]] bool daysBackwards() const;
    [[nodiscard]] QString blackOutText() const { return m_blackOutText; }
    void setBlackOutText(const QString& text);
    [[nodiscard]] QStringList blackOutPhrases() const;
    [[nodiscard]] QVariantList screenshots() const;
    [[nodiscard]] int areaCount() const;
    // The boxes as the export gets them (Redactions::areas), in the images' stored pixels.
    [[nodiscard]] QList<core::archive::AreaRedaction> areas() const { return m_areas; }

    [[nodiscard]] bool usePassphrase() const { return m_usePassphrase; }
    void setUsePassphrase(bool use);
    [[nodiscard]] QString publicKey() const { return m_publicKey; }
    void setPublicKey(const QString& key);
    [[nodiscard]] bool publicKeyValid() const;
    [[nodiscard]] QString publicKeyProblem() const;
    [[nodiscard]] QString keyFileNote() const { return m_keyFileNote; }
    [[nodiscard]] bool keyFileProblem() const { return m_keyFileProblem; }
    [[nodiscard]] QString generatedPassphrase() const;

    [[nodiscard]] QString destination() const { return m_destination; }
    void setDestination(const QString& path);
    [[nodiscard]] QUrl destinationUrl() const { return QUrl::fromLocalFile(outputPath()); }
    [[nodiscard]] QUrl destinationFolder() const;
    [[nodiscard]] QString destinationName() const;
    [[nodiscard]] QString destinationFolderPath() const;
    [[nodiscard]] QString destinationProblem() const;
    [[nodiscard]] bool destinationExists() const;
    [[nodiscard]] bool replaceExisting() const { return m_replaceExisting; }
    void setReplaceExisting(bool replace);

    [[nodiscard]] Step step() const { return m_step; }
    [[nodiscard]] double progress() const { return m_progress; }
    [[nodiscard]] QString progressText() const { return m_progressText; }
    [[nodiscard]] bool cancelling() const;
    [[nodiscard]] QString errorMessage() const { return m_error; }
    [[nodiscard]] QString statusMessage() const { return m_status; }

    [[nodiscard]] QString resultPath() const { return m_result ? m_result->path : QString(); }
    [[nodiscard]] QString resultName() const;
    [[nodiscard]] QString resultFolder() const;
    [[nodiscard]] QString resultSize() const;
    [[nodiscard]] QString resultSha256() const { return m_result ? m_result->sha256 : QString(); }
    [[nodiscard]] QString resultSha256Groups() const { return hashGroups(resultSha256()); }
    [[nodiscard]] int resultExhibits() const { return m_result ? m_result->exhibits : 0; }
    [[nodiscard]] QString resultExhibitRange() const;
    [[nodiscard]] QString resultKeyId() const { return m_result ? m_result->signingKeyId : QString(); }
    [[nodiscard]] bool resultUsedPassphrase() const { return m_resultUsedPassphrase; }
    [[nodiscard]] int resultRedactedPlaces() const { return m_result ? m_result->redactedPlaces : 0; }
    [[nodiscard]] int resultRedactedEntries() const { return m_result ? m_result->redactedEntries : 0; }
    [[nodiscard]] bool resultHadPhrases() const { return m_resultHadPhrases; }

    // Interface tests only: the worker pauses this long each time it reports progress, so a
    // test can press Cancel in the middle of an export however fast this machine writes.
    void setProgressDelayForTesting(std::chrono::milliseconds delay) { m_progressDelay = delay; }

    // "3f2a 9c1b 77d0 e412\n..." (16 groups of 4 hex digits, four to a line).
    [[nodiscard]] static QString hashGroups(const QString& hex);
    // paper-trail-<date>.zip.age in `folder`, with -2, -3... when that name is taken.
    [[nodiscard]] static QString freeName(const QString& folder, const QDate& day);
    // The public key an age key file names: a recipients file (age1... lines, # comments), or an
    // identity file as age-keygen writes it ("# public key: age1..." with the secret below).
    // Sets `holdsSecret` when the file holds a secret key (AGE-SECRET-KEY-1...).
    [[nodiscard]] static core::Result<QString> publicKeyInFile(const QString& path, bool* holdsSecret = nullptr);

    // The key file the person chose (a file picker's answer); fills publicKey or says why not.
    Q_INVOKABLE void loadKeyFile(const QUrl& file);
    // Makes a new strong passphrase (ArchivePassphrase) and shows it.
    Q_INVOKABLE void generatePassphrase();
    // Puts the generated passphrase on the clipboard, off it again after a minute.
    Q_INVOKABLE void copyPassphrase();
    // Puts the file's SHA-256 (the plain 64 digits) on the clipboard.
    Q_INVOKABLE void copyHash();
    // What is wrong with a passphrase the person typed for the archive; empty when it will do.
    Q_INVOKABLE [[nodiscard]] QString passphraseProblem(const QString& passphrase) const;
    // The save dialog's answer.
    Q_INVOKABLE void setDestinationUrl(const QUrl& file);
    // Starts the export with the choices made; `ownPassphrase` when the person typed their own
    // (else the generated one, or the public key). False, with errorMessage saying why, when
    // something is missing.
    Q_INVOKABLE bool start(const QString& ownPassphrase = {});
    Q_INVOKABLE void cancel();
    // From the result back to the choices, for another export (a new file name is offered).
    Q_INVOKABLE void startOver();
    Q_INVOKABLE void clearMessages();

    // Black out part of a screenshot. An image's size as stored (the pixels boxes are in):
    // {width, height}, or {problem} in a sentence when boxes cannot be marked on it here.
    Q_INVOKABLE [[nodiscard]] QVariantMap storedImage(const QString& entryId, const QString& name) const;
    // Adds a box in the image's stored pixels (cut to the image); boxes of no size are ignored.
    Q_INVOKABLE void addArea(const QString& entryId, const QString& name, int x, int y, int width, int height);
    // Takes the last box of that image away again.
    Q_INVOKABLE void undoArea(const QString& entryId, const QString& name);
    // That image's boxes, as rects in its stored pixels.
    Q_INVOKABLE [[nodiscard]] QVariantList areasOf(const QString& entryId, const QString& name) const;

signals:
    void controllerChanged();
    void choicesChanged();
    void journalRead();
    void recipientChanged();
    void passphraseChanged();
    void destinationChanged();
    void stepChanged();
    void progressChanged();
    void messageChanged();
    void resultChanged();
    void areasChanged();

private:
    struct Job;

    void readJournal();
    void setStep(Step step);
    void setError(const QString& message);
    void setStatus(const QString& message);
    void setProgress(double progress, const QString& text);
    void showProgress();
    void tryStart();
    void finished(const std::shared_ptr<Job>& job);
    void forgetPassphrase();
    [[nodiscard]] QString defaultDestination() const;
    [[nodiscard]] QString outputPath() const;

    VaultController* m_controller = nullptr;
    core::archive::ArchiveFilter m_filter;
    QString m_owner;
    QString m_blackOutText;
    QList<core::archive::AreaRedaction> m_areas;
    QVariantList m_screenshots; // of the entries the choices hold, as readJournal found them
    QStringList m_availableKinds;
    QStringList m_availableTags;
    int m_matching = 0;
    int m_deletedLeftOut = 0;

    bool m_usePassphrase = false;
    QString m_publicKey;
    QString m_keyFileNote;
    bool m_keyFileProblem = false;
    std::optional<crypto::SecureBytes> m_passphrase; // the generated one

    QString m_destination;
    bool m_replaceExisting = false;

    Step m_step = Step::Choosing;
    double m_progress = -1;
    QString m_progressText;
    QString m_error;
    QString m_status;
    std::shared_ptr<Job> m_job; // the export that runs, or waits for a sync to end
    QTimer m_progressTimer;
    QTimer m_startTimer; // retries the start while a sync holds the worker

    std::optional<core::archive::ArchiveResult> m_result;
    bool m_resultUsedPassphrase = false;
    bool m_resultHadPhrases = false;
    std::chrono::milliseconds m_progressDelay{0};
    mutable QHash<QString, QSize> m_imageSizes; // storedImage's answers, by "<entry id>/<name>"
};

} // namespace pt::gui
