// The device commands: devices, devices revoke ID (docs/CLI.md, "Sync"). The list comes from the
// remote (each device's sealed registration and signed head); revoking is a record in this
// device's own log, so it reaches the other devices with the next sync.
#include "Cli.h"

#include "TerminalText.h"
#include "TimeFormat.h"
#include "sync/DeviceList.h"

#include <QJsonArray>
#include <QJsonObject>

namespace pt::cli {

using namespace pt::core;
using namespace pt::core::sync;

namespace {

struct DeviceRow {
    QString id;
    QString name; // empty when no remote lists it
    QString addedBy;
    QDateTime addedAt;
    qint64 seq = 0; // of its log, as this device holds it
    std::optional<SignedHead> head;
    QString headProblem;
    std::optional<Revocation> revoked;
};

// Every device the remote lists or this device holds records of.
QList<DeviceRow> deviceRows(const Journal& journal, const QList<ListedDevice>& listed)
{
    QList<DeviceRow> rows;
    QSet<QString> seen;
    for (const ListedDevice& d : listed) {
        const QString& id = d.registration.device;
        rows.append({id, d.registration.name, d.registration.addedBy, d.registration.addedAt,
                     journal.heads().value(id).seq, d.head, d.headProblem, journal.revocationOf(id)});
        seen.insert(id);
    }
    for (auto it = journal.heads().cbegin(); it != journal.heads().cend(); ++it)
        if (!seen.contains(it.key()))
            rows.append({it.key(), {}, {}, {}, it->seq, std::nullopt, {}, journal.revocationOf(it.key())});
    return rows;
}

QString nameOf(const QList<DeviceRow>& rows, const QString& id)
{
    for (const DeviceRow& r : rows)
        if (r.id == id && !r.name.isEmpty())
            return QStringLiteral("%1 (%2)").arg(r.name, id.left(8));
    return id.left(8);
}

} // namespace

int Cli::devices()
{
    const QString sub = m_args.value(0);
    if (!sub.isEmpty() && sub != QLatin1String("revoke"))
        return usageError(QStringLiteral("'devices' takes nothing, or 'revoke ID'."));
    if (sub == QLatin1String("revoke") && m_args.size() != 2)
        return usageError(QStringLiteral("'devices revoke' takes the id of the device to revoke."));
    if (sub.isEmpty() && m_args.size() > 1)
        return usageError(QStringLiteral("'devices' takes nothing, or 'revoke ID'."));

    auto vault = openUnlocked();
    if (!vault)
        return fail(vault.error());
    Journal& journal = (*vault)->journal();
    const QString me = (*vault)->deviceId();
    const QString vaultId = (*vault)->header().vaultId;

    // Names and last syncs are on the remote; without one, the ids this device holds records of.
    QList<ListedDevice> listed;
    QString remoteNote;
    if (auto settings = RemoteSettings::load(vaultId); settings && !settings->isEmpty()) {
        auto remote = configuredRemote(vaultId);
        auto found = remote ? devicesOn(**remote, (*vault)->store().keys, vaultId) : Result<QList<ListedDevice>>(remote.error());
        if (!found)
            return fail(found.error());
        listed = *found;
    } else {
        remoteNote = QStringLiteral("No remote is set, so only the devices whose records this one holds are listed, "
                                    "without names. 'papertrail-cli remote set' shows them all.\n");
    }
    const QList<DeviceRow> rows = deviceRows(journal, listed);

    if (sub == QLatin1String("revoke")) {
        const QString typed = m_args.at(1).toLower();
        QStringList matches;
        for (const DeviceRow& r : rows)
            if (r.id == typed || (typed.size() >= 4 && r.id.startsWith(typed)))
                matches << r.id;
        if (matches.isEmpty())
            return fail(notFound(QStringLiteral("No device %1; 'papertrail-cli devices' lists them.").arg(m_args.at(1))));
        if (matches.size() > 1)
            return fail(usage(QStringLiteral("%1 matches more than one device; give more of its id.").arg(m_args.at(1))));
        const QString device = matches.first();
        if (Status s = journal.revoke(device); !s)
            return fail(s.error());
        const Revocation r = *journal.revocationOf(device);
        print(QStringLiteral("Device %1 is revoked: every device that syncs refuses what it writes after its record "
                             "%2. It still holds the vault key, so it can still read what it had and what it can "
                             "reach; changing the passphrase does not change that key (docs/DEVICES.md). Run "
                             "'papertrail-cli sync' now so the other devices have the revocation.\n")
                  .arg(nameOf(rows, device))
                  .arg(r.after));
        return 0;
    }

    if (m_parser.isSet(QStringLiteral("json"))) {
        QJsonArray list;
        for (const DeviceRow& r : rows) {
            QJsonObject o{
                {QStringLiteral("id"), r.id},
                {QStringLiteral("name"), r.name},
                {QStringLiteral("this_device"), r.id == me},
                {QStringLiteral("records"), r.seq},
            };
            if (!r.addedBy.isEmpty()) {
                o.insert(QStringLiteral("added_by"), r.addedBy);
                o.insert(QStringLiteral("added_at"), isoWithOffset(r.addedAt.toLocalTime()));
            }
            if (r.head) {
                o.insert(QStringLiteral("head_seq"), r.head->seq);
                o.insert(QStringLiteral("last_sync"), isoWithOffset(r.head->writtenAt.toLocalTime()));
            }
            if (!r.headProblem.isEmpty())
                o.insert(QStringLiteral("head_problem"), r.headProblem);
            if (r.revoked)
                o.insert(QStringLiteral("revoked"), QJsonObject{
                    {QStringLiteral("by"), r.revoked->by},
                    {QStringLiteral("at"), isoWithOffset(r.revoked->time.toLocalTime())},
                    {QStringLiteral("after"), r.revoked->after},
                    {QStringLiteral("refused"), r.revoked->refused},
                });
            list.append(o);
        }
        printJson(list);
        return 0;
    }
    QString text = remoteNote;
    for (const DeviceRow& r : rows) {
        text += QStringLiteral("%1  %2%3\n")
                    .arg(r.id.left(8), terminalLine(r.name.isEmpty() ? QStringLiteral("(name unknown)") : r.name),
                         r.id == me ? QStringLiteral("  (this device)") : QString());
        if (!r.addedBy.isEmpty())
            text += QStringLiteral("          added %1 by %2\n")
                        .arg(isoWithOffset(r.addedAt.toLocalTime()),
                             r.addedBy == r.id ? QStringLiteral("itself") : terminalLine(nameOf(rows, r.addedBy)));
        if (r.head)
            text += QStringLiteral("          last synced %1, %2 records on the remote, %3 here\n")
                        .arg(isoWithOffset(r.head->writtenAt.toLocalTime()))
                        .arg(r.head->seq)
                        .arg(r.seq);
        else
            text += QStringLiteral("          %1 records here; not synced yet\n").arg(r.seq);
        if (!r.headProblem.isEmpty())
            text += QStringLiteral("          its head on the remote is refused: %1\n").arg(terminalLine(r.headProblem));
        if (r.revoked)
            text += QStringLiteral("          REVOKED %1 by %2: records after %3 refused (%4 so far)\n")
                        .arg(isoWithOffset(r.revoked->time.toLocalTime()), terminalLine(nameOf(rows, r.revoked->by)))
                        .arg(r.revoked->after)
                        .arg(r.revoked->refused);
    }
    print(text);
    return 0;
}

} // namespace pt::cli
