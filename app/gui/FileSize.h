#pragma once
// A file's size as the app shows it: "1 byte", "512 bytes", "1.5 KiB", "3.2 MiB" (the figures of
// core::byteSize, as the CLI shows them, in translatable words and the locale's decimal point).
#include <QObject>
#include <QString>
#include <QtQml/qqmlregistration.h>

namespace pt::gui {

class FileSize : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON

public:
    explicit FileSize(QObject* parent = nullptr) : QObject(parent) {}

    Q_INVOKABLE [[nodiscard]] static QString text(qint64 bytes);
};

} // namespace pt::gui
