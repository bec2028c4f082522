#pragma once
// "Bring in evidence" (issue 12): emails (.eml files and mbox files, a Google Takeout of 100,000
// messages included), screenshots and photos, from files dropped on the window, picked in a file
// dialog, folders, or the clipboard.
//
//  1. Reading: the files are sorted by their content (IntakeFiles) and read in one streaming pass
//     on a worker of this controller's own (nothing of the vault is touched): each message
//     summarised (core::intake::scanMbox, scanEmlFiles), each picture looked at without writing
//     anything (core::intake::ImageImporter::inspect) and its preview decoded in memory. Progress
//     and Cancel; a cancelled reading adds nothing to the list.
//  2. The pick list: the emails (MailPickModel, with its filters; words in the bodies are looked
//     for on the same worker with core::intake::matchBodies) and the pictures (ImagePickModel,
//     their times editable), each marked when the journal already holds it.
//  3. The import, on the vault's worker (VaultController::runInBackground) with a journal.db
//     connection and a Journal of its own: email by email, then picture by picture with its text
//     recognised (a TextRecognizer made for the job's thread). Each entry is one transaction, so
//     Cancel stops between entries: what was imported stays and nothing is half written. The files
//     are read again and must still have the hash they had when listed. Then the app's journal is
//     reloaded (the timeline shows them) and the result says what came in, what was there already
//     and what could not be imported, and why.
//
// Nothing is written but the entries: no temp file, no thumbnail, no cache.
#include "ImagePickModel.h"
#include "MailPickModel.h"
#include "Result.h"
#include "intake/MailLimits.h"

#include <QObject>
#include <QStringList>
#include <QThreadPool>
#include <QTimer>
#include <QUrl>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

#include <chrono>
#include <memory>

namespace pt::gui {

class VaultController;

class IntakeController : public QObject {
    Q_OBJECT
    QML_ELEMENT
    Q_MOC_INCLUDE("VaultController.h")
    Q_PROPERTY(VaultController* controller READ controller WRITE setController NOTIFY controllerChanged)

    Q_PROPERTY(Step step READ step NOTIFY stepChanged)
    Q_PROPERTY(Activity activity READ activity NOTIFY activityChanged)
    // 0..1 while reading, searching or importing; negative when how far is not known yet.
    Q_PROPERTY(double progress READ progress NOTIFY progressChanged)
    Q_PROPERTY(QString progressText READ progressText NOTIFY progressChanged)
    Q_PROPERTY(bool cancelling READ cancelling NOTIFY progressChanged)

    Q_PROPERTY(pt::gui::MailPickModel* emails READ emails CONSTANT)
    Q_PROPERTY(pt::gui::ImagePickModel* images READ images CONSTANT)
    // Files that are not evidence this screen brings in, one sentence each.
    Q_PROPERTY(QStringList others READ others NOTIFY listChanged)
    // What reading the files found about them as a whole (an mbox's damage, a folder's cap).
    Q_PROPERTY(QStringList notes READ notes NOTIFY listChanged)
    // What Import brings in: the ticked emails the filters show, and the ticked pictures.
    Q_PROPERTY(int chosenCount READ chosenCount NOTIFY chosenCountChanged)

    Q_PROPERTY(QString errorMessage READ errorMessage NOTIFY messageChanged)
    Q_PROPERTY(QString statusMessage READ statusMessage NOTIFY messageChanged)

    // The last import.
    Q_PROPERTY(int resultImported READ resultImported NOTIFY resultChanged)
    Q_PROPERTY(int resultDuplicates READ resultDuplicates NOTIFY resultChanged)
    // What could not be imported: each {name, reason} (the first 200; resultFailed counts all).
    Q_PROPERTY(QVariantList resultProblems READ resultProblems NOTIFY resultChanged)
    Q_PROPERTY(int resultFailed READ resultFailed NOTIFY resultChanged)
    // Cancelled part way (what was imported before stays).
    Q_PROPERTY(bool resultCancelled READ resultCancelled NOTIFY resultChanged)
    // Why the import stopped before the end, when something other than Cancel stopped it.
    Q_PROPERTY(QString resultStopped READ resultStopped NOTIFY resultChanged)
    // New pictures that carry the place they were taken.
    Q_PROPERTY(int resultWithLocation READ resultWithLocation NOTIFY resultChanged)
    // Other things worth knowing: a copy of a message already kept, text that could not be read.
    Q_PROPERTY(QStringList resultNotes READ resultNotes NOTIFY resultChanged)
    Q_PROPERTY(QString resultFirstId READ resultFirstId NOTIFY resultChanged)
    Q_PROPERTY(QString resultSummary READ resultSummary NOTIFY resultChanged)

public:
    enum class Step { Empty, Choosing, Finished };
    Q_ENUM(Step)
    enum class Activity { Idle, Reading, SearchingBodies, Importing };
    Q_ENUM(Activity)

    // Pictures listed with a preview at most (about 100 KiB each in memory); others get a note.
    static constexpr int MaxPreviews = 500;

    explicit IntakeController(QObject* parent = nullptr);
    ~IntakeController() override;

    [[nodiscard]] VaultController* controller() const { return m_controller; }
    void setController(VaultController* controller);

    [[nodiscard]] Step step() const { return m_step; }
    [[nodiscard]] Activity activity() const { return m_activity; }
    [[nodiscard]] double progress() const { return m_progress; }
    [[nodiscard]] QString progressText() const { return m_progressText; }
    [[nodiscard]] bool cancelling() const;
    [[nodiscard]] MailPickModel* emails() { return &m_emails; }
    [[nodiscard]] ImagePickModel* images() { return &m_images; }
    [[nodiscard]] QStringList others() const { return m_others; }
    [[nodiscard]] QStringList notes() const { return m_notes; }
    [[nodiscard]] int chosenCount() const { return m_emails.chosen() + m_images.chosen(); }
    [[nodiscard]] QString errorMessage() const { return m_error; }
    [[nodiscard]] QString statusMessage() const { return m_status; }

    [[nodiscard]] int resultImported() const { return m_result.imported; }
    [[nodiscard]] int resultDuplicates() const { return m_result.duplicates; }
    [[nodiscard]] QVariantList resultProblems() const { return m_result.problems; }
    [[nodiscard]] int resultFailed() const { return m_result.failed; }
    [[nodiscard]] bool resultCancelled() const { return m_result.cancelled; }
    [[nodiscard]] QString resultStopped() const { return m_result.stopped; }
    [[nodiscard]] int resultWithLocation() const { return m_result.withLocation; }
    [[nodiscard]] QStringList resultNotes() const { return m_result.notes; }
    [[nodiscard]] QString resultFirstId() const { return m_result.firstId; }
    [[nodiscard]] QString resultSummary() const;
    // The new entries (first the emails, then the pictures, each in the order imported).
    [[nodiscard]] QStringList resultEntryIds() const { return m_result.entryIds; }

    // Files and folders dropped or picked (file: URLs; others are refused in a sentence). Read
    // at once, or after the reading under way.
    Q_INVOKABLE void addUrls(const QList<QUrl>& urls);
    Q_INVOKABLE void addPaths(const QStringList& paths);
    // The images on the clipboard (a copied file, or an image's bytes). False, with a message,
    // when there is none.
    Q_INVOKABLE bool pasteFromClipboard();
    // Stops the reading, the search of the bodies or the import under way.
    Q_INVOKABLE void cancel();
    // Imports what is chosen. False (with a message) when nothing is, or a job is under way.
    Q_INVOKABLE bool startImport();
    // Back to the pick list after a result (the imported ones marked as in the journal).
    Q_INVOKABLE void backToList();
    // Empties the list, for other files.
    Q_INVOKABLE void startOver();
    // Narrows the timeline to the days and kinds of the entries the last import made.
    Q_INVOKABLE void showResultOnTimeline();
    Q_INVOKABLE void clearMessages();

    // Tests: a pause after each imported entry and each search step, so Cancel can be pressed
    // part way through a small import.
    void setStepDelayForTesting(std::chrono::milliseconds delay) { m_stepDelay = delay; }
    // Tests and the screenshot tour: the limits the emails are read with.
    void setMailLimits(const core::intake::MailLimits& limits) { m_limits = limits; }

signals:
    void controllerChanged();
    void stepChanged();
    void activityChanged();
    void progressChanged();
    void listChanged();
    void chosenCountChanged();
    void messageChanged();
    void resultChanged();

private:
    struct ReadJob;
    struct BodyJob;
    struct ImportJob;
    // Where the emails of the list came from: an mbox file, or a set of .eml files.
    struct MailSource {
        QString path; // the mbox; empty for .eml files (each summary names its own)
        bool mbox = false;
        QDateTime fileTime;
    };
    struct ImportResult {
        int imported = 0;
        int importedMails = 0;
        int duplicates = 0;
        QVariantList problems;
        int failed = 0;
        bool cancelled = false;
        QString stopped;
        int withLocation = 0;
        QStringList notes;
        QString firstId;
        QStringList entryIds;
        QStringList kinds;
        QDate firstDay, lastDay;
    };

    void setStep(Step step);
    void setActivity(Activity activity);
    void setProgress(double progress, const QString& text);
    void setError(const QString& message);
    void setStatus(const QString& message);

    void startReading();
    void readFinished(const std::shared_ptr<ReadJob>& job);
    void startBodySearch();
    void bodySearchFinished(const std::shared_ptr<BodyJob>& job);
    void tryStartImport();
    void importFinished(const std::shared_ptr<ImportJob>& job);
    void showProgress();
    // The hashes of the pictures the journal holds (as ImageImporter tells duplicates).
    [[nodiscard]] QSet<QString> imagesInJournal() const;
    [[nodiscard]] QSet<QString> listedPaths() const;
    void onLocked();
    // Empties the list and the result (a search of the bodies is stopped).
    void clearList();

    VaultController* m_controller = nullptr;
    Step m_step = Step::Empty;
    Activity m_activity = Activity::Idle;
    double m_progress = -1;
    QString m_progressText;
    QString m_error;
    QString m_status;

    MailPickModel m_emails;
    ImagePickModel m_images;
    QList<MailSource> m_sources;
    QStringList m_others;
    QStringList m_notes;
    QStringList m_pendingPaths;          // dropped while a job ran: read after it
    QList<ImagePickModel::Row> m_pendingPasted;
    core::intake::MailLimits m_limits;

    QThreadPool m_pool; // reading and searching the bodies, one at a time
    std::shared_ptr<ReadJob> m_read;
    std::shared_ptr<BodyJob> m_body;
    std::shared_ptr<ImportJob> m_import;
    QTimer m_progressTimer;
    QTimer m_startTimer; // retries the import's start while a sync holds the vault's worker
    ImportResult m_result;
    std::chrono::milliseconds m_stepDelay{0};
};

} // namespace pt::gui
