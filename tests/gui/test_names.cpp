// The words the app shows for data: file sizes (the figures the CLI shows, in the locale's
// decimals), the history's field names by their core keys, and kind names.
#include <catch2/catch.hpp>

#include "FieldNames.h"
#include "FileSize.h"
#include "KindNames.h"

#include <QLocale>

using pt::gui::FieldNames;
using pt::gui::FileSize;
using pt::gui::KindNames;

TEST_CASE("file size: bytes below 1 KiB then one decimal of KiB MiB or GiB", "[gui][names]")
{
    const QLocale previous;
    QLocale::setDefault(QLocale::c());
    CHECK(FileSize::text(0) == QStringLiteral("0 bytes"));
    CHECK(FileSize::text(1) == QStringLiteral("1 byte"));
    CHECK(FileSize::text(512) == QStringLiteral("512 bytes"));
    CHECK(FileSize::text(1023) == QStringLiteral("1023 bytes"));
    CHECK(FileSize::text(1024) == QStringLiteral("1.0 KiB"));
    CHECK(FileSize::text(1536) == QStringLiteral("1.5 KiB"));
    CHECK(FileSize::text(1024 * 1024 - 1) == QStringLiteral("1.0 MiB"));
    CHECK(FileSize::text(3 * 512 * 1024) == QStringLiteral("1.5 MiB"));
    CHECK(FileSize::text(qint64(5) * 1024 * 1024 * 1024) == QStringLiteral("5.0 GiB"));
    // The locale's decimal separator.
    QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
    CHECK(FileSize::text(1536) == QStringLiteral("1,5 KiB"));
    QLocale::setDefault(previous);
}

TEST_CASE("field names: each core key by its name and the meeting sections as the history calls them", "[gui][names]")
{
    CHECK(FieldNames::label(QStringLiteral("title")) == QStringLiteral("Title"));
    CHECK(FieldNames::label(QStringLiteral("occurred_at")) == QStringLiteral("Happened"));
    CHECK(FieldNames::label(QStringLiteral("body")) == QStringLiteral("Body"));
    CHECK(FieldNames::label(QStringLiteral("tags")) == QStringLiteral("Tags"));
    CHECK(FieldNames::label(QStringLiteral("attachments")) == QStringLiteral("Attachments"));
    CHECK(FieldNames::label(QStringLiteral("kind")) == QStringLiteral("Kind"));
    CHECK(FieldNames::label(QStringLiteral("fields.attendees")) == QStringLiteral("Present"));
    CHECK(FieldNames::label(QStringLiteral("fields.agreements")) == QStringLiteral("Agreed"));
    CHECK(FieldNames::label(QStringLiteral("fields.disagreements")) == QStringLiteral("Not agreed"));
    CHECK(FieldNames::label(QStringLiteral("fields.action_items")) == QStringLiteral("Next steps"));
    CHECK(FieldNames::label(QStringLiteral("fields.pay_grade")) == QStringLiteral("Pay grade"));
}

TEST_CASE("kind names: shout-out is Shout-out and an unknown kind shows as written", "[gui][names]")
{
    CHECK(KindNames::label(QStringLiteral("shout-out")) == QStringLiteral("Shout-out"));
    CHECK(KindNames::label(QStringLiteral("meeting")) == QStringLiteral("Meeting notes"));
    CHECK(KindNames::label(QStringLiteral("pip-plan")) == QStringLiteral("pip-plan"));
}
