import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import PaperTrail

Page {
    id: page
    required property VaultController controller
    title: qsTr("Your recovery key")
    // Which characters to ask back: somewhere in the random part, after "ptrk1".
    readonly property int checkAt: 20 + Math.floor(Math.random() * 30)

    ColumnLayout {
        width: Math.min(parent.width, 520)
        anchors.horizontalCenter: parent.horizontalCenter
        spacing: 16

        Item { Layout.preferredHeight: 24 }
        Label {
            textFormat: Text.PlainText
            text: qsTr("Write down your recovery key")
            font.pixelSize: TextScale.headline
            font.weight: Font.DemiBold
            wrapMode: Text.WordWrap
            Layout.fillWidth: true
            Layout.leftMargin: 24
            Layout.rightMargin: 24
        }
        Label {
            textFormat: Text.PlainText
            text: qsTr("It opens your vault if you forget your passphrase. It is shown only now. Keep it on paper, away from work devices.")
            wrapMode: Text.WordWrap
            Layout.fillWidth: true
            Layout.leftMargin: 24
            Layout.rightMargin: 24
        }
        TextArea {
            id: keyText
            textFormat: TextEdit.PlainText
            text: page.controller.recoveryKey
            readOnly: true
            selectByMouse: true
            wrapMode: TextEdit.WrapAnywhere
            font.family: "monospace"
            font.pixelSize: TextScale.heading
            Layout.fillWidth: true
            Layout.leftMargin: 24
            Layout.rightMargin: 24
            Accessible.name: qsTr("Recovery key")
            // Keyboards must not learn or suggest the key.
            inputMethodHints: Qt.ImhSensitiveData | Qt.ImhNoPredictiveText | Qt.ImhNoAutoUppercase
        }
        Button {
            text: qsTr("Copy")
            flat: true
            Layout.leftMargin: 24
            Accessible.name: qsTr("Copy the recovery key")
            // Taken off the clipboard again after a minute, unless something else was copied.
            onClicked: page.controller.sensitiveClipboard.copy(page.controller.recoveryKey)
        }
        Label {
            textFormat: Text.PlainText
            text: qsTr("To check, type characters %1 to %2 of the key:").arg(page.checkAt + 1).arg(page.checkAt + 6)
            wrapMode: Text.WordWrap
            Layout.fillWidth: true
            Layout.leftMargin: 24
            Layout.rightMargin: 24
        }
        TextField {
            id: check
            placeholderText: qsTr("6 characters")
            font.family: "monospace"
            Layout.fillWidth: true
            Layout.leftMargin: 24
            Layout.rightMargin: 24
            Accessible.name: qsTr("Characters of the recovery key")
            inputMethodHints: Qt.ImhSensitiveData | Qt.ImhNoPredictiveText | Qt.ImhNoAutoUppercase
        }
        Button {
            text: qsTr("I have written it down")
            highlighted: true
            enabled: page.controller.recoveryKeyMatches(page.checkAt, check.text) && check.text.replace(/ /g, "").length === 6
            Layout.fillWidth: true
            Layout.leftMargin: 24
            Layout.rightMargin: 24
            onClicked: page.controller.forgetRecoveryKey()
        }
    }
}
