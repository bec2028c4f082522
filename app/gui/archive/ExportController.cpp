#include "ExportController.h"

#include "FileSize.h"
#include "KindNames.h"
#include "VaultController.h"
#include "archive/ArchivePassphrase.h"
#include "archive/ArchiveVerifier.h"
#include "archive/ExhibitSelection.h"
#include "crypto/age/X25519.h"
#include "vault/JournalDb.h"

#include <QBuffer>
#include <QClipboard>
#include <QDate>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QGuiApplication>
#include <QImageReader>
#include <QLocale>
#include <QPointer>
#include <QQmlEngine>
#include <QSet>
#include <QSettings>
#include <QStandardPaths>
#include <QThread>

#include <algorithm>
#include <atomic>

namespace pt::gui {

using namespace pt::core;
using namespace pt::core::archive;

// One export on the worker. The interface's thread reads the atomics while it runs and the rest
// once it has finished.
struct ExportController::Job {
    ArchiveRequest request;
    bool usedPassphrase = false;
    std::chrono::milliseconds progressDelay{0};
    bool queued = false; // handed to the worker (the interface's thread only)
    std::atomic<bool> cancel{false};
    std::atomic<bool> writing{false}; // the worker has its connection and writes
    std::atomic<qint64> done{0};
    std::atomic<qint64> total{0};
    std::optional<Result<ArchiveResult>> result;
};

namespace {

const QString LastFolderKey = QStringLiteral("archive/lastFolder");
const QString ArchiveSuffix = QStringLiteral(".zip.age");

QString withoutSpaces(const QString& text)
{
    QString s;
    s.reserve(text.size());
    for (const QChar c : text)
        if (!c.isSpace())
            s.append(c);
    return s;
}

bool isPublicKey(const QString& text)
{
    return crypto::age::X25519Recipient::parse(text.toStdString()).has_value();
}

bool isDay(const QString& text) { return QDate::fromString(text, Qt::ISODate).isValid(); }

} // namespace

ExportController::ExportController(QObject* parent)
    : QObject(parent),
      m_entryList(std::make_unique<ExportEntryList>([this](const QString& id) { return !m_handPicked || m_picked.contains(id); }))
{
    QQmlEngine::setObjectOwnership(m_entryList.get(), QQmlEngine::CppOwnership);
    m_progressTimer.setInterval(150);
    connect(&m_progressTimer, &QTimer::timeout, this, &ExportController::showProgress);
    m_startTimer.setInterval(250);
    m_startTimer.setSingleShot(true);
    connect(&m_startTimer, &QTimer::timeout, this, &ExportController::tryStart);
    m_destination = defaultDestination();
}

ExportController::~ExportController()
{
    // The worker stops at its next bytes and its file is never made; its completion finds no
    // controller (the QPointer in tryStart).
    if (m_job)
        m_job->cancel = true;
}

void ExportController::setController(VaultController* controller)
{
    if (controller == m_controller)
        return;
    if (m_controller)
        disconnect(m_controller, nullptr, this, nullptr);
    m_controller = controller;
    if (m_controller)
        connect(m_controller, &VaultController::journalChanged, this, &ExportController::readJournal);
    readJournal();
    emit controllerChanged();
}

// --- What goes in ---------------------------------------------------------------------------

void ExportController::setFromDay(const QString& day)
{
    const QDate date = isDay(day) ? QDate::fromString(day, Qt::ISODate) : QDate();
    if (date == m_filter.from)
        return;
    m_filter.from = date;
    emit choicesChanged();
    readJournal();
}

void ExportController::setToDay(const QString& day)
{
    const QDate date = isDay(day) ? QDate::fromString(day, Qt::ISODate) : QDate();
    if (date == m_filter.to)
        return;
    m_filter.to = date;
    emit choicesChanged();
    readJournal();
}

bool ExportController::daysBackwards() const
{
    return m_filter.from.isValid() && m_filter.to.isValid() && m_filter.from > m_filter.to;
}

void ExportController::setKinds(const QStringList& kinds)
{
    if (kinds == m_filter.kinds)
        return;
    m_filter.kinds = kinds;
    emit choicesChanged();
    readJournal();
}

void ExportController::setTags(const QStringList& tags)
{
    if (tags == m_filter.tags)
        return;
    m_filter.tags = tags;
    emit choicesChanged();
    readJournal();
}

void ExportController::setIncludeHistory(bool include)
{
    if (include == m_filter.includeHistory)
        return;
    m_filter.includeHistory = include;
    emit choicesChanged();
}

void ExportController::setIncludeDeleted(bool include)
{
    if (include == m_filter.includeDeleted)
        return;
    m_filter.includeDeleted = include;
    emit choicesChanged();
    readJournal();
}

void ExportController::setOwner(const QString& owner)
{
    if (owner == m_owner)
        return;
    m_owner = owner;
    emit choicesChanged();
}

void ExportController::setBlackOutText(const QString& text)
{
    if (text == m_blackOutText)
        return;
    m_blackOutText = text;
    emit choicesChanged();
}

QStringList ExportController::blackOutPhrases() const
{
    QStringList phrases;
    for (const QString& line : m_blackOutText.split(QLatin1Char('\n'))) {
        const QString phrase = line.trimmed();
        if (!phrase.isEmpty() && !phrases.contains(phrase, Qt::CaseInsensitive))
            phrases << phrase;
    }
    return phrases;
}

void ExportController::readJournal()
{
    Vault* vault = m_controller ? m_controller->vault() : nullptr;
    QSet<QString> kinds, tags;
    QList<ExportEntryList::Row> rows;
    m_candidates.clear();
    m_candidateIds.clear();
    m_existing.clear();
    m_deletedOut.clear();
    if (vault) {
        QList<Entry> entries = vault->journal().entries(true);
        // Exhibit order, as core::archive::selectExhibits numbers them.
        std::stable_sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) {
            return a.latest.occurredAt < b.latest.occurredAt;
        });
        for (const Entry& entry : std::as_const(entries)) {
            if (entry.purged)
                continue; // nothing left to export but its fingerprints
            const EntryRevision& r = entry.latest;
            m_existing.insert(r.entryId);
            kinds.insert(r.kind);
            for (const QString& t : r.tags)
                tags.insert(t);
            if (!inFilter(entry, m_filter)) // as core::archive::selectExhibits chooses (no picks in m_filter)
                continue;
            if (entry.deleted && !m_filter.includeDeleted) {
                m_deletedOut.insert(r.entryId);
                continue;
            }
            Candidate c{r.entryId, r.title, {}, r.fields.contains(QStringLiteral("location"))};
            for (const AttachmentRef& a : r.attachments)
                if (a.mime.startsWith(QLatin1String("image/")))
                    c.images << a.name;
            m_candidates << c;
            m_candidateIds.insert(c.entryId);
            const QString line = headline(r);
            rows << ExportEntryList::Row{r.entryId, line, r.kind, r.occurredAt, entry.deleted,
                                         QStringList{line, r.body, r.tags.join(QLatin1Char(' ')), r.kind,
                                                     KindNames::label(r.kind)}
                                             .join(QLatin1Char('\n'))
                                             .toLower()};
        }
    }
    m_availableKinds = QStringList(kinds.cbegin(), kinds.cend());
    m_availableKinds.sort();
    m_availableTags = QStringList(tags.cbegin(), tags.cend());
    m_availableTags.sort(Qt::CaseInsensitive);
    m_entryList->setRows(std::move(rows));
    recount();
}

// What goes in, from the entries the choices hold and the picks.
void ExportController::recount()
{
    int matching = 0, located = 0;
    m_screenshots.clear();
    for (const Candidate& c : std::as_const(m_candidates)) {
        if (m_handPicked && !m_picked.contains(c.entryId))
            continue;
        ++matching;
        located += c.located ? 1 : 0;
        for (const QString& name : c.images)
            m_screenshots.append(QVariantMap{{QStringLiteral("entryId"), c.entryId},
                                             {QStringLiteral("name"), name},
                                             {QStringLiteral("entryTitle"), c.title}});
    }
    int deletedLeftOut = 0, pickedOutside = 0;
    for (const QString& id : std::as_const(m_deletedOut))
        if (!m_handPicked || m_picked.contains(id))
            ++deletedLeftOut;
    if (m_handPicked)
        for (const QString& id : std::as_const(m_picked))
            if (m_existing.contains(id) && !m_candidateIds.contains(id))
                ++pickedOutside;
    m_matching = matching;
    m_locatedPhotos = located;
    m_deletedLeftOut = deletedLeftOut;
    m_pickedOutside = pickedOutside;
    emit journalRead();
    emit areasChanged();
}

// --- Picked by hand ---------------------------------------------------------------------------

QStringList ExportController::pickedIds() const
{
    if (!m_handPicked)
        return {};
    QStringList ids(m_picked.cbegin(), m_picked.cend());
    ids.sort(); // the same request for the same picks
    return ids;
}

void ExportController::setPicked(const QString& entryId, bool picked)
{
    if (!m_handPicked) {
        if (!picked && !m_candidateIds.contains(entryId))
            return; // not in, and nothing picked yet: nothing changes
        m_handPicked = true;
        m_picked = m_candidateIds;
    }
    if (picked)
        m_picked.insert(entryId);
    else
        m_picked.remove(entryId);
    emit choicesChanged();
    m_entryList->picksChanged();
    recount();
}

void ExportController::pickShown(bool picked)
{
    const QStringList shown = m_entryList->shownIds();
    if (!m_handPicked) {
        if (picked)
            return; // every entry is in already
        m_handPicked = true;
        m_picked = m_candidateIds;
    }
    for (const QString& id : shown) {
        if (picked)
            m_picked.insert(id);
        else
            m_picked.remove(id);
    }
    emit choicesChanged();
    m_entryList->picksChanged();
    recount();
}

void ExportController::stopPicking()
{
    if (!m_handPicked)
        return;
    m_handPicked = false;
    m_picked.clear();
    emit choicesChanged();
    m_entryList->picksChanged();
    recount();
}

// --- Black out part of a screenshot ----------------------------------------------------------

QVariantList ExportController::screenshots() const
{
    QVariantList list;
    for (const QVariant& item : m_screenshots) {
        QVariantMap shot = item.toMap();
        const QString entryId = shot.value(QStringLiteral("entryId")).toString();
        const QString name = shot.value(QStringLiteral("name")).toString();
        shot.insert(QStringLiteral("source"), QStringLiteral("image://attachment/%1/%2")
                                                  .arg(entryId, QString::fromLatin1(QUrl::toPercentEncoding(name))));
        shot.insert(QStringLiteral("boxes"), areasOf(entryId, name).size());
        list.append(shot);
    }
    return list;
}

int ExportController::areaCount() const
{
    int count = 0;
    for (const AreaRedaction& a : m_areas)
        count += int(a.areas.size());
    return count;
}

QVariantMap ExportController::shownImage(const QString& entryId, const QString& name) const
{
    Vault* vault = m_controller ? m_controller->vault() : nullptr;
    if (!vault)
        return {{QStringLiteral("problem"), tr("The vault is locked. Unlock it, then try again.")}};
    const QString key = entryId + QLatin1Char('/') + name;
    if (const auto known = m_imageSizes.constFind(key); known != m_imageSizes.cend()) // each box asks again
        return {{QStringLiteral("width"), known->width()}, {QStringLiteral("height"), known->height()}};
    // Decrypted into memory only, for the header: the size, and how its camera said to turn it.
    QBuffer bytes;
    bytes.open(QIODevice::WriteOnly);
    if (!vault->journal().writeAttachment(entryId, name, bytes))
        return {{QStringLiteral("problem"), tr("%1 could not be read. Run Verify in Settings.").arg(name)}};
    bytes.close();
    bytes.open(QIODevice::ReadOnly);
    QImageReader reader(&bytes);
    reader.setAutoTransform(true); // as the image provider shows it, and as redactImage turns it
    QSize size = reader.size();
    if (!size.isValid())
        return {{QStringLiteral("problem"), tr("%1 is not an image this app can read.").arg(name)}};
    // The header's size is the stored one: a photo turned a quarter is shown the other way round.
    if (reader.transformation().testFlag(QImageIOHandler::TransformationRotate90))
        size.transpose();
    m_imageSizes.insert(key, size);
    return {{QStringLiteral("width"), size.width()}, {QStringLiteral("height"), size.height()}};
}

QList<QRect> ExportController::boxesOf(const QString& entryId, const QString& name) const
{
    for (const AreaRedaction& a : m_areas)
        if (a.entryId == entryId && a.attachment == name)
            return a.areas;
    return {};
}

void ExportController::setAreasOf(const QString& entryId, const QString& name, const QList<QRect>& boxes, int movedBox)
{
    const QList<QRect> before = boxesOf(entryId, name);
    if (boxes == before)
        return;
    // Moves of one box in a row (a drag, an arrow key held down) are one change to undo.
    const bool sameMove = m_moveGoesOn && movedBox >= 0 && !m_areaUndo.isEmpty() && m_areaUndo.last().entryId == entryId
                          && m_areaUndo.last().name == name && m_areaUndo.last().movedBox == movedBox;
    if (!sameMove)
        m_areaUndo.append({entryId, name, before, movedBox});
    m_moveGoesOn = movedBox >= 0;
    writeAreas(entryId, name, boxes);
}

void ExportController::writeAreas(const QString& entryId, const QString& name, const QList<QRect>& boxes)
{
    auto it = std::find_if(m_areas.begin(), m_areas.end(),
                           [&](const AreaRedaction& a) { return a.entryId == entryId && a.attachment == name; });
    if (boxes.isEmpty()) {
        if (it != m_areas.end())
            m_areas.erase(it);
    } else if (it == m_areas.end()) {
        m_areas.append({entryId, name, boxes});
    } else {
        it->areas = boxes;
    }
    emit areasChanged();
}

int ExportController::addArea(const QString& entryId, const QString& name, int x, int y, int width, int height)
{
    const QVariantMap image = shownImage(entryId, name);
    if (image.contains(QStringLiteral("problem")))
        return -1;
    const QRect area = QRect(x, y, width, height).normalized()
                       & QRect(0, 0, image.value(QStringLiteral("width")).toInt(), image.value(QStringLiteral("height")).toInt());
    if (area.isEmpty())
        return -1;
    QList<QRect> boxes = boxesOf(entryId, name);
    boxes.append(area);
    setAreasOf(entryId, name, boxes, -1);
    return int(boxes.size()) - 1;
}

void ExportController::setArea(const QString& entryId, const QString& name, int index, int x, int y, int width, int height)
{
    QList<QRect> boxes = boxesOf(entryId, name);
    const QVariantMap image = shownImage(entryId, name);
    if (index < 0 || index >= boxes.size() || image.contains(QStringLiteral("problem")))
        return;
    const QRect whole(0, 0, image.value(QStringLiteral("width")).toInt(), image.value(QStringLiteral("height")).toInt());
    // At least a pixel each way, inside the picture: moved past an edge it stops there.
    const int w = std::clamp(width, 1, whole.width()), h = std::clamp(height, 1, whole.height());
    boxes[index] = QRect(std::clamp(x, 0, whole.width() - w), std::clamp(y, 0, whole.height() - h), w, h);
    setAreasOf(entryId, name, boxes, index);
}

void ExportController::removeArea(const QString& entryId, const QString& name, int index)
{
    QList<QRect> boxes = boxesOf(entryId, name);
    if (index < 0 || index >= boxes.size())
        return;
    boxes.removeAt(index);
    setAreasOf(entryId, name, boxes, -1);
}

void ExportController::undoArea(const QString& entryId, const QString& name)
{
    for (qsizetype i = m_areaUndo.size() - 1; i >= 0; --i) {
        if (m_areaUndo.at(i).entryId != entryId || m_areaUndo.at(i).name != name)
            continue;
        m_moveGoesOn = false;
        writeAreas(entryId, name, m_areaUndo.takeAt(i).before);
        return;
    }
}

bool ExportController::canUndoArea(const QString& entryId, const QString& name) const
{
    return std::any_of(m_areaUndo.cbegin(), m_areaUndo.cend(),
                       [&](const AreaChange& c) { return c.entryId == entryId && c.name == name; });
}

QVariantList ExportController::areasOf(const QString& entryId, const QString& name) const
{
    QVariantList list;
    for (const QRect& r : boxesOf(entryId, name))
        list.append(QVariant(QRectF(r)));
    return list;
}

// --- Who can open it --------------------------------------------------------------------------

void ExportController::setUsePassphrase(bool use)
{
    if (use == m_usePassphrase)
        return;
    m_usePassphrase = use;
    emit recipientChanged();
}

void ExportController::setPublicKeys(const QStringList& keys)
{
    const QStringList next = keys.isEmpty() ? QStringList{QString()} : keys;
    if (next == m_publicKeys)
        return;
    const bool countChanged = next.size() != m_publicKeys.size();
    m_publicKeys = next;
    m_keyFileNote.clear();
    m_keyFileProblem = false;
    if (countChanged)
        emit publicKeyCountChanged();
    emit recipientChanged();
}

void ExportController::setPublicKeyAt(int index, const QString& key)
{
    if (index < 0 || index >= m_publicKeys.size() || key == m_publicKeys.at(index))
        return;
    QStringList keys = m_publicKeys;
    keys[index] = key;
    setPublicKeys(keys);
}

void ExportController::addPublicKey() { setPublicKeys(m_publicKeys + QStringList{QString()}); }

void ExportController::removePublicKey(int index)
{
    if (index < 0 || index >= m_publicKeys.size())
        return;
    QStringList keys = m_publicKeys;
    keys.removeAt(index);
    setPublicKeys(keys); // the last one goes back to an empty field
}

QString ExportController::keyProblem(const QString& typed)
{
    // A key wrapped by an email program comes in pieces: spaces and line breaks are not part of it.
    const QString key = withoutSpaces(typed);
    if (key.isEmpty() || isPublicKey(key))
        return {};
    if (key.startsWith(QLatin1String("AGE-SECRET-KEY-"), Qt::CaseInsensitive))
        return tr("That is a secret key, which only the lawyer should ever have. Ask for their public key instead: "
                  "it starts with age1.");
    if (!key.startsWith(QLatin1String("age1"), Qt::CaseInsensitive))
        return tr("An age public key starts with age1. Paste the whole key the lawyer sent you.");
    constexpr int KeyLength = 62;
    if (key.size() != KeyLength)
        return tr("An age public key is %1 characters long; this one has %2. Check that all of it was copied.")
            .arg(KeyLength)
            .arg(key.size());
    return tr("This is not a valid age public key: a character is wrong. Copy it again from what the lawyer sent you.");
}

QStringList ExportController::publicKeyProblems() const
{
    QStringList problems;
    QStringList seen; // the keys of the fields above, as compared
    for (const QString& typed : m_publicKeys) {
        QString problem = keyProblem(typed);
        const QString key = withoutSpaces(typed).toLower();
        if (problem.isEmpty() && !key.isEmpty()) {
            if (const qsizetype earlier = seen.indexOf(key); earlier >= 0)
                problem = tr("This is the same key as key %1. Each person's key goes in once; remove this one, or "
                             "paste the other person's key.")
                              .arg(earlier + 1);
        }
        seen << key;
        problems << problem;
    }
    return problems;
}

QStringList ExportController::recipientKeys() const
{
    QStringList keys;
    for (const QString& typed : m_publicKeys) {
        const QString key = withoutSpaces(typed);
        if (isPublicKey(key) && !keys.contains(key.toLower()))
            keys << key.toLower();
    }
    return keys;
}

bool ExportController::publicKeyValid() const
{
    const QStringList problems = publicKeyProblems();
    return !recipientKeys().isEmpty()
           && std::all_of(problems.cbegin(), problems.cend(), [](const QString& p) { return p.isEmpty(); });
}

Result<QStringList> ExportController::publicKeysInFile(const QString& path, bool* holdsSecret)
{
    if (holdsSecret)
        *holdsSecret = false;
    const QFileInfo info(path);
    const QString name = info.fileName();
    if (!info.isFile())
        return notFound(tr("%1 is not a file. Choose the file that holds the lawyer's public key.").arg(path));
    if (info.size() > MaxKeyFileBytes)
        return usage(tr("%1 is too large to be an age key file. Choose the file that holds the lawyer's public key "
                        "(a line starting with age1).")
                         .arg(name));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return failed(tr("%1 could not be read (%2). Choose another file, or paste the key.").arg(name, file.errorString()));
    QByteArray bytes = file.read(MaxKeyFileBytes);
    QString text = QString::fromUtf8(bytes);
    bytes.fill('\0'); // it may hold a secret key
    QStringList keys;
    bool secret = false, anyKeyLine = false;
    QString malformed; // the first line that is not a key, a comment or a secret key, said
    QStringList lines = text.split(QLatin1Char('\n'));
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QString line = lines.at(i).trimmed();
        QString candidate;
        if (line.startsWith(QLatin1String("# public key:"), Qt::CaseInsensitive))
            candidate = line.mid(line.indexOf(QLatin1Char(':')) + 1).trimmed();
        else if (line.startsWith(QLatin1String("AGE-SECRET-KEY-"), Qt::CaseInsensitive))
            secret = true;
        else if (!line.isEmpty() && !line.startsWith(QLatin1Char('#')))
            candidate = line; // a recipients file's line: a key, or a mistake
        if (candidate.isEmpty())
            continue;
        anyKeyLine = anyKeyLine || candidate.startsWith(QLatin1String("age1"), Qt::CaseInsensitive);
        if (!isPublicKey(candidate)) {
            if (malformed.isEmpty())
                malformed = tr("Line %1 of %2 is not an age public key: %3").arg(i + 1).arg(name, keyProblem(candidate));
        } else if (!keys.contains(candidate.toLower())) {
            keys << candidate.toLower();
        }
    }
    for (QString& line : lines)
        line.fill(QLatin1Char('\0'));
    text.fill(QLatin1Char('\0'));
    if (holdsSecret)
        *holdsSecret = secret;
    // A file with no key in it at all (notes, a letter) is not a key file; one with keys and a
    // line that is not one has a key wrong, and whose it is cannot be told.
    if (!malformed.isEmpty() && anyKeyLine)
        return usage(malformed);
    if (keys.isEmpty() && secret) { // identity files without their comment: the public keys follow from the secrets
        if (auto identities = readIdentityFile(path); identities && !identities->empty()) {
            for (const auto& identity : *identities)
                if (const QString key = QString::fromStdString(identity.recipient().toString()); !keys.contains(key))
                    keys << key;
            return keys;
        }
    }
    if (keys.isEmpty())
        return notFound(tr("%1 holds no age public key (a line starting with age1). Choose the file the lawyer sent, or "
                           "paste the key.")
                            .arg(name));
    return keys;
}

void ExportController::loadKeyFile(const QUrl& file)
{
    const QString path = file.isLocalFile() ? file.toLocalFile() : file.toString();
    const QString name = QFileInfo(path).fileName();
    bool secret = false;
    auto found = publicKeysInFile(path, &secret);
    if (!found) {
        m_keyFileNote = found.error().message;
        m_keyFileProblem = true;
        emit recipientChanged();
        return;
    }
    // Into the empty fields first, then after them; a key already listed is not repeated.
    QStringList keys = m_publicKeys;
    QStringList listed;
    for (const QString& typed : std::as_const(keys))
        listed << withoutSpaces(typed).toLower();
    int repeated = 0;
    for (const QString& key : std::as_const(*found)) {
        if (listed.contains(key)) {
            ++repeated;
            continue;
        }
        if (const qsizetype empty = listed.indexOf(QString()); empty >= 0) {
            keys[empty] = key;
            listed[empty] = key;
        } else {
            keys << key;
            listed << key;
        }
    }
    setPublicKeys(keys);
    QString note;
    if (found->size() == 1)
        note = repeated > 0 ? tr("The public key from %1 is listed already.").arg(name)
                            : tr("The public key from %1.").arg(name);
    else
        note = repeated > 0 ? tr("Public keys from %1: %2, of which %3 listed already.").arg(name).arg(found->size()).arg(repeated)
                            : tr("Public keys from %1: %2.").arg(name).arg(found->size());
    if (secret)
        note += QLatin1Char(' ') + tr("That file also holds the secret key that opens the archive: it belongs to the "
                                      "lawyer alone, so never send it with the archive.");
    m_keyFileNote = note;
    m_keyFileProblem = false;
    emit recipientChanged();
}

QString ExportController::generatedPassphrase() const
{
    if (!m_passphrase)
        return {};
    return QString::fromUtf8(reinterpret_cast<const char*>(m_passphrase->data()), qsizetype(m_passphrase->size()));
}

void ExportController::generatePassphrase()
{
    m_passphrase = core::archive::generatePassphrase();
    emit passphraseChanged();
}

void ExportController::forgetPassphrase()
{
    if (!m_passphrase)
        return;
    m_passphrase.reset(); // SecureBytes wipes it
    emit passphraseChanged();
}

void ExportController::copyPassphrase()
{
    if (m_controller && m_passphrase) {
        QString text = generatedPassphrase();
        m_controller->sensitiveClipboard()->copy(text);
        text.fill(QLatin1Char('\0'));
    }
}

void ExportController::copyHash()
{
    if (m_result)
        QGuiApplication::clipboard()->setText(m_result->sha256);
}

QString ExportController::passphraseProblem(const QString& passphrase) const
{
    if (passphrase.isEmpty())
        return tr("Type a passphrase, or generate one.");
    if (passphrase.toUcs4().size() < MinimumPassphraseLength)
        return tr("Use at least %1 characters: the lawyer's copy can be attacked for as long as it exists. Or "
                  "generate a strong one.")
            .arg(MinimumPassphraseLength);
    return {};
}

// --- Where it goes ----------------------------------------------------------------------------

QString ExportController::freeName(const QString& folder, const QDate& day)
{
    const QString base = QStringLiteral("paper-trail-") + day.toString(Qt::ISODate);
    QString name = base + ArchiveSuffix;
    for (int n = 2; QFileInfo::exists(QDir(folder).filePath(name)); ++n)
        name = QStringLiteral("%1-%2%3").arg(base).arg(n).arg(ArchiveSuffix);
    return QDir(folder).filePath(name);
}

QString ExportController::defaultDestination() const
{
    QString folder = QSettings().value(LastFolderKey).toString();
    if (folder.isEmpty() || !QFileInfo(folder).isDir())
        folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    if (folder.isEmpty() || !QFileInfo(folder).isDir())
        folder = QDir::homePath();
    return QDir::toNativeSeparators(freeName(folder, QDate::currentDate()));
}

void ExportController::setDestination(const QString& path)
{
    if (path == m_destination)
        return;
    m_destination = path;
    m_replaceExisting = false; // said for another file
    emit destinationChanged();
}

void ExportController::setDestinationUrl(const QUrl& file)
{
    setDestination(QDir::toNativeSeparators(file.isLocalFile() ? file.toLocalFile() : file.toString()));
}

QString ExportController::outputPath() const
{
    QString path = QDir::fromNativeSeparators(m_destination.trimmed());
    if (path.isEmpty())
        return {};
    if (!path.endsWith(QLatin1String(".age"), Qt::CaseInsensitive) && !QFileInfo(path).isDir())
        path += ArchiveSuffix; // what it is, for the lawyer's system to open it with age
    return QFileInfo(path).absoluteFilePath();
}

QUrl ExportController::destinationFolder() const
{
    const QString path = outputPath();
    const QString folder = path.isEmpty() ? QString() : QFileInfo(path).absolutePath();
    return QUrl::fromLocalFile(QFileInfo(folder).isDir() ? folder : QDir::homePath());
}

QString ExportController::destinationName() const { return QFileInfo(outputPath()).fileName(); }

QString ExportController::destinationFolderPath() const
{
    const QString path = outputPath();
    return path.isEmpty() ? QString() : QDir::toNativeSeparators(QFileInfo(path).absolutePath());
}

QString ExportController::destinationProblem() const
{
    const QString typed = QDir::fromNativeSeparators(m_destination.trimmed());
    if (typed.isEmpty())
        return tr("Choose where to save the archive.");
    if (QDir::isRelativePath(typed))
        return tr("Give the whole path, starting with /, or use Choose to pick a folder.");
    const QFileInfo target(outputPath());
    if (target.isDir())
        return tr("%1 is a folder. Add a file name, such as paper-trail.zip.age.").arg(QDir::toNativeSeparators(target.filePath()));
    if (!QFileInfo(target.absolutePath()).isDir())
        return tr("The folder %1 does not exist. Choose another place to save the archive.")
            .arg(QDir::toNativeSeparators(target.absolutePath()));
    if (m_controller && m_controller->vault()) {
        const QString vaultDir = QFileInfo(m_controller->vault()->dir()).absoluteFilePath() + QLatin1Char('/');
        if (target.absoluteFilePath().startsWith(vaultDir))
            return tr("That is inside the vault's own folder. Save the archive somewhere else, such as Documents.");
    }
    return {};
}

bool ExportController::destinationExists() const
{
    const QString path = outputPath();
    return !path.isEmpty() && QFileInfo::exists(path) && !QFileInfo(path).isDir();
}

void ExportController::setReplaceExisting(bool replace)
{
    if (replace == m_replaceExisting)
        return;
    m_replaceExisting = replace;
    emit destinationChanged();
}

// --- The export -------------------------------------------------------------------------------

void ExportController::setStep(Step step)
{
    if (step != m_step) {
        m_step = step;
        emit stepChanged();
    }
}

void ExportController::setError(const QString& message)
{
    m_error = message;
    if (!message.isEmpty())
        m_status.clear();
    emit messageChanged();
}

void ExportController::setStatus(const QString& message)
{
    m_status = message;
    if (!message.isEmpty())
        m_error.clear();
    emit messageChanged();
}

void ExportController::clearMessages()
{
    m_error.clear();
    m_status.clear();
    emit messageChanged();
}

void ExportController::setProgress(double progress, const QString& text)
{
    m_progress = progress;
    m_progressText = text;
    emit progressChanged();
}

bool ExportController::cancelling() const { return m_job && m_job->cancel; }

bool ExportController::start(const QString& ownPassphrase)
{
    if (m_job || m_step != Step::Choosing)
        return false;
    clearMessages();
    Vault* vault = m_controller ? m_controller->vault() : nullptr;
    if (!vault) {
        setError(tr("The vault is locked. Unlock it, then export again."));
        return false;
    }
    auto job = std::make_shared<Job>();
    if (daysBackwards()) {
        setError(tr("The first day is after the last one. Choose another first or last day."));
        return false;
    }
    if (m_matching == 0) {
        setError(m_handPicked && !m_candidates.isEmpty()
                     ? tr("No entry is picked. Tick at least one under Choose entries, or use every entry.")
                     : tr("No entry matches these choices. Choose more days, kinds or tags."));
        return false;
    }
    if (m_usePassphrase) {
        if (!ownPassphrase.isEmpty()) {
            if (const QString problem = passphraseProblem(ownPassphrase); !problem.isEmpty()) {
                setError(problem);
                return false;
            }
            QByteArray utf8 = ownPassphrase.toUtf8();
            job->request.to.passphrase = crypto::SecureBytes::copyOf(bytesOf(utf8));
            utf8.fill('\0');
        } else if (m_passphrase) {
            job->request.to.passphrase = m_passphrase->clone();
        } else {
            setError(tr("Generate a passphrase, or type your own."));
            return false;
        }
        job->usedPassphrase = true;
    } else {
        if (!publicKeyValid()) {
            const QString problem = publicKeyProblem();
            setError(problem.isEmpty() ? tr("Paste the lawyer's age public key (it starts with age1), load it from a "
                                            "file, or use a passphrase.")
                                       : problem);
            return false;
        }
        job->request.to.ageRecipients = recipientKeys();
    }
    if (const QString problem = destinationProblem(); !problem.isEmpty()) {
        setError(problem);
        return false;
    }
    if (destinationExists() && !m_replaceExisting) {
        setError(tr("%1 is already there. Choose another name, or tick \"Replace it\".").arg(destinationName()));
        return false;
    }
    job->request.outputPath = outputPath();
    job->request.filter = m_filter;
    job->request.filter.entryIds = pickedIds();
    job->request.owner = m_owner.trimmed();
    job->request.redactions.everywhere = blackOutPhrases();
    job->request.redactions.areas = m_areas; // of entries the choices leave out: not used
    job->progressDelay = m_progressDelay;
    m_job = job;
    setStep(Step::Exporting);
    setProgress(-1, tr("Preparing\u2026"));
    tryStart();
    return true;
}

void ExportController::tryStart()
{
    if (!m_job || m_job->queued)
        return;
    Vault* vault = m_controller ? m_controller->vault() : nullptr;
    if (!vault) {
        m_job.reset();
        setError(tr("The vault locked before the export could start. Unlock it, then export again."));
        setStep(Step::Choosing);
        return;
    }
    // One job on the vault at a time: a sync that runs now ends within moments.
    if (m_controller->backgroundRunning()) {
        setProgress(-1, tr("Waiting for the sync to finish\u2026"));
        m_startTimer.start();
        return;
    }
    const QString dbPath = vault->store().db.path();
    std::shared_ptr<Job> job = m_job;
    const QPointer<ExportController> self(this);
    const bool started = m_controller->runInBackground(
        [job, vault, dbPath](const std::atomic<bool>& stop) {
            // This thread's own connection: a QSqlDatabase belongs to the thread that opened it.
            // The journal does not change meanwhile: the page is modal and a sync cannot start.
            auto db = JournalDb::open(dbPath);
            if (!db) {
                job->result = Result<ArchiveResult>(db.error());
                return;
            }
            job->writing = true;
            job->result = writeArchive(*vault, job->request, [&job, &stop](qint64 done, qint64 total) {
                job->done = done;
                job->total = total;
                if (job->progressDelay.count() > 0)
                    QThread::msleep(std::uint64_t(job->progressDelay.count()));
                return !stop && !job->cancel;
            }, db->get());
        },
        [self, job] {
            if (self)
                self->finished(job);
        });
    if (!started) { // a key job or a lock is under way; the lock ends this page anyway
        m_startTimer.start();
        return;
    }
    job->queued = true;
    m_progressTimer.start();
}

void ExportController::showProgress()
{
    if (!m_job || !m_job->writing)
        return;
    const qint64 done = m_job->done, total = m_job->total;
    if (m_job->cancel)
        setProgress(m_progress, tr("Cancelling\u2026"));
    else if (total > 0)
        setProgress(double(done) / double(total), tr("%1 of %2").arg(FileSize::text(done), FileSize::text(total)));
    else
        setProgress(-1, tr("Preparing the report\u2026"));
}

void ExportController::cancel()
{
    if (!m_job)
        return;
    m_job->cancel = true;
    if (!m_job->queued) { // still waiting for a sync to end: nothing was started
        m_startTimer.stop();
        m_job.reset();
        setStep(Step::Choosing);
        setStatus(tr("Cancelled. Nothing was saved."));
        return;
    }
    setProgress(m_progress, tr("Cancelling\u2026"));
}

void ExportController::finished(const std::shared_ptr<Job>& job)
{
    if (job != m_job)
        return;
    m_job.reset();
    m_progressTimer.stop();
    setProgress(-1, {});
    const bool ok = job->result && job->result->ok();
    if (ok) {
        m_result = job->result->value();
        m_resultUsedPassphrase = job->usedPassphrase;
        m_resultKeyCount = int(job->request.to.ageRecipients.size());
        m_resultHadPhrases = !job->request.redactions.everywhere.isEmpty();
        QSettings().setValue(LastFolderKey, QFileInfo(m_result->path).absolutePath()); // the folder, nothing else
        emit resultChanged();
        setStep(Step::Finished);
        return;
    }
    setStep(Step::Choosing);
    if (job->cancel || !job->result)
        setStatus(tr("Cancelled. Nothing was saved."));
    else
        setError(job->result->error().message);
    emit destinationChanged(); // a replaced file is still there; a new one is not
}

void ExportController::startOver()
{
    if (m_step != Step::Finished)
        return;
    m_result.reset();
    m_resultUsedPassphrase = false;
    m_resultKeyCount = 0;
    m_resultHadPhrases = false;
    forgetPassphrase(); // another archive gets a passphrase of its own
    m_destination = defaultDestination();
    m_replaceExisting = false;
    clearMessages();
    emit resultChanged();
    emit destinationChanged();
    setStep(Step::Choosing);
}

QString ExportController::resultName() const { return m_result ? QFileInfo(m_result->path).fileName() : QString(); }

QString ExportController::resultExhibitRange() const
{
    if (!m_result || m_result->exhibits == 0)
        return {};
    if (m_result->exhibits == 1)
        return exhibitNumber(1);
    return tr("%1 to %2").arg(exhibitNumber(1), exhibitNumber(m_result->exhibits));
}

QString ExportController::resultFolder() const
{
    return m_result ? QDir::toNativeSeparators(QFileInfo(m_result->path).absolutePath()) : QString();
}

QString ExportController::resultSize() const
{
    if (!m_result)
        return {};
    return tr("%1 (%2 bytes)").arg(FileSize::text(m_result->size), QLocale().toString(m_result->size));
}

QString ExportController::hashGroups(const QString& hex)
{
    constexpr int Group = 4, PerLine = 4;
    QString out;
    for (qsizetype i = 0; i < hex.size(); i += Group) {
        if (i > 0)
            out += (i / Group) % PerLine == 0 ? QLatin1Char('\n') : QLatin1Char(' ');
        out += hex.mid(i, Group);
    }
    return out;
}

} // namespace pt::gui
