#pragma once
// The files inside an imported email (its fields' "attachments": name, type, size, whether the
// text shows it inline), for the email view. The app keeps only the original message, so a
// file's bytes are read again from it (core::intake::attachmentBytes) when the person asks:
// a picture is decoded in memory for a preview (core::intake::decodePreview), any file is
// saved where the person chose (ChosenFile). Both run on a worker thread; the decrypted
// message and the file's bytes are wiped there when done. Nothing is cached and nothing is
// written anywhere else.
#include "Result.h"

#include <QAbstractListModel>
#include <QImage>
#include <QJsonArray>
#include <QList>
#include <QUrl>
#include <QtQml/qqmlregistration.h>

#include <functional>

namespace pt::gui {

class EmailFiles : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("EmailDetails owns the list of an email's files")
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
    // The picture asked for with preview(): its name, then its pixels (or why there are none).
    Q_PROPERTY(QString previewName READ previewName NOTIFY previewChanged)
    Q_PROPERTY(QImage previewImage READ previewImage NOTIFY previewChanged)
    Q_PROPERTY(bool previewBusy READ previewBusy NOTIFY previewChanged)
    Q_PROPERTY(QString previewProblem READ previewProblem NOTIFY previewChanged)
    Q_PROPERTY(QString previewNote READ previewNote NOTIFY previewChanged) // a file cut short, shown in part
    // The last save: a sentence, and whether it failed.
    Q_PROPERTY(bool saving READ saving NOTIFY savedChanged)
    Q_PROPERTY(QString saveMessage READ saveMessage NOTIFY savedChanged)
    Q_PROPERTY(bool saveFailed READ saveFailed NOTIFY savedChanged)

public:
    enum Role {
        NameRole = Qt::UserRole + 1, // as the sender named it ("../../x" included: shown as text)
        TypeRole,                    // "image/png"
        SizeRole,                    // bytes
        IsImageRole,                 // previewable
        InlineRole,                  // shown inside the message's text (a cid: picture)
        Sha256Role,
    };
    Q_ENUM(Role)

    // A picture's preview fits inside this (the screen, zoomed out).
    static constexpr int PreviewEdge = 2048;

    // The original message's decrypted bytes (read from the journal on the main thread).
    using MessageBytes = std::function<core::Result<QByteArray>()>;

    explicit EmailFiles(QObject* parent = nullptr);

    [[nodiscard]] int rowCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    [[nodiscard]] QString previewName() const { return m_previewName; }
    [[nodiscard]] QImage previewImage() const { return m_previewImage; }
    [[nodiscard]] bool previewBusy() const { return m_previewBusy; }
    [[nodiscard]] QString previewProblem() const { return m_previewProblem; }
    [[nodiscard]] QString previewNote() const { return m_previewNote; }
    [[nodiscard]] bool saving() const { return m_saving > 0; }
    [[nodiscard]] QString saveMessage() const { return m_saveMessage; }
    [[nodiscard]] bool saveFailed() const { return m_saveFailed; }

    // Decodes the picture in `row` for previewImage.
    Q_INVOKABLE void preview(int row);
    // Drops the preview's pixels (the viewer closed).
    Q_INVOKABLE void closePreview();
    // Where the save dialog first suggests saving `row`: Documents, under the file's own name
    // without any folders the sender put in it.
    Q_INVOKABLE [[nodiscard]] QUrl suggestedSaveUrl(int row) const;
    // Saves the file in `row` to `destination`, a local file the person chose.
    Q_INVOKABLE void save(int row, const QUrl& destination);

    // For EmailDetails: the email's files (its fields' "attachments") and how to read the
    // original message; a pending preview is dropped.
    void reset(const QJsonArray& attachments, MessageBytes messageBytes);
    // The vault locked: the preview's pixels go, and nothing pending shows up later.
    void invalidate();

signals:
    void countChanged();
    void previewChanged();
    void savedChanged();

private:
    struct File {
        QString name;
        QString type;
        qint64 size = -1;
        QString sha256;
        bool isInline = false;
        int part = -1;
    };

    void setSaveOutcome(bool failed, const QString& message);

    QList<File> m_files;
    MessageBytes m_messageBytes;
    // Raised by every reset, preview, close and lock: a decode that finishes under an older one
    // is dropped.
    quint64 m_generation = 0;
    QString m_previewName;
    QImage m_previewImage;
    bool m_previewBusy = false;
    QString m_previewProblem;
    QString m_previewNote;
    int m_saving = 0;
    QString m_saveMessage;
    bool m_saveFailed = false;
};

} // namespace pt::gui
