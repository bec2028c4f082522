#pragma once
// An email for the person to send from their own mail client: the meeting recap, a shout-out
// forwarded to the manager. Paper Trail never sends mail itself; it opens a mailto: link or puts
// the text on the clipboard.
#include <QString>
#include <QStringList>
#include <QUrl>

namespace pt::core {

struct MailDraft {
    QString subject;
    QString body;

    // mailto: with subject and body filled in (recipients left for the person to choose).
    [[nodiscard]] QUrl mailtoUrl(const QStringList& to = {}) const;
};

} // namespace pt::core
