import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import PaperTrail

// The entries a form links to, each with ✕ to unlink it.
ColumnLayout {
    id: list
    property var entries: []
    signal removed(string id)
    spacing: 2

    Repeater {
        model: list.entries
        delegate: RowLayout {
            id: row
            required property var modelData
            Layout.fillWidth: true
            KindBadge { kind: row.modelData.kind; Layout.preferredWidth: 24; Layout.preferredHeight: 24 }
            Label {
                textFormat: Text.PlainText
                text: row.modelData.title
                elide: Text.ElideRight
                Layout.fillWidth: true
            }
            ToolButton {
                text: "\u2715"
                Accessible.name: qsTr("Unlink %1").arg(row.modelData.title)
                onClicked: list.removed(row.modelData.id)
            }
        }
    }
}
