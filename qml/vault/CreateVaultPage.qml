import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import PaperTrail

Page {
    id: page
    required property VaultController controller
    // The other first start: this device joins a vault another device already has.
    signal linkRequested()
    title: qsTr("Create your vault")

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
                text: qsTr("Paper Trail")
                font.pixelSize: TextScale.display
                font.weight: Font.DemiBold
                Layout.leftMargin: 24
            }
            Label {
                textFormat: Text.PlainText
                text: qsTr("Write it down as it happens. Everything you keep here is encrypted on this device with a passphrase only you know.")
                wrapMode: Text.WordWrap
                Layout.fillWidth: true
                Layout.leftMargin: 24
                Layout.rightMargin: 24
            }
            Button {
                text: qsTr("I already have a Paper Trail vault")
                enabled: !page.controller.busy
                Accessible.name: qsTr("I already have a Paper Trail vault")
                onClicked: page.linkRequested()
                Layout.fillWidth: true
                Layout.leftMargin: 24
                Layout.rightMargin: 24
            }
            Label {
                textFormat: Text.PlainText
                text: qsTr("Or make a new vault on this device:")
                font.weight: Font.DemiBold
                wrapMode: Text.WordWrap
                Layout.fillWidth: true
                Layout.leftMargin: 24
                Layout.rightMargin: 24
                Layout.topMargin: 8
            }
            TextField {
                id: passphrase
                placeholderText: qsTr("Passphrase")
                echoMode: TextInput.Password
                // Keyboards must not learn, suggest or capitalise the passphrase.
                inputMethodHints: Qt.ImhSensitiveData | Qt.ImhNoPredictiveText | Qt.ImhNoAutoUppercase
                Layout.fillWidth: true
                Layout.leftMargin: 24
                Layout.rightMargin: 24
                Accessible.name: qsTr("New passphrase")
                enabled: !page.controller.busy
            }
            PassphraseStrength {
                id: strength
                passphrase: passphrase.text
            }
            ColumnLayout {
                visible: passphrase.text.length > 0
                spacing: 4
                Layout.fillWidth: true
                Layout.leftMargin: 24
                Layout.rightMargin: 24
                ProgressBar {
                    from: 0
                    to: 4
                    value: strength.score + 0.25
                    Layout.fillWidth: true
                    Accessible.name: qsTr("Passphrase strength")
                }
                Label {
                    textFormat: Text.PlainText
                    text: qsTr("Guessing it would take %1.").arg(strength.crackTimeText) +
                          (strength.feedback.length > 0 ? " " + strength.feedback : "")
                    wrapMode: Text.WordWrap
                    font.pixelSize: TextScale.small
                    Layout.fillWidth: true
                }
            }
            TextField {
                id: repeat
                placeholderText: qsTr("Repeat the passphrase")
                echoMode: TextInput.Password
                inputMethodHints: Qt.ImhSensitiveData | Qt.ImhNoPredictiveText | Qt.ImhNoAutoUppercase
                Layout.fillWidth: true
                Layout.leftMargin: 24
                Layout.rightMargin: 24
                Accessible.name: qsTr("Repeat the passphrase")
                enabled: !page.controller.busy
                onAccepted: createButton.clicked()
            }
            CheckBox {
                id: allowWeak
                visible: passphrase.text.length > 0 && strength.weak
                text: qsTr("Use this weak passphrase anyway")
                Accessible.name: qsTr("Use this weak passphrase anyway")
                Layout.leftMargin: 16
            }
            Switch {
                id: remember
                text: qsTr("Remember on this device")
                Layout.leftMargin: 16
                Accessible.name: qsTr("Remember on this device")
            }
            Label {
                textFormat: Text.PlainText
                text: qsTr("If you lose this passphrase and the recovery key shown next, nobody can open your records: not us, not anyone.")
                wrapMode: Text.WordWrap
                font.pixelSize: TextScale.small
                opacity: 0.8
                Layout.fillWidth: true
                Layout.leftMargin: 24
                Layout.rightMargin: 24
            }
            Label {
                textFormat: Text.PlainText
                visible: text.length > 0
                text: passphrase.text.length > 0 && repeat.text.length > 0 && passphrase.text !== repeat.text
                      ? qsTr("The two passphrases differ.")
                      : page.controller.messagePage === VaultController.CreatePage ? page.controller.errorMessage : ""
                color: "#c62828"
                wrapMode: Text.WordWrap
                Layout.fillWidth: true
                Layout.leftMargin: 24
                Layout.rightMargin: 24
            }
            Button {
                id: createButton
                text: page.controller.busy ? qsTr("Creating…") : qsTr("Create vault")
                highlighted: true
                // A passphrase guessable within a day needs the person's explicit yes, with the meter's words above.
                enabled: !page.controller.busy && passphrase.text.length > 0 && passphrase.text === repeat.text &&
                         (!strength.weak || allowWeak.checked)
                Layout.fillWidth: true
                Layout.leftMargin: 24
                Layout.rightMargin: 24
                Accessible.name: qsTr("Create vault")
                onClicked: {
                    page.controller.create(passphrase.text, remember.checked, allowWeak.checked)
                    passphrase.clear()
                    repeat.clear()
                }
            }
            BusyIndicator {
                running: page.controller.busy
                visible: running
                Layout.alignment: Qt.AlignHCenter
            }
        }
    }
}
