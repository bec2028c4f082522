import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import PaperTrail

// Reading the files, or importing them: modal over the whole window, how far it is, and Cancel
// (Escape too). A cancelled reading adds nothing to the list; a cancelled import keeps the
// entries already written, each of them whole.
Popup {
    id: popup
    required property IntakeController intake
    readonly property bool importing: intake.activity === IntakeController.Importing

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
        Keys.onEscapePressed: popup.intake.cancel()

        Label {
            textFormat: Text.PlainText
            text: popup.intake.cancelling ? qsTr("Cancelling")
                  : popup.importing ? qsTr("Importing") : qsTr("Reading the files")
            font.pixelSize: TextScale.heading
            font.weight: Font.DemiBold
            wrapMode: Text.WordWrap
            Layout.fillWidth: true
        }
        Label {
            textFormat: Text.PlainText
            text: popup.importing
                  ? qsTr("Each entry is saved whole, with the original file inside the encrypted journal. Cancel keeps what is already imported.")
                  : qsTr("Nothing is saved yet: you choose what comes in next.")
            wrapMode: Text.WordWrap
            opacity: 0.8
            Layout.fillWidth: true
        }
        ProgressBar {
            from: 0
            to: 1
            value: Math.max(0, popup.intake.progress)
            indeterminate: popup.intake.progress < 0
            Accessible.name: popup.importing ? qsTr("Import progress") : qsTr("Reading progress")
            Accessible.description: popup.intake.progressText
            Layout.fillWidth: true
        }
        Label {
            objectName: "intakeProgressText"
            textFormat: Text.PlainText
            text: popup.intake.progressText
            visible: text.length > 0
            wrapMode: Text.WrapAtWordBoundaryOrAnywhere
            Accessible.name: qsTr("Progress: %1").arg(text)
            Layout.fillWidth: true
        }
        Button {
            text: qsTr("Cancel")
            enabled: !popup.intake.cancelling
            focus: true
            Accessible.name: popup.importing ? qsTr("Cancel the import") : qsTr("Cancel the reading")
            onClicked: popup.intake.cancel()
        }
    }
}
