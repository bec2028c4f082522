import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import PaperTrail

// Settings' Devices section: the devices of this vault as the sync remote lists them, and
// revoking a lost or stolen one, with what revoking does not do said before it is done.
ColumnLayout {
    id: section
    required property VaultController controller
    spacing: 10

    SyncDevices {
        id: devices
        controller: section.controller
    }

    Label { textFormat: Text.PlainText; text: qsTr("Devices"); font.weight: Font.DemiBold; font.pixelSize: TextScale.subtitle }
    Button {
        text: devices.busy ? qsTr("Reading the device list\u2026") : qsTr("Show devices")
        enabled: !devices.busy
        Accessible.name: qsTr("Show devices")
        onClicked: devices.refresh()
    }
    Label {
        textFormat: Text.PlainText
        visible: devices.message.length > 0
        text: devices.message
        wrapMode: Text.WordWrap
        Layout.fillWidth: true
    }
    Repeater {
        model: devices.devices
        delegate: ColumnLayout {
            id: row
            required property var modelData
            spacing: 2
            Layout.fillWidth: true
            Label {
                textFormat: Text.PlainText
                text: row.modelData.thisDevice ? qsTr("%1 (this device)").arg(row.modelData.name) : row.modelData.name
                font.weight: Font.DemiBold
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }
            Label {
                textFormat: Text.PlainText
                readonly property string format: "d MMM yyyy, HH:mm"
                text: row.modelData.revoked
                      ? qsTr("Revoked %1: what it writes is refused (%2 so far)").arg(Qt.formatDateTime(row.modelData.revokedAt, format)).arg(row.modelData.refused)
                      : row.modelData.records > 0
                        ? qsTr("Last synced %1 \u00B7 %2 records").arg(Qt.formatDateTime(row.modelData.lastSynced, format)).arg(row.modelData.records)
                        : qsTr("Linked %1 \u00B7 nothing written yet").arg(Qt.formatDateTime(row.modelData.addedAt, format))
                color: row.modelData.revoked ? Material.color(Material.Red) : Material.foreground
                font.pixelSize: TextScale.small
                wrapMode: Text.WordWrap
                Layout.fillWidth: true
            }
            Button {
                visible: !row.modelData.thisDevice && !row.modelData.revoked
                text: qsTr("Revoke\u2026")
                flat: true
                Accessible.name: qsTr("Revoke %1").arg(row.modelData.name)
                onClicked: { revokeDialog.device = row.modelData; revokeDialog.open() }
            }
        }
    }

    Dialog {
        id: revokeDialog
        property var device: ({ id: "", name: "" })
        parent: Overlay.overlay
        anchors.centerIn: parent
        width: Math.min(parent.width - 32, 480)
        modal: true
        title: qsTr("Revoke %1?").arg(device.name)
        footer: DialogButtonBox {
            Button { text: qsTr("Cancel"); flat: true; DialogButtonBox.buttonRole: DialogButtonBox.RejectRole }
            Button { text: qsTr("Revoke"); flat: true; Accessible.name: qsTr("Revoke"); DialogButtonBox.buttonRole: DialogButtonBox.AcceptRole }
        }
        onAccepted: devices.revoke(device.id)
        ColumnLayout {
            width: revokeDialog.availableWidth
            Label {
                textFormat: Text.PlainText
                Layout.fillWidth: true
                wrapMode: Text.WordWrap
                text: qsTr("Your other devices will refuse anything it writes from now on; what it wrote before stays. It still holds the vault's key, so it can still read what it has and what is on your sync storage. Changing your passphrase does not change that key.")
            }
        }
    }
}
