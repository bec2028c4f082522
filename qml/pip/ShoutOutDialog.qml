import QtQuick
import QtQuick.Controls
import QtQuick.Dialogs
import QtQuick.Layouts
import PaperTrail

// Praise from a colleague: who, where, when, their words, and the screenshot or the email itself.
Dialog {
    id: dialog
    required property PipController pip
    property var files: []

    parent: Overlay.overlay
    anchors.centerIn: parent
    width: Math.min(parent.width - 24, 480)
    modal: true
    title: qsTr("A shout-out")
    standardButtons: Dialog.Save | Dialog.Cancel
    onAboutToShow: { from.text = ""; where.currentIndex = 0; words.text = ""; files = []; when.value = new Date() }
    onAccepted: pip.addShoutOut({ from: from.text, where: where.editText, text: words.text, when: when.value, files: files })

    ColumnLayout {
        width: parent.width
        spacing: 8
        FieldLabel { text: qsTr("From") }
        TextField { id: from; placeholderText: qsTr("Priya N"); Layout.fillWidth: true; Accessible.name: qsTr("Who gave it") }
        FieldLabel { text: qsTr("Where") }
        ComboBox {
            id: where
            editable: true
            model: ["Slack", "Teams", "Workday", qsTr("Email"), qsTr("In person")]
            Layout.fillWidth: true
            Accessible.name: qsTr("Where it was given")
        }
        DateTimeField { id: when; onEdited: (v) => when.value = v }
        FormTextArea { id: words; placeholderText: qsTr("What they wrote, word for word"); Layout.fillWidth: true; Layout.minimumHeight: 64; Accessible.name: qsTr("What they wrote") }
        RowLayout {
            Layout.fillWidth: true
            Label {
                textFormat: Text.PlainText
                text: dialog.files.length === 1 ? qsTr("1 file attached")
                      : dialog.files.length > 1 ? qsTr("%1 files attached").arg(dialog.files.length) : qsTr("No screenshot yet")
                opacity: 0.7
                Layout.fillWidth: true
            }
            Button {
                text: qsTr("Attach\u2026")
                Accessible.name: qsTr("Attach the screenshot or the email")
                onClicked: fileDialog.open()
            }
        }
    }
    FileDialog {
        id: fileDialog
        title: qsTr("The screenshot or the email")
        fileMode: FileDialog.OpenFiles
        onAccepted: dialog.files = dialog.files.concat(selectedFiles)
    }
}
