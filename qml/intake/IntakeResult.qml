import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import PaperTrail

// What the import did: how many entries came in, how many were in the journal already, what could
// not be imported and why; and where to go next (the new entries on the timeline, the first of
// them, the list again, other files).
Flickable {
    id: result
    required property IntakeController intake
    signal showTimeline()
    signal openEntry(string id)
    signal backToList()
    signal bringInMore()

    contentHeight: column.implicitHeight + 48
    clip: true
    ScrollBar.vertical: ScrollBar {}

    ColumnLayout {
        id: column
        width: Math.min(result.width - 32, 600)
        x: (result.width - width) / 2
        y: 16
        spacing: 12

        Label {
            textFormat: Text.PlainText
            text: result.intake.resultCancelled ? qsTr("Import cancelled")
                  : result.intake.resultStopped.length > 0 ? qsTr("Import stopped")
                  : qsTr("Brought in")
            font.pixelSize: TextScale.headline
            font.weight: Font.DemiBold
            wrapMode: Text.WordWrap
            Layout.fillWidth: true
        }
        Label {
            objectName: "intakeResultSummary"
            textFormat: Text.PlainText
            text: result.intake.resultSummary
            font.pixelSize: TextScale.subtitle
            wrapMode: Text.WordWrap
            Accessible.name: text
            Layout.fillWidth: true
        }
        Label {
            textFormat: Text.PlainText
            visible: result.intake.resultCancelled
            text: qsTr("What was imported before you cancelled is in the journal, each entry whole; the rest was not started. Import again to bring it in: what is already there is not imported twice.")
            wrapMode: Text.WordWrap
            Layout.fillWidth: true
        }
        MessageBanner {
            text: result.intake.resultStopped.length > 0
                  ? qsTr("The import stopped: %1 What was imported before stays in the journal.").arg(result.intake.resultStopped) : ""
            isError: true
            onClosed: {}
            Layout.fillWidth: true
        }
        Label {
            textFormat: Text.PlainText
            visible: result.intake.resultDuplicates > 0
            text: result.intake.resultDuplicates === 1
                  ? qsTr("1 was already in the journal (the same bytes) and was not imported again.")
                  : qsTr("%1 were already in the journal (the same bytes) and were not imported again.").arg(result.intake.resultDuplicates)
            wrapMode: Text.WordWrap
            Layout.fillWidth: true
        }
        Label {
            textFormat: Text.PlainText
            visible: result.intake.resultWithLocation > 0
            text: result.intake.resultWithLocation === 1
                  ? qsTr("1 photo carries the place it was taken (GPS). An export for a lawyer shares it unless you leave it out.")
                  : qsTr("%1 photos carry the place they were taken (GPS). An export for a lawyer shares it unless you leave them out.").arg(result.intake.resultWithLocation)
            color: Material.color(Material.Orange, Material.Shade800)
            wrapMode: Text.WordWrap
            Layout.fillWidth: true
        }

        // What could not be imported, each with its reason.
        Label {
            textFormat: Text.PlainText
            visible: result.intake.resultFailed > 0
            text: qsTr("Could not be imported")
            font.pixelSize: TextScale.subtitle
            font.weight: Font.DemiBold
            Layout.topMargin: 8
            Layout.fillWidth: true
        }
        Repeater {
            model: result.intake.resultProblems
            delegate: ColumnLayout {
                required property var modelData
                spacing: 0
                Layout.fillWidth: true
                Label {
                    textFormat: Text.PlainText
                    text: modelData.name
                    font.weight: Font.DemiBold
                    wrapMode: Text.WrapAtWordBoundaryOrAnywhere
                    Layout.fillWidth: true
                }
                Label {
                    objectName: "intakeProblem"
                    textFormat: Text.PlainText
                    text: modelData.reason
                    color: Material.color(Material.Red)
                    wrapMode: Text.WordWrap
                    Layout.fillWidth: true
                }
            }
        }
        Label {
            textFormat: Text.PlainText
            visible: result.intake.resultNotes.length > 0
            text: qsTr("Worth knowing")
            font.pixelSize: TextScale.subtitle
            font.weight: Font.DemiBold
            Layout.topMargin: 8
            Layout.fillWidth: true
        }
        Repeater {
            model: result.intake.resultNotes
            delegate: Label {
                required property string modelData
                textFormat: Text.PlainText
                text: modelData
                font.pixelSize: TextScale.small
                wrapMode: Text.WordWrap
                Layout.fillWidth: true
            }
        }

        WrappingButton {
            objectName: "showImported"
            visible: result.intake.resultImported > 0
            text: qsTr("Show them on the timeline")
            highlighted: true
            Accessible.name: qsTr("Show the new entries on the timeline")
            onClicked: result.showTimeline()
            Layout.topMargin: 8
        }
        WrappingButton {
            visible: result.intake.resultFirstId.length > 0
            text: result.intake.resultImported === 1 ? qsTr("Open it") : qsTr("Open the first one")
            Accessible.name: qsTr("Open the first new entry")
            onClicked: result.openEntry(result.intake.resultFirstId)
        }
        WrappingButton {
            text: qsTr("Back to the list")
            Accessible.name: qsTr("Back to the list")
            onClicked: result.backToList()
        }
        WrappingButton {
            text: qsTr("Bring in other files")
            Accessible.name: qsTr("Bring in other files")
            onClicked: result.bringInMore()
        }
    }
}
