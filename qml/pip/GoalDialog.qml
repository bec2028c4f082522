import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import PaperTrail

// One goal: what the PIP says, how it is measured and who decides (ask at the delivery meeting if
// the PIP does not say), and one's own specific, measurable restatement of it.
Dialog {
    id: dialog
    required property PipController pip
    property var goal: ({})
    property var evidence: []

    function openFor(g) {
        goal = g
        goalText.text = g.text || ""
        measuredBy.text = g.measuredBy || ""
        decidedBy.text = g.decidedBy || ""
        smart.text = g.smart || ""
        area.currentIndex = Math.max(0, (pip.plan.areaList || []).indexOf(g.area || "") + 1)
        evidence = (g.evidence || []).slice()
        open()
    }

    parent: Overlay.overlay
    anchors.centerIn: parent
    width: Math.min(parent.width - 24, 520)
    height: Math.min(parent.height - 24, implicitHeight)
    modal: true
    title: goal.id ? qsTr("Goal %1").arg(goal.number) : qsTr("New goal")
    standardButtons: Dialog.Save | Dialog.Cancel
    onAccepted: pip.saveGoal({ id: goal.id || "", text: goalText.text, measuredBy: measuredBy.text, decidedBy: decidedBy.text,
                               smart: smart.text, area: area.currentIndex > 0 ? area.currentText : "", notes: goal.notes || "",
                               evidence: evidence.map((e) => e.id) })

    Flickable {
        anchors.fill: parent
        contentHeight: fields.implicitHeight
        implicitHeight: fields.implicitHeight
        clip: true
        ColumnLayout {
            id: fields
            width: parent.width
            spacing: 8
            FieldLabel { text: qsTr("What the PIP says") }
            FormTextArea { id: goalText; Layout.fillWidth: true; Accessible.name: qsTr("The goal in the PIP's words") }
            FieldLabel { text: qsTr("How it is measured") }
            TextField { id: measuredBy; Layout.fillWidth: true; Accessible.name: qsTr("How it is measured") }
            FieldLabel { text: qsTr("Who decides it is met") }
            TextField { id: decidedBy; Layout.fillWidth: true; Accessible.name: qsTr("Who decides") }
            FieldLabel { text: qsTr("My specific, measurable version") }
            FormTextArea { id: smart; Layout.fillWidth: true; Accessible.name: qsTr("My specific, measurable version") }
            FieldLabel { text: qsTr("Problem area") }
            ComboBox {
                id: area
                model: [qsTr("None")].concat(dialog.pip.plan.areaList || [])
                Layout.fillWidth: true
                Accessible.name: qsTr("Problem area")
            }
            FieldLabel { text: qsTr("Evidence for it") }
            LinkList {
                entries: dialog.evidence
                Layout.fillWidth: true
                onRemoved: (id) => dialog.evidence = dialog.evidence.filter((e) => e.id !== id)
            }
            EntryFinder {
                Layout.fillWidth: true
                find: (words) => dialog.pip.evidenceCandidates(words, dialog.evidence.map((e) => e.id))
                onChosen: (entry) => dialog.evidence = dialog.evidence.concat([entry])
            }
        }
    }
}
