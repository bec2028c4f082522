#include "Cli.h"

#include <QFile>
#include <QSaveFile>

namespace pt::cli {

using namespace pt::core;

int Cli::attachment()
{
    if (m_args.at(0) != QLatin1String("get"))
        return usageError(QStringLiteral("Use 'attachment get ID NAME --out FILE' or '--stdout'."));
    const bool toStdout = m_parser.isSet(QStringLiteral("stdout"));
    if (toStdout == m_parser.isSet(QStringLiteral("out")))
        return usageError(QStringLiteral("Give exactly one of --out FILE and --stdout."));
    auto vault = openUnlocked();
    if (!vault)
        return fail(vault.error());
    Journal& journal = (*vault)->journal();
    auto id = journal.resolveId(m_args.at(1));
    if (!id)
        return fail(id.error());
    const QString name = m_args.at(2);

    if (toStdout) {
        // Bytes on a pipe cannot be taken back: the whole attachment is checked first (its name,
        // every chunk, its size and SHA-256), and the copy is checked again as it streams.
        if (Status s = journal.checkAttachment(*id, name); !s)
            return fail(s.error());
        QFile out;
        if (!out.open(stdout, QIODevice::WriteOnly))
            return fail(failed(QStringLiteral("Could not write to standard output.")));
        if (Status s = journal.writeAttachment(*id, name, out); !s)
            return fail(s.error());
        return 0;
    }
    // Written beside the target and renamed over it only when every check held: a damaged or
    // swapped attachment never leaves a file, nor replaces one that was there.
    QSaveFile out(m_parser.value(QStringLiteral("out")));
    out.setDirectWriteFallback(false);
    if (!out.open(QIODevice::WriteOnly))
        return fail(failed(QStringLiteral("Could not create %1: %2.").arg(out.fileName(), out.errorString())));
    out.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
    if (Status s = journal.writeAttachment(*id, name, out); !s) {
        out.cancelWriting();
        return fail(s.error());
    }
    if (!out.commit())
        return fail(failed(QStringLiteral("Could not save %1: %2. Free some space and try again.")
                               .arg(out.fileName(), out.errorString())));
    return 0;
}

} // namespace pt::cli
