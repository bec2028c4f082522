import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import PaperTrail

Page {
    id: page
    required property VaultController controller
    required property SyncController sync
    signal exportRequested()

    header: ToolBar {
        Label {
            textFormat: Text.PlainText
            anchors.verticalCenter: parent.verticalCenter
            x: 16
            text: qsTr("Settings")
            font.pixelSize: TextScale.title
        }
    }

    Flickable {
        id: flick
        anchors.fill: parent
        contentHeight: column.implicitHeight + 32
        clip: true
        ScrollBar.vertical: ScrollBar {}

        ColumnLayout {
            id: column
            x: 16
            y: 16
            width: flick.width - 32
            spacing: 14

            MessageBanner {
                readonly property bool mine: page.controller.messagePage === VaultController.SettingsPage
                text: mine ? page.controller.statusMessage : ""
                onClosed: page.controller.clearMessages()
                Layout.fillWidth: true
            }
            MessageBanner {
                readonly property bool mine: page.controller.messagePage === VaultController.SettingsPage
                text: mine ? page.controller.errorMessage : ""
                isError: true
                onClosed: page.controller.clearMessages()
                Layout.fillWidth: true
            }

            SyncSettings {
                sync: page.sync
                Layout.fillWidth: true
            }
            DevicesSection {
                controller: page.controller
                Layout.fillWidth: true
            }

            Label { textFormat: Text.PlainText; text: qsTr("Security"); font.weight: Font.DemiBold; font.pixelSize: TextScale.subtitle }
            RowLayout {
                Layout.fillWidth: true
                Label { textFormat: Text.PlainText; text: qsTr("Lock after idle (minutes)"); Layout.fillWidth: true; wrapMode: Text.WordWrap }
                SpinBox {
                    from: 1
                    to: 120
                    value: page.controller.autoLockMinutes
                    editable: true
                    Accessible.name: qsTr("Minutes of inactivity before locking")
                    onValueModified: page.controller.autoLockMinutes = value
                }
            }
            Switch {
                id: rememberSwitch
                text: qsTr("Remember on this device (open without the passphrase)")
                contentItem: Label { // wraps instead of cutting the explanation short
                    textFormat: Text.PlainText
                    leftPadding: rememberSwitch.indicator.width + rememberSwitch.spacing
                    text: rememberSwitch.text
                    wrapMode: Text.WordWrap
                    verticalAlignment: Text.AlignVCenter
                }
                checked: page.controller.remembered
                enabled: !page.controller.busy
                Accessible.name: qsTr("Remember on this device")
                onToggled: page.controller.setRemembered(checked)
                Layout.fillWidth: true
            }
            Button {
                text: qsTr("Change passphrase\u2026")
                enabled: !page.controller.busy
                onClicked: passphraseDialog.open()
            }
            Button {
                text: qsTr("New recovery key\u2026")
                enabled: !page.controller.busy
                Accessible.name: qsTr("Replace the recovery key")
                onClicked: recoveryDialog.open()
            }
            Button {
                text: qsTr("Lock now")
                onClicked: page.controller.lockNow()
            }

            Label { textFormat: Text.PlainText; text: qsTr("Appearance"); font.weight: Font.DemiBold; font.pixelSize: TextScale.subtitle; topPadding: 8 }
            ComboBox {
                model: [qsTr("Follow the system"), qsTr("Light"), qsTr("Dark")]
                currentIndex: page.controller.theme
                Accessible.name: qsTr("Theme")
                onActivated: (i) => page.controller.theme = i
                Layout.fillWidth: true
            }

            Label { textFormat: Text.PlainText; text: qsTr("For a lawyer"); font.weight: Font.DemiBold; font.pixelSize: TextScale.subtitle; topPadding: 8 }
            Label {
                textFormat: Text.PlainText
                text: qsTr("One encrypted file with a report of your entries, the original files and a signed record, that a lawyer or union representative opens and checks with standard tools.")
                wrapMode: Text.WordWrap
                opacity: 0.8
                Layout.fillWidth: true
            }
            Button {
                text: qsTr("Export for a lawyer…")
                Accessible.name: qsTr("Export for a lawyer")
                onClicked: page.exportRequested()
            }

            Label { textFormat: Text.PlainText; text: qsTr("Integrity"); font.weight: Font.DemiBold; font.pixelSize: TextScale.subtitle; topPadding: 8 }
            Label {
                textFormat: Text.PlainText
                text: qsTr("Verify re-checks every entry, edit, attachment, signature and link in the chain, and compares the journal with what this device saw before, so records removed since then are noticed. It names exactly what is wrong. It cannot see what was removed before this device first opened the vault: write down the journal head it shows, or keep a synced copy.")
                wrapMode: Text.WordWrap
                opacity: 0.8
                Layout.fillWidth: true
            }
            Button {
                text: qsTr("Verify the vault")
                enabled: !page.controller.busy
                onClicked: { page.controller.clearMessages(); page.controller.verify() }
            }
        }
    }

    Dialog {
        id: passphraseDialog
        anchors.centerIn: parent
        width: Math.min(parent.width - 32, 420)
        modal: true
        title: qsTr("Change passphrase")
        footer: DialogButtonBox {
            Button { text: qsTr("Cancel"); flat: true; DialogButtonBox.buttonRole: DialogButtonBox.RejectRole }
            Button {
                text: qsTr("Change passphrase")
                flat: true
                enabled: current.text.length > 0 && first.text.length > 0 && first.text === second.text
                         && (!newStrength.weak || allowWeakNew.checked)
                DialogButtonBox.buttonRole: DialogButtonBox.AcceptRole
            }
        }
        onOpened: { current.clear(); first.clear(); second.clear(); allowWeakNew.checked = false; current.focusInput() }
        ColumnLayout {
            width: passphraseDialog.availableWidth
            CurrentSecretField {
                id: current
                Layout.fillWidth: true
            }
            TextField {
                id: first
                echoMode: TextInput.Password
                inputMethodHints: Qt.ImhSensitiveData | Qt.ImhNoPredictiveText | Qt.ImhNoAutoUppercase
                placeholderText: qsTr("New passphrase")
                Layout.fillWidth: true
                Accessible.name: qsTr("New passphrase")
            }
            PassphraseStrength {
                id: newStrength
                passphrase: first.text
            }
            Label {
                textFormat: Text.PlainText
                visible: first.text.length > 0
                text: qsTr("Guessing it would take %1.").arg(newStrength.crackTimeText) +
                      (newStrength.feedback.length > 0 ? " " + newStrength.feedback : "")
                wrapMode: Text.WordWrap
                font.pixelSize: TextScale.small
                Layout.fillWidth: true
            }
            CheckBox {
                id: allowWeakNew
                visible: first.text.length > 0 && newStrength.weak
                text: qsTr("Use this weak passphrase anyway")
                Accessible.name: qsTr("Use this weak passphrase anyway")
            }
            TextField {
                id: second
                echoMode: TextInput.Password
                inputMethodHints: Qt.ImhSensitiveData | Qt.ImhNoPredictiveText | Qt.ImhNoAutoUppercase
                placeholderText: qsTr("Repeat it")
                Layout.fillWidth: true
                Accessible.name: qsTr("Repeat the new passphrase")
            }
            Label {
                textFormat: Text.PlainText
                visible: second.text.length > 0 && first.text !== second.text
                text: qsTr("The two passphrases differ.")
                color: Material.color(Material.Red)
            }
        }
        onAccepted: {
            if (current.text.length > 0 && first.text.length > 0 && first.text === second.text)
                page.controller.changePassphrase(current.text, first.text, current.usesRecoveryKey, allowWeakNew.checked)
            current.clear()
            first.clear()
            second.clear()
        }
    }

    Dialog {
        id: recoveryDialog
        objectName: "recoveryKeyDialog"
        anchors.centerIn: parent
        width: Math.min(parent.width - 32, 420)
        modal: true
        title: qsTr("New recovery key")
        onOpened: { recoveryCurrent.clear(); recoveryCurrent.focusInput() }
        ColumnLayout {
            width: recoveryDialog.availableWidth
            Label {
                textFormat: Text.PlainText
                text: qsTr("A new recovery key is made and shown once; the old one stops opening this vault. Use it if the old one was seen by someone else or lost.")
                wrapMode: Text.WordWrap
                Layout.fillWidth: true
            }
            CurrentSecretField {
                id: recoveryCurrent
                Layout.fillWidth: true
            }
        }
        footer: DialogButtonBox {
            Button {
                text: qsTr("Cancel")
                DialogButtonBox.buttonRole: DialogButtonBox.RejectRole
            }
            Button {
                text: qsTr("Make a new key")
                enabled: recoveryCurrent.text.length > 0
                DialogButtonBox.buttonRole: DialogButtonBox.AcceptRole
            }
        }
        onAccepted: {
            page.controller.replaceRecoveryKey(recoveryCurrent.text, recoveryCurrent.usesRecoveryKey)
            recoveryCurrent.clear()
        }
    }
}
