#include "ShoutOutForward.h"

#include <QLocale>

namespace pt::core::pip {

MailDraft composeShoutOutForward(const Plan& plan, const ShoutOut& s)
{
    MailDraft mail;
    const QString name = plan.employee.isEmpty() ? QStringLiteral("My") : plan.employee;
    mail.subject = QStringLiteral("Re: %1 Shout Outs").arg(name);
    const QString when = QLocale::c().toString(s.occurredAt.date(), QStringLiteral("dddd d MMMM yyyy"));
    QString body = QStringLiteral("Hi,\n\nFor the record of my plan: %1 gave me a shout-out").arg(s.from.isEmpty() ? QStringLiteral("a colleague") : s.from);
    if (!s.where.isEmpty())
        body += QStringLiteral(" on %1").arg(s.where);
    body += QStringLiteral(" on %1.\n\n").arg(when);
    if (!s.text.trimmed().isEmpty())
        body += QStringLiteral("They wrote:\n\"%1\"\n\n").arg(s.text.trimmed());
    if (s.files > 0)
        body += QStringLiteral("A screenshot is attached.\n\n");
    body += QStringLiteral("Thank you,\n%1\n").arg(plan.employee);
    mail.body = body;
    return mail;
}

} // namespace pt::core::pip
