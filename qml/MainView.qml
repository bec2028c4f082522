import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import PaperTrail

// The unlocked app: timeline, search and settings. On a phone, one column with a bottom bar and
// a floating capture button; when wide, the list on the left and the entry or editor on the right.
Page {
    id: root
    required property VaultController controller
    property bool wide: false
    property int tab: 0
    property string selectedId: ""

    // One sync for the unlocked app, whichever tab is shown: it syncs after changes and every few
    // minutes from unlock on, not only once Settings has been opened.
    SyncController {
        id: syncController
        controller: root.controller
    }
    // The PIP workspace, for the whole unlocked app: its reminders come whichever tab is shown.
    PipController {
        id: pipController
        controller: root.controller
    }
    Connections {
        target: pipController.reminders
        // No notification service here: the reminder shows in the window instead.
        function onReminderDue(text, notified) {
            if (!notified) {
                reminderTip.text = text
                reminderTip.open()
            }
        }
    }
    ToolTip {
        id: reminderTip
        parent: root
        x: (root.width - width) / 2
        y: 12
        timeout: 15000
    }

    Shortcut { sequence: StandardKey.New; onActivated: root.capture("note") }
    Shortcut { sequence: StandardKey.Find; onActivated: { root.tab = 2; root.goHome() } }
    Shortcut { sequence: "Ctrl+L"; onActivated: root.controller.lockNow() }
    // Ctrl+V on the timeline: the image on the clipboard comes in as a screenshot. The editor
    // (open beside the list on a wide window) pastes into its entry instead.
    Shortcut {
        sequences: [StandardKey.Paste]
        enabled: root.tab === 0 && !root.detailOpen("editorPage") && !root.detailOpen("intakePage")
                 && (root.wide || phoneStack.depth === 1)
        onActivated: root.openIntake([], true)
    }

    function goHome() {
        detailStack.clear()
        phoneStack.pop(null)
    }
    function openEntry(id) {
        root.selectedId = id
        if (root.wide)
            detailStack.replace(null, entryPage, { entryId: id })
        else
            phoneStack.push(entryPage, { entryId: id })
    }
    function capture(kind, fields) {
        root.openPage(editorPage, { newKind: kind, newFields: fields || {} })
    }
    // A page beside the list (wide) or over it (phone).
    function openPage(component, properties) {
        if (root.wide)
            detailStack.replace(null, component, properties)
        else
            phoneStack.push(component, properties)
    }
    function edit(id) {
        if (root.wide)
            detailStack.replace(null, editorPage, { editId: id })
        else
            phoneStack.push(editorPage, { editId: id })
    }
    function resolveConflict(id) {
        if (root.wide)
            detailStack.replace(null, conflictPage, { entryId: id })
        else
            phoneStack.push(conflictPage, { entryId: id })
    }
    function openExport() {
        if (root.wide)
            detailStack.replace(null, exportPage)
        else
            phoneStack.push(exportPage)
    }
    // The page on top of the detail pane (wide) or the phone's stack, by objectName.
    function detailOpen(name) {
        const top = root.wide ? detailStack.currentItem : phoneStack.currentItem
        return top !== null && top.objectName === name
    }
    // "Bring in evidence": files dropped or picked (`urls`), or the clipboard (`paste`). Files
    // dropped while the page is open join its list.
    function openIntake(urls, paste) {
        if (root.detailOpen("intakePage")) {
            const page = root.wide ? detailStack.currentItem : phoneStack.currentItem
            if (urls.length > 0)
                page.add(urls)
            if (paste)
                page.paste()
            return
        }
        const properties = { initialUrls: urls, pasteOnOpen: paste === true }
        if (root.wide)
            detailStack.replace(null, intakePage, properties)
        else
            phoneStack.push(intakePage, properties)
    }
    function closeDetail(id) {
        if (root.wide) {
            if (id)
                detailStack.replace(null, entryPage, { entryId: id })
            else
                detailStack.clear()
        } else {
            phoneStack.pop()
            if (id && phoneStack.depth === 1)
                phoneStack.push(entryPage, { entryId: id })
        }
    }

    Component {
        id: listPane
        Item {
            id: pane
            objectName: "listPane"
            // Wide, the phone stack keeps a hidden copy of this pane: only the copy on screen is live.
            readonly property bool live: StackView.view ? !root.wide : root.wide
            StackLayout {
                anchors { left: parent.left; right: parent.right; top: parent.top; bottom: tabs.top }
                currentIndex: root.tab
                TimelinePage {
                    controller: root.controller
                    selectedId: root.selectedId
                    onOpened: (id) => root.openEntry(id)
                    onIntakeRequested: root.openIntake([], false)
                }
                // The other tabs are built when first shown: unlock has only the timeline to make.
                LazyLoader {
                    wanted: root.tab === 1
                    sourceComponent: PipPage {
                        pip: pipController
                        onCheckInRequested: (day) => root.openPage(checkInPage, { day: day })
                        onSetupRequested: (editing) => root.openPage(planSetupPage, { editing: editing })
                        onRebuttalRequested: root.openPage(rebuttalPage, {})
                        onCaptureRequested: (kind, fields) => root.capture(kind, fields)
                        onEntryOpened: (id) => root.openEntry(id)
                    }
                }
                LazyLoader {
                    wanted: root.tab === 2
                    sourceComponent: SearchPage {
                        controller: root.controller
                        active: root.tab === 2 && pane.live
                        onOpened: (id) => root.openEntry(id)
                    }
                }
                LazyLoader {
                    wanted: root.tab === 3
                    sourceComponent: SettingsPage {
                        controller: root.controller
                        sync: syncController
                        onExportRequested: root.openExport()
                    }
                }
            }
            // Over every tab: a new note is one tap away wherever the list pane is.
            CaptureButton {
                anchors { right: parent.right; bottom: tabs.top; margins: 20 }
                onCaptureRequested: (kind) => root.capture(kind)
                onIntakeRequested: root.openIntake([], false)
            }
            // The tabs choose what this pane lists, so they belong to it: when wide they sit under
            // the list, not under the entry beside it; on a phone an opened entry covers them.
            TabBar {
                id: tabs
                anchors { left: parent.left; right: parent.right; bottom: parent.bottom }
                currentIndex: root.tab
                onCurrentIndexChanged: root.tab = currentIndex
                TabButton { text: qsTr("Timeline"); Accessible.name: qsTr("Timeline") }
                TabButton { text: qsTr("PIP"); Accessible.name: qsTr("PIP") }
                TabButton { text: qsTr("Search"); Accessible.name: qsTr("Search") }
                TabButton { text: qsTr("Settings"); Accessible.name: qsTr("Settings") }
            }
        }
    }

    Component {
        id: entryPage
        EntryPage {
            controller: root.controller
            showBack: !root.wide
            onBack: root.closeDetail("")
            onEditRequested: (id) => root.edit(id)
            onConflictRequested: (id) => root.resolveConflict(id)
            onRemoved: root.closeDetail("")
        }
    }

    Component {
        id: checkInPage
        CheckInPage {
            pip: pipController
            onDone: root.closeDetail("")
        }
    }
    Component {
        id: planSetupPage
        PlanSetupPage {
            pip: pipController
            onDone: root.closeDetail("")
        }
    }
    Component {
        id: rebuttalPage
        RebuttalPage {
            objectName: "rebuttalPage"
            pip: pipController
            onDone: root.closeDetail("")
            onEntryOpened: (id) => root.openEntry(id)
        }
    }

    Component {
        id: conflictPage
        ConflictPage {
            controller: root.controller
            onDone: (id) => root.closeDetail(id)
        }
    }

    Component {
        id: exportPage
        ExportPage {
            controller: root.controller
            onBack: root.closeDetail("")
        }
    }

    Component {
        id: intakePage
        IntakePage {
            controller: root.controller
            onBack: root.closeDetail("")
            onShowTimeline: { root.closeDetail(""); root.tab = 0; root.goHome() }
            onOpenEntry: (id) => { root.closeDetail(""); root.openEntry(id) }
        }
    }

    Component {
        id: editorPage
        EditorPage {
            objectName: "editorPage"
            controller: root.controller
            onDone: (id) => root.closeDetail(id)
        }
    }

    // Files dropped anywhere on the window come in as evidence; the editor's own drop area, above
    // this one, takes them as attachments instead.
    DropArea {
        id: intakeDrop
        anchors.fill: parent
        onDropped: (event) => {
            if (!event.hasUrls)
                return
            root.openIntake(event.urls, false)
            event.acceptProposedAction()
        }
    }

    // Phone: one stack; its first page is the tabbed list.
    StackView {
        id: phoneStack
        visible: !root.wide
        anchors.fill: parent
        initialItem: listPane
    }

    // Wide: the list and the detail side by side.
    RowLayout {
        visible: root.wide
        anchors.fill: parent
        spacing: 0
        Loader {
            Layout.preferredWidth: Math.min(460, root.width * 0.42)
            Layout.fillHeight: true
            sourceComponent: root.wide ? listPane : null
        }
        Rectangle { Layout.fillHeight: true; width: 1; color: Material.dividerColor }
        StackView {
            id: detailStack
            Layout.fillWidth: true
            Layout.fillHeight: true
            Label {
                textFormat: Text.PlainText
                visible: detailStack.depth === 0
                anchors.centerIn: parent
                width: parent.width - 64
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.WordWrap
                opacity: 0.6
                text: root.tab === 1 ? qsTr("Today's check-in, your response and the plan open here.")
                                     : qsTr("Select an entry, or press Ctrl+N to write down what just happened.")
            }
        }
    }

    Rectangle {
        anchors.fill: parent
        visible: intakeDrop.containsDrag
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
            text: qsTr("Drop emails, screenshots and photos to bring them in")
        }
    }
}
