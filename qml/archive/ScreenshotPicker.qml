import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import PaperTrail

// The image attachments of the entries going into the archive: choosing one opens it to mark
// boxes to black out.
Dialog {
    id: picker
    required property ExportController exporter
    signal chosen(var shot)

    parent: Overlay.overlay
    anchors.centerIn: parent
    width: parent ? Math.min(parent.width - 32, 480) : 0
    height: parent ? Math.min(implicitHeight, parent.height - 64) : 0
    modal: true
    title: qsTr("Black out part of a screenshot")
    standardButtons: Dialog.Close

    contentItem: ListView {
        implicitHeight: contentHeight
        clip: true
        model: picker.exporter.screenshots
        delegate: ItemDelegate {
            id: shot
            required property var modelData
            width: ListView.view.width
            text: modelData.boxes > 0 ? qsTr("%1 (%2), boxes: %3").arg(modelData.name).arg(modelData.entryTitle).arg(modelData.boxes)
                                      : qsTr("%1 (%2)").arg(modelData.name).arg(modelData.entryTitle)
            Accessible.name: qsTr("Black out part of %1").arg(modelData.name)
            contentItem: Label {
                textFormat: Text.PlainText
                text: shot.text
                wrapMode: Text.WordWrap
            }
            onClicked: {
                picker.close()
                picker.chosen(modelData)
            }
        }
    }
}
