// Three devices of one vault, each writing offline (new entries, and an edit of one entry all
// three hold), then syncing in every order: they converge to one journal, the same on each, with
// every entry and every side of the three-way conflict kept, and verify passes on each.
#include "SyncWorld.h"

#include <algorithm>
#include <array>

using namespace pt;
using namespace pt::core;
using namespace pt::test;

namespace {

// What a device shows of the journal: each entry's title and shown body, and the sides of a
// conflict, sorted, so two devices can be compared.
QStringList picture(const Vault& vault)
{
    QStringList lines;
    for (const Entry& e : vault.journal().entries()) {
        QStringList sides;
        for (const auto& side : e.conflict)
            sides << side.object;
        sides.sort();
        lines << e.latest.entryId + QLatin1Char(' ') + e.latest.title + QLatin1Char(' ') + sides.join(QLatin1Char(','));
    }
    lines.sort();
    return lines;
}

} // namespace

TEST_CASE("sync three devices: offline writes converge in every order of syncing", "[sync]")
{
    std::array<int, 3> order{0, 1, 2};
    do {
        INFO("order " << order[0] << order[1] << order[2]);
        World w;
        std::array<Device, 3> d{w.create(QStringLiteral("a")), Device{}, Device{}};
        const QString shared = addNote(*d[0].vault, QStringLiteral("Goal 2: the report"), QStringLiteral("As agreed"));
        requireOk(d[0].sync(w.remote));
        d[1] = w.link(QStringLiteral("b"));
        requireOk(d[1].sync(w.remote));
        d[2] = w.link(QStringLiteral("c"));
        requireOk(d[2].sync(w.remote));

        // Offline: two new entries on each, and each edits the shared one.
        QStringList written{QStringLiteral("Goal 2: the report")};
        for (int i = 0; i < 3; ++i) {
            d[i].use();
            for (int n = 0; n < 2; ++n) {
                written << QStringLiteral("Device %1 note %2").arg(i).arg(n);
                addNote(*d[i].vault, written.last());
            }
            EntryChange change;
            change.body = QStringLiteral("Edited on device %1").arg(i);
            REQUIRE(d[i].vault->journal().edit(shared, change).ok());
        }
        written.sort();

        // Each syncs in this order, then again: the first saw nothing of the later ones yet.
        for (int round = 0; round < 2; ++round)
            for (int i : order)
                requireOk(d[i].sync(w.remote));

        const QStringList onFirst = picture(*d[0].vault);
        for (int i = 0; i < 3; ++i) {
            INFO("device " << i);
            CHECK(titles(*d[i].vault) == written);
            CHECK(picture(*d[i].vault) == onFirst);
            const auto entry = d[i].vault->journal().entry(shared);
            REQUIRE(entry);
            CHECK(entry->conflict.size() == 3);
            d[i].use();
            CHECK(d[i].vault->verify().ok());
            auto noop = d[i].sync(w.remote);
            requireOk(noop);
            CHECK(noop->requests == 1);
        }
    } while (std::next_permutation(order.begin(), order.end()));
}
