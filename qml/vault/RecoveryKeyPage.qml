import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import PaperTrail

// The recovery key, shown once: in numbered groups of five, easy to copy onto paper; then hidden
// while one whole group is asked back, so the check proves what is on the paper, not the screen.
Page {
    id: page
    required property VaultController controller
    title: qsTr("Your recovery key")
    // A whole group to ask back (the last, shorter one is never asked).
    readonly property int checkGroup: 1 + Math.floor(Math.random() * Math.max(1, groups.length - 1))
    readonly property var groups: controller.recoveryKeyGroups()
    property bool checking: false
    property string mismatch: ""

    ScrollView {
        anchors.fill: parent
        contentWidth: availableWidth

        ColumnLayout {
            width: Math.min(parent.width, 520)
            anchors.horizontalCenter: parent.horizontalCenter
            spacing: 16

            Item { Layout.preferredHeight: 24 }
            Label {
                textFormat: Text.PlainText
                text: page.checking ? qsTr("Check what you wrote down") : qsTr("Write down your recovery key")
                font.pixelSize: TextScale.headline
                font.weight: Font.DemiBold
                wrapMode: Text.WordWrap
                Layout.fillWidth: true
                Layout.leftMargin: 24
                Layout.rightMargin: 24
            }
            Label {
                textFormat: Text.PlainText
                text: page.checking
                      ? qsTr("The key is hidden now. Type group %1 from your paper.").arg(page.checkGroup)
                      : qsTr("It opens your vault if you forget your passphrase. It is shown only now. Write it on paper, group by group, and keep it away from work devices. It starts with ptrk1.")
                wrapMode: Text.WordWrap
                Layout.fillWidth: true
                Layout.leftMargin: 24
                Layout.rightMargin: 24
            }

            // The groups, numbered; read row by row.
            GridLayout {
                visible: !page.checking
                columns: Math.max(2, Math.floor((page.width - 48) / (TextScale.heading * 5)))
                columnSpacing: 16
                rowSpacing: 8
                Layout.leftMargin: 24
                Layout.rightMargin: 24
                Accessible.name: qsTr("Recovery key")
                Repeater {
                    model: page.groups
                    delegate: RowLayout {
                        required property int index
                        required property string modelData
                        spacing: 4
                        Label {
                            textFormat: Text.PlainText
                            text: index + 1
                            font.pixelSize: TextScale.caption
                            opacity: 0.6
                            Layout.alignment: Qt.AlignBaseline
                        }
                        Label {
                            objectName: "recoveryGroup"
                            textFormat: Text.PlainText
                            text: modelData
                            font.family: "monospace"
                            font.pixelSize: TextScale.heading
                            Accessible.name: qsTr("Group %1: %2").arg(index + 1).arg(modelData.split("").join(" "))
                            Layout.alignment: Qt.AlignBaseline
                        }
                    }
                }
            }
            Button {
                visible: !page.checking
                text: qsTr("Copy")
                flat: true
                Layout.leftMargin: 24
                Accessible.name: qsTr("Copy the recovery key")
                // Taken off the clipboard again after a minute, unless something else was copied.
                onClicked: page.controller.sensitiveClipboard.copy(page.controller.recoveryKey)
            }
            Button {
                visible: !page.checking
                text: qsTr("I have written it down")
                highlighted: true
                Layout.fillWidth: true
                Layout.leftMargin: 24
                Layout.rightMargin: 24
                onClicked: { page.mismatch = ""; page.checking = true; check.clear(); check.forceActiveFocus() }
            }

            TextField {
                id: check
                visible: page.checking
                placeholderText: qsTr("Group %1").arg(page.checkGroup)
                font.family: "monospace"
                Layout.fillWidth: true
                Layout.leftMargin: 24
                Layout.rightMargin: 24
                Accessible.name: qsTr("Group %1 of the recovery key").arg(page.checkGroup)
                inputMethodHints: Qt.ImhSensitiveData | Qt.ImhNoPredictiveText | Qt.ImhNoAutoUppercase
                onTextEdited: page.mismatch = ""
                onAccepted: checkButton.clicked()
            }
            Label {
                textFormat: Text.PlainText
                visible: page.checking && page.mismatch.length > 0
                text: page.mismatch
                color: "#c62828"
                wrapMode: Text.WordWrap
                Layout.fillWidth: true
                Layout.leftMargin: 24
                Layout.rightMargin: 24
            }
            Button {
                id: checkButton
                visible: page.checking
                text: qsTr("Check")
                highlighted: true
                enabled: check.text.length > 0
                Layout.fillWidth: true
                Layout.leftMargin: 24
                Layout.rightMargin: 24
                onClicked: {
                    page.mismatch = page.controller.recoveryGroupMismatch(page.checkGroup, check.text)
                    if (page.mismatch.length === 0)
                        page.controller.forgetRecoveryKey()
                }
            }
            Button {
                visible: page.checking
                text: qsTr("Show the key again")
                flat: true
                Layout.leftMargin: 24
                onClicked: page.checking = false
            }
        }
    }
}
