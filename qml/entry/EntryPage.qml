import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import PaperTrail

// One entry: when it happened and when it was written, its attachments, and every revision.
Page {
    id: page
    required property VaultController controller
    property alias entryId: details.entryId
    property bool showBack: true
    signal back()
    signal editRequested(string id)
    signal conflictRequested(string id)
    signal removed()

    // Entries opened from this one (another message of an email's conversation) show in place;
    // Back returns through them before it leaves the page.
    property var previousIds: []
    function showEntry(id) {
        if (id === details.entryId)
            return
        page.previousIds = page.previousIds.concat([details.entryId])
        details.entryId = id
        flick.contentY = 0
    }
    function goBack() {
        if (page.previousIds.length === 0) {
            page.back()
            return
        }
        details.entryId = page.previousIds[page.previousIds.length - 1]
        page.previousIds = page.previousIds.slice(0, -1)
        flick.contentY = 0
    }

    EntryDetails {
        id: details
        controller: page.controller
    }

    header: ToolBar {
        RowLayout {
            anchors.fill: parent
            ToolButton {
                visible: page.showBack || page.previousIds.length > 0
                text: "\u2190"
                font.pixelSize: TextScale.title
                Accessible.name: qsTr("Back")
                onClicked: page.goBack()
            }
            // The kind names the page; the title, however long, is in full below it.
            Label {
                textFormat: Text.PlainText
                text: details.valid ? KindNames.label(details.kind) : ""
                elide: Text.ElideRight
                font.pixelSize: TextScale.heading
                Layout.fillWidth: true
                Layout.leftMargin: page.showBack || page.previousIds.length > 0 ? 0 : 16
            }
            ToolButton {
                visible: details.deleted && !details.purged
                text: qsTr("Restore")
                Accessible.name: qsTr("Restore this entry")
                onClicked: details.restore()
            }
            ToolButton {
                text: qsTr("Edit")
                enabled: details.valid && !details.deleted
                Accessible.name: qsTr("Edit this entry")
                onClicked: page.editRequested(details.entryId)
            }
            ToolButton {
                text: "\u22EE"
                font.pixelSize: TextScale.title
                Accessible.name: qsTr("More actions")
                onClicked: moreMenu.open()
                Menu {
                    id: moreMenu
                    MenuItem {
                        text: qsTr("Delete\u2026")
                        enabled: !details.deleted
                        onTriggered: deleteDialog.open()
                    }
                    MenuItem {
                        text: qsTr("Purge\u2026")
                        onTriggered: purgeDialog.open()
                    }
                }
            }
        }
    }

    Flickable {
        id: flick
        anchors.fill: parent
        contentHeight: column.implicitHeight + 32
        clip: true
        ScrollBar.vertical: ScrollBar {}

        ColumnLayout {
            id: column
            x: 16
            y: 16
            width: flick.width - 32
            spacing: 12

            // The whole title, wrapped: on a phone a long one takes several lines, never "...".
            // A quick note without one is headed, as in the timeline, by its first line.
            Label {
                visible: details.headline.length > 0
                textFormat: Text.PlainText
                text: details.headline
                wrapMode: Text.Wrap
                font.pixelSize: TextScale.heading
                font.weight: Font.DemiBold
                Layout.fillWidth: true
            }
            RowLayout {
                spacing: 12
                Layout.fillWidth: true
                KindBadge { kind: details.kind; Layout.alignment: Qt.AlignTop }
                ColumnLayout {
                    spacing: 2
                    Layout.fillWidth: true
                    Label {
                        textFormat: Text.PlainText
                        text: qsTr("Happened %1").arg(Qt.formatDateTime(details.occurredAt, "ddd d MMM yyyy, HH:mm"))
                        wrapMode: Text.WordWrap
                        Layout.fillWidth: true
                    }
                    // "edited" only when a revision changed something; a restore says so itself.
                    Label {
                        readonly property string format: "d MMM yyyy, HH:mm"
                        textFormat: Text.PlainText
                        text: {
                            const parts = [qsTr("Written %1").arg(Qt.formatDateTime(details.firstRecordedAt, format))]
                            if (details.edited)
                                parts.push(qsTr("last edited %1").arg(Qt.formatDateTime(details.editedAt, format)))
                            if (details.restored)
                                parts.push(qsTr("restored %1").arg(Qt.formatDateTime(details.restoredAt, format)))
                            return parts.join(" \u00B7 ")
                        }
                        font.pixelSize: TextScale.small
                        opacity: 0.7
                        wrapMode: Text.WordWrap
                        Layout.fillWidth: true
                    }
                }
            }
            // Two devices changed it without seeing each other's change: both versions are kept.
            Frame {
                objectName: "conflictBanner"
                visible: details.conflictSides > 1 && !details.deleted
                Layout.fillWidth: true
                background: Rectangle { radius: 4; color: Material.color(Material.Amber, Material.Shade100) }
                ColumnLayout {
                    width: parent.width
                    spacing: 8
                    Label {
                        textFormat: Text.PlainText
                        text: qsTr("Changed on two devices at once: %1 versions are kept and this is one of them.").arg(details.conflictSides)
                        color: "#5d4037"
                        wrapMode: Text.WordWrap
                        Layout.fillWidth: true
                    }
                    Button {
                        objectName: "compareVersions"
                        text: qsTr("Compare and choose")
                        Accessible.name: text
                        onClicked: page.conflictRequested(details.entryId)
                    }
                }
            }
            Label {
                textFormat: Text.PlainText
                visible: details.deleted
                text: qsTr("Deleted: hidden from the timeline unless \u201CShow deleted entries\u201D is on. Its history is kept below.")
                color: Material.color(Material.Red)
                wrapMode: Text.WordWrap
                Layout.fillWidth: true
            }
            Label {
                textFormat: Text.PlainText
                visible: details.errorMessage.length > 0
                text: details.errorMessage
                color: Material.color(Material.Red)
                wrapMode: Text.WordWrap
                Layout.fillWidth: true
            }
            Flow {
                visible: details.tags.length > 0
                spacing: 6
                Layout.fillWidth: true
                Repeater {
                    model: details.tags
                    delegate: Label {
                        required property string modelData
                        textFormat: Text.PlainText
                        text: "#" + modelData
                        padding: 4
                        leftPadding: 8
                        rightPadding: 8
                        background: Rectangle { radius: 10; color: Material.color(Material.Teal, Material.Shade100) }
                        color: "#004d40"
                    }
                }
            }
            FieldSections {
                visible: sections.length > 0
                sections: details.sections
                Layout.fillWidth: true
            }
            LinkedEntries {
                visible: links.length > 0
                links: details.links
                Layout.fillWidth: true
                onOpened: (id) => page.showEntry(id)
            }
            // An email: its headers, text, files, original and conversation.
            Loader {
                active: details.kind === "email"
                visible: active
                Layout.fillWidth: true
                sourceComponent: EmailView {
                    controller: page.controller
                    entryId: details.entryId
                    body: details.body
                    onEntryRequested: (id) => page.showEntry(id)
                    onOpenRequested: (name) => { openDialog.name = name; openDialog.open() }
                }
            }
            TextEdit {
                visible: details.kind !== "email" && text.length > 0 // a bare picture has no text to leave room for
                textFormat: TextEdit.PlainText
                text: details.body
                readOnly: true
                selectByMouse: true
                wrapMode: TextEdit.Wrap
                color: Material.foreground
                font.pixelSize: TextScale.subtitle
                Layout.fillWidth: true
                Accessible.name: qsTr("Entry text")
            }

            Repeater {
                model: details.kind === "email" ? [] : details.attachments // an email shows its original itself
                delegate: ColumnLayout {
                    required property var modelData
                    Layout.fillWidth: true
                    // Opens the viewer by click, tap, Return or Space.
                    Image {
                        id: picture
                        visible: modelData.isImage
                        source: modelData.isImage ? modelData.source : ""
                        sourceSize.width: 1200
                        fillMode: Image.PreserveAspectFit
                        cache: false
                        activeFocusOnTab: visible
                        Layout.fillWidth: true
                        // As tall as the picture is at this width (no letterbox), at most 420.
                        Layout.preferredHeight: visible && implicitWidth > 0 ? Math.min(420, width * implicitHeight / implicitWidth) : 0
                        Accessible.role: Accessible.Button
                        Accessible.name: qsTr("Attached image %1").arg(modelData.name)
                        Accessible.description: qsTr("Opens it full screen, to zoom")
                        Accessible.onPressAction: viewer.show(modelData.source, modelData.name)
                        Keys.onPressed: (event) => {
                            if (event.key === Qt.Key_Return || event.key === Qt.Key_Enter || event.key === Qt.Key_Space) {
                                viewer.show(modelData.source, modelData.name)
                                event.accepted = true
                            }
                        }
                        MouseArea {
                            anchors.fill: parent
                            cursorShape: Qt.PointingHandCursor
                            onClicked: viewer.show(modelData.source, modelData.name)
                        }
                        Rectangle { // the keyboard focus
                            anchors.fill: parent
                            visible: picture.activeFocus
                            color: "transparent"
                            border.color: Material.accent
                            border.width: 2
                        }
                    }
                    RowLayout {
                        Layout.fillWidth: true
                        Label {
                            textFormat: Text.PlainText
                            text: modelData.name + " \u00B7 " + FileSize.text(modelData.size)
                            elide: Text.ElideMiddle
                            Layout.fillWidth: true
                        }
                        Button {
                            flat: true
                            visible: !modelData.isImage
                            text: qsTr("Open\u2026")
                            Accessible.name: qsTr("Open %1 in another app").arg(modelData.name)
                            onClicked: { openDialog.name = modelData.name; openDialog.open() }
                        }
                    }
                    Label {
                        textFormat: Text.PlainText
                        text: "SHA-256 " + modelData.sha256
                        font.family: "monospace"
                        font.pixelSize: TextScale.caption
                        opacity: 0.6
                        wrapMode: Text.WrapAnywhere
                        Layout.fillWidth: true
                    }
                }
            }

            // A screenshot or photo: where it was taken, its camera and time, the text read from it.
            Loader {
                active: details.kind === "screenshot" || details.kind === "photo"
                visible: active
                Layout.fillWidth: true
                sourceComponent: ImageDetails {
                    controller: page.controller
                    entryId: details.entryId
                }
            }

            Label {
                textFormat: Text.PlainText
                text: qsTr("History")
                font.pixelSize: TextScale.heading
                font.weight: Font.DemiBold
                topPadding: 12
            }
            Repeater {
                model: details.history
                delegate: RevisionCard {
                    Layout.fillWidth: true
                }
            }
        }
    }

    ImageViewer { id: viewer }

    Dialog {
        id: deleteDialog
        anchors.centerIn: parent
        width: Math.min(parent.width - 32, 420)
        modal: true
        title: qsTr("Delete this entry?")
        footer: DialogButtonBox {
            Button { text: qsTr("Cancel"); flat: true; DialogButtonBox.buttonRole: DialogButtonBox.RejectRole }
            Button { text: qsTr("Delete"); flat: true; DialogButtonBox.buttonRole: DialogButtonBox.AcceptRole }
        }
        ColumnLayout {
            width: deleteDialog.availableWidth
            Label {
                textFormat: Text.PlainText
                Layout.fillWidth: true
                wrapMode: Text.WordWrap
                text: qsTr("It disappears from the timeline, but its history stays and the log records that you deleted it.")
            }
        }
        onAccepted: if (details.remove()) page.removed()
    }

    Dialog {
        id: purgeDialog
        anchors.centerIn: parent
        width: Math.min(parent.width - 32, 420)
        modal: true
        title: qsTr("Purge this entry for good?")
        footer: DialogButtonBox {
            Button { text: qsTr("Cancel"); flat: true; DialogButtonBox.buttonRole: DialogButtonBox.RejectRole }
            Button {
                text: qsTr("Purge")
                flat: true
                enabled: confirmField.text === "PURGE"
                DialogButtonBox.buttonRole: DialogButtonBox.AcceptRole
            }
        }
        onOpened: confirmField.clear()
        ColumnLayout {
            width: purgeDialog.availableWidth
            Label {
                textFormat: Text.PlainText
                Layout.fillWidth: true
                wrapMode: Text.WordWrap
                text: qsTr("Its text, every earlier version and its attachments are destroyed and cannot be recovered. The log keeps only their fingerprints, showing that something was removed and when. Type PURGE to confirm.")
            }
            TextField {
                id: confirmField
                Layout.fillWidth: true
                placeholderText: "PURGE"
                Accessible.name: qsTr("Type PURGE to confirm")
            }
        }
        onAccepted: if (details.purge()) page.removed()
    }

    Dialog {
        id: openDialog
        property string name
        anchors.centerIn: parent
        width: Math.min(parent.width - 32, 420)
        modal: true
        title: qsTr("Open in another app?")
        footer: DialogButtonBox {
            Button { text: qsTr("Cancel"); flat: true; DialogButtonBox.buttonRole: DialogButtonBox.RejectRole }
            Button { text: qsTr("Open"); flat: true; DialogButtonBox.buttonRole: DialogButtonBox.AcceptRole }
        }
        ColumnLayout {
            width: openDialog.availableWidth
            Label {
                textFormat: Text.PlainText
                Layout.fillWidth: true
                wrapMode: Text.WordWrap
                text: qsTr("To open %1, Paper Trail writes an unencrypted copy to a private folder on this device. The copy is wiped when you lock, but the other app may keep its own.").arg(openDialog.name)
            }
        }
        onAccepted: details.openExternally(name)
    }
}
