// The timeline's filters in TimelineModel: several tags at once (an entry must have all of them),
// a range of days (both ends included, either open), and both combined with the kind, "Show
// deleted entries" and a search.
#include <catch2/catch.hpp>

#include "TimelineModel.h"
#include "crypto/PasswordHash.h"
#include "vault/Vault.h"
#include "vault/VaultKeys.h"

#include <QSignalSpy>
#include <QTemporaryDir>

#include <memory>
#include <ostream>

// Catch prints the titles and days readably in failure messages.
inline std::ostream& operator<<(std::ostream& os, const QString& s) { return os << s.toStdString(); }
inline std::ostream& operator<<(std::ostream& os, const QStringList& list)
{
    return os << '[' << list.join(QStringLiteral(", ")).toStdString() << ']';
}

using pt::gui::TimelineModel;

namespace {

// Four entries over five days in November 2026 (local time), the last one deleted.
class FourEntries {
public:
    FourEntries()
    {
        REQUIRE(m_dir.isValid());
        const QByteArray passphrase = QByteArrayLiteral("correct horse battery staple");
        QString recoveryKey;
        auto vault = pt::core::Vault::create(m_dir.filePath(QStringLiteral("vault")), pt::core::bytesOf(passphrase),
                                             pt::crypto::pwhash::Params{1, 8u * 1024u * 1024u}, &recoveryKey);
        REQUIRE(vault.ok());
        m_vault = std::move(*vault);
        add(QStringLiteral("meeting"), QStringLiteral("Check-in with Dana"), {QStringLiteral("pip")}, 16, {15, 30});
        add(QStringLiteral("grade"), QStringLiteral("Grade 2/5"), {QStringLiteral("pip"), QStringLiteral("grades")}, 17,
            {17, 42});
        add(QStringLiteral("note"), QStringLiteral("Old grade found"), {QStringLiteral("grades")}, 19, {0, 0});
        const QString late = add(QStringLiteral("note"), QStringLiteral("Late-night report"), {}, 20, {23, 59});
        REQUIRE(m_vault->journal().tombstone(late).ok());
    }

    [[nodiscard]] pt::core::Journal& journal() { return m_vault->journal(); }

private:
    QString add(const QString& kind, const QString& title, const QStringList& tags, int day, QTime time)
    {
        pt::core::EntryDraft draft;
        draft.kind = kind;
        draft.title = title;
        draft.body = QStringLiteral("About the report.");
        draft.tags = tags;
        draft.occurredAt = QDateTime(QDate(2026, 11, day), time); // local time
        auto added = m_vault->journal().add(draft);
        REQUIRE(added.ok());
        return added->latest.entryId;
    }

    QTemporaryDir m_dir;
    std::unique_ptr<pt::core::Vault> m_vault;
};

// The titles listed, in the model's order (newest first).
QStringList titles(const TimelineModel& model)
{
    QStringList out;
    for (int i = 0; i < model.rowCount(); ++i)
        out << model.data(model.index(i), TimelineModel::TitleRole).toString();
    return out;
}

const QString Meeting = QStringLiteral("Check-in with Dana");
const QString Grade = QStringLiteral("Grade 2/5");
const QString OldGrade = QStringLiteral("Old grade found");
const QString Late = QStringLiteral("Late-night report");

} // namespace

TEST_CASE("timeline filter: an entry is listed when it has every chosen tag", "[gui][timeline][filters]")
{
    FourEntries vault;
    TimelineModel model;
    model.setJournal(&vault.journal());
    REQUIRE(titles(model) == QStringList{OldGrade, Grade, Meeting});
    CHECK(model.tags() == QStringList{QStringLiteral("grades"), QStringLiteral("pip")});
    CHECK_FALSE(model.filtered());

    QSignalSpy changed(&model, &TimelineModel::filtersChanged);
    model.setTagFilter({QStringLiteral("pip")});
    CHECK(titles(model) == QStringList{Grade, Meeting});
    CHECK(model.filtered());
    model.setTagFilter({QStringLiteral("pip"), QStringLiteral("grades")});
    CHECK(titles(model) == QStringList{Grade}); // a second tag narrows, it does not add
    CHECK(changed.size() == 2);

    // The same choice again, written with a repeat and an empty tag, changes nothing.
    model.setTagFilter({QStringLiteral("pip"), QStringLiteral("grades"), QStringLiteral("pip"), QString()});
    CHECK(model.tagFilter() == QStringList{QStringLiteral("pip"), QStringLiteral("grades")});
    CHECK(changed.size() == 2);

    // A tag no entry has leaves nothing to show, and the vault's tags are still all offered.
    model.setTagFilter({QStringLiteral("pip"), QStringLiteral("hr")});
    CHECK(titles(model).isEmpty());
    CHECK(model.tags() == QStringList{QStringLiteral("grades"), QStringLiteral("pip")});

    model.setTagFilter({});
    CHECK(titles(model) == QStringList{OldGrade, Grade, Meeting});
    CHECK_FALSE(model.filtered());
}

TEST_CASE("timeline filter: a range of days includes both ends and either end may be open", "[gui][timeline][filters]")
{
    FourEntries vault;
    TimelineModel model;
    model.setJournal(&vault.journal());
    model.setShowDeleted(true); // the late entry on the 20th too

    QSignalSpy changed(&model, &TimelineModel::dayRangeChanged);
    model.setDayRange(QStringLiteral("2026-11-17"), QStringLiteral("2026-11-19"));
    CHECK(model.fromDay() == QLatin1String("2026-11-17"));
    CHECK(model.toDay() == QLatin1String("2026-11-19"));
    CHECK(titles(model) == QStringList{OldGrade, Grade}); // 17:42 on the first day, 00:00 on the last
    CHECK(model.filtered());

    model.setDayRange(QStringLiteral("2026-11-19"), QString());
    CHECK(titles(model) == QStringList{Late, OldGrade}); // 23:59 on the 20th is still that day
    CHECK(model.toDay().isEmpty());
    model.setDayRange(QString(), QStringLiteral("2026-11-16"));
    CHECK(titles(model) == QStringList{Meeting});
    model.setDayRange(QStringLiteral("2026-11-18"), QStringLiteral("2026-11-18"));
    CHECK(titles(model).isEmpty());

    // Backwards is turned round; what is not a date is an open end.
    model.setDayRange(QStringLiteral("2026-11-17"), QStringLiteral("2026-11-16"));
    CHECK(model.fromDay() == QLatin1String("2026-11-16"));
    CHECK(model.toDay() == QLatin1String("2026-11-17"));
    CHECK(titles(model) == QStringList{Grade, Meeting});
    model.setDayRange(QStringLiteral("17 November"), QStringLiteral("2026-11-16"));
    CHECK(model.fromDay().isEmpty());
    CHECK(titles(model) == QStringList{Meeting});
    const auto before = changed.size();
    model.setDayRange(QString(), QStringLiteral("2026-11-16")); // the same range: no change
    CHECK(changed.size() == before);

    model.setDayRange(QString(), QString());
    CHECK(titles(model) == QStringList{Late, OldGrade, Grade, Meeting});
    CHECK_FALSE(model.filtered());
}

TEST_CASE("timeline filter: kind and tags and days and deleted entries and a search combine", "[gui][timeline][filters]")
{
    FourEntries vault;
    TimelineModel model;
    model.setJournal(&vault.journal());

    model.setKindFilter(QStringLiteral("note"));
    model.setTagFilter({QStringLiteral("grades")});
    CHECK(titles(model) == QStringList{OldGrade});
    model.setDayRange(QStringLiteral("2026-11-20"), QString());
    CHECK(titles(model).isEmpty());

    // The deleted note on the 20th shows once deleted entries do, but only without the tag it lacks.
    model.setShowDeleted(true);
    CHECK(titles(model).isEmpty());
    model.setTagFilter({});
    CHECK(titles(model) == QStringList{Late});
    CHECK(model.data(model.index(0), TimelineModel::DeletedRole).toBool());
    model.setShowDeleted(false);
    CHECK(titles(model).isEmpty());

    // A search is filtered the same way: every entry says "report", only the pip ones are kept.
    model.setKindFilter(QString());
    model.setDayRange(QString(), QString());
    model.setTagFilter({QStringLiteral("pip")});
    model.setQuery(QStringLiteral("report"));
    QStringList found = titles(model);
    found.sort();
    CHECK(found == QStringList{Meeting, Grade});

    // A lock resets every filter, and says so.
    QSignalSpy changed(&model, &TimelineModel::filtersChanged);
    QSignalSpy days(&model, &TimelineModel::dayRangeChanged);
    model.setDayRange(QStringLiteral("2026-11-16"), QString());
    model.resetView();
    CHECK(changed.size() == 2);
    CHECK(days.size() == 2);
    CHECK(model.tagFilter().isEmpty());
    CHECK(model.fromDay().isEmpty());
    CHECK_FALSE(model.filtered());
    CHECK(titles(model) == QStringList{OldGrade, Grade, Meeting});
}
