import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import PaperTrail

Page {
    id: page
    required property VaultController controller
    title: qsTr("Your recovery key")

    ColumnLayout {
        width: Math.min(parent.width, 520)
        anchors.horizontalCenter: parent.horizontalCenter
        spacing: 16

        Item { Layout.preferredHeight: 24 }
        Label {
            text: qsTr("Write down your recovery key")
            font.pixelSize: 24
            font.weight: Font.DemiBold
            wrapMode: Text.WordWrap
            Layout.fillWidth: true
            Layout.leftMargin: 24
            Layout.rightMargin: 24
        }
        Label {
            text: qsTr("It opens your vault if you forget your passphrase. It is shown only now. Keep it on paper, away from work devices.")
            wrapMode: Text.WordWrap
            Layout.fillWidth: true
            Layout.leftMargin: 24
            Layout.rightMargin: 24
        }
        TextArea {
            text: page.controller.recoveryKey
            readOnly: true
            selectByMouse: true
            wrapMode: TextEdit.WrapAnywhere
            font.family: "monospace"
            font.pixelSize: 18
            Layout.fillWidth: true
            Layout.leftMargin: 24
            Layout.rightMargin: 24
            Accessible.name: qsTr("Recovery key")
        }
        Button {
            text: qsTr("I have written it down")
            highlighted: true
            Layout.fillWidth: true
            Layout.leftMargin: 24
            Layout.rightMargin: 24
            onClicked: page.controller.forgetRecoveryKey()
        }
    }
}
