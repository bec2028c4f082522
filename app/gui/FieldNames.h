#pragma once
// The one name each field of an entry goes by on screen, by the stable key the core uses for it
// (core::FieldChange::field): "title" is "Title", "occurred_at" "Happened", and the meeting
// sections "fields.attendees" .. "fields.action_items" are "Present", "Agreed", "Not agreed"
// and "Next steps", on the entry page and in its history alike. Translatable; a field the app
// does not know is shown by its key in words ("fields.pay_grade" is "Pay grade").
#include <QObject>
#include <QString>
#include <QtQml/qqmlregistration.h>

namespace pt::gui {

class FieldNames : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON

public:
    explicit FieldNames(QObject* parent = nullptr) : QObject(parent) {}

    Q_INVOKABLE [[nodiscard]] static QString label(const QString& field);
};

} // namespace pt::gui
