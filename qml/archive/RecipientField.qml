import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Dialogs
import QtQuick.Layouts
import PaperTrail

// Who can open the archive: the lawyer's age public key and anyone else's (typed, pasted or read
// from a file that may hold several, each checked as it is typed), or a passphrase: a generated one to read out over the phone, or the
// person's own (at least 12 characters, typed twice).
ColumnLayout {
    id: field
    required property ExportController exporter
    // The person chose to type their own passphrase instead of a generated one.
    property bool typingOwn: false
    readonly property string ownPassphrase: typingOwn ? ownField.text : ""
    readonly property string ownProblem: typingOwn ? exporter.passphraseProblem(ownField.text) : ""
    readonly property bool ready: exporter.usePassphrase
                                  ? (typingOwn ? ownField.text.length > 0 && ownProblem.length === 0 && ownField.text === repeatField.text
                                               : exporter.generatedPassphrase.length > 0)
                                  : exporter.publicKeyValid
    spacing: 8

    // A choice whose text wraps on a narrow window instead of widening the page.
    component Choice: RadioButton {
        id: choice
        Layout.fillWidth: true
        contentItem: Label {
            textFormat: Text.PlainText
            leftPadding: choice.indicator.width + choice.spacing
            text: choice.text
            font: choice.font
            wrapMode: Text.WordWrap
            verticalAlignment: Text.AlignVCenter
        }
    }

    // A new empty key field, with the keyboard in it.
    function addKey() {
        exporter.addPublicKey()
        Qt.callLater(() => { const row = keys.itemAt(keys.count - 1); if (row) row.focusField() })
    }
    // The keyboard goes to the field before, or to "Add another" when the first is gone.
    function removeKey(index) {
        exporter.removePublicKey(index)
        Qt.callLater(() => {
            const row = keys.itemAt(Math.max(0, index - 1))
            if (index > 0 && row)
                row.focusField()
            else
                addKeyButton.forceActiveFocus()
        })
    }

    function clearOwn() {
        ownField.clear()
        repeatField.clear()
    }

    Label {
        textFormat: Text.PlainText
        text: qsTr("Who can open it")
        font.weight: Font.DemiBold
        font.pixelSize: TextScale.subtitle
        Layout.topMargin: 8
    }
    Choice {
        text: qsTr("Your lawyer's age public key")
        checked: !field.exporter.usePassphrase
        Accessible.name: qsTr("Encrypt to your lawyer's public key")
        onToggled: if (checked) field.exporter.usePassphrase = false
    }
    Choice {
        text: qsTr("A passphrase")
        checked: field.exporter.usePassphrase
        Accessible.name: qsTr("Encrypt with a passphrase")
        onToggled: if (checked) field.exporter.usePassphrase = true
    }

    // The public keys: the lawyer's, and anyone else's who should open it (a union
    // representative), each checked as typed; a repeat is refused too.
    ColumnLayout {
        visible: !field.exporter.usePassphrase
        spacing: 8
        Layout.fillWidth: true
        Layout.leftMargin: 8

        Label {
            textFormat: Text.PlainText
            text: qsTr("Only your lawyer can open it, with their secret key. They make the key pair with age-keygen (or papertrail-cli keygen) and send you the public half, which starts with age1. To let someone else open it too, such as a union representative, add their public key: each person opens it with their own secret key.")
            wrapMode: Text.WordWrap
            opacity: 0.8
            Layout.fillWidth: true
        }
        Repeater {
            id: keys
            model: field.exporter.publicKeyCount
            delegate: ColumnLayout {
                id: keyRow
                required property int index
                readonly property string typed: field.exporter.publicKeys[index] ?? ""
                readonly property string problem: field.exporter.publicKeyProblems[index] ?? ""
                function focusField() { keyField.forceActiveFocus() }
                spacing: 4
                Layout.fillWidth: true

                Label {
                    visible: field.exporter.publicKeyCount > 1
                    textFormat: Text.PlainText
                    text: keyRow.index === 0 ? qsTr("Key 1 (your lawyer's)") : qsTr("Key %1").arg(keyRow.index + 1)
                    font.pixelSize: TextScale.small
                    font.weight: Font.DemiBold
                    Layout.topMargin: keyRow.index > 0 ? 4 : 0
                }
                RowLayout {
                    spacing: 4
                    Layout.fillWidth: true
                    TextField {
                        id: keyField
                        text: keyRow.typed
                        placeholderText: qsTr("age1\u2026")
                        font.family: "monospace"
                        inputMethodHints: Qt.ImhNoPredictiveText | Qt.ImhNoAutoUppercase | Qt.ImhPreferLowercase
                        Accessible.name: keyRow.index === 0 ? qsTr("Lawyer's public key") : qsTr("Public key %1").arg(keyRow.index + 1)
                        Layout.fillWidth: true
                        onTextEdited: field.exporter.setPublicKeyAt(keyRow.index, text)
                        // Unless being typed in, a key shows from its start (age1...), not its end.
                        autoScroll: activeFocus
                    }
                    ToolButton {
                        visible: field.exporter.publicKeyCount > 1
                        text: "\u2715"
                        Accessible.name: qsTr("Remove key %1").arg(keyRow.index + 1)
                        onClicked: field.removeKey(keyRow.index)
                    }
                }
                Label {
                    textFormat: Text.PlainText
                    visible: text.length > 0
                    text: keyRow.problem
                    color: Material.color(Material.Red)
                    wrapMode: Text.WordWrap
                    Accessible.name: qsTr("Problem: %1").arg(text)
                    Layout.fillWidth: true
                }
                Label {
                    textFormat: Text.PlainText
                    visible: keyRow.typed.trim().length > 0 && keyRow.problem.length === 0 && field.exporter.keyFileNote.length === 0
                    text: qsTr("This is a valid age public key.")
                    color: Material.color(Material.Teal)
                    wrapMode: Text.WordWrap
                    Layout.fillWidth: true
                }
            }
        }
        Flow {
            spacing: 8
            Layout.fillWidth: true
            WrappingButton {
                id: addKeyButton
                text: qsTr("Add another person's key")
                Accessible.name: qsTr("Add another public key")
                width: Math.min(implicitWidth, field.width - 8)
                onClicked: field.addKey()
            }
            WrappingButton {
                text: qsTr("Load keys from a file\u2026")
                Accessible.name: qsTr("Load public keys from a file")
                width: Math.min(implicitWidth, field.width - 8)
                onClicked: keyDialog.open()
            }
        }
        Label {
            textFormat: Text.PlainText
            visible: text.length > 0
            text: field.exporter.keyFileNote
            color: field.exporter.keyFileProblem ? Material.color(Material.Red) : Material.foreground
            wrapMode: Text.WordWrap
            Layout.fillWidth: true
        }
        Label {
            objectName: "recipientSummary"
            textFormat: Text.PlainText
            visible: field.exporter.recipientKeys.length > 1
            text: qsTr("Any one of these %1 keys opens the archive, each with its own secret key.").arg(field.exporter.recipientKeys.length)
            wrapMode: Text.WordWrap
            Layout.fillWidth: true
        }
    }

    // A passphrase.
    ColumnLayout {
        visible: field.exporter.usePassphrase
        spacing: 8
        Layout.fillWidth: true
        Layout.leftMargin: 8

        Label {
            textFormat: Text.PlainText
            text: qsTr("Anyone who has the passphrase can open the archive. Tell it to your lawyer by phone or in person, never in the same email or message as the file.")
            wrapMode: Text.WordWrap
            opacity: 0.8
            Layout.fillWidth: true
        }

        WrappingButton {
            visible: !field.typingOwn && field.exporter.generatedPassphrase.length === 0
            text: qsTr("Generate a strong passphrase")
            highlighted: true
            Accessible.name: text
            onClicked: field.exporter.generatePassphrase()
        }
        Pane {
            visible: !field.typingOwn && field.exporter.generatedPassphrase.length > 0
            padding: 12
            Layout.fillWidth: true
            background: Rectangle {
                radius: 4
                color: Material.theme === Material.Dark ? Qt.rgba(1, 1, 1, 0.06) : Qt.rgba(0, 0, 0, 0.04)
                border.color: Material.dividerColor
            }
            ColumnLayout {
                width: parent.width
                spacing: 8
                PassphraseGroups {
                    objectName: "generatedPassphrase"
                    passphrase: field.exporter.generatedPassphrase
                    Layout.fillWidth: true
                }
                Label {
                    textFormat: Text.PlainText
                    text: qsTr("Six groups of four letters and digits, with dashes between them; no 0, o, 1, l or i, so nothing is misheard.")
                    font.pixelSize: TextScale.small
                    wrapMode: Text.WordWrap
                    opacity: 0.8
                    Layout.fillWidth: true
                }
                Flow {
                    spacing: 8
                    Layout.fillWidth: true
                    Button {
                        text: qsTr("Copy")
                        Accessible.name: qsTr("Copy the passphrase (it leaves the clipboard after a minute)")
                        onClicked: {
                            field.exporter.copyPassphrase()
                            copied.visible = true
                        }
                    }
                    Button {
                        flat: true
                        text: qsTr("Generate another")
                        Accessible.name: qsTr("Generate another passphrase")
                        onClicked: {
                            field.exporter.generatePassphrase()
                            copied.visible = false
                        }
                    }
                }
                Label {
                    id: copied
                    textFormat: Text.PlainText
                    visible: false
                    text: qsTr("Copied. It leaves the clipboard after a minute.")
                    font.pixelSize: TextScale.small
                    wrapMode: Text.WordWrap
                    Layout.fillWidth: true
                }
            }
        }

        TextField {
            id: ownField
            visible: field.typingOwn
            echoMode: TextInput.Password
            placeholderText: qsTr("Your passphrase (at least 12 characters)")
            inputMethodHints: Qt.ImhSensitiveData | Qt.ImhNoPredictiveText | Qt.ImhNoAutoUppercase
            Accessible.name: qsTr("Archive passphrase")
            Layout.fillWidth: true
        }
        TextField {
            id: repeatField
            visible: field.typingOwn
            echoMode: TextInput.Password
            placeholderText: qsTr("Repeat it")
            inputMethodHints: Qt.ImhSensitiveData | Qt.ImhNoPredictiveText | Qt.ImhNoAutoUppercase
            Accessible.name: qsTr("Repeat the archive passphrase")
            Layout.fillWidth: true
        }
        Label {
            textFormat: Text.PlainText
            visible: field.typingOwn && ownField.text.length > 0 && text.length > 0
            text: field.ownProblem.length > 0 ? field.ownProblem
                  : repeatField.text.length > 0 && repeatField.text !== ownField.text ? qsTr("The two passphrases differ.") : ""
            color: Material.color(Material.Red)
            wrapMode: Text.WordWrap
            Accessible.name: qsTr("Problem: %1").arg(text)
            Layout.fillWidth: true
        }
        WrappingButton {
            flat: true
            text: field.typingOwn ? qsTr("Use a generated passphrase instead") : qsTr("Type my own passphrase instead")
            Accessible.name: text
            onClicked: {
                field.typingOwn = !field.typingOwn
                field.clearOwn()
                if (field.typingOwn)
                    ownField.forceActiveFocus()
            }
        }
    }

    FileDialog {
        id: keyDialog
        title: qsTr("A file with public keys")
        fileMode: FileDialog.OpenFile
        nameFilters: [qsTr("All files (*)"), qsTr("Text files (*.txt *.pub *.key)")]
        onAccepted: field.exporter.loadKeyFile(selectedFile)
    }
}
