import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import PaperTrail

// Moving the end by working days: the seeds advise asking for a day more for every sick day.
Dialog {
    id: dialog
    required property PipController pip

    parent: Overlay.overlay
    anchors.centerIn: parent
    width: Math.min(parent.width - 24, 440)
    modal: true
    title: qsTr("Extend the plan")
    standardButtons: Dialog.Save | Dialog.Cancel
    onAboutToShow: { days.value = 1; reason.currentIndex = 0; note.text = ""; agreed.day = pip.today }
    onAccepted: pip.extend(days.value, reason.reasons[reason.currentIndex], note.text, agreed.day)

    ColumnLayout {
        width: parent.width
        spacing: 8
        Label {
            textFormat: Text.PlainText
            text: qsTr("Ask for the plan to be extended by every sick day or day of leave, and note it here when agreed.")
            wrapMode: Text.WordWrap
            opacity: 0.8
            Layout.fillWidth: true
        }
        FieldLabel { text: qsTr("Working days added") }
        SpinBox { id: days; from: 1; to: 260; editable: true; Accessible.name: qsTr("Working days added") }
        FieldLabel { text: qsTr("Why") }
        ComboBox {
            id: reason
            readonly property var reasons: ["sick", "leave", "formal", "other"]
            model: [qsTr("Sick days"), qsTr("Leave"), qsTr("A formal extension"), qsTr("Other")]
            Layout.fillWidth: true
            Accessible.name: qsTr("Reason for the extension")
        }
        FieldLabel { text: qsTr("Agreed on") }
        DayField { id: agreed; label: qsTr("Day it was agreed") }
        TextField { id: note; placeholderText: qsTr("How it was agreed (an email from HR\u2026)"); Layout.fillWidth: true; Accessible.name: qsTr("Note") }
    }
}
