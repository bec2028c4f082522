import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import PaperTrail

Page {
    id: page
    required property VaultController controller
    property bool useRecoveryKey: false
    title: qsTr("Unlock")

    // A device that remembers the vault opens without typing.
    Component.onCompleted: controller.unlockWithDevice()

    ColumnLayout {
        width: Math.min(parent.width, 520)
        anchors.horizontalCenter: parent.horizontalCenter
        spacing: 16

        Item { Layout.preferredHeight: 48 }
        Label {
            textFormat: Text.PlainText
            text: qsTr("Paper Trail is locked")
            font.pixelSize: TextScale.headline
            font.weight: Font.DemiBold
            wrapMode: Text.WordWrap
            Layout.fillWidth: true
            Layout.leftMargin: 24
            Layout.rightMargin: 24
        }
        TextField {
            id: secret
            focus: true
            placeholderText: page.useRecoveryKey ? qsTr("Recovery key (ptrk1…)") : qsTr("Passphrase")
            echoMode: page.useRecoveryKey ? TextInput.Normal : TextInput.Password
            // Keyboards must not learn, suggest or capitalise the passphrase or the key.
            inputMethodHints: Qt.ImhSensitiveData | Qt.ImhNoPredictiveText | Qt.ImhNoAutoUppercase
            enabled: !page.controller.busy
            Layout.fillWidth: true
            Layout.leftMargin: 24
            Layout.rightMargin: 24
            Accessible.name: page.useRecoveryKey ? qsTr("Recovery key") : qsTr("Passphrase")
            onAccepted: unlockButton.clicked()
            Component.onCompleted: forceActiveFocus()
        }
        Label {
            textFormat: Text.PlainText
            visible: text.length > 0
            text: page.controller.messagePage === VaultController.UnlockPage ? page.controller.errorMessage : ""
            color: "#c62828"
            wrapMode: Text.WordWrap
            Layout.fillWidth: true
            Layout.leftMargin: 24
            Layout.rightMargin: 24
        }
        Button {
            id: unlockButton
            text: page.controller.busy ? qsTr("Unlocking…") : qsTr("Unlock")
            highlighted: true
            enabled: !page.controller.busy && secret.text.length > 0
            Layout.fillWidth: true
            Layout.leftMargin: 24
            Layout.rightMargin: 24
            Accessible.name: qsTr("Unlock")
            onClicked: {
                if (page.useRecoveryKey)
                    page.controller.unlockWithRecoveryKey(secret.text)
                else
                    page.controller.unlock(secret.text)
                secret.clear()
            }
        }
        BusyIndicator {
            running: page.controller.busy
            visible: running
            Layout.alignment: Qt.AlignHCenter
        }
        Button {
            flat: true
            text: page.useRecoveryKey ? qsTr("Use my passphrase") : qsTr("Use the recovery key")
            Layout.alignment: Qt.AlignHCenter
            Layout.maximumWidth: page.width - 48
            onClicked: page.useRecoveryKey = !page.useRecoveryKey
        }
    }
}
