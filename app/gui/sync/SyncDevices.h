#pragma once
// The device list in the sync settings: each device of this vault as the remote lists it (name,
// last sync, records), this one and any revoked one marked, and "Revoke" for a lost or stolen
// one (Journal::revoke; the next sync takes the revocation to the other devices). Reading the
// list is two listings and two reads per device, so it is read when asked for, never on a timer.
#include "sync/DeviceList.h"
#include "sync/RemoteSettings.h"

#include <QObject>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

namespace pt::gui {

class VaultController;

class SyncDevices : public QObject {
    Q_OBJECT
    QML_ELEMENT
    Q_MOC_INCLUDE("VaultController.h")
    Q_PROPERTY(VaultController* controller READ controller WRITE setController NOTIFY controllerChanged)
    // [{id, name, thisDevice, addedAt, lastSynced, records, revoked, revokedAt, refused}]
    Q_PROPERTY(QVariantList devices READ devices NOTIFY changed)
    Q_PROPERTY(bool busy READ busy NOTIFY changed)
    Q_PROPERTY(QString message READ message NOTIFY changed) // what went wrong, or why the list is empty

public:
    explicit SyncDevices(QObject* parent = nullptr);

    [[nodiscard]] VaultController* controller() const { return m_controller; }
    void setController(VaultController* controller);
    [[nodiscard]] QVariantList devices() const;
    [[nodiscard]] bool busy() const { return m_busy; }
    [[nodiscard]] QString message() const { return m_message; }

    Q_INVOKABLE void refresh();
    Q_INVOKABLE bool revoke(const QString& device);

signals:
    void controllerChanged();
    void changed();

private:
    // The device list from the remote `settings` name, read on a worker.
    void read(const core::sync::RemoteSettings& settings, const QString& password);
    void setMessage(const QString& message);

    VaultController* m_controller = nullptr;
    QList<core::sync::ListedDevice> m_listed;
    bool m_busy = false;
    QString m_message;
};

} // namespace pt::gui
