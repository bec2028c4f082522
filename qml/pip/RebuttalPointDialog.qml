import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import PaperTrail

// One point of the response: a problem area's steps, results, what is unclear and the question;
// or a claim of the PIP and the facts. Either way with the records that show it (emails,
// screenshots, notes, grades), picked from the journal and linked.
Dialog {
    id: dialog
    required property PipController pip
    property var point: ({})
    property var evidence: []
    readonly property bool isClaim: (point.claim || "").length > 0

    function openFor(p) {
        point = p
        evidence = (p.evidence || []).slice()
        steps.text = p.steps || ""
        results.text = p.results || ""
        unclear.text = p.unclear || ""
        question.text = p.question || ""
        claim.text = (p.claim || "").trim()
        facts.text = p.facts || ""
        open()
    }

    parent: Overlay.overlay
    anchors.centerIn: parent
    width: Math.min(parent.width - 24, 560)
    height: Math.min(parent.height - 24, 720)
    modal: true
    title: isClaim ? qsTr("Correct a claim") : point.area || ""
    standardButtons: Dialog.Save | Dialog.Cancel
    onAccepted: pip.saveRebuttalPoint({
        id: point.id || "", area: isClaim ? "" : point.area, steps: steps.text, results: results.text,
        unclear: unclear.text, question: question.text, claim: isClaim ? claim.text : "", facts: facts.text,
        evidence: evidence.map((e) => e.id)
    })

    Flickable {
        anchors.fill: parent
        contentHeight: fields.implicitHeight
        clip: true
        ScrollBar.vertical: ScrollBar {}
        ColumnLayout {
            id: fields
            width: parent.width
            spacing: 8
            FieldLabel { visible: !dialog.isClaim; text: qsTr("Steps I have taken") }
            FormTextArea { id: steps; visible: !dialog.isClaim; Layout.fillWidth: true; Accessible.name: qsTr("Steps I have taken") }
            FieldLabel { visible: !dialog.isClaim; text: qsTr("Results so far") }
            FormTextArea { id: results; visible: !dialog.isClaim; Layout.fillWidth: true; Accessible.name: qsTr("Results so far") }
            FieldLabel { visible: !dialog.isClaim; text: qsTr("What is still unclear to me") }
            FormTextArea { id: unclear; visible: !dialog.isClaim; Layout.fillWidth: true; Accessible.name: qsTr("What is still unclear") }
            FieldLabel { visible: !dialog.isClaim; text: qsTr("My question") }
            FormTextArea { id: question; visible: !dialog.isClaim; Layout.fillWidth: true; Accessible.name: qsTr("My question") }
            FieldLabel { visible: dialog.isClaim; text: qsTr("What the PIP says, in its words") }
            FormTextArea { id: claim; visible: dialog.isClaim; Layout.fillWidth: true; Accessible.name: qsTr("The claim, in the PIP's words") }
            FieldLabel { visible: dialog.isClaim; text: qsTr("The facts") }
            FormTextArea { id: facts; visible: dialog.isClaim; Layout.fillWidth: true; Accessible.name: qsTr("The facts") }

            FieldLabel { text: qsTr("Records that show it") }
            LinkList {
                entries: dialog.evidence
                Layout.fillWidth: true
                onRemoved: (id) => dialog.evidence = dialog.evidence.filter((e) => e.id !== id)
            }
            EntryFinder {
                Layout.fillWidth: true
                placeholder: qsTr("Find a record to link: words of its title, or email, screenshot…")
                find: (words) => dialog.pip.evidenceCandidates(words, dialog.evidence.map((e) => e.id))
                onChosen: (entry) => dialog.evidence = dialog.evidence.concat([entry])
            }
        }
    }
}
