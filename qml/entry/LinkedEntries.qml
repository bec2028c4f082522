import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import PaperTrail

// The entries this one links to and those that link to it (a rebuttal point and the email that
// proves it, a check-in and its grade's screenshot): each a row to open it.
Column {
    id: root
    property var links: []
    signal opened(string id)
    spacing: 4

    Label {
        textFormat: Text.PlainText
        text: qsTr("Linked")
        font.weight: Font.DemiBold
        font.pixelSize: TextScale.small
    }
    Repeater {
        model: root.links
        delegate: ItemDelegate {
            id: row
            required property var modelData
            width: root.width
            padding: 6
            Accessible.name: (modelData.outgoing ? qsTr("Links to %1") : qsTr("Linked from %1")).arg(modelData.title)
            onClicked: root.opened(modelData.id)
            contentItem: RowLayout {
                spacing: 10
                KindBadge { kind: row.modelData.kind; Layout.preferredWidth: 28; Layout.preferredHeight: 28 }
                ColumnLayout {
                    Layout.fillWidth: true
                    spacing: 0
                    Label {
                        textFormat: Text.PlainText
                        text: row.modelData.title
                        elide: Text.ElideRight
                        Layout.fillWidth: true
                    }
                    Label {
                        textFormat: Text.PlainText
                        text: (row.modelData.outgoing ? qsTr("Links to · %1") : qsTr("Linked from · %1"))
                              .arg(KindNames.label(row.modelData.kind) + ", "
                                   + row.modelData.when.toLocaleDateString(Qt.locale(), Locale.ShortFormat))
                        font.pixelSize: TextScale.small
                        opacity: 0.7
                        Layout.fillWidth: true
                        elide: Text.ElideRight
                    }
                }
            }
        }
    }
}
