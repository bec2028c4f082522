import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Dialogs
import QtQuick.Layouts
import PaperTrail

// "Bring in evidence": emails (.eml, mbox), screenshots and photos dropped on the window, picked
// in a file dialog, a folder, or pasted; the pick list; the import; what came in. On a phone a
// page on the stack; on a wide window the right-hand pane.
Page {
    id: page
    objectName: "intakePage"
    required property VaultController controller
    // What to read as the page opens: dropped files, or the clipboard.
    property var initialUrls: []
    property bool pasteOnOpen: false
    signal back()
    signal showTimeline()
    signal openEntry(string id)
    title: qsTr("Bring in evidence")

    readonly property bool idle: intake.activity === IntakeController.Idle
    // Leaving stops a search of the bodies; a reading or an import is finished or cancelled first.
    readonly property bool canLeave: idle || intake.activity === IntakeController.SearchingBodies
    readonly property bool choosing: intake.step === IntakeController.Choosing

    IntakeController {
        id: intake
        objectName: "intakeController"
        controller: page.controller
        onActivityChanged: {
            if (activity === IntakeController.Reading || activity === IntakeController.Importing)
                progress.open()
            else
                progress.close()
        }
        // The list has the keyboard once it is there: arrows and Space tick, Return imports.
        onStepChanged: if (step === IntakeController.Choosing) Qt.callLater(choices.focusList)
    }

    function add(urls) { intake.addUrls(urls) }
    function paste() { intake.pasteFromClipboard() }
    function startImport() {
        if (page.choosing && page.idle && intake.chosenCount > 0)
            intake.startImport()
    }
    // Typing in a field: Return and Escape are the field's.
    function typing() {
        const f = page.Window.activeFocusItem
        return f !== null && f.cursorPosition !== undefined
    }

    Component.onCompleted: {
        if (initialUrls.length > 0)
            intake.addUrls(initialUrls)
        if (pasteOnOpen)
            intake.pasteFromClipboard()
    }

    Shortcut {
        sequences: ["Escape", StandardKey.Back]
        enabled: page.canLeave && !page.typing() && !fileDialog.visible && !folderDialog.visible
        onActivated: page.back()
    }
    Shortcut {
        sequences: ["Return", "Enter"]
        enabled: page.choosing && page.idle && !page.typing()
        onActivated: page.startImport()
    }
    Shortcut {
        sequences: [StandardKey.Paste]
        enabled: page.idle && intake.step !== IntakeController.Finished && !page.typing()
        onActivated: page.paste()
    }

    header: ToolBar {
        RowLayout {
            anchors.fill: parent
            ToolButton {
                text: "\u2190"
                font.pixelSize: TextScale.title
                enabled: page.canLeave
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
            ToolButton {
                visible: intake.step !== IntakeController.Empty
                enabled: page.idle
                text: qsTr("Add\u2026")
                Accessible.name: qsTr("Add more files")
                onClicked: addMenu.open()
                Menu {
                    id: addMenu
                    y: parent.height
                    MenuItem { text: qsTr("Files\u2026"); onTriggered: fileDialog.open() }
                    MenuItem { text: qsTr("A folder\u2026"); onTriggered: folderDialog.open() }
                    MenuItem { text: qsTr("Paste an image"); onTriggered: page.paste() }
                }
            }
        }
    }

    // Files dropped on the page join the list.
    DropArea {
        id: drop
        anchors.fill: parent
        onDropped: (event) => {
            if (event.hasUrls && page.idle) {
                intake.addUrls(event.urls)
                event.acceptProposedAction()
            }
        }
    }

    StackLayout {
        anchors.fill: parent
        currentIndex: intake.step === IntakeController.Empty ? 0 : intake.step === IntakeController.Choosing ? 1 : 2

        IntakeStart {
            intake: intake
            onChooseFiles: fileDialog.open()
            onChooseFolder: folderDialog.open()
            onPasteImage: page.paste()
        }
        IntakeChoices {
            id: choices
            intake: intake
            onImportRequested: page.startImport()
        }
        IntakeResult {
            intake: intake
            onShowTimeline: { intake.showResultOnTimeline(); page.showTimeline() }
            onOpenEntry: (id) => page.openEntry(id)
            onBackToList: intake.backToList()
            onBringInMore: intake.startOver()
        }
    }

    // Shown while something is dragged over the page.
    Rectangle {
        anchors.fill: parent
        visible: drop.containsDrag
        color: Qt.rgba(Material.accentColor.r, Material.accentColor.g, Material.accentColor.b, 0.15)
        border.color: Material.accentColor
        border.width: 3
        Label {
            textFormat: Text.PlainText
            anchors.centerIn: parent
            width: parent.width - 48
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.WordWrap
            font.pixelSize: TextScale.heading
            text: qsTr("Drop to add them to the list")
        }
    }

    IntakeProgress {
        id: progress
        intake: intake
    }

    FileDialog {
        id: fileDialog
        objectName: "intakeFileDialog"
        title: qsTr("Bring in emails, screenshots and photos")
        fileMode: FileDialog.OpenFiles
        nameFilters: [qsTr("Emails and pictures (*.eml *.mbox *.mbx *.png *.jpg *.jpeg *.heic *.webp *.gif *.bmp)"), qsTr("All files (*)")]
        onAccepted: intake.addUrls(selectedFiles)
    }
    FolderDialog {
        id: folderDialog
        objectName: "intakeFolderDialog"
        title: qsTr("Bring in a folder of emails, screenshots and photos")
        onAccepted: intake.addUrls([selectedFolder])
    }
}
