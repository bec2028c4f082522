#include "IntakeController.h"

#include "IntakeFiles.h"
#include "PastedImage.h"
#include "VaultController.h"
#include "intake/EmailImporter.h"
#include "intake/ImageEntry.h"
#include "intake/ImageImporter.h"
#include "intake/ImageLimits.h"
#include "intake/SafeImage.h"
#include "intake/TextRecognizer.h"
#include "vault/JournalDb.h"
#include "vault/VaultKeys.h"

#include <QClipboard>
#include <QFile>
#include <QFileInfo>
#include <QGuiApplication>
#include <QLocale>
#include <QPointer>
#include <QSet>
#include <QThread>
#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <atomic>
#include <mutex>
#include <optional>
#include <utility>

namespace pt::gui {

using namespace pt::core;
using namespace pt::core::intake;

namespace {

// A preview fits in this box: sharp at the list's size on a 3x phone screen, ~100 KiB in memory.
constexpr int PreviewBox = 400;
// Notes about single files or messages shown with a result, at most, and the same for what
// could not be imported (the count says how many there were).
constexpr int MaxResultNotes = 50;
constexpr int MaxResultProblems = 200;

bool sameHash(const QString& a, const QString& b) { return a.compare(b, Qt::CaseInsensitive) == 0; }

QString fileName(const QString& path) { return QFileInfo(path).fileName(); }

QString cameraOf(const ImageMetadata& m)
{
    if (m.cameraModel.isEmpty())
        return m.cameraMake;
    if (m.cameraMake.isEmpty() || m.cameraModel.startsWith(m.cameraMake, Qt::CaseInsensitive))
        return m.cameraModel;
    return m.cameraMake + QLatin1Char(' ') + m.cameraModel;
}

QString placeOf(const ImageMetadata& m)
{
    if (!m.location)
        return {};
    return QStringLiteral("%1, %2").arg(m.location->latitude, 0, 'f', 5).arg(m.location->longitude, 0, 'f', 5);
}

// What is known of a picture without writing anything: its hash, kind, suggested time, EXIF,
// and its preview (while `previews` lasts).
void lookAt(ImagePickModel::Row& row, const QByteArray& bytes, int& previews)
{
    row.size = bytes.size();
    row.sha256 = hexSha256(bytes);
    auto inspected = ImageImporter::inspect({bytes, row.name, row.fileTime, {}, {}});
    if (!inspected) {
        row.problem = inspected.error().message;
        return;
    }
    row.kind = inspected->kind;
    row.suggested = inspected->suggested;
    row.notes = inspected->notes;
    row.camera = cameraOf(inspected->metadata);
    row.hasLocation = inspected->hasLocation;
    row.location = placeOf(inspected->metadata);
    if (previews <= 0) {
        if (auto probe = probeImage(bytes, row.name))
            row.shownSize = probe->shownSize;
        row.previewNote = IntakeController::tr("No preview: more than %1 pictures are listed at once.")
                              .arg(IntakeController::MaxPreviews);
        return;
    }
    auto preview = decodePreview(bytes, row.name, QSize(PreviewBox, PreviewBox));
    if (!preview) {
        row.problem = preview.error().message; // what cannot be shown cannot be imported either
        return;
    }
    --previews;
    row.preview = preview->image;
    row.shownSize = preview->shownSize;
    if (preview->partial)
        row.notes.append(preview->note);
}

QString tooLargePicture(const QString& name, qint64 size)
{
    return IntakeController::tr("%1 is too large to be a screenshot or photo Paper Trail keeps (%2 MiB; up to %3 MiB). "
                                "Save a smaller copy and bring that in, or attach it to a note.")
        .arg(name)
        .arg(double(size) / double(MiB), 0, 'f', 1)
        .arg(MaxImageFileBytes / MiB);
}

} // namespace

// --- The jobs ----------------------------------------------------------------------------------

// Reading what was dropped, on this controller's worker. The interface's thread reads the atomics
// and `current` while it runs, and the rest once it has finished.
struct IntakeController::ReadJob {
    QStringList paths;
    QList<ImagePickModel::Row> pasted; // bytes to look at
    QSet<QString> listed;              // files already in the list
    int previews = 0;
    MailLimits limits;
    std::atomic<bool> cancel{false};
    std::atomic<qint64> done{0};
    std::atomic<qint64> total{-1};
    mutable std::mutex mutex;
    QString current; // the file being read (under mutex)

    struct Mbox {
        QString path;
        QDateTime fileTime;
        MailScan scan;
    };
    intake::SortedFiles sorted;
    QList<Mbox> mboxes;
    QStringList emlPaths;
    MailScan emails;
    QList<ImagePickModel::Row> images;
    QStringList notes;
    bool cancelled = false;

    void setCurrent(const QString& name)
    {
        const std::lock_guard lock(mutex);
        current = name;
    }
    QString currentName() const
    {
        const std::lock_guard lock(mutex);
        return current;
    }
    void run();
};

void IntakeController::ReadJob::run()
{
    sorted = intake::sortFiles(paths, cancel);
    notes += sorted.notes;
    const auto fresh = [&](QStringList list) {
        list.removeIf([&](const QString& p) { return listed.contains(p); });
        return list;
    };
    const QStringList mboxPaths = fresh(sorted.mboxes);
    emlPaths = fresh(sorted.emails);
    const QStringList imagePaths = fresh(sorted.images);

    qint64 sum = 0;
    for (const QStringList* list : {&mboxPaths, const_cast<const QStringList*>(&emlPaths), &imagePaths})
        for (const QString& p : *list)
            sum += std::max<qint64>(0, QFileInfo(p).size());
    for (const ImagePickModel::Row& row : std::as_const(pasted))
        sum += row.bytes.size();
    total = sum;
    qint64 base = 0;
    const auto progress = [&](qint64 d, qint64) {
        done = base + d;
        return !cancel.load();
    };

    for (const QString& path : mboxPaths) {
        if (cancel)
            break;
        setCurrent(fileName(path));
        QFile file(path);
        const qint64 size = file.size();
        if (!file.open(QIODevice::ReadOnly)) {
            notes << IntakeController::tr("%1 could not be read (%2): nothing was listed from it.").arg(fileName(path), file.errorString());
            base += size;
            continue;
        }
        auto scan = scanMbox(file, limits, progress);
        base += size;
        if (cancel)
            break;
        if (!scan) {
            notes << IntakeController::tr("%1: %2").arg(fileName(path), scan.error().message);
            continue;
        }
        for (const QString& note : std::as_const(scan->notes))
            notes << IntakeController::tr("%1: %2").arg(fileName(path), note);
        mboxes.append({path, QFileInfo(path).lastModified(), std::move(*scan)});
    }

    if (!cancel && !emlPaths.isEmpty()) {
        setCurrent(emlPaths.size() == 1 ? fileName(emlPaths.first()) : IntakeController::tr("%n emails", nullptr, int(emlPaths.size())));
        auto scan = scanEmlFiles(emlPaths, limits, progress);
        if (scan)
            emails = std::move(*scan);
        else if (!cancel)
            notes << scan.error().message;
        for (const QString& p : emlPaths)
            base += std::max<qint64>(0, QFileInfo(p).size());
    }

    for (const QString& path : imagePaths) {
        if (cancel)
            break;
        setCurrent(fileName(path));
        ImagePickModel::Row row;
        row.path = path;
        row.name = fileName(path);
        const QFileInfo info(path);
        row.fileTime = info.lastModified();
        row.size = info.size();
        QFile file(path);
        if (info.size() > MaxImageFileBytes) {
            row.problem = tooLargePicture(row.name, info.size());
        } else if (!file.open(QIODevice::ReadOnly)) {
            row.problem = IntakeController::tr("%1 could not be read (%2).").arg(row.name, file.errorString());
        } else {
            lookAt(row, file.read(MaxImageFileBytes + 1), previews);
        }
        base += std::max<qint64>(0, info.size());
        done = base;
        images.append(std::move(row));
    }

    for (ImagePickModel::Row& row : pasted) {
        if (cancel)
            break;
        setCurrent(row.name);
        const QByteArray bytes = row.bytes;
        lookAt(row, bytes, previews);
        base += bytes.size();
        done = base;
        images.append(std::move(row));
    }
    cancelled = cancel;
}

// Looking for words in the bodies of the rows that passed the header filters.
struct IntakeController::BodyJob {
    struct Group {
        int group = 0;
        QString mbox; // empty for .eml files
        QList<MailSummary> candidates;
    };
    quint32 generation = 0;
    QStringList words;
    MailLimits limits;
    QList<Group> groups;
    int candidates = 0;
    std::chrono::milliseconds delay{0};
    std::atomic<bool> cancel{false};
    bool restart = false; // cancelled because the words changed (interface thread only)
    std::atomic<int> groupsDone{0};
    std::atomic<qint64> done{0};
    std::atomic<qint64> total{0};

    QList<QPair<int, qint64>> checked;
    QList<QPair<int, qint64>> matched;
    QString error;
    bool cancelled = false;

    void run();
};

void IntakeController::BodyJob::run()
{
    const auto progress = [&](qint64 d, qint64 t) {
        done = d;
        total = t;
        if (delay.count() > 0)
            QThread::msleep(std::uint64_t(delay.count()));
        return !cancel.load();
    };
    for (const Group& g : std::as_const(groups)) {
        if (cancel)
            break;
        done = 0;
        total = 0;
        Result<QList<qint64>> found = QList<qint64>();
        if (!g.mbox.isEmpty()) {
            QFile file(g.mbox);
            if (!file.open(QIODevice::ReadOnly)) {
                error = IntakeController::tr("%1 could not be read again (%2). Bring it in again.").arg(fileName(g.mbox), file.errorString());
                break;
            }
            found = matchBodies(g.candidates, words, &file, limits, progress);
        } else {
            found = matchBodies(g.candidates, words, nullptr, limits, progress);
        }
        if (cancel)
            break;
        if (!found) {
            error = found.error().message;
            break;
        }
        for (const MailSummary& c : g.candidates)
            checked.append({g.group, c.index});
        for (const qint64 index : *found)
            matched.append({g.group, index});
        ++groupsDone;
    }
    cancelled = cancel;
}

// The import, on the vault's worker.
struct IntakeController::ImportJob {
    struct Mail {
        int group = 0;
        qint64 index = 0;
        QString path; // the mbox, or the .eml file
        bool mbox = false;
        qint64 offset = 0;
        qint64 length = 0;
        QString sha256;
        QString label;
        QDateTime fileTime;
    };
    struct Picture {
        QString path;
        QByteArray bytes; // pasted
        QString name;
        QDateTime fileTime;
        QDateTime occurredAt; // the person's own; null: the suggestion
        QString sha256;
        QString kind;
    };
    QList<Mail> mails;
    QList<Picture> pictures;
    MailLimits limits;
    std::chrono::milliseconds delay{0};
    bool queued = false; // handed to the worker (interface thread only)

    std::atomic<bool> cancel{false};
    std::atomic<bool> running{false};
    std::atomic<int> mailsDone{0};
    std::atomic<int> picturesDone{0};
    std::atomic<int> percent{0}; // of the picture being read

    // Read by the interface's thread once it has finished.
    int imported = 0;
    int importedMails = 0;
    int duplicates = 0;
    QVariantList problems;
    int failed = 0;
    QStringList notes;
    int moreNotes = 0;
    QStringList entryIds;
    QSet<QString> kinds;
    QDate firstDay, lastDay;
    QList<QPair<int, qint64>> heldMails;
    QStringList heldPictures;
    int withLocation = 0;
    bool wrote = false;
    bool cancelled = false;
    QString stopped;

    void problem(const QString& name, const QString& reason)
    {
        if (++failed > MaxResultProblems)
            return;
        problems.append(QVariantMap{{QStringLiteral("name"), name}, {QStringLiteral("reason"), reason}});
    }
    void note(const QString& name, const QString& text)
    {
        if (notes.size() >= MaxResultNotes) {
            ++moreNotes;
            return;
        }
        notes << IntakeController::tr("%1: %2").arg(name, text);
    }
    void added(const Journal& journal, const QString& id)
    {
        wrote = true;
        entryIds << id;
        if (auto entry = journal.entry(id)) {
            kinds.insert(entry->latest.kind);
            const QDate day = entry->latest.occurredAt.toLocalTime().date();
            if (!firstDay.isValid() || day < firstDay)
                firstDay = day;
            if (!lastDay.isValid() || day > lastDay)
                lastDay = day;
        }
    }
    void pause() const
    {
        if (delay.count() > 0)
            QThread::msleep(std::uint64_t(delay.count()));
    }
    void run(Vault::Store store, const QString& dbPath, const std::atomic<bool>& stop);
    void importMails(Journal& journal, const std::function<bool()>& stopping);
    void importPictures(Journal& journal, const std::function<bool()>& stopping);
};

void IntakeController::ImportJob::run(Vault::Store store, const QString& dbPath, const std::atomic<bool>& stop)
{
    // This thread's own connection and journal: a QSqlDatabase belongs to the thread that opened
    // it. The app's journal is reloaded once this has finished.
    auto db = JournalDb::open(dbPath);
    if (!db) {
        stopped = db.error().message;
        return;
    }
    Journal journal(**db, store.attachments, store.keys, store.device, [] { return QDateTime::currentDateTimeUtc(); });
    if (Status loaded = journal.load(); !loaded) {
        stopped = loaded.error().message;
        return;
    }
    running = true;
    const auto stopping = [&] { return stop.load() || cancel.load(); };
    importMails(journal, stopping);
    if (stopped.isEmpty() && !stopping())
        importPictures(journal, stopping);
    cancelled = stopping() && stopped.isEmpty();
}

void IntakeController::ImportJob::importMails(Journal& journal, const std::function<bool()>& stopping)
{
    if (mails.isEmpty())
        return;
    // The importer saves messages in batches (one flush of the disk for many): a message counts
    // as imported once its batch is saved.
    struct Unsaved {
        QString entryId;
        QPair<int, qint64> key;
        QString label;
        QStringList notes;
    };
    QList<Unsaved> unsaved;
    const auto saved = [&](qsizetype count) {
        for (qsizetype i = 0; i < count && !unsaved.isEmpty(); ++i) {
            const Unsaved u = unsaved.takeFirst();
            ++imported;
            ++importedMails;
            added(journal, u.entryId);
            heldMails.append(u.key);
            for (const QString& n : u.notes)
                note(u.label, n);
        }
    };
    const auto lost = [&](const QString& why) {
        for (const Unsaved& u : std::as_const(unsaved))
            problem(u.label, IntakeController::tr("It was not saved: %1").arg(why));
        unsaved.clear();
    };

    EmailImporter importer(journal, limits);
    QFile mbox;
    QSet<QString> changed; // mbox files that no longer hold what was listed
    for (const Mail& mail : std::as_const(mails)) {
        if (stopping())
            break;
        QByteArray bytes;
        if (mail.mbox) {
            if (changed.contains(mail.path)) {
                ++mailsDone;
                continue;
            }
            if (mbox.fileName() != mail.path || !mbox.isOpen()) {
                mbox.close();
                mbox.setFileName(mail.path);
                if (!mbox.open(QIODevice::ReadOnly)) {
                    problem(fileName(mail.path), IntakeController::tr("It could not be read again (%1): nothing more was imported "
                                                                      "from it.").arg(mbox.errorString()));
                    changed.insert(mail.path);
                    ++mailsDone;
                    continue;
                }
            }
            if (mbox.seek(mail.offset))
                bytes = mbox.read(mail.length);
        } else {
            QFile file(mail.path);
            if (file.open(QIODevice::ReadOnly))
                bytes = file.read(limits.maxMessageBytes + 1);
        }
        if (bytes.size() != mail.length || !sameHash(hexSha256(bytes), mail.sha256)) {
            if (mail.mbox) {
                changed.insert(mail.path);
                problem(fileName(mail.path), IntakeController::tr("It changed since it was listed, so nothing more was imported "
                                                                  "from it. Bring it in again (what was imported stays, and is not "
                                                                  "imported twice)."));
            } else {
                problem(mail.label, IntakeController::tr("%1 changed or went away since it was listed. Bring it in again.")
                                        .arg(fileName(mail.path)));
            }
            ++mailsDone;
            continue;
        }
        const int unsavedBefore = importer.unsaved();
        auto outcome = importer.import(bytes, mail.fileTime);
        bytes.fill('\0');
        ++mailsDone;
        if (!outcome) {
            if (importer.unsaved() < unsavedBefore) // the batch it was in went with it
                lost(outcome.error().message);
            problem(mail.label, outcome.error().message);
            // The scan read it as an email, so this is the journal refusing the write (a full
            // disk): what was saved stays, and nothing more is tried.
            if (outcome.error().code == ErrorCode::Failed) {
                stopped = outcome.error().message;
                break;
            }
            continue;
        }
        if (outcome->imported) {
            unsaved.append({outcome->entryId, {mail.group, mail.index}, mail.label, outcome->notes});
        } else {
            ++duplicates;
            heldMails.append({mail.group, mail.index});
        }
        saved(unsaved.size() - importer.unsaved()); // what the importer saved by itself
        pause();
    }
    // Cancelled or done: what was imported is saved, whole.
    if (Status s = importer.save(); !s) {
        lost(s.error().message);
        if (stopped.isEmpty())
            stopped = s.error().message;
    } else {
        saved(unsaved.size());
    }
}

void IntakeController::ImportJob::importPictures(Journal& journal, const std::function<bool()>& stopping)
{
    if (pictures.isEmpty())
        return;
    // One recognizer for the job's thread (loading the model takes some 60 ms).
    auto recognizer = TextRecognizer::create();
    if (!recognizer)
        notes << recognizer.error().message + QLatin1Char(' ') +
                     IntakeController::tr("The pictures were imported without their text, so their words cannot be searched.");
    ImageImporter importer(journal, recognizer ? &*recognizer : nullptr);
    for (const Picture& picture : std::as_const(pictures)) {
        if (stopping())
            return;
        percent = 0;
        QByteArray bytes = picture.bytes;
        if (bytes.isEmpty()) {
            QFile file(picture.path);
            if (file.open(QIODevice::ReadOnly))
                bytes = file.read(MaxImageFileBytes + 1);
        }
        if (!sameHash(hexSha256(bytes), picture.sha256)) {
            problem(picture.name, IntakeController::tr("It changed or went away since it was listed. Bring it in again."));
            ++picturesDone;
            continue;
        }
        auto outcome = importer.import({bytes, picture.name, picture.fileTime, picture.occurredAt, {}},
                                       [&](int p) {
                                           percent = p;
                                           return !stopping();
                                       });
        if (!outcome) {
            if (stopping())
                return; // cancelled while its text was read: nothing of it was written
            problem(picture.name, outcome.error().message);
            if (outcome.error().code == ErrorCode::Failed) {
                stopped = outcome.error().message;
                return;
            }
            ++picturesDone;
            continue;
        }
        heldPictures << picture.sha256;
        if (outcome->imported) {
            ++imported;
            added(journal, outcome->entryId);
            withLocation += outcome->hasLocation ? 1 : 0;
            for (const QString& n : std::as_const(outcome->notes))
                note(picture.name, n);
        } else {
            ++duplicates;
        }
        ++picturesDone;
        pause();
    }
}

// --- The controller ----------------------------------------------------------------------------

IntakeController::IntakeController(QObject* parent) : QObject(parent)
{
    m_pool.setMaxThreadCount(1);
    m_progressTimer.setInterval(150);
    connect(&m_progressTimer, &QTimer::timeout, this, &IntakeController::showProgress);
    m_startTimer.setInterval(250);
    m_startTimer.setSingleShot(true);
    connect(&m_startTimer, &QTimer::timeout, this, &IntakeController::tryStartImport);
    connect(&m_emails, &MailPickModel::countsChanged, this, &IntakeController::chosenCountChanged);
    connect(&m_images, &ImagePickModel::countsChanged, this, &IntakeController::chosenCountChanged);
    // New body words, or header filters that let more messages through: their bodies are read.
    connect(&m_emails, &MailPickModel::bodyWordsChanged, this, &IntakeController::startBodySearch);
    connect(&m_emails, &MailPickModel::filterChanged, this, [this] {
        if (m_emails.bodyPending() > 0)
            startBodySearch();
    });
}

IntakeController::~IntakeController()
{
    // The reading and the search stop at their next step and are waited for (they use this
    // controller's pool); an import stops between entries, and its completion (which reloads
    // the app's journal) no longer finds this controller.
    if (m_read)
        m_read->cancel = true;
    if (m_body)
        m_body->cancel = true;
    if (m_import)
        m_import->cancel = true;
    m_pool.waitForDone();
}

void IntakeController::setController(VaultController* controller)
{
    if (controller == m_controller)
        return;
    if (m_controller)
        disconnect(m_controller, nullptr, this, nullptr);
    m_controller = controller;
    if (m_controller)
        connect(m_controller, &VaultController::locked, this, &IntakeController::onLocked);
    emit controllerChanged();
}

void IntakeController::onLocked()
{
    // What was listed is for the unlocked app only. A reading under way ends with nothing added
    // (there is no vault to compare with); an import has ended before the lock.
    if (m_read)
        m_read->cancel = true;
    m_pendingPaths.clear();
    m_pendingPasted.clear();
    clearList();
}

bool IntakeController::cancelling() const
{
    return (m_read && m_read->cancel) || (m_body && m_body->cancel && !m_body->restart) || (m_import && m_import->cancel);
}

void IntakeController::setStep(Step step)
{
    if (step == m_step)
        return;
    m_step = step;
    emit stepChanged();
}

void IntakeController::setActivity(Activity activity)
{
    if (activity == m_activity)
        return;
    m_activity = activity;
    if (activity == Activity::Idle)
        m_progressTimer.stop();
    else
        m_progressTimer.start();
    emit activityChanged();
}

void IntakeController::setProgress(double progress, const QString& text)
{
    m_progress = progress;
    m_progressText = text;
    emit progressChanged();
}

void IntakeController::setError(const QString& message)
{
    m_error = message;
    m_status.clear();
    emit messageChanged();
}

void IntakeController::setStatus(const QString& message)
{
    m_status = message;
    m_error.clear();
    emit messageChanged();
}

void IntakeController::clearMessages()
{
    m_error.clear();
    m_status.clear();
    emit messageChanged();
}

// --- Reading -----------------------------------------------------------------------------------

void IntakeController::addUrls(const QList<QUrl>& urls)
{
    QStringList refused;
    const QStringList paths = intake::localPaths(urls, &refused);
    if (!refused.isEmpty())
        m_notes << tr("%1 is not a file on this device: Paper Trail fetches nothing from the network. Save it first, "
                      "then bring in the saved file.").arg(refused.join(QStringLiteral(", ")));
    if (!refused.isEmpty())
        emit listChanged();
    addPaths(paths);
}

void IntakeController::addPaths(const QStringList& paths)
{
    if (paths.isEmpty())
        return;
    m_pendingPaths += paths;
    startReading();
}

bool IntakeController::pasteFromClipboard()
{
    auto pasted = pastedImages(QGuiApplication::clipboard()->mimeData(), QDateTime::currentDateTime());
    if (!pasted) {
        setError(pasted.error().message);
        return false;
    }
    QStringList files;
    for (const PastedImage& image : *pasted) {
        if (image.source == PastedImage::Source::File) {
            files << image.path;
            continue;
        }
        ImagePickModel::Row row;
        row.name = image.name;
        row.bytes = image.bytes;
        m_pendingPasted.append(std::move(row));
    }
    m_pendingPaths += files;
    startReading();
    return true;
}

QSet<QString> IntakeController::listedPaths() const
{
    QSet<QString> paths = m_emails.emlFiles();
    for (const MailSource& s : m_sources)
        if (s.mbox)
            paths.insert(s.path);
    for (const ImagePickModel::Row& r : m_images.rows())
        if (!r.path.isEmpty())
            paths.insert(r.path);
    return paths;
}

void IntakeController::startReading()
{
    if (m_activity != Activity::Idle || (m_pendingPaths.isEmpty() && m_pendingPasted.isEmpty()))
        return; // read when what runs now has finished
    if (m_step == Step::Finished)
        backToList();
    clearMessages();
    auto job = std::make_shared<ReadJob>();
    job->paths = std::exchange(m_pendingPaths, {});
    job->pasted = std::exchange(m_pendingPasted, {});
    job->listed = listedPaths();
    job->limits = m_limits;
    job->previews = std::max(0, MaxPreviews - int(std::count_if(m_images.rows().cbegin(), m_images.rows().cend(),
                                                                [](const ImagePickModel::Row& r) { return !r.preview.isNull(); })));
    m_read = job;
    setActivity(Activity::Reading);
    setProgress(-1, tr("Looking at what you brought in\u2026"));
    auto* watcher = new QFutureWatcher<void>(this);
    connect(watcher, &QFutureWatcher<void>::finished, this, [this, watcher, job] {
        watcher->deleteLater();
        readFinished(job);
    });
    watcher->setFuture(QtConcurrent::run(&m_pool, [job] { job->run(); }));
}

void IntakeController::readFinished(const std::shared_ptr<ReadJob>& job)
{
    if (job != m_read)
        return;
    m_read.reset();
    setActivity(Activity::Idle);
    setProgress(-1, {});
    if (job->cancelled) {
        m_pendingPaths.clear();
        m_pendingPasted.clear();
        setStatus(tr("Cancelled: nothing was added to the list."));
        if (m_emails.total() == 0 && m_images.rowCount() == 0 && m_others.isEmpty())
            setStep(Step::Empty);
        return;
    }
    Vault* vault = m_controller ? m_controller->vault() : nullptr;
    if (!vault) {
        setStep(Step::Empty);
        return;
    }

    // Emails: which the journal holds already, by the hash of their bytes.
    EmailImporter inJournal(vault->journal(), m_limits);
    QList<MailPickModel::Row> rows;
    const auto addRows = [&](int group, QList<MailSummary>& summaries) {
        for (MailSummary& s : summaries) {
            MailPickModel::Row row;
            row.held = !s.sha256.isEmpty() && inJournal.contains(s.sha256);
            row.summary = std::move(s);
            row.group = group;
            rows.append(std::move(row));
        }
    };
    for (ReadJob::Mbox& mbox : job->mboxes) {
        m_sources.append({mbox.path, true, mbox.fileTime});
        addRows(int(m_sources.size()) - 1, mbox.scan.messages);
    }
    if (!job->emails.messages.isEmpty()) {
        m_sources.append({QString(), false, {}});
        addRows(int(m_sources.size()) - 1, job->emails.messages);
    }
    if (!rows.isEmpty())
        m_emails.append(std::move(rows));

    const QSet<QString> held = imagesInJournal();
    for (ImagePickModel::Row& r : job->images)
        r.held = !r.sha256.isEmpty() && held.contains(r.sha256);
    m_images.append(std::move(job->images));

    for (const QString& other : std::as_const(job->sorted.others))
        m_others << tr("%1 is not an email, screenshot or photo, so it is not brought in here. To keep it, attach it to a "
                       "note (drop it on the note's editor).").arg(fileName(other));
    m_notes += job->notes;
    emit listChanged();
    emit chosenCountChanged();

    const bool listed = m_emails.total() > 0 || m_images.rowCount() > 0 || !m_others.isEmpty() || !m_notes.isEmpty();
    setStep(listed ? Step::Choosing : Step::Empty);
    if (!m_pendingPaths.isEmpty() || !m_pendingPasted.isEmpty())
        startReading();
    else if (m_emails.bodyPending() > 0)
        startBodySearch();
}

QSet<QString> IntakeController::imagesInJournal() const
{
    QSet<QString> hashes;
    Vault* vault = m_controller ? m_controller->vault() : nullptr;
    if (!vault)
        return hashes;
    for (const Entry& entry : vault->journal().entries(true))
        if (entry.latest.kind == QLatin1String(ScreenshotKind) || entry.latest.kind == QLatin1String(PhotoKind))
            for (const AttachmentRef& a : entry.latest.attachments)
                hashes.insert(a.sha256.toLower());
    return hashes;
}

// --- Words in the bodies -----------------------------------------------------------------------

void IntakeController::startBodySearch()
{
    if (m_body) {
        // A search for other words (or fewer messages) is under way: it stops, and this starts
        // again once it has.
        if (m_body->generation != m_emails.bodyGeneration()) {
            m_body->restart = true;
            m_body->cancel = true;
        }
        return;
    }
    if (m_activity != Activity::Idle)
        return; // after the reading or the import
    const QList<const MailPickModel::Row*> candidates = m_emails.bodyCandidates();
    if (candidates.isEmpty())
        return;
    auto job = std::make_shared<BodyJob>();
    job->generation = m_emails.bodyGeneration();
    job->words = m_emails.bodyWordList();
    job->limits = m_limits;
    job->delay = m_stepDelay;
    QHash<int, qsizetype> groupAt;
    for (const MailPickModel::Row* row : candidates) {
        auto it = groupAt.find(row->group);
        if (it == groupAt.end()) {
            const MailSource& source = m_sources.at(row->group);
            it = groupAt.insert(row->group, job->groups.size());
            job->groups.append({row->group, source.mbox ? source.path : QString(), {}});
        }
        // What matchBodies reads of a summary: where the message is and its hash.
        MailSummary s;
        s.index = row->summary.index;
        s.source = row->summary.source;
        s.offset = row->summary.offset;
        s.length = row->summary.length;
        s.sha256 = row->summary.sha256;
        s.problem = row->summary.problem;
        job->groups[*it].candidates.append(std::move(s));
    }
    job->candidates = int(candidates.size());
    m_body = job;
    setActivity(Activity::SearchingBodies);
    setProgress(-1, tr("Looking for the words in %n messages\u2026", nullptr, job->candidates));
    auto* watcher = new QFutureWatcher<void>(this);
    connect(watcher, &QFutureWatcher<void>::finished, this, [this, watcher, job] {
        watcher->deleteLater();
        bodySearchFinished(job);
    });
    watcher->setFuture(QtConcurrent::run(&m_pool, [job] { job->run(); }));
}

void IntakeController::bodySearchFinished(const std::shared_ptr<BodyJob>& job)
{
    if (job != m_body)
        return;
    m_body.reset();
    setActivity(Activity::Idle);
    setProgress(-1, {});
    if (job->restart) {
        startBodySearch();
    } else if (job->cancelled) {
        m_emails.dropBodyWords();
        setStatus(tr("Stopped looking in the bodies: the body words filter is off."));
    } else if (!job->error.isEmpty()) {
        m_emails.dropBodyWords();
        setError(job->error);
    } else {
        m_emails.setBodyMatches(job->generation, job->checked, job->matched);
        if (m_emails.bodyPending() > 0)
            startBodySearch();
    }
    if (!m_pendingPaths.isEmpty() || !m_pendingPasted.isEmpty())
        startReading();
}

// --- Import ------------------------------------------------------------------------------------

bool IntakeController::startImport()
{
    if (m_activity != Activity::Idle || m_step != Step::Choosing) {
        if (m_activity == Activity::SearchingBodies)
            setError(tr("Wait until the words have been looked for in the bodies, or cancel that search."));
        return false;
    }
    clearMessages();
    if (!m_controller || !m_controller->vault()) {
        setError(tr("The vault is locked. Unlock it, then bring the files in again."));
        return false;
    }
    if (chosenCount() == 0) {
        setError(tr("Nothing is chosen. Tick the emails and pictures to bring in."));
        return false;
    }
    auto job = std::make_shared<ImportJob>();
    job->limits = m_limits;
    job->delay = m_stepDelay;
    for (const MailPickModel::Row* row : m_emails.chosenRows()) {
        const MailSource& source = m_sources.at(row->group);
        const MailSummary& s = row->summary;
        ImportJob::Mail mail;
        mail.group = row->group;
        mail.index = s.index;
        mail.mbox = source.mbox;
        mail.path = source.mbox ? source.path : s.source;
        mail.offset = s.offset;
        mail.length = s.length;
        mail.sha256 = s.sha256;
        mail.label = s.subject.isEmpty() ? tr("(no subject)") : s.subject;
        mail.fileTime = source.mbox ? source.fileTime : QFileInfo(s.source).lastModified();
        job->mails.append(std::move(mail));
    }
    for (const ImagePickModel::Row& row : m_images.rows()) {
        if (!row.chosen)
            continue;
        job->pictures.append({row.path, row.bytes, row.name, row.fileTime, row.entered, row.sha256, row.kind});
    }
    m_import = job;
    setActivity(Activity::Importing);
    setProgress(-1, tr("Preparing\u2026"));
    tryStartImport();
    return true;
}

void IntakeController::tryStartImport()
{
    if (!m_import || m_import->queued)
        return;
    Vault* vault = m_controller ? m_controller->vault() : nullptr;
    if (!vault) {
        m_import.reset();
        setActivity(Activity::Idle);
        setError(tr("The vault locked before the import could start. Unlock it, then import again."));
        return;
    }
    if (m_import->cancel) {
        m_import.reset();
        setActivity(Activity::Idle);
        setProgress(-1, {});
        setStatus(tr("Cancelled before anything was imported."));
        return;
    }
    // One job on the vault at a time: a sync that runs now ends within moments.
    if (m_controller->backgroundRunning()) {
        setProgress(-1, tr("Waiting for the sync to finish\u2026"));
        m_startTimer.start();
        return;
    }
    const Vault::Store store = vault->store();
    const QString dbPath = store.db.path();
    std::shared_ptr<ImportJob> job = m_import;
    const QPointer<IntakeController> self(this);
    const QPointer<VaultController> vaultController(m_controller);
    const bool started = m_controller->runInBackground(
        [job, store, dbPath](const std::atomic<bool>& stop) { job->run(store, dbPath, stop); },
        [self, vaultController, job] {
            // The app's journal learns of the new entries whether or not the page is still open:
            // it writes the next entry after them.
            if (job->wrote && vaultController && vaultController->vault()) {
                if (Status reloaded = vaultController->vault()->reload(); !reloaded)
                    job->stopped = reloaded.error().message;
                vaultController->notifyJournalChanged();
            }
            if (self)
                self->importFinished(job);
        });
    if (!started) { // a key job or a lock is under way; a lock ends this page anyway
        m_startTimer.start();
        return;
    }
    job->queued = true;
}

void IntakeController::showProgress()
{
    if (m_activity == Activity::Reading && m_read) {
        const qint64 done = m_read->done, total = m_read->total;
        const QString current = m_read->currentName();
        if (m_read->cancel)
            setProgress(m_progress, tr("Cancelling\u2026"));
        else if (total > 0)
            setProgress(double(done) / double(total), current.isEmpty() ? tr("Looking at what you brought in\u2026")
                                                                         : tr("Reading %1").arg(current));
        return;
    }
    if (m_activity == Activity::SearchingBodies && m_body) {
        const int groups = std::max<int>(1, int(m_body->groups.size()));
        const qint64 done = m_body->done, total = m_body->total;
        const double within = total > 0 ? double(done) / double(total) : 0;
        setProgress((m_body->groupsDone + within) / groups,
                    tr("Looking for the words in %n messages\u2026", nullptr, m_body->candidates));
        return;
    }
    if (m_activity != Activity::Importing || !m_import)
        return;
    if (m_import->cancel) {
        setProgress(m_progress, tr("Cancelling: the entry being written is finished first\u2026"));
        return;
    }
    if (!m_import->running)
        return;
    const QLocale locale;
    const int mails = int(m_import->mails.size()), pictures = int(m_import->pictures.size());
    const int mailsDone = m_import->mailsDone, picturesDone = m_import->picturesDone;
    // A picture takes about as long as 20 emails (its text is read).
    constexpr int PictureWeight = 20;
    const double total = mails + PictureWeight * double(pictures);
    const double done = mailsDone + PictureWeight * (picturesDone + m_import->percent / 100.0);
    QString text;
    if (mailsDone < mails) {
        text = tr("Email %1 of %2").arg(locale.toString(mailsDone + 1), locale.toString(mails));
    } else if (picturesDone < pictures) {
        const bool photo = m_import->pictures.at(picturesDone).kind == QLatin1String(PhotoKind);
        text = (photo ? tr("Reading text in photo %1 of %2") : tr("Reading text in screenshot %1 of %2"))
                   .arg(locale.toString(picturesDone + 1), locale.toString(pictures));
    } else {
        text = tr("Finishing\u2026");
    }
    setProgress(total > 0 ? std::min(1.0, done / total) : -1, text);
}

void IntakeController::cancel()
{
    if (m_read) {
        m_read->cancel = true;
        m_pendingPaths.clear();
        m_pendingPasted.clear();
    }
    if (m_body)
        m_body->cancel = true;
    if (m_import) {
        m_import->cancel = true;
        if (!m_import->queued) { // still waiting for a sync to end: nothing was started
            m_startTimer.stop();
            m_import.reset();
            setActivity(Activity::Idle);
            setProgress(-1, {});
            setStatus(tr("Cancelled before anything was imported."));
            return;
        }
    }
    showProgress();
    emit progressChanged();
}

void IntakeController::importFinished(const std::shared_ptr<ImportJob>& job)
{
    if (job != m_import)
        return;
    m_import.reset();
    setActivity(Activity::Idle);
    setProgress(-1, {});
    m_emails.markHeld(job->heldMails);
    m_images.markHeld(job->heldPictures);

    ImportResult result;
    result.imported = job->imported;
    result.importedMails = job->importedMails;
    result.duplicates = job->duplicates;
    result.problems = job->problems;
    result.failed = job->failed;
    result.cancelled = job->cancelled;
    result.stopped = job->stopped;
    result.withLocation = job->withLocation;
    result.notes = job->notes;
    if (job->moreNotes > 0)
        result.notes << tr("\u2026 and %n more notes like these.", nullptr, job->moreNotes);
    result.entryIds = job->entryIds;
    result.firstId = job->entryIds.isEmpty() ? QString() : job->entryIds.first();
    result.kinds = QStringList(job->kinds.cbegin(), job->kinds.cend());
    result.firstDay = job->firstDay;
    result.lastDay = job->lastDay;
    // Nothing was tried: no result page, the list as it was.
    if (job->cancelled && result.imported == 0 && result.duplicates == 0 && result.failed == 0) {
        setStatus(tr("Cancelled: nothing was imported."));
        return;
    }
    m_result = std::move(result);
    emit resultChanged();
    setStep(Step::Finished);
}

QString IntakeController::resultSummary() const
{
    const QLocale locale;
    QStringList parts;
    QString imported = m_result.imported == 1 ? tr("1 entry imported") : tr("%1 entries imported").arg(locale.toString(m_result.imported));
    const int mails = m_result.importedMails, pictures = m_result.imported - m_result.importedMails;
    if (mails > 0 && pictures > 0)
        imported += QLatin1String(" (") + (mails == 1 ? tr("1 email") : tr("%1 emails").arg(locale.toString(mails))) + tr(" and ") +
                    (pictures == 1 ? tr("1 picture") : tr("%1 pictures").arg(locale.toString(pictures))) + QLatin1Char(')');
    parts << imported;
    if (m_result.duplicates > 0)
        parts << tr("%1 already in the journal").arg(locale.toString(m_result.duplicates));
    if (m_result.failed > 0)
        parts << tr("%1 could not be imported").arg(locale.toString(m_result.failed));
    return parts.join(QStringLiteral(", ")) + QLatin1Char('.');
}

void IntakeController::backToList()
{
    if (m_step != Step::Finished)
        return;
    clearMessages();
    setStep(m_emails.total() > 0 || m_images.rowCount() > 0 ? Step::Choosing : Step::Empty);
}

void IntakeController::startOver()
{
    if (m_activity == Activity::Reading || m_activity == Activity::Importing)
        return;
    clearList();
}

void IntakeController::clearList()
{
    if (m_body) {
        m_body->cancel = true;
        m_body.reset(); // its answer is for a list that is gone
        setActivity(Activity::Idle);
        setProgress(-1, {});
    }
    m_emails.clear();
    m_emails.clearFilters();
    m_images.clear();
    m_sources.clear();
    m_others.clear();
    m_notes.clear();
    m_result = {};
    clearMessages();
    emit listChanged();
    emit resultChanged();
    emit chosenCountChanged();
    setStep(Step::Empty);
}

void IntakeController::showResultOnTimeline()
{
    if (!m_controller || m_result.entryIds.isEmpty())
        return;
    TimelineModel* timeline = m_controller->timeline();
    timeline->setQuery({});
    timeline->setTagFilter({});
    timeline->setKindFilter(m_result.kinds.size() == 1 ? m_result.kinds.first() : QString());
    timeline->setDayRange(m_result.firstDay.toString(Qt::ISODate), m_result.lastDay.toString(Qt::ISODate));
}

} // namespace pt::gui
