import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import PaperTrail

// Goals by days: one column a working day of the plan, one row a goal, each cell coloured by its
// grade and marked with its first letters; a day whose check-in did not happen is crossed out.
// Under it, the job-tomorrow strip. Scrolls sideways, opening on today; a tap opens that day.
ColumnLayout {
    id: grid
    property var goals: []
    property var days: []
    signal dayChosen(string day)
    readonly property int cell: Math.round(26 * TextScale.factor)
    // A day not graded (or not asked): faint in the light theme and the dark one alike.
    readonly property color empty: Qt.rgba(Material.foreground.r, Material.foreground.g, Material.foreground.b, 0.1)
    spacing: 4

    function shortGrade(grade) {
        if (!grade || grade.length === 0)
            return ""
        const words = grade.split(/\s+/).filter((w) => w.length > 0)
        if (words.length > 1)
            return words.map((w) => w[0].toUpperCase()).join("").substring(0, 2)
        return grade.substring(0, grade.length <= 2 ? 2 : 1).toUpperCase()
    }

    RowLayout {
        Layout.fillWidth: true
        spacing: 6
        // Goal numbers, fixed on the left.
        Column {
            Layout.alignment: Qt.AlignTop
            spacing: 2
            Item { width: 1; height: grid.cell + 4 }
            Repeater {
                model: grid.goals
                delegate: Label {
                    required property var modelData
                    textFormat: Text.PlainText
                    height: grid.cell
                    width: grid.cell
                    verticalAlignment: Text.AlignVCenter
                    horizontalAlignment: Text.AlignHCenter
                    text: modelData.number
                    font.weight: Font.DemiBold
                    Accessible.name: qsTr("Goal %1: %2").arg(modelData.number).arg(modelData.text)
                }
            }
            Label {
                textFormat: Text.PlainText
                height: grid.cell
                width: grid.cell
                verticalAlignment: Text.AlignVCenter
                horizontalAlignment: Text.AlignHCenter
                text: qsTr("Job")
                font.pixelSize: TextScale.caption
            }
        }
        Flickable {
            id: flick
            Layout.fillWidth: true
            Layout.preferredHeight: columns.height
            contentWidth: columns.width
            contentHeight: columns.height
            flickableDirection: Flickable.HorizontalFlick
            boundsBehavior: Flickable.StopAtBounds
            clip: true
            ScrollBar.horizontal: ScrollBar { policy: ScrollBar.AsNeeded }
            // Open on today (or the last day written): the days before are a flick away.
            function showToday() {
                let index = grid.days.findIndex((d) => d.today)
                if (index < 0)
                    index = grid.days.findIndex((d) => d.future)
                if (index < 0)
                    index = grid.days.length
                const step = grid.cell + 2
                const x = Math.max(0, Math.min(contentWidth - width, (index + 1) * step - width + grid.cell * 2))
                contentX = x >= contentWidth - width ? x : Math.ceil(x / step) * step // a whole column first
            }
            onWidthChanged: showToday()
            Connections {
                target: grid
                function onDaysChanged() { flick.showToday() }
            }

            Row {
                id: columns
                spacing: 2
                Repeater {
                    model: grid.days
                    delegate: Column {
                        id: dayColumn
                        required property var modelData
                        spacing: 2
                        opacity: modelData.future ? 0.45 : 1
                        Label {
                            textFormat: Text.PlainText
                            width: grid.cell
                            height: grid.cell + 4
                            horizontalAlignment: Text.AlignHCenter
                            verticalAlignment: Text.AlignBottom
                            text: dayColumn.modelData.label.split(" ")[1] + "\n" + dayColumn.modelData.label.split(" ")[0].substring(0, 2)
                            font.pixelSize: TextScale.caption
                            font.weight: dayColumn.modelData.today ? Font.Bold : Font.Normal
                            color: dayColumn.modelData.today ? Material.accentColor : Material.foreground
                        }
                        Repeater {
                            model: dayColumn.modelData.cells
                            delegate: Rectangle {
                                id: cellItem
                                required property var modelData
                                required property int index
                                width: grid.cell
                                height: grid.cell
                                radius: 4
                                color: dayColumn.modelData.notHeld.length > 0 ? "#B0BEC5"
                                     : modelData.grade.length === 0 ? grid.empty : GradeColors.of(modelData.score, modelData.grade)
                                Accessible.role: Accessible.Cell
                                Accessible.name: dayColumn.modelData.notHeld.length > 0
                                    ? qsTr("%1: the check-in did not happen").arg(dayColumn.modelData.label)
                                    : qsTr("Goal %1, %2: %3").arg(index + 1).arg(dayColumn.modelData.label)
                                        .arg(modelData.grade.length > 0 ? modelData.grade : qsTr("no grade"))
                                Text {
                                    textFormat: Text.PlainText
                                    anchors.centerIn: parent
                                    text: dayColumn.modelData.notHeld.length > 0 ? "\u2715" : grid.shortGrade(cellItem.modelData.grade)
                                    font.pixelSize: TextScale.caption
                                    color: cellItem.modelData.score >= 0.4 && cellItem.modelData.score < 0.75 ? "#212121" : "white"
                                }
                            }
                        }
                        Rectangle {
                            width: grid.cell
                            height: grid.cell / 2
                            radius: height / 2
                            y: grid.cell / 4
                            color: dayColumn.modelData.notHeld.length > 0 ? "#B0BEC5"
                                 : dayColumn.modelData.job.length === 0 ? grid.empty : GradeColors.job(dayColumn.modelData.job)
                            Accessible.role: Accessible.Cell
                            Accessible.name: qsTr("%1: job tomorrow: %2").arg(dayColumn.modelData.label).arg(GradeColors.jobText(dayColumn.modelData.job))
                        }
                    }
                }
            }
            // A tap on a column opens that day's check-in.
            TapHandler {
                onTapped: (point) => {
                    const index = Math.floor((point.position.x) / (grid.cell + 2))
                    if (index >= 0 && index < grid.days.length && !grid.days[index].future)
                        grid.dayChosen(grid.days[index].date)
                }
            }
        }
    }
    // The key, so colour is never the only sign.
    Flow {
        Layout.fillWidth: true
        spacing: 10
        Repeater {
            model: [
                { color: "#43A047", text: qsTr("Met / best") },
                { color: "#FBC02D", text: qsTr("Partly") },
                { color: "#E53935", text: qsTr("Not met") },
                { color: "#90A4AE", text: qsTr("Own words") },
                { color: "#B0BEC5", text: qsTr("\u2715 did not happen") }
            ]
            delegate: Row {
                required property var modelData
                spacing: 4
                Rectangle { width: 12; height: 12; radius: 3; color: parent.modelData.color; anchors.verticalCenter: parent.verticalCenter }
                Label { textFormat: Text.PlainText; text: parent.modelData.text; font.pixelSize: TextScale.caption }
            }
        }
    }
}
