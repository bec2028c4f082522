#pragma once
// "Export for a lawyer" (issue 11): one encrypted file, <name>.zip.age, that a lawyer opens, reads
// and checks with standard tools (core::archive::writeArchive). The page sets:
//  - what goes in: a range of days (either end open), kinds and tags (as the timeline's filters:
//    an entry must carry every chosen tag), every revision or only the latest, deleted entries
//    or not, and whose records they are (for the report's title page); and, if the person picks
//    entries by hand, only the picked ones of those (ArchiveFilter::entryIds);
//  - who can open it: one or more age public keys (age1..., typed or pasted, or read from a file
//    that may hold several; a lawyer and a union representative each open it with their own
//    key), or a passphrase, either generated (six groups of four to read out over the phone) or
//    the person's own;
//  - where it goes (a file that is never overwritten without the person saying so);
//  - optionally, names or phrases to black out of every exported entry's text and history in
//    this copy only (Redactions::everywhere), and boxes to black out of screenshots
//    (Redactions::areas, in the picture as it is shown); the journal is not changed.
// The export runs on a worker (VaultController::runInBackground, with a journal.db connection of
// its own) with its progress and Cancel; a cancelled or failed export leaves no file (the core's
// guarantee). Nothing else is written: no temp file, and of the choices only the folder the file
// went to is remembered.
#include "Result.h"
#include "archive/ArchiveWriter.h"
#include "crypto/SecureBytes.h"

#include "ExportEntryList.h"

#include <QObject>
#include <QSet>
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
    // How many entries go in, and how many deleted ones the choices leave out.
    Q_PROPERTY(int matching READ matching NOTIFY journalRead)
    Q_PROPERTY(int deletedLeftOut READ deletedLeftOut NOTIFY journalRead)
    // Photos going in that carry the place they were taken (EXIF GPS): said before the export.
    Q_PROPERTY(int locatedPhotos READ locatedPhotos NOTIFY journalRead)
    // Hand-picking: the days, kinds, tags and deleted choices hold filterMatching entries
    // (entryList lists them); once the person ticks or unticks one of them (handPicked), only
    // the picked ones go in (matching). Picks are kept when the choices change: a picked entry
    // the choices no longer hold stays out (pickedOutside counts them) and comes back in if
    // they hold it again. An entry the choices come to hold that was never picked stays out.
    Q_PROPERTY(bool handPicked READ handPicked NOTIFY journalRead)
    Q_PROPERTY(int filterMatching READ filterMatching NOTIFY journalRead)
    Q_PROPERTY(int pickedOutside READ pickedOutside NOTIFY journalRead)
    Q_PROPERTY(pt::gui::ExportEntryList* entryList READ entryList CONSTANT)
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

    // Who can open it: one or more public keys, or (usePassphrase) a passphrase.
    Q_PROPERTY(bool usePassphrase READ usePassphrase WRITE setUsePassphrase NOTIFY recipientChanged)
    // The keys as typed, one a field (there is always at least one field, maybe empty); each
    // person who has the secret half of any one of them can open the archive.
    Q_PROPERTY(QStringList publicKeys READ publicKeys WRITE setPublicKeys NOTIFY recipientChanged)
    Q_PROPERTY(int publicKeyCount READ publicKeyCount NOTIFY publicKeyCountChanged)
    // What is wrong with each key as typed, in a sentence (a repeat of an earlier key is wrong
    // too); empty when it is right, or when a field other than the first is left empty (ignored).
    Q_PROPERTY(QStringList publicKeyProblems READ publicKeyProblems NOTIFY recipientChanged)
    // The distinct keys the archive is encrypted to, spaces taken out.
    Q_PROPERTY(QStringList recipientKeys READ recipientKeys NOTIFY recipientChanged)
    // The first field's key (the lawyer's).
    Q_PROPERTY(QString publicKey READ publicKey WRITE setPublicKey NOTIFY recipientChanged)
    // Every key typed is right and there is at least one.
    Q_PROPERTY(bool publicKeyValid READ publicKeyValid NOTIFY recipientChanged)
    // The first key's problem (publicKeyProblems[0]).
    Q_PROPERTY(QString publicKeyProblem READ publicKeyProblem NOTIFY recipientChanged)
    // What reading a key file found: which keys came from it, or why none could be used.
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
    // It was encrypted to a passphrase (generated: generatedPassphrase still shows it), or to
    // this many public keys.
    Q_PROPERTY(bool resultUsedPassphrase READ resultUsedPassphrase NOTIFY resultChanged)
    Q_PROPERTY(int resultKeyCount READ resultKeyCount NOTIFY resultChanged)

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
    [[nodiscard]] int locatedPhotos() const { return m_locatedPhotos; }
    [[nodiscard]] bool handPicked() const { return m_handPicked; }
    [[nodiscard]] int filterMatching() const { return int(m_candidates.size()); }
    [[nodiscard]] int pickedOutside() const { return m_pickedOutside; }
    [[nodiscard]] ExportEntryList* entryList() const { return m_entryList.get(); }
    // The entries picked by hand (ArchiveFilter::entryIds: those the choices hold go in), or
    // empty when none are (then every entry the choices hold goes in).
    [[nodiscard]] QStringList pickedIds() const;
    [[nodiscard]] bool daysBackwards() const;
    [[nodiscard]] QString blackOutText() const { return m_blackOutText; }
    void setBlackOutText(const QString& text);
    [[nodiscard]] QStringList blackOutPhrases() const;
    [[nodiscard]] QVariantList screenshots() const;
    [[nodiscard]] int areaCount() const;
    // The boxes as the export gets them (Redactions::areas), in the pictures as shown.
    [[nodiscard]] QList<core::archive::AreaRedaction> areas() const { return m_areas; }

    [[nodiscard]] bool usePassphrase() const { return m_usePassphrase; }
    void setUsePassphrase(bool use);
    [[nodiscard]] QStringList publicKeys() const { return m_publicKeys; }
    void setPublicKeys(const QStringList& keys);
    [[nodiscard]] int publicKeyCount() const { return int(m_publicKeys.size()); }
    [[nodiscard]] QStringList publicKeyProblems() const;
    [[nodiscard]] QStringList recipientKeys() const;
    [[nodiscard]] QString publicKey() const { return m_publicKeys.first(); }
    void setPublicKey(const QString& key) { setPublicKeyAt(0, key); }
    [[nodiscard]] bool publicKeyValid() const;
    [[nodiscard]] QString publicKeyProblem() const { return publicKeyProblems().first(); }
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
    [[nodiscard]] int resultKeyCount() const { return m_resultKeyCount; }
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
    // What is wrong with one key as typed (spaces and line breaks are not part of it), in a
    // sentence; empty when it is an age public key, or empty.
    [[nodiscard]] static QString keyProblem(const QString& typed);
    // The public keys an age key file names, in its order, each once: a recipients file (age1...
    // lines, # comments, as age -R reads), or identity files as age-keygen writes them ("# public
    // key: age1..." with the secret below, or the secret alone). A line that looks like a key but
    // is not one fails the whole file, saying which line and what is wrong with it: a key left out
    // would be a person who cannot open the archive. Sets `holdsSecret` when the file holds a
    // secret key (AGE-SECRET-KEY-1...).
    [[nodiscard]] static core::Result<QStringList> publicKeysInFile(const QString& path, bool* holdsSecret = nullptr);

    // Another key field (empty), after the others.
    Q_INVOKABLE void addPublicKey();
    // Takes the field at `index` away (the last one left is emptied instead).
    Q_INVOKABLE void removePublicKey(int index);
    Q_INVOKABLE void setPublicKeyAt(int index, const QString& key);
    // The key file the person chose (a file picker's answer): its keys go into the empty fields,
    // then new ones after them; keys already there are not repeated. Or says why not.
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

    // Picks entries by hand: `entryId` in or out. The first pick starts from every entry the
    // choices hold, all picked.
    Q_INVOKABLE void setPicked(const QString& entryId, bool picked);
    // Every entry entryList shows (after its search) in, or out.
    Q_INVOKABLE void pickShown(bool picked);
    // Back to every entry the choices hold; the picks are forgotten.
    Q_INVOKABLE void stopPicking();

    // Black out part of a screenshot. The picture's size as it is shown (turned as its camera
    // said: the pixels boxes are in): {width, height}, or {problem} in a sentence when boxes
    // cannot be marked on it here.
    Q_INVOKABLE [[nodiscard]] QVariantMap shownImage(const QString& entryId, const QString& name) const;
    // Adds a box (cut to the picture); boxes of no size are ignored. Returns its index, or -1.
    Q_INVOKABLE int addArea(const QString& entryId, const QString& name, int x, int y, int width, int height);
    // Moves or resizes the box at `index` (cut to the picture; at least a pixel each way).
    Q_INVOKABLE void setArea(const QString& entryId, const QString& name, int index, int x, int y, int width, int height);
    Q_INVOKABLE void removeArea(const QString& entryId, const QString& name, int index);
    // Takes that picture's last change back: a box added, moved, resized or removed. Moves of
    // one box in a row (arrow keys held down) are one change.
    Q_INVOKABLE void undoArea(const QString& entryId, const QString& name);
    Q_INVOKABLE [[nodiscard]] bool canUndoArea(const QString& entryId, const QString& name) const;
    // That picture's boxes, as rects in its pixels as shown.
    Q_INVOKABLE [[nodiscard]] QVariantList areasOf(const QString& entryId, const QString& name) const;

signals:
    void controllerChanged();
    void choicesChanged();
    void journalRead();
    void recipientChanged();
    void publicKeyCountChanged();
    void passphraseChanged();
    void destinationChanged();
    void stepChanged();
    void progressChanged();
    void messageChanged();
    void resultChanged();
    void areasChanged();

private:
    struct Job;
    // An entry the days, kinds, tags and deleted choices hold.
    struct Candidate {
        QString entryId;
        QString title;
        QStringList images; // its image attachments' names
        bool located = false; // a photo whose EXIF gave a GPS position
    };
    // The boxes of one picture before a change, to undo it.
    struct AreaChange {
        QString entryId, name;
        QList<QRect> before;
        int movedBox = -1; // the box a move or resize changed; -1 for an add or a removal
    };

    void readJournal();
    void recount();
    void setAreasOf(const QString& entryId, const QString& name, const QList<QRect>& boxes, int movedBox);
    void writeAreas(const QString& entryId, const QString& name, const QList<QRect>& boxes);
    [[nodiscard]] QList<QRect> boxesOf(const QString& entryId, const QString& name) const;
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
    QList<AreaChange> m_areaUndo;
    bool m_moveGoesOn = false; // the last change to the boxes moved one: a move of it again joins it
    QVariantList m_screenshots; // of the entries that go in
    QStringList m_availableKinds;
    QStringList m_availableTags;
    int m_matching = 0;
    int m_deletedLeftOut = 0;
    int m_locatedPhotos = 0;
    QList<Candidate> m_candidates;   // in exhibit order
    QSet<QString> m_candidateIds;
    QSet<QString> m_existing;        // every entry's id (not purged), to count picks outside the choices
    QSet<QString> m_deletedOut;      // deleted entries the days, kinds and tags hold, left out
    bool m_handPicked = false;
    QSet<QString> m_picked;
    int m_pickedOutside = 0;

    bool m_usePassphrase = false;
    QStringList m_publicKeys{QString()};
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
    int m_resultKeyCount = 0;
    bool m_resultHadPhrases = false;
    std::chrono::milliseconds m_progressDelay{0};
    mutable QHash<QString, QSize> m_imageSizes; // shownImage's answers, by "<entry id>/<name>"
    // Last, so it goes first: it asks m_picked whether a row is picked while it lives.
    std::unique_ptr<ExportEntryList> m_entryList;
};

} // namespace pt::gui
