import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import PaperTrail

Page {
    id: page
    required property VaultController controller

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

            Label {
                textFormat: Text.PlainText
                visible: page.controller.statusMessage.length > 0
                text: page.controller.statusMessage
                wrapMode: Text.WordWrap
                color: Material.color(Material.Teal)
                Layout.fillWidth: true
            }
            Label {
                textFormat: Text.PlainText
                visible: page.controller.errorMessage.length > 0
                text: page.controller.errorMessage
                wrapMode: Text.WordWrap
                color: Material.color(Material.Red)
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
                text: qsTr("Lock now")
                onClicked: page.controller.lock()
            }

            Label { textFormat: Text.PlainText; text: qsTr("Appearance"); font.weight: Font.DemiBold; font.pixelSize: TextScale.subtitle; topPadding: 8 }
            ComboBox {
                model: [qsTr("Follow the system"), qsTr("Light"), qsTr("Dark")]
                currentIndex: page.controller.theme
                Accessible.name: qsTr("Theme")
                onActivated: (i) => page.controller.theme = i
                Layout.fillWidth: true
            }

            Label { textFormat: Text.PlainText; text: qsTr("Integrity"); font.weight: Font.DemiBold; font.pixelSize: TextScale.subtitle; topPadding: 8 }
            Label {
                textFormat: Text.PlainText
                text: qsTr("Verify re-checks every entry, attachment, signature and link in the chain, and says exactly what is wrong if anything is.")
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
        standardButtons: Dialog.Cancel | Dialog.Ok
        onOpened: { current.clear(); first.clear(); second.clear(); current.forceActiveFocus() }
        ColumnLayout {
            width: passphraseDialog.availableWidth
            TextField {
                id: current
                echoMode: TextInput.Password
                placeholderText: qsTr("Current passphrase")
                Layout.fillWidth: true
                Accessible.name: qsTr("Current passphrase")
            }
            TextField {
                id: first
                echoMode: TextInput.Password
                inputMethodHints: Qt.ImhSensitiveData | Qt.ImhNoPredictiveText | Qt.ImhNoAutoUppercase
                placeholderText: qsTr("New passphrase")
                Layout.fillWidth: true
                Accessible.name: qsTr("New passphrase")
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
                page.controller.changePassphrase(current.text, first.text)
            current.clear()
            first.clear()
            second.clear()
        }
    }
}
