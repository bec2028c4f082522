import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import PaperTrail

// One email of the pick list: its tick, date, sender and subject, how many attachments, and
// whether it is already in the journal or cannot be imported (and why).
ItemDelegate {
    id: row
    required property int index
    required property string date
    required property bool dateGuessed
    required property string from
    required property string subject
    required property int attachments
    required property bool held
    required property string problem
    required property string source
    required property bool chosen
    required property bool choosable
    property bool current: false
    signal toggled(int row)

    highlighted: current
    focusPolicy: Qt.NoFocus // the list has the keyboard focus; Space ticks the current row
    padding: 8
    Accessible.role: Accessible.CheckBox
    Accessible.checkable: choosable
    Accessible.checked: chosen
    Accessible.name: (subject.length > 0 ? subject : qsTr("(no subject)")) + ", " + qsTr("from %1").arg(from) + ", " + date
                     + (held ? ", " + qsTr("already in the journal") : "")
                     + (problem.length > 0 ? ", " + qsTr("cannot be imported: %1").arg(problem) : "")
    onClicked: if (choosable) row.toggled(index)

    contentItem: RowLayout {
        spacing: 8
        CheckBox {
            checked: row.chosen
            enabled: row.choosable
            focusPolicy: Qt.NoFocus
            Accessible.ignored: true
            onClicked: row.toggled(row.index)
            Layout.alignment: Qt.AlignTop
        }
        ColumnLayout {
            spacing: 1
            Layout.fillWidth: true
            Label {
                textFormat: Text.PlainText
                text: row.from.length > 0 ? row.from : qsTr("(no sender)")
                font.weight: Font.DemiBold
                elide: Text.ElideRight
                Layout.fillWidth: true
            }
            Label {
                textFormat: Text.PlainText
                text: row.subject.length > 0 ? row.subject : qsTr("(no subject)")
                elide: Text.ElideRight
                opacity: row.choosable || row.held ? 1 : 0.7
                Layout.fillWidth: true
            }
            // The date, and what else there is to know, on one line under the subject: on a phone
            // the sender keeps the whole width.
            Label {
                textFormat: Text.PlainText
                text: {
                    const parts = [row.dateGuessed ? qsTr("%1 (the file's date)").arg(row.date) : row.date]
                    if (row.attachments > 0)
                        parts.push(row.attachments === 1 ? qsTr("1 attachment") : qsTr("%1 attachments").arg(row.attachments))
                    if (row.source.length > 0)
                        parts.push(row.source)
                    return parts.join(" \u00b7 ")
                }
                font.pixelSize: TextScale.caption
                opacity: 0.7
                elide: Text.ElideRight
                Layout.fillWidth: true
            }
            Label {
                textFormat: Text.PlainText
                visible: row.held
                text: qsTr("Already in the journal")
                font.pixelSize: TextScale.caption
                color: Material.accentColor
                Layout.fillWidth: true
            }
            Label {
                textFormat: Text.PlainText
                visible: row.problem.length > 0
                text: qsTr("Cannot be imported: %1").arg(row.problem)
                font.pixelSize: TextScale.caption
                color: Material.color(Material.Red)
                wrapMode: Text.WordWrap
                maximumLineCount: 3
                elide: Text.ElideRight
                Layout.fillWidth: true
            }
        }
    }
}
