import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Dialogs
import QtQuick.Layouts
import PaperTrail

// An imported email on its entry page (the subject is the page's title): From, To, Cc and Date
// (marked when it is a guess), the text, the files inside it (a picture viewed in the app, any
// file saved where the person chooses), the original message, its conversation, the DKIM
// signatures it carries and what the import had to skip or repair. Everything is plain text:
// an email's markup is never rendered and nothing is ever fetched. Columns with set widths, not
// nested layouts: wrapped text then is as tall as its lines.
Column {
    id: root
    required property VaultController controller
    property alias entryId: email.entryId
    property string body
    // Another message of the conversation asked for.
    signal entryRequested(string entryId)
    // The original message, to open in another app (the entry page asks first).
    signal openRequested(string name)
    spacing: 12

    EmailDetails {
        id: email
        controller: root.controller
        onEntryIdChanged: root.detailsOpen = false
    }
    property bool detailsOpen: false

    FontMetrics { id: small; font.pixelSize: TextScale.small }
    readonly property real nameWidth: Math.ceil(Math.max(small.advanceWidth(qsTr("From")), small.advanceWidth(qsTr("To")),
                                                         small.advanceWidth(qsTr("Cc")), small.advanceWidth(qsTr("Date")))) + 12

    // A header: its name in a narrow column, its value selectable and wrapped beside it.
    component Header: Row {
        id: header
        property string name
        property string value
        property real nameWidth
        visible: value.length > 0
        spacing: 8
        Label {
            textFormat: Text.PlainText
            text: header.name
            width: header.nameWidth
            font.pixelSize: TextScale.small
            opacity: 0.7
            topPadding: 1
        }
        TextEdit {
            textFormat: TextEdit.PlainText
            text: header.value
            readOnly: true
            selectByMouse: true
            wrapMode: TextEdit.WrapAtWordBoundaryOrAnywhere
            color: Material.foreground
            font.pixelSize: TextScale.body
            width: header.width - header.nameWidth - header.spacing
            Accessible.role: Accessible.StaticText
            Accessible.name: qsTr("%1: %2").arg(header.name).arg(header.value)
        }
    }
    // A detail under "Details": its name above, its value (ids, fingerprints) in monospace.
    component Detail: Column {
        id: detail
        property string name
        property string value
        visible: value.length > 0
        spacing: 1
        Label {
            textFormat: Text.PlainText
            text: detail.name
            font.pixelSize: TextScale.caption
            opacity: 0.7
            width: detail.width
            wrapMode: Text.WordWrap
        }
        TextEdit {
            textFormat: TextEdit.PlainText
            text: detail.value
            readOnly: true
            selectByMouse: true
            wrapMode: TextEdit.WrapAnywhere
            color: Material.foreground
            font.family: "monospace"
            font.pixelSize: TextScale.caption
            width: detail.width
            Accessible.role: Accessible.StaticText
            Accessible.name: qsTr("%1: %2").arg(detail.name).arg(detail.value)
        }
    }

    // The headers.
    Column {
        objectName: "emailHeaders"
        width: root.width
        spacing: 4
        Header { name: qsTr("From"); value: email.from; width: root.width; nameWidth: root.nameWidth }
        Header { name: qsTr("To"); value: email.to; width: root.width; nameWidth: root.nameWidth }
        Header { name: qsTr("Cc"); value: email.cc; width: root.width; nameWidth: root.nameWidth }
        Header {
            name: qsTr("Date")
            value: email.dateGuessed ? qsTr("%1 (a guess)").arg(email.date) : email.date
            width: root.width
            nameWidth: root.nameWidth
        }
    }
    Label {
        objectName: "dkimNote"
        visible: email.signedBy.length > 0
        textFormat: Text.PlainText
        text: email.signedBy
        font.pixelSize: TextScale.small
        opacity: 0.8
        wrapMode: Text.Wrap
        width: root.width
    }
    Column {
        width: root.width
        spacing: 6
        Button {
            flat: true
            leftPadding: 0
            text: (root.detailsOpen ? "\u25BE " : "\u25B8 ") + qsTr("Details")
            Accessible.name: root.detailsOpen ? qsTr("Hide the message's details") : qsTr("Show the message's details")
            onClicked: root.detailsOpen = !root.detailsOpen
        }
        Column {
            visible: root.detailsOpen
            width: root.width
            spacing: 6
            Detail { name: qsTr("Message-ID"); value: email.messageId; width: root.width }
            Detail { name: qsTr("In reply to"); value: email.inReplyTo; width: root.width }
            Detail { name: qsTr("References"); value: email.references.join("\n"); width: root.width }
            Detail { name: qsTr("DKIM signatures (not checked)"); value: email.signatures.join("\n"); width: root.width }
        }
    }

    // The text, and how it was made when the email had only HTML.
    Label {
        objectName: "madeFromHtml"
        visible: email.textFromHtml
        textFormat: Text.PlainText
        text: qsTr("Made from HTML: this text was read out of the email's HTML, with links written out and pictures and formatting left out. The original keeps all of it.")
        font.pixelSize: TextScale.small
        font.italic: true
        opacity: 0.8
        wrapMode: Text.Wrap
        width: root.width
    }
    TextEdit {
        objectName: "emailBody"
        textFormat: TextEdit.PlainText
        text: root.body
        readOnly: true
        selectByMouse: true
        wrapMode: TextEdit.Wrap
        color: Material.foreground
        font.pixelSize: TextScale.subtitle
        width: root.width
        Accessible.role: Accessible.EditableText
        Accessible.name: qsTr("Email text")
    }

    // The files inside it.
    Column {
        visible: email.files.count > 0
        width: root.width
        spacing: 2
        Label {
            textFormat: Text.PlainText
            text: qsTr("Files in this email (%1)").arg(email.files.count)
            font.pixelSize: TextScale.heading
            font.weight: Font.DemiBold
            topPadding: 4
            bottomPadding: 4
            width: parent.width
            wrapMode: Text.WordWrap
        }
        Repeater {
            model: email.files
            delegate: RowLayout {
                id: file
                required property int index
                required property string name
                required property string type
                required property double size
                required property bool isImage
                required property bool isInline
                width: root.width
                spacing: 4
                Accessible.role: Accessible.ListItem
                Accessible.name: name
                Column {
                    spacing: 1
                    Layout.fillWidth: true
                    Layout.alignment: Qt.AlignVCenter
                    Label {
                        textFormat: Text.PlainText
                        text: file.name.length > 0 ? file.name : qsTr("(no name)")
                        wrapMode: Text.WrapAtWordBoundaryOrAnywhere
                        maximumLineCount: 3
                        elide: Text.ElideMiddle
                        width: parent.width
                    }
                    Label {
                        textFormat: Text.PlainText
                        text: {
                            const parts = [file.type.length > 0 ? file.type : qsTr("unknown type")]
                            if (file.size >= 0)
                                parts.push(FileSize.text(file.size))
                            if (file.isInline)
                                parts.push(qsTr("shown in the text"))
                            return parts.join(" \u00B7 ")
                        }
                        font.pixelSize: TextScale.caption
                        opacity: 0.7
                        wrapMode: Text.WrapAtWordBoundaryOrAnywhere
                        width: parent.width
                    }
                }
                Button {
                    visible: file.isImage
                    flat: true
                    text: qsTr("View")
                    Accessible.name: qsTr("View %1").arg(file.name)
                    onClicked: viewer.show(file.index)
                }
                Button {
                    flat: true
                    text: qsTr("Save\u2026")
                    enabled: !email.files.saving
                    Accessible.name: qsTr("Save %1\u2026").arg(file.name)
                    onClicked: saveDialog.ask(file.index)
                }
            }
        }
        Label {
            objectName: "fileSaveMessage"
            visible: email.files.saveMessage.length > 0
            textFormat: Text.PlainText
            text: email.files.saveMessage
            color: email.files.saveFailed ? Material.color(Material.Red) : Material.foreground
            font.pixelSize: TextScale.small
            wrapMode: Text.WrapAtWordBoundaryOrAnywhere
            width: parent.width
        }
    }

    // The original message, byte for byte.
    Column {
        visible: email.originalName.length > 0
        width: root.width
        spacing: 2
        Label {
            textFormat: Text.PlainText
            text: qsTr("The original email")
            font.pixelSize: TextScale.heading
            font.weight: Font.DemiBold
            topPadding: 4
            bottomPadding: 4
            width: parent.width
            wrapMode: Text.WordWrap
        }
        RowLayout {
            width: parent.width
            spacing: 4
            Label {
                textFormat: Text.PlainText
                text: email.originalName + " \u00B7 " + FileSize.text(email.originalSize)
                wrapMode: Text.WrapAtWordBoundaryOrAnywhere
                Layout.fillWidth: true
            }
            Button {
                flat: true
                text: qsTr("Open\u2026")
                Accessible.name: qsTr("Open %1 in another app").arg(email.originalName)
                onClicked: root.openRequested(email.originalName)
            }
            Button {
                flat: true
                text: qsTr("Save\u2026")
                Accessible.name: qsTr("Save the original email\u2026")
                onClicked: saveDialog.ask(-1)
            }
        }
        Label {
            textFormat: Text.PlainText
            text: qsTr("Kept exactly as it arrived, so its headers and signatures can be checked later.")
            font.pixelSize: TextScale.small
            opacity: 0.8
            wrapMode: Text.Wrap
            width: parent.width
        }
        Label {
            textFormat: Text.PlainText
            text: "SHA-256 " + email.originalSha256
            font.family: "monospace"
            font.pixelSize: TextScale.caption
            opacity: 0.6
            wrapMode: Text.WrapAnywhere
            width: parent.width
        }
        Label {
            objectName: "originalSaveMessage"
            visible: email.saveMessage.length > 0
            textFormat: Text.PlainText
            text: email.saveMessage
            color: email.saveFailed ? Material.color(Material.Red) : Material.foreground
            font.pixelSize: TextScale.small
            wrapMode: Text.WrapAtWordBoundaryOrAnywhere
            width: parent.width
        }
    }

    ThreadList {
        thread: email.thread
        width: root.width
        onOpened: (id) => root.entryRequested(id)
    }

    // What the import skipped or repaired, in its own sentences.
    Column {
        visible: email.importNotes.length > 0
        width: root.width
        spacing: 4
        Label {
            textFormat: Text.PlainText
            text: qsTr("Notes from the import")
            font.pixelSize: TextScale.small
            font.weight: Font.DemiBold
            width: parent.width
            wrapMode: Text.WordWrap
        }
        Repeater {
            model: email.importNotes
            delegate: Label {
                required property string modelData
                textFormat: Text.PlainText
                text: modelData
                font.pixelSize: TextScale.small
                opacity: 0.8
                wrapMode: Text.Wrap
                width: root.width
            }
        }
    }

    EmailFileViewer {
        id: viewer
        files: email.files
        onSaveRequested: (row) => saveDialog.ask(row)
    }

    // Where to save a file of the email (row >= 0) or the original (-1): only where the person
    // chooses, nothing anywhere else.
    FileDialog {
        id: saveDialog
        objectName: "emailSaveDialog"
        property int row: -1
        function ask(index) {
            row = index
            const suggested = index < 0 ? email.suggestedOriginalUrl() : email.files.suggestedSaveUrl(index)
            currentFolder = suggested.toString().substring(0, suggested.toString().lastIndexOf("/"))
            selectedFile = suggested
            open()
        }
        title: row < 0 ? qsTr("Save the original email as") : qsTr("Save the file as")
        fileMode: FileDialog.SaveFile
        acceptLabel: qsTr("Save") // Qt 6.4's own dialog says Open otherwise
        onAccepted: {
            if (row < 0)
                email.saveOriginal(selectedFile)
            else
                email.files.save(row, selectedFile)
        }
    }
}
