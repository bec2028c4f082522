#pragma once
// The one name each kind of entry goes by on screen ("shout-out" is "Shout-out" everywhere:
// the capture menu, the editor, the filters, the cards, the entry page). Kinds the app does
// not know (written by a later version, or by hand with the CLI) are shown as written.
#include <QObject>
#include <QString>
#include <QtQml/qqmlregistration.h>

namespace pt::gui {

class KindNames : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON

public:
    explicit KindNames(QObject* parent = nullptr) : QObject(parent) {}

    Q_INVOKABLE [[nodiscard]] static QString label(const QString& kind);
};

} // namespace pt::gui
