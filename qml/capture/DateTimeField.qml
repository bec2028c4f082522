import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import PaperTrail

// When something happened: a date picked on a calendar, a time on two wheels, and "Now".
// Both pickers work with the keyboard too (arrows, Page Up/Down for months, Return).
RowLayout {
    id: root
    property date value: new Date()
    signal edited(date value)

    spacing: 4

    // `value` with another date or time; seconds are dropped, as a person never sets them.
    function withDate(year, month, day) {
        return new Date(year, month, day, value.getHours(), value.getMinutes())
    }
    function withTime(hours, minutes) {
        return new Date(value.getFullYear(), value.getMonth(), value.getDate(), hours, minutes)
    }

    Button {
        objectName: "dateButton"
        flat: true
        text: Qt.formatDate(root.value, "ddd d MMM yyyy")
        Accessible.name: qsTr("Date it happened")
        Accessible.description: text
        onClicked: datePicker.openAt(root.value)
    }
    Button {
        flat: true
        text: Qt.formatTime(root.value, "HH:mm")
        Accessible.name: qsTr("Time it happened")
        Accessible.description: text
        onClicked: timePicker.openAt(root.value)
    }
    Button {
        flat: true
        text: qsTr("Now")
        Accessible.name: qsTr("Set the time to now")
        onClicked: root.edited(new Date())
    }

    Dialog {
        id: datePicker
        // The day the keyboard (or a tap) has chosen; the grid shows its month.
        property date cursor: new Date()

        function openAt(d) {
            cursor = new Date(d.getFullYear(), d.getMonth(), d.getDate())
            open()
            calendarKeys.forceActiveFocus()
        }
        function moveDays(n) {
            cursor = new Date(cursor.getFullYear(), cursor.getMonth(), cursor.getDate() + n)
        }
        function moveMonths(n) {
            // The same day in the other month, or its last day when that month is shorter.
            const last = new Date(cursor.getFullYear(), cursor.getMonth() + n + 1, 0).getDate()
            cursor = new Date(cursor.getFullYear(), cursor.getMonth() + n, Math.min(cursor.getDate(), last))
        }
        function choose() {
            root.edited(root.withDate(cursor.getFullYear(), cursor.getMonth(), cursor.getDate()))
            close()
        }

        parent: Overlay.overlay
        anchors.centerIn: parent
        width: Math.min(parent.width - 32, 360)
        modal: true
        title: qsTr("When did it happen?")
        footer: DialogButtonBox {
            Button { text: qsTr("Cancel"); flat: true; DialogButtonBox.buttonRole: DialogButtonBox.RejectRole }
            Button { text: qsTr("Set date"); flat: true; DialogButtonBox.buttonRole: DialogButtonBox.AcceptRole }
        }
        onAccepted: choose()

        ColumnLayout {
            id: calendarKeys
            width: datePicker.availableWidth
            Keys.onLeftPressed: datePicker.moveDays(-1)
            Keys.onRightPressed: datePicker.moveDays(1)
            Keys.onUpPressed: datePicker.moveDays(-7)
            Keys.onDownPressed: datePicker.moveDays(7)
            Keys.onPressed: (event) => {
                if (event.key === Qt.Key_PageUp) { datePicker.moveMonths(-1); event.accepted = true }
                else if (event.key === Qt.Key_PageDown) { datePicker.moveMonths(1); event.accepted = true }
            }
            Keys.onReturnPressed: datePicker.choose()
            Keys.onEnterPressed: datePicker.choose()

            RowLayout {
                Layout.fillWidth: true
                ToolButton {
                    text: "\u2039"
                    font.pixelSize: TextScale.title
                    Accessible.name: qsTr("Previous month")
                    onClicked: datePicker.moveMonths(-1)
                }
                Label {
                    textFormat: Text.PlainText
                    text: Qt.formatDate(datePicker.cursor, "MMMM yyyy")
                    horizontalAlignment: Text.AlignHCenter
                    font.weight: Font.DemiBold
                    Layout.fillWidth: true
                }
                ToolButton {
                    text: "\u203A"
                    font.pixelSize: TextScale.title
                    Accessible.name: qsTr("Next month")
                    onClicked: datePicker.moveMonths(1)
                }
            }
            DayOfWeekRow {
                Layout.fillWidth: true
            }
            MonthGrid {
                id: grid
                month: datePicker.cursor.getMonth()
                year: datePicker.cursor.getFullYear()
                Layout.fillWidth: true
                delegate: AbstractButton {
                    id: cell
                    required property int year
                    required property int month
                    required property int day
                    required property bool today
                    readonly property bool chosen: year === datePicker.cursor.getFullYear()
                                                   && month === datePicker.cursor.getMonth()
                                                   && day === datePicker.cursor.getDate()
                    implicitHeight: Math.max(36, label.implicitHeight + 12)
                    opacity: month === grid.month ? 1 : 0.4
                    focusPolicy: Qt.NoFocus
                    Accessible.name: Qt.formatDate(new Date(year, month, day), "d MMMM yyyy")
                    onClicked: datePicker.cursor = new Date(year, month, day)
                    onDoubleClicked: datePicker.choose()
                    background: Rectangle {
                        radius: height / 2
                        color: cell.chosen ? Material.accent : "transparent"
                        border.width: cell.today && !cell.chosen ? 1 : 0
                        border.color: Material.accent
                    }
                    contentItem: Label {
                        id: label
                        textFormat: Text.PlainText
                        text: cell.day
                        horizontalAlignment: Text.AlignHCenter
                        verticalAlignment: Text.AlignVCenter
                        color: cell.chosen ? "white" : Material.foreground
                    }
                }
            }
        }
    }

    Dialog {
        id: timePicker
        function openAt(d) {
            hours.currentIndex = d.getHours()
            minutes.currentIndex = d.getMinutes()
            open()
            hours.forceActiveFocus()
        }

        parent: Overlay.overlay
        anchors.centerIn: parent
        modal: true
        title: qsTr("At what time?")
        footer: DialogButtonBox {
            Button { text: qsTr("Cancel"); flat: true; DialogButtonBox.buttonRole: DialogButtonBox.RejectRole }
            Button { text: qsTr("Set time"); flat: true; DialogButtonBox.buttonRole: DialogButtonBox.AcceptRole }
        }
        onAccepted: root.edited(root.withTime(hours.currentIndex, minutes.currentIndex))

        RowLayout {
            anchors.horizontalCenter: parent.horizontalCenter
            Tumbler {
                id: hours
                model: 24
                visibleItemCount: 5
                Accessible.name: qsTr("Hour")
                delegate: timeDigit
                Keys.onRightPressed: minutes.forceActiveFocus()
                Keys.onReturnPressed: timePicker.accept()
            }
            Label {
                textFormat: Text.PlainText
                text: ":"
                font.pixelSize: TextScale.title
            }
            Tumbler {
                id: minutes
                model: 60
                visibleItemCount: 5
                Accessible.name: qsTr("Minute")
                delegate: timeDigit
                Keys.onLeftPressed: hours.forceActiveFocus()
                Keys.onReturnPressed: timePicker.accept()
            }
        }
        Component {
            id: timeDigit
            Label {
                required property int index
                required property var modelData
                textFormat: Text.PlainText
                text: String(modelData).padStart(2, "0")
                horizontalAlignment: Text.AlignHCenter
                verticalAlignment: Text.AlignVCenter
                font.pixelSize: TextScale.heading
                font.weight: Tumbler.displacement === 0 ? Font.DemiBold : Font.Normal
                opacity: 1.0 - Math.abs(Tumbler.displacement) / (Tumbler.tumbler.visibleItemCount / 2)
            }
        }
    }
}
