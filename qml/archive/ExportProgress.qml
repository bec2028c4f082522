import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import PaperTrail

// The export as it runs: modal over the whole window (the journal is the export's until it ends),
// how far it is, and Cancel, after which nothing is saved.
Popup {
    id: popup
    required property ExportController exporter

    parent: Overlay.overlay
    anchors.centerIn: parent
    width: Math.min(parent.width - 32, 440)
    modal: true
    focus: true
    closePolicy: Popup.NoAutoClose
    padding: 20

    ColumnLayout {
        width: popup.availableWidth
        spacing: 12

        Label {
            textFormat: Text.PlainText
            text: popup.exporter.cancelling ? qsTr("Cancelling the export") : qsTr("Exporting")
            font.pixelSize: TextScale.heading
            font.weight: Font.DemiBold
            wrapMode: Text.WordWrap
            Layout.fillWidth: true
        }
        Label {
            textFormat: Text.PlainText
            text: qsTr("Everything goes straight into the encrypted file; nothing else is written.")
            wrapMode: Text.WordWrap
            opacity: 0.8
            Layout.fillWidth: true
        }
        ProgressBar {
            from: 0
            to: 1
            value: Math.max(0, popup.exporter.progress)
            indeterminate: popup.exporter.progress < 0
            Accessible.name: qsTr("Export progress")
            Accessible.description: popup.exporter.progressText
            Layout.fillWidth: true
        }
        Label {
            textFormat: Text.PlainText
            text: popup.exporter.progressText
            visible: text.length > 0
            wrapMode: Text.WordWrap
            Accessible.name: qsTr("Progress: %1").arg(text)
            Layout.fillWidth: true
        }
        Button {
            id: cancelButton
            text: qsTr("Cancel")
            enabled: !popup.exporter.cancelling
            focus: true
            Accessible.name: qsTr("Cancel the export")
            onClicked: popup.exporter.cancel()
        }
    }
}
