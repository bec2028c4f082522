import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import PaperTrail

// The structured parts of meeting notes, read-only.
ColumnLayout {
    id: root
    property var fields: ({})
    spacing: 6

    Repeater {
        model: [
            { key: "attendees", label: qsTr("Present") },
            { key: "agreements", label: qsTr("Agreed") },
            { key: "disagreements", label: qsTr("Not agreed") },
            { key: "action_items", label: qsTr("Next steps") }
        ]
        delegate: ColumnLayout {
            required property var modelData
            readonly property var value: root.fields[modelData.key]
            readonly property string text: Array.isArray(value) ? value.join(", ") : (value || "")
            visible: text.length > 0
            Layout.fillWidth: true
            Label { textFormat: Text.PlainText; text: modelData.label; font.weight: Font.DemiBold; font.pixelSize: TextScale.small }
            Label { textFormat: Text.PlainText; text: parent.text; wrapMode: Text.WordWrap; Layout.fillWidth: true }
        }
    }
}
