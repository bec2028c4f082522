#pragma once
// Realistic journal text for the benchmarks' vaults, from a fixed seed.
#include "vault/Journal.h"

#include <QDateTime>
#include <QJsonArray>
#include <QSet>
#include <QStringList>

#include <iterator>
#include <random>
#include <vector>

namespace pt::bench {

// Words follow a Zipf distribution over ~4,000 words: English function words first, then the
// vocabulary of a PIP journal, then a long tail of made-up names and jargon.
class TextGen {
public:
    explicit TextGen(std::uint64_t seed)
        : m_rng(seed)
    {
        const char* common[] = {"the", "to", "and", "a", "of", "i", "that", "in", "it", "was", "for", "on",
                                "is", "with", "he", "she", "my", "we", "me", "this", "be", "not", "at", "but",
                                "had", "as", "have", "they", "you", "said", "about", "from", "would", "there",
                                "so", "what", "if", "all", "were", "by"};
        const char* domain[] = {
            "manager", "meeting", "plan", "goal", "feedback", "team", "week", "review", "project", "email",
            "deadline", "grade", "performance", "hr", "expectations", "improvement", "asked", "told", "call",
            "report", "today", "tomorrow", "friday", "monday", "sprint", "ticket", "customer", "release",
            "document", "notes", "agreed", "disagreed", "action", "items", "followup", "recap", "colleague",
            "shoutout", "praise", "late", "missed", "delivered", "quality", "metrics", "target", "weekly",
            "daily", "standup", "presentation", "slides", "budget", "estimate", "schedule", "priority",
            "blocked", "dependency", "support", "escalation", "incident", "outage", "fixed", "tested",
            "deployed", "approved", "rejected", "comment", "screenshot", "attached", "evidence", "claim",
            "facts", "rebuttal", "timeline", "written", "verbal", "warning", "policy", "handbook", "manual",
            "training", "mentor", "director", "skip", "level", "onboarding", "workload", "overtime", "leave",
            "sick", "doctor", "appointment", "vacation", "extension", "dates", "unclear", "changed",
            "moved", "again", "promised", "documented", "confirmed", "denied", "request", "response",
            "tone", "raised", "voice", "interrupted", "credit", "ignored", "private", "public", "channel",
            "slack", "thread", "message", "replied", "copied", "lawyer", "union", "complaint", "resolution"};
        for (const char* w : common)
            m_vocab << QString::fromLatin1(w);
        for (const char* w : domain)
            m_vocab << QString::fromLatin1(w);
        const char* syllables[] = {"ka", "lo", "min", "ver", "tas", "bri", "on", "del", "ru", "sen", "ga", "pho",
                                   "tri", "mel", "zan", "qui", "dor", "bel", "ex", "ul", "nar", "cos", "vi",
                                   "lem", "sto", "fa", "rin", "gue", "hal", "ost"};
        QSet<QString> seen(m_vocab.cbegin(), m_vocab.cend());
        std::uniform_int_distribution<int> syl(0, int(std::size(syllables)) - 1);
        std::uniform_int_distribution<int> parts(2, 4);
        while (m_vocab.size() < 4200) {
            QString w;
            for (int i = parts(m_rng); i > 0; --i)
                w += QString::fromLatin1(syllables[syl(m_rng)]);
            if (!seen.contains(w)) {
                seen.insert(w);
                m_vocab << w;
            }
        }
        std::vector<double> weights;
        for (qsizetype r = 1; r <= m_vocab.size(); ++r)
            weights.push_back(1.0 / static_cast<double>(r));
        m_zipf = std::discrete_distribution<int>(weights.begin(), weights.end());
    }

    int uniform(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(m_rng); }
    const QString& word() { return m_vocab.at(m_zipf(m_rng)); }
    const QString& wordAtRank(int rank) const { return m_vocab.at(rank); }

    QString text(int minBytes, int maxBytes)
    {
        const int target = uniform(minBytes, maxBytes);
        QString out;
        out.reserve(target + 32);
        bool startOfSentence = true;
        int sentenceWords = 0;
        while (out.size() < target) {
            QString w = word();
            if (startOfSentence)
                w[0] = w[0].toUpper();
            if (!out.isEmpty())
                out += QLatin1Char(' ');
            out += w;
            startOfSentence = false;
            if (++sentenceWords >= uniform(6, 18)) {
                out += QLatin1Char('.');
                startOfSentence = true;
                sentenceWords = 0;
            }
        }
        out.truncate(target);
        return out.trimmed() + QLatin1Char('.');
    }

    QString title(int minWords, int maxWords)
    {
        QStringList words;
        for (int i = uniform(minWords, maxWords); i > 0; --i)
            words << word();
        QString t = words.join(QLatin1Char(' '));
        t[0] = t[0].toUpper();
        return t;
    }

    QStringList tags()
    {
        static const char* all[] = {"pip", "1on1", "manager", "hr", "goal-1", "goal-2", "goal-3", "grade",
                                    "shoutout", "rebuttal", "email", "meeting", "deadline", "evidence",
                                    "health", "followup", "praise", "warning", "timeline", "todo"};
        QStringList t;
        for (int i = uniform(0, 3); i > 0; --i) {
            const QString tag = QString::fromLatin1(all[uniform(0, int(std::size(all)) - 1)]);
            if (!t.contains(tag))
                t << tag;
        }
        return t;
    }

    core::EntryDraft draft(const QDateTime& now)
    {
        static const char* kinds[] = {"note", "note", "note", "note", "meeting", "meeting", "grade",
                                      "grade", "email", "shout-out", "screenshot", "rebuttal"};
        core::EntryDraft d;
        d.kind = QString::fromLatin1(kinds[uniform(0, int(std::size(kinds)) - 1)]);
        d.title = title(3, 8);
        d.body = text(100, 1500);
        d.occurredAt = now.addSecs(-qint64(uniform(0, 365 * 24 * 3600)));
        d.tags = tags();
        if (d.kind == QLatin1String("meeting")) {
            d.fields.insert(QStringLiteral("attendees"), QJsonArray{title(2, 2), title(2, 2), title(2, 2)});
            d.fields.insert(QStringLiteral("agreements"), text(40, 200));
            d.fields.insert(QStringLiteral("actions"), text(40, 200));
        } else if (d.kind == QLatin1String("grade")) {
            d.fields.insert(QStringLiteral("goal"), QStringLiteral("goal-%1").arg(uniform(1, 3)));
            d.fields.insert(QStringLiteral("grade"), QString(QChar(u'A' + uniform(0, 4))));
            d.fields.insert(QStringLiteral("comment"), text(30, 200));
        } else if (d.kind == QLatin1String("email")) {
            d.fields.insert(QStringLiteral("from"), title(2, 2) + QStringLiteral(" <manager@example.com>"));
            d.fields.insert(QStringLiteral("subject"), title(3, 8));
        }
        return d;
    }

private:
    std::mt19937_64 m_rng;
    QStringList m_vocab;
    std::discrete_distribution<int> m_zipf;
};

} // namespace pt::bench
