import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import PaperTrail

// The days the timeline shows, both included; either end may stay open. Nothing changes until
// Apply; Clear shows every day again.
Dialog {
    id: dialog
    required property TimelineModel timeline
    // ISO dates ("2026-11-17"), or "" for an open end.
    property string from: ""
    property string to: ""
    readonly property bool backwards: from.length > 0 && to.length > 0 && from > to

    function openWith(first, last) {
        from = first
        to = last
        open()
        fromButton.forceActiveFocus()
    }
    function shown(day) {
        return Qt.formatDate(new Date(day + "T00:00:00"), "ddd d MMM yyyy")
    }

    parent: Overlay.overlay
    anchors.centerIn: parent
    width: Math.min(parent.width - 32, 420)
    modal: true
    title: qsTr("Show entries between these days")

    onAccepted: timeline.setDayRange(from, to)
    onReset: {
        timeline.setDayRange("", "")
        close()
    }

    GridLayout {
        width: dialog.availableWidth
        columns: 3
        columnSpacing: 8

        Label {
            textFormat: Text.PlainText
            text: qsTr("From")
        }
        Button {
            id: fromButton
            flat: true
            Layout.fillWidth: true
            text: dialog.from.length > 0 ? dialog.shown(dialog.from) : qsTr("The first entry")
            Accessible.name: qsTr("First day")
            Accessible.description: text
            onClicked: picker.openFor("from")
        }
        ToolButton {
            text: "\u2715"
            enabled: dialog.from.length > 0
            Accessible.name: qsTr("No first day")
            onClicked: dialog.from = ""
        }

        Label {
            textFormat: Text.PlainText
            text: qsTr("To")
        }
        Button {
            flat: true
            Layout.fillWidth: true
            text: dialog.to.length > 0 ? dialog.shown(dialog.to) : qsTr("The latest entry")
            Accessible.name: qsTr("Last day")
            Accessible.description: text
            onClicked: picker.openFor("to")
        }
        ToolButton {
            text: "\u2715"
            enabled: dialog.to.length > 0
            Accessible.name: qsTr("No last day")
            onClicked: dialog.to = ""
        }

        Label {
            textFormat: Text.PlainText
            visible: dialog.backwards
            Layout.columnSpan: 3
            Layout.fillWidth: true
            wrapMode: Text.WordWrap
            color: Material.color(Material.Red)
            text: qsTr("The first day is after the last one. Choose another first or last day.")
        }
    }

    footer: DialogButtonBox {
        Button {
            text: qsTr("Cancel")
            flat: true
            DialogButtonBox.buttonRole: DialogButtonBox.RejectRole
        }
        Button {
            text: qsTr("Clear")
            flat: true
            Accessible.name: qsTr("Clear the days: show every day")
            DialogButtonBox.buttonRole: DialogButtonBox.ResetRole
        }
        Button {
            text: qsTr("Apply")
            flat: true
            enabled: !dialog.backwards
            Accessible.name: qsTr("Apply these days")
            DialogButtonBox.buttonRole: DialogButtonBox.AcceptRole
        }
    }

    DayPicker {
        id: picker
        property string end: "from"
        function openFor(which) {
            end = which
            title = which === "from" ? qsTr("First day to show") : qsTr("Last day to show")
            openAt(which === "from" ? dialog.from : dialog.to)
        }
        onPicked: (day) => {
            if (end === "from")
                dialog.from = day
            else
                dialog.to = day
        }
    }
}
