import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import PaperTrail

// One goal's trend: a bar a graded day, as tall as its grade is good, coloured as in the grid;
// the mean beside it in words.
RowLayout {
    id: trend
    property var goal: ({})
    spacing: 8
    Accessible.role: Accessible.Chart
    Accessible.name: qsTr("Goal %1 trend: %2 grades, mean %3").arg(goal.number)
                     .arg(goal.graded).arg(goal.mean >= 0 ? Math.round(goal.mean * 100) + "%" : qsTr("none on the scale"))

    Label {
        textFormat: Text.PlainText
        text: trend.goal.number + "."
        font.weight: Font.DemiBold
    }
    ColumnLayout {
        Layout.fillWidth: true
        spacing: 2
        Label {
            textFormat: Text.PlainText
            text: trend.goal.text
            elide: Text.ElideRight
            Layout.fillWidth: true
        }
        Row {
            id: bars
            Layout.fillWidth: true
            height: 28
            spacing: 2
            // The latest days when there are more than fit.
            readonly property int fits: Math.max(1, Math.floor(width / 6))
            Repeater {
                model: (trend.goal.trend || []).slice(-bars.fits)
                delegate: Rectangle {
                    required property var modelData
                    width: 4
                    height: 4 + modelData * 24
                    anchors.bottom: parent.bottom
                    radius: 1
                    color: GradeColors.of(modelData, "x")
                }
            }
        }
    }
    Label {
        textFormat: Text.PlainText
        text: trend.goal.graded > 0 && trend.goal.mean >= 0 ? Math.round(trend.goal.mean * 100) + "%" : "\u2013"
        font.pixelSize: TextScale.small
        opacity: 0.8
        Layout.preferredWidth: implicitWidth
    }
}
