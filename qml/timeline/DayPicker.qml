import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import PaperTrail

// One day on a calendar: a tap on it, or Return, chooses it. Arrows move the cursor by days and
// weeks, Page Up and Page Down by months. Days go in and out as ISO dates ("2026-11-17").
Dialog {
    id: picker
    // The day the keyboard (or a tap) is on; the grid shows its month.
    property date cursor: new Date()
    signal picked(string day)

    function openAt(day) {
        const start = day.length > 0 ? new Date(day + "T00:00:00") : new Date()
        cursor = new Date(start.getFullYear(), start.getMonth(), start.getDate())
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
    function choose(day) {
        picked(Qt.formatDate(day, "yyyy-MM-dd"))
        close()
    }

    parent: Overlay.overlay
    anchors.centerIn: parent
    width: Math.min(parent.width - 32, 360)
    modal: true
    standardButtons: Dialog.Cancel

    ColumnLayout {
        id: calendarKeys
        activeFocusOnTab: true
        width: picker.availableWidth
        Keys.onLeftPressed: picker.moveDays(-1)
        Keys.onRightPressed: picker.moveDays(1)
        Keys.onUpPressed: picker.moveDays(-7)
        Keys.onDownPressed: picker.moveDays(7)
        Keys.onPressed: (event) => {
            if (event.key === Qt.Key_PageUp) { picker.moveMonths(-1); event.accepted = true }
            else if (event.key === Qt.Key_PageDown) { picker.moveMonths(1); event.accepted = true }
        }
        Keys.onReturnPressed: picker.choose(picker.cursor)
        Keys.onEnterPressed: picker.choose(picker.cursor)
        Accessible.role: Accessible.Table
        Accessible.name: Qt.formatDate(picker.cursor, "d MMMM yyyy")

        RowLayout {
            Layout.fillWidth: true
            ToolButton {
                text: "\u2039"
                font.pixelSize: TextScale.title
                Accessible.name: qsTr("Previous month")
                onClicked: picker.moveMonths(-1)
            }
            Label {
                textFormat: Text.PlainText
                text: Qt.formatDate(picker.cursor, "MMMM yyyy")
                horizontalAlignment: Text.AlignHCenter
                font.weight: Font.DemiBold
                Layout.fillWidth: true
            }
            ToolButton {
                text: "\u203A"
                font.pixelSize: TextScale.title
                Accessible.name: qsTr("Next month")
                onClicked: picker.moveMonths(1)
            }
        }
        DayOfWeekRow {
            Layout.fillWidth: true
        }
        MonthGrid {
            id: grid
            month: picker.cursor.getMonth()
            year: picker.cursor.getFullYear()
            Layout.fillWidth: true
            delegate: AbstractButton {
                id: cell
                required property int year
                required property int month
                required property int day
                required property bool today
                readonly property bool chosen: year === picker.cursor.getFullYear()
                                               && month === picker.cursor.getMonth()
                                               && day === picker.cursor.getDate()
                implicitHeight: Math.max(36, label.implicitHeight + 12)
                opacity: month === grid.month ? 1 : 0.4
                focusPolicy: Qt.NoFocus // the grid takes the arrows; Tab goes on to the buttons
                Accessible.name: Qt.formatDate(new Date(year, month, day), "d MMMM yyyy")
                onClicked: picker.choose(new Date(year, month, day))
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
