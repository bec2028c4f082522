import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Dialogs
import QtQuick.Layouts
import PaperTrail

// "Export for a lawyer": what goes in, who can open it and where it is saved; then the export,
// with its progress and Cancel; then the file, its SHA-256 and what to tell the lawyer. On a
// phone a page on the stack; on a wide window the right-hand pane.
Page {
    id: page
    required property VaultController controller
    signal back()
    title: qsTr("Export for a lawyer")

    readonly property bool exporting: exporter.step === ExportController.Exporting
    readonly property bool finished: exporter.step === ExportController.Finished
    readonly property bool ready: recipient.ready && exporter.matching > 0 && !exporter.daysBackwards
                                  && exporter.destinationProblem.length === 0
                                  && (!exporter.destinationExists || exporter.replaceExisting)

    ExportController {
        id: exporter
        controller: page.controller
        onStepChanged: {
            if (step === ExportController.Exporting) {
                progress.open()
            } else {
                progress.close()
                flick.contentY = 0 // the result, or the message saying why there is none
            }
            if (step === ExportController.Choosing)
                recipient.clearOwn()
        }
    }

    function start() {
        exporter.start(recipient.ownPassphrase)
    }

    Shortcut { sequences: [StandardKey.Back]; enabled: !page.exporting; onActivated: page.back() }

    header: ToolBar {
        RowLayout {
            anchors.fill: parent
            ToolButton {
                text: "\u2190"
                font.pixelSize: TextScale.title
                enabled: !page.exporting
                Accessible.name: qsTr("Back")
                onClicked: page.back()
            }
            Label {
                textFormat: Text.PlainText
                text: page.title
                elide: Text.ElideRight
                font.pixelSize: TextScale.heading
                Layout.fillWidth: true
            }
        }
    }

    Flickable {
        id: flick
        anchors.fill: parent
        contentHeight: column.implicitHeight + 48
        clip: true
        ScrollBar.vertical: ScrollBar {}

        // Keyboard users see what Tab reaches.
        function reveal(item) {
            let inside = false
            for (let i = item; i && !inside; i = i.parent)
                inside = i === column
            if (!inside)
                return
            const top = item.mapToItem(flick.contentItem, 0, 0).y
            if (top < flick.contentY)
                flick.contentY = Math.max(0, top - 16)
            else if (top + item.height > flick.contentY + flick.height)
                flick.contentY = Math.min(flick.contentHeight - flick.height, top + item.height - flick.height + 16)
        }
        Connections {
            target: page.Window.window
            function onActiveFocusItemChanged() { flick.reveal(page.Window.activeFocusItem) }
        }

        ColumnLayout {
            id: column
            width: Math.min(flick.width - 32, 600)
            x: (flick.width - width) / 2
            y: 16
            spacing: 14

            // The choices.
            ColumnLayout {
                visible: !page.finished
                spacing: 14
                Layout.fillWidth: true

                Label {
                    textFormat: Text.PlainText
                    text: qsTr("One encrypted file your lawyer can open, read and check with standard tools: a report (PDF) with every entry numbered as an exhibit, the original files, and a signed record that shows nothing was changed.")
                    wrapMode: Text.WordWrap
                    Layout.fillWidth: true
                }
                MessageBanner {
                    text: exporter.statusMessage
                    onClosed: exporter.clearMessages()
                    Layout.fillWidth: true
                }
                MessageBanner {
                    objectName: "exportError"
                    text: exporter.errorMessage
                    isError: true
                    onClosed: exporter.clearMessages()
                    Layout.fillWidth: true
                }

                ExportFilters {
                    exporter: exporter
                    Layout.fillWidth: true
                }
                BlackOutField {
                    exporter: exporter
                    Layout.fillWidth: true
                }
                RecipientField {
                    id: recipient
                    exporter: exporter
                    Layout.fillWidth: true
                }

                // Where it goes.
                Label {
                    textFormat: Text.PlainText
                    text: qsTr("Where to save it")
                    font.weight: Font.DemiBold
                    font.pixelSize: TextScale.subtitle
                    Layout.topMargin: 8
                }
                RowLayout {
                    spacing: 8
                    Layout.fillWidth: true
                    TextField {
                        text: exporter.destination
                        inputMethodHints: Qt.ImhNoPredictiveText | Qt.ImhNoAutoUppercase | Qt.ImhUrlCharactersOnly
                        Accessible.name: qsTr("Save the archive as")
                        Layout.fillWidth: true
                        onTextEdited: exporter.destination = text
                    }
                    Button {
                        text: qsTr("Choose\u2026")
                        Accessible.name: qsTr("Choose where to save the archive")
                        onClicked: saveDialog.open()
                    }
                }
                Label {
                    textFormat: Text.PlainText
                    visible: exporter.destinationProblem.length === 0
                    text: qsTr("Saved as %1 in %2").arg(exporter.destinationName).arg(exporter.destinationFolderPath)
                    font.pixelSize: TextScale.small
                    opacity: 0.8
                    wrapMode: Text.WrapAtWordBoundaryOrAnywhere
                    Layout.fillWidth: true
                }
                Label {
                    textFormat: Text.PlainText
                    visible: text.length > 0
                    text: exporter.destinationProblem
                    color: Material.color(Material.Red)
                    wrapMode: Text.WordWrap
                    Accessible.name: qsTr("Problem: %1").arg(text)
                    Layout.fillWidth: true
                }
                Label {
                    textFormat: Text.PlainText
                    visible: exporter.destinationProblem.length === 0 && exporter.destinationExists
                    text: qsTr("%1 is already there. Choose another name, or replace it: the old file stays until the new one is complete.").arg(exporter.destinationName)
                    color: Material.color(Material.Orange, Material.Shade800)
                    wrapMode: Text.WordWrap
                    Layout.fillWidth: true
                }
                CheckBox {
                    visible: exporter.destinationProblem.length === 0 && exporter.destinationExists
                    text: qsTr("Replace it")
                    checked: exporter.replaceExisting
                    Accessible.name: qsTr("Replace the existing file")
                    onToggled: exporter.replaceExisting = checked
                }

                Label {
                    objectName: "exportSummary"
                    textFormat: Text.PlainText
                    text: (exporter.matching === 0 ? (exporter.handPicked && exporter.filterMatching > 0
                                                      ? qsTr("No entry is picked. Tick at least one under Choose entries, or use every entry.")
                                                      : qsTr("No entry matches these choices. Choose more days, kinds or tags."))
                           : exporter.matching === 1 ? qsTr("1 entry goes into the archive.")
                           : qsTr("%1 entries go into the archive.").arg(exporter.matching))
                          + (exporter.deletedLeftOut === 0 ? ""
                             : " " + (exporter.deletedLeftOut === 1 ? qsTr("1 deleted entry is left out (the report counts it).")
                                                                    : qsTr("%1 deleted entries are left out (the report counts them).").arg(exporter.deletedLeftOut)))
                    wrapMode: Text.WordWrap
                    Layout.fillWidth: true
                    Layout.topMargin: 8
                }
                Label {
                    objectName: "locatedPhotosWarning"
                    visible: exporter.locatedPhotos > 0
                    textFormat: Text.PlainText
                    text: (exporter.locatedPhotos === 1
                           ? qsTr("1 photo going in records where it was taken (GPS).")
                           : qsTr("%1 photos going in record where they were taken (GPS).").arg(exporter.locatedPhotos))
                          + " " + qsTr("Whoever opens the archive can see those places. Leave those photos out under Choose entries if a place should stay private.")
                    color: Material.color(Material.Amber, Material.Shade900)
                    wrapMode: Text.WordWrap
                    Layout.fillWidth: true
                }
                Button {
                    text: qsTr("Export")
                    highlighted: true
                    enabled: page.ready && !page.exporting
                    Accessible.name: qsTr("Export the archive")
                    Layout.fillWidth: true
                    onClicked: page.start()
                }
            }

            ExportResult {
                visible: page.finished
                exporter: exporter
                Layout.fillWidth: true
                onDone: page.back()
                onAnother: exporter.startOver()
            }
        }
    }

    ExportProgress {
        id: progress
        exporter: exporter
    }

    FileDialog {
        id: saveDialog
        objectName: "saveDialog"
        title: qsTr("Save the archive as")
        fileMode: FileDialog.SaveFile
        currentFolder: exporter.destinationFolder
        selectedFile: exporter.destinationUrl
        acceptLabel: qsTr("Save") // Qt 6.4's own dialog says Open otherwise
        defaultSuffix: "age"
        nameFilters: [qsTr("age files (*.age)"), qsTr("All files (*)")]
        onAccepted: exporter.setDestinationUrl(selectedFile)
    }
}
