import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import PaperTrail

// A person's timeline: every entry that names them (as attendee, witness, sender of a shout-out,
// the manager of a check-in), newest first; "who saw what" answered.
Dialog {
    id: dialog
    required property PipController pip
    property string person: ""
    property var entries: []
    signal entryChosen(string id)

    function openFor(name) {
        person = name
        entries = pip.entriesNaming(name)
        open()
    }

    parent: Overlay.overlay
    anchors.centerIn: parent
    width: Math.min(parent.width - 24, 480)
    height: Math.min(parent.height - 24, 600)
    modal: true
    title: person
    standardButtons: Dialog.Close

    ListView {
        anchors.fill: parent
        clip: true
        model: dialog.entries
        delegate: ItemDelegate {
            required property var modelData
            width: ListView.view.width
            Accessible.name: qsTr("Open %1").arg(modelData.title)
            onClicked: { dialog.close(); dialog.entryChosen(modelData.id) }
            contentItem: RowLayout {
                spacing: 10
                KindBadge { kind: modelData.kind; Layout.preferredWidth: 28; Layout.preferredHeight: 28 }
                ColumnLayout {
                    Layout.fillWidth: true
                    spacing: 0
                    Label { textFormat: Text.PlainText; text: modelData.title; elide: Text.ElideRight; Layout.fillWidth: true }
                    Label {
                        textFormat: Text.PlainText
                        text: KindNames.label(modelData.kind) + ", " + modelData.when.toLocaleDateString(Qt.locale(), Locale.ShortFormat)
                        font.pixelSize: TextScale.small
                        opacity: 0.7
                    }
                }
            }
        }
    }
}
