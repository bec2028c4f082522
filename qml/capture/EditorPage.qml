import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Dialogs
import QtQuick.Layouts
import PaperTrail

// Quick capture and editing. Opens with the cursor in the body; what is typed is autosaved,
// encrypted, every few seconds, so a killed app loses nothing but those seconds.
Page {
    id: page
    required property VaultController controller
    property string newKind: ""
    property string editId: ""
    // Fields a new entry starts with (a meeting of the plan: {plan, meeting_type}).
    property var newFields: ({})
    signal done(string id)

    readonly property bool isMeeting: editor.kind === "meeting"
    readonly property bool isIncident: editor.kind === "incident"
    // The meeting's questions, renewed only when the questions themselves change, so typing an
    // answer does not rebuild the list under the cursor.
    property var questionTexts: []
    function syncQuestions() {
        const q = (editor.templateFields.questions || []).map((x) => x.question)
        if (JSON.stringify(q) !== JSON.stringify(page.questionTexts))
            page.questionTexts = q
    }
    Connections {
        target: editor
        function onChanged() { page.syncQuestions() }
    }

    EntryEditor {
        id: editor
        controller: page.controller
    }

    Component.onCompleted: {
        if (editId.length > 0)
            editor.startEdit(editId)
        else if (Object.keys(newFields).length > 0)
            editor.startNewWith(newKind.length > 0 ? newKind : "note", newFields)
        else
            editor.startNew(newKind.length > 0 ? newKind : "note")
        page.syncQuestions()
        body.forceActiveFocus()
    }
    Component.onDestruction: editor.saveDraft()

    Shortcut { sequence: StandardKey.Save; onActivated: page.save() }
    Shortcut { sequences: [StandardKey.Paste]; enabled: !body.activeFocus && !title.activeFocus; onActivated: editor.pasteImage() }

    function save() {
        const id = editor.save()
        if (id.length > 0)
            page.done(id)
    }

    header: ToolBar {
        RowLayout {
            anchors.fill: parent
            ToolButton {
                text: "\u2190"
                font.pixelSize: TextScale.title
                Accessible.name: qsTr("Close; the draft is kept")
                onClicked: { editor.saveDraft(); page.done(page.editId) }
            }
            Label {
                textFormat: Text.PlainText
                text: page.editId.length > 0 ? qsTr("Edit entry") : qsTr("New: %1").arg(KindNames.label(editor.kind))
                font.pixelSize: TextScale.heading
                Layout.fillWidth: true
            }
            ToolButton {
                text: qsTr("Save")
                enabled: editor.title.length > 0 || editor.body.length > 0 || editor.attachments.length > 0
                Accessible.name: qsTr("Save this entry")
                onClicked: page.save()
            }
        }
    }

    DropArea {
        anchors.fill: parent
        onDropped: (drop) => { if (drop.hasUrls) editor.addFiles(drop.urls) }
    }

    Flickable {
        id: flick
        anchors.fill: parent
        contentHeight: form.implicitHeight + 32
        clip: true
        ScrollBar.vertical: ScrollBar {}

        ColumnLayout {
            id: form
            x: 16
            y: 12
            width: flick.width - 32
            spacing: 10

            Label {
                textFormat: Text.PlainText
                visible: editor.restoredDraft
                text: qsTr("Restored the draft you had not saved.")
                font.italic: true
                opacity: 0.7
            }
            Label {
                textFormat: Text.PlainText
                visible: editor.errorMessage.length > 0
                text: editor.errorMessage
                color: Material.color(Material.Red)
                wrapMode: Text.WordWrap
                Layout.fillWidth: true
            }
            ComboBox {
                id: kindBox
                // The kinds a person writes by hand; an entry of another kind (a check-in) keeps its own.
                readonly property var written: ["note", "meeting", "incident", "grade", "shout-out", "screenshot", "email", "rebuttal"]
                model: written.indexOf(editor.kind) >= 0 ? written : written.concat([editor.kind])
                currentIndex: Math.max(0, model.indexOf(editor.kind))
                displayText: qsTr("Kind: %1").arg(KindNames.label(currentText))
                Layout.preferredWidth: 240
                Accessible.name: qsTr("Kind of entry")
                Accessible.description: KindNames.label(currentText)
                onActivated: editor.kind = currentText
                delegate: ItemDelegate {
                    required property string modelData
                    required property int index
                    width: kindBox.width
                    text: KindNames.label(modelData)
                    highlighted: kindBox.highlightedIndex === index
                }
            }
            TextField {
                id: title
                text: editor.title
                placeholderText: page.isMeeting ? qsTr("Meeting (e.g. Weekly PIP check-in)") : qsTr("Title")
                Layout.fillWidth: true
                Accessible.name: qsTr("Title")
                onTextEdited: editor.title = text
            }
            DateTimeField {
                value: editor.occurredAt
                onEdited: (v) => editor.occurredAt = v
            }
            ComboBox {
                id: meetingType
                visible: page.isMeeting
                readonly property var types: ["other", "pip-delivery", "one-on-one"]
                model: [qsTr("Meeting"), qsTr("PIP delivery meeting"), qsTr("1:1 during the PIP")]
                currentIndex: Math.max(0, types.indexOf(editor.templateFields.meeting_type || "other"))
                Layout.preferredWidth: 260
                Accessible.name: qsTr("Kind of meeting")
                onActivated: (i) => editor.setMeetingType(types[i])
            }
            // Meeting sections keep their names once filled in (a placeholder goes when typed over).
            FieldLabel { visible: page.isMeeting; text: qsTr("Who was there") }
            TextField {
                visible: page.isMeeting
                text: editor.attendees
                placeholderText: qsTr("Names, separated by commas")
                Layout.fillWidth: true
                Accessible.name: qsTr("Attendees")
                onTextEdited: editor.attendees = text
            }
            FieldLabel { visible: page.isMeeting; text: qsTr("What was said") }
            FormTextArea {
                id: body
                text: editor.body
                placeholderText: page.isMeeting ? qsTr("As close to word for word as you can")
                                 : page.isIncident ? qsTr("What happened, in order")
                                                   : qsTr("What happened? Who said what, and when?")
                Layout.fillWidth: true
                Layout.minimumHeight: 160
                Accessible.name: qsTr("Notes")
                onTextChanged: if (text !== editor.body) editor.body = text
            }
            // The seeds' questions for this kind of meeting, each answered in the manager's words.
            FieldLabel { visible: page.isMeeting && page.questionTexts.length > 0; text: qsTr("Questions to ask") }
            Repeater {
                model: page.isMeeting ? page.questionTexts : []
                delegate: ColumnLayout {
                    id: question
                    required property string modelData
                    required property int index
                    Layout.fillWidth: true
                    spacing: 2
                    Label {
                        textFormat: Text.PlainText
                        text: question.modelData
                        wrapMode: Text.WordWrap
                        Layout.fillWidth: true
                    }
                    FormTextArea {
                        readonly property string saved: ((editor.templateFields.questions || [])[question.index] || {}).answer || ""
                        text: saved
                        placeholderText: qsTr("Their answer, word for word")
                        Layout.fillWidth: true
                        Accessible.name: qsTr("Answer to: %1").arg(question.modelData)
                        onTextChanged: if (text !== saved) editor.setAnswer(question.index, text)
                    }
                }
            }
            // An incident: anything outside the plan (a remark, retaliation, a moved deadline).
            FieldLabel { visible: page.isIncident; text: qsTr("Where") }
            TextField {
                visible: page.isIncident
                text: editor.templateFields.where || ""
                placeholderText: qsTr("Room, call, Slack channel…")
                Layout.fillWidth: true
                Accessible.name: qsTr("Where it happened")
                onTextEdited: editor.setField("where", text)
            }
            FieldLabel { visible: page.isIncident; text: qsTr("Who said what, in their exact words") }
            FormTextArea {
                visible: page.isIncident
                text: editor.templateFields.said || ""
                placeholderText: qsTr("Dana: “…”")
                Layout.fillWidth: true
                Accessible.name: qsTr("Who said what, in their exact words")
                onTextChanged: if (text !== (editor.templateFields.said || "")) editor.setField("said", text)
            }
            FieldLabel { visible: page.isIncident; text: qsTr("Witnesses") }
            TextField {
                visible: page.isIncident
                text: editor.templateFields.witnesses || ""
                placeholderText: qsTr("Names, separated by commas")
                Layout.fillWidth: true
                Accessible.name: qsTr("Witnesses")
                onTextEdited: editor.setField("witnesses", text)
            }
            FieldLabel { visible: page.isIncident; text: qsTr("What I said or did in response") }
            FormTextArea {
                visible: page.isIncident
                text: editor.templateFields.response || ""
                Layout.fillWidth: true
                Accessible.name: qsTr("What I said or did in response")
                onTextChanged: if (text !== (editor.templateFields.response || "")) editor.setField("response", text)
            }
            FieldLabel { visible: page.isIncident; text: qsTr("How it was reported") }
            FormTextArea {
                visible: page.isIncident
                text: editor.templateFields.reported || ""
                placeholderText: qsTr("To whom, when, how (email to HR on…)")
                Layout.fillWidth: true
                Accessible.name: qsTr("How it was reported")
                onTextChanged: if (text !== (editor.templateFields.reported || "")) editor.setField("reported", text)
            }
            FieldLabel { visible: page.isMeeting; text: qsTr("Points of agreement") }
            FormTextArea {
                visible: page.isMeeting
                text: editor.agreements
                placeholderText: qsTr("One per line")
                Layout.fillWidth: true
                Accessible.name: qsTr("Points of agreement")
                onTextChanged: if (text !== editor.agreements) editor.agreements = text
            }
            FieldLabel { visible: page.isMeeting; text: qsTr("Points of disagreement") }
            FormTextArea {
                visible: page.isMeeting
                text: editor.disagreements
                placeholderText: qsTr("One per line")
                Layout.fillWidth: true
                Accessible.name: qsTr("Points of disagreement")
                onTextChanged: if (text !== editor.disagreements) editor.disagreements = text
            }
            FieldLabel { visible: page.isMeeting; text: qsTr("Action items") }
            FormTextArea {
                visible: page.isMeeting
                text: editor.actionItems
                placeholderText: qsTr("Who does what, by when; one per line")
                Layout.fillWidth: true
                Accessible.name: qsTr("Action items")
                onTextChanged: if (text !== editor.actionItems) editor.actionItems = text
            }
            // Links to other entries (a recap to the reply it got, a note to the email it answers),
            // shown on both.
            FieldLabel { text: qsTr("Linked entries") }
            LinkList {
                entries: editor.links
                Layout.fillWidth: true
                onRemoved: (id) => editor.removeLink(id)
            }
            EntryFinder {
                Layout.fillWidth: true
                find: (words) => editor.linkCandidates(words)
                onChosen: (entry) => editor.addLink(entry.id)
            }
            TextField {
                text: editor.tags
                placeholderText: qsTr("Tags (comma separated)")
                Layout.fillWidth: true
                Accessible.name: qsTr("Tags")
                onTextEdited: editor.tags = text
            }

            Repeater {
                model: editor.attachments
                delegate: RowLayout {
                    required property var modelData
                    required property int index
                    Layout.fillWidth: true
                    Label {
                        textFormat: Text.PlainText
                        text: modelData.name + (modelData.saved ? "" : qsTr(" (new)"))
                        elide: Text.ElideMiddle
                        Layout.fillWidth: true
                    }
                    ToolButton {
                        text: "\u2715"
                        Accessible.name: qsTr("Remove %1").arg(modelData.name)
                        onClicked: editor.removeAttachment(index)
                    }
                }
            }
            Flow {
                Layout.fillWidth: true
                spacing: 8
                Button {
                    text: qsTr("Attach file\u2026")
                    Accessible.name: qsTr("Attach a screenshot or a file")
                    onClicked: fileDialog.open()
                }
                Button {
                    text: qsTr("Paste image")
                    Accessible.name: qsTr("Paste an image from the clipboard")
                    onClicked: editor.pasteImage()
                }
                Button {
                    visible: page.isMeeting
                    text: qsTr("Compose recap email")
                    Accessible.name: qsTr("Compose the follow-up email for this meeting")
                    onClicked: {
                        // Say what really happened: Qt knows whether a mail app took the mailto: link.
                        const opened = Qt.openUrlExternally(editor.composeRecap())
                        recapNote.text = opened
                            ? qsTr("Opened in your mail app, and copied to the clipboard. Send it from your personal email and keep the reply.")
                            : qsTr("Copied to the clipboard: no mail app is set up. Paste it into an email from your personal account, send it and keep the reply.")
                        recapNote.visible = true
                    }
                }
            }
            Label {
                id: recapNote
                textFormat: Text.PlainText
                visible: false
                wrapMode: Text.WordWrap
                opacity: 0.8
                Layout.fillWidth: true
            }
            Button {
                visible: editor.restoredDraft
                flat: true
                text: qsTr("Discard the draft")
                onClicked: discardDialog.open()
            }
        }
    }

    Dialog {
        id: discardDialog
        anchors.centerIn: parent
        width: Math.min(parent.width - 32, 420)
        modal: true
        title: qsTr("Discard this draft?")
        footer: DialogButtonBox {
            Button { text: qsTr("Keep"); flat: true; DialogButtonBox.buttonRole: DialogButtonBox.RejectRole }
            Button { text: qsTr("Discard"); flat: true; DialogButtonBox.buttonRole: DialogButtonBox.AcceptRole }
        }
        ColumnLayout {
            width: discardDialog.availableWidth
            Label {
                textFormat: Text.PlainText
                Layout.fillWidth: true
                wrapMode: Text.WordWrap
                text: page.editId.length > 0
                      ? qsTr("The changes you have not saved are deleted. The entry stays as it was saved.")
                      : qsTr("What you typed here is deleted and cannot be recovered. It was never saved as an entry.")
            }
        }
        onAccepted: editor.discard()
    }

    FileDialog {
        id: fileDialog
        title: qsTr("Attach screenshots or files")
        fileMode: FileDialog.OpenFiles
        currentFolder: editor.pickerFolder
        onAccepted: editor.addFiles(selectedFiles)
    }
}
