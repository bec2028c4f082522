#pragma once
// The sentences that tell a person what was skipped or repaired while reading a file, kept to
// a few dozen: a hostile file could otherwise make a million of them. Numbers and sizes are
// written the way a person reads them ("10,000", "64 MiB").
#include <QString>
#include <QStringList>

namespace pt::core::intake {

class Notes final {
public:
    static constexpr int MaxNotes = 50;

    void add(const QString& note);
    // The notes, with one closing sentence for those that did not fit.
    [[nodiscard]] QStringList list() const;
    [[nodiscard]] QStringList take();
    [[nodiscard]] bool isEmpty() const { return m_notes.isEmpty(); }

private:
    QStringList m_notes;
    qint64 m_dropped = 0;
};

[[nodiscard]] QString countText(qint64 n);    // "10,000"
[[nodiscard]] QString sizeText(qint64 bytes); // "512 bytes", "1.5 KiB", "64 MiB"

} // namespace pt::core::intake
