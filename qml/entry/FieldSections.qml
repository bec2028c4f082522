import QtQuick
import QtQuick.Controls
import PaperTrail

// An entry's own fields, read-only: each filled section by its name (a meeting's "Present",
// "Agreed", its questions; an incident's witnesses; a check-in's grades by goal) with its text
// under it. Empty sections are left out (EntryDetails.sections lists only filled ones).
// Columns with set widths, not nested layouts: wrapped text then is as tall as its lines.
Column {
    id: root
    property var sections: []
    spacing: 10

    Repeater {
        model: root.sections
        delegate: Column {
            id: section
            required property var modelData
            width: root.width
            spacing: 2
            Accessible.role: Accessible.Section
            Accessible.name: modelData.label
            Label {
                textFormat: Text.PlainText
                text: section.modelData.label
                font.weight: Font.DemiBold
                font.pixelSize: TextScale.small
                wrapMode: Text.WordWrap
                width: parent.width
            }
            Label {
                textFormat: Text.PlainText
                text: section.modelData.text
                wrapMode: Text.Wrap
                width: parent.width
                Accessible.name: qsTr("%1: %2").arg(section.modelData.label).arg(text)
            }
        }
    }
}
