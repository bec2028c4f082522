#pragma once
// The emails of the pick list: one row per message of the mbox files and .eml files brought in,
// as one streaming scan listed them (core::intake::MailSummary), filtered by sender, a range of
// days, words in the subject and words in the body, each ticked or not.
//
// A Google Takeout holds 100,000 messages: this is a QAbstractListModel (QML makes delegates for
// the rows on screen only) over the summaries, which hold only what the list shows. The header
// filters run here, at once; words in the bodies need each message's text, so the rows that
// pass the headers wait (bodyPending) until IntakeController has read their bodies on a worker
// (core::intake::matchBodies) and given the answers to setBodyMatches.
//
// Ticks: every message that can be imported and is not already in the journal starts ticked;
// the filters narrow the list, and what Import brings in is what is ticked and shown (`chosen`).
// Ticks are kept while the filters change: a ticked message the filters hide stays out
// (chosenHidden) and comes back in when they show it again.
#include "intake/MailPickFilter.h"
#include "intake/MailSummary.h"

#include <QAbstractListModel>
#include <QDate>
#include <QHash>
#include <QList>
#include <QSet>
#include <QtQml/qqmlregistration.h>

namespace pt::gui {

class MailPickModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("The intake controller owns its pick lists")
    Q_PROPERTY(int total READ total NOTIFY countsChanged)
    Q_PROPERTY(int shown READ rowCount NOTIFY countsChanged)
    Q_PROPERTY(int chosen READ chosen NOTIFY countsChanged)
    Q_PROPERTY(int chosenHidden READ chosenHidden NOTIFY countsChanged)
    // Of every message listed: already in the journal, and those that cannot be imported.
    Q_PROPERTY(int held READ held NOTIFY countsChanged)
    Q_PROPERTY(int unreadable READ unreadable NOTIFY countsChanged)
    // Shown rows that can be ticked (neither held nor unreadable).
    Q_PROPERTY(int choosableShown READ choosableShown NOTIFY countsChanged)
    // "1,204 of 98,311 chosen", with what the filters hide when they hide ticked ones.
    Q_PROPERTY(QString countText READ countText NOTIFY countsChanged)

    // The filters, as typed. Days are ISO dates ("2026-11-03"), empty for an open end.
    Q_PROPERTY(QString sender READ sender WRITE setSender NOTIFY filterChanged)
    Q_PROPERTY(QString fromDay READ fromDay WRITE setFromDay NOTIFY filterChanged)
    Q_PROPERTY(QString toDay READ toDay WRITE setToDay NOTIFY filterChanged)
    Q_PROPERTY(QString subjectWords READ subjectWords WRITE setSubjectWords NOTIFY filterChanged)
    Q_PROPERTY(QString bodyWords READ bodyWords WRITE setBodyWords NOTIFY filterChanged)
    Q_PROPERTY(bool filtered READ filtered NOTIFY filterChanged)
    // The day range as typed is not a pair of dates, or runs backwards: a sentence, or empty.
    Q_PROPERTY(QString dayProblem READ dayProblem NOTIFY filterChanged)
    // Rows that pass the header filters and whose bodies have not been searched for the words
    // yet: shown once they have (then only if their text holds every word).
    Q_PROPERTY(int bodyPending READ bodyPending NOTIFY countsChanged)

public:
    enum Role {
        DateRole = Qt::UserRole + 1, // "Tue 3 Nov 2026 14:05", or "(no date)"
        DateGuessedRole,             // the date is the file's: the message had none
        FromRole,
        SubjectRole,
        AttachmentsRole,
        HeldRole,     // already in the journal
        ProblemRole,  // why it cannot be imported, or empty
        NotesRole,    // what would be skipped or repaired in it, in sentences
        ChosenRole,
        ChoosableRole,
        SourceRole,   // the file it is in
    };
    Q_ENUM(Role)

    struct Row {
        core::intake::MailSummary summary;
        int group = 0; // the mbox (or the set of .eml files) it came from (IntakeController)
        bool held = false;
        bool chosen = false;
        quint32 bodyGeneration = 0; // the body words its body was searched for
        bool bodyMatch = false;
    };

    explicit MailPickModel(QObject* parent = nullptr);

    [[nodiscard]] int rowCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role) const override;
    [[nodiscard]] bool setData(const QModelIndex& index, const QVariant& value, int role) override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    [[nodiscard]] int total() const { return int(m_rows.size()); }
    [[nodiscard]] int chosen() const { return m_chosenShown; }
    [[nodiscard]] int chosenHidden() const { return m_chosenAll - m_chosenShown; }
    [[nodiscard]] int held() const { return m_held; }
    [[nodiscard]] int unreadable() const { return m_unreadable; }
    [[nodiscard]] int choosableShown() const { return m_choosableShown; }
    [[nodiscard]] QString countText() const;
    [[nodiscard]] int bodyPending() const { return m_bodyPending; }

    [[nodiscard]] QString sender() const { return m_sender; }
    void setSender(const QString& sender);
    [[nodiscard]] QString fromDay() const { return m_fromDay; }
    void setFromDay(const QString& day);
    [[nodiscard]] QString toDay() const { return m_toDay; }
    void setToDay(const QString& day);
    [[nodiscard]] QString subjectWords() const { return m_subjectWords; }
    void setSubjectWords(const QString& words);
    [[nodiscard]] QString bodyWords() const { return m_bodyWords; }
    void setBodyWords(const QString& words);
    [[nodiscard]] bool filtered() const;
    [[nodiscard]] QString dayProblem() const;

    // Ticks or unticks a shown row (one that can be imported).
    Q_INVOKABLE void setChosen(int row, bool chosen);
    Q_INVOKABLE void toggle(int row);
    // Every shown row that can be imported, or none of the shown rows.
    Q_INVOKABLE void chooseAll();
    Q_INVOKABLE void chooseNone();
    Q_INVOKABLE void clearFilters();

    // For IntakeController.
    void append(QList<Row> rows);
    void clear();
    // The filter as MailPickFilter takes it (body words split into words).
    [[nodiscard]] core::intake::MailPickFilter filter() const;
    [[nodiscard]] QStringList bodyWordList() const;
    [[nodiscard]] quint32 bodyGeneration() const { return m_bodyGeneration; }
    // Rows that pass the header filters and wait for their bodies to be searched.
    [[nodiscard]] QList<const Row*> bodyCandidates() const;
    // What a search of the bodies for the words of `generation` found: `checked` were read (by
    // group and index), `matched` of them hold every word. Ignored when the words changed since.
    void setBodyMatches(quint32 generation, const QList<QPair<int, qint64>>& checked,
                        const QList<QPair<int, qint64>>& matched);
    // The ticked rows that are shown: what Import brings in.
    [[nodiscard]] QList<const Row*> chosenRows() const;
    // After an import: these are in the journal now (no longer ticked).
    void markHeld(const QList<QPair<int, qint64>>& keys);
    // The .eml files listed (their paths).
    [[nodiscard]] QSet<QString> emlFiles() const;
    // The words typed for the body filter are dropped (its search was cancelled).
    void dropBodyWords();

signals:
    void countsChanged();
    void filterChanged();
    // The body words changed: their search (if any) must start again.
    void bodyWordsChanged();

private:
    static qint64 keyOf(int group, qint64 index) { return (qint64(group) << 40) | index; }
    [[nodiscard]] bool passesHeaders(const Row& row, const core::intake::MailPickFilter& filter) const;
    [[nodiscard]] bool shownNow(const Row& row, const core::intake::MailPickFilter& filter, bool needsBodies) const;
    // Recomputes which rows are shown and the counts.
    void refilter();
    void recount();
    void setChosenAt(qsizetype rowIndex, bool chosen);

    QList<Row> m_rows;
    QList<qsizetype> m_shown;           // indexes into m_rows
    QHash<qint64, qsizetype> m_byKey;   // keyOf(group, index) -> index into m_rows
    QString m_sender, m_fromDay, m_toDay, m_subjectWords, m_bodyWords;
    quint32 m_bodyGeneration = 1;
    int m_chosenAll = 0, m_chosenShown = 0, m_held = 0, m_unreadable = 0, m_choosableShown = 0, m_bodyPending = 0;
};

} // namespace pt::gui
