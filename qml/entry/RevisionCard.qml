import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import PaperTrail

// One step in an entry's history: a revision with each field it changed (old -> new, the body's
// words added and removed), or a deletion. Plain text only: entry text never becomes markup.
Pane {
    id: card
    required property var modelData
    readonly property bool isDeletion: modelData.type === "deletion"
    padding: 12
    Material.elevation: 1

    ColumnLayout {
        width: parent.width
        spacing: 4
        Label {
            textFormat: Text.PlainText
            text: {
                const when = Qt.formatDateTime(card.modelData.recordedAt, "d MMM yyyy, HH:mm:ss")
                if (card.isDeletion)
                    return qsTr("Deleted %1").arg(when)
                if (card.modelData.revision === 1)
                    return qsTr("Revision 1 (original), written %1").arg(when)
                if (card.modelData.restored)
                    return qsTr("Revision %1, restored %2").arg(card.modelData.revision).arg(when)
                return qsTr("Revision %1, written %2").arg(card.modelData.revision).arg(when)
            }
            color: card.isDeletion ? Material.color(Material.Red) : Material.foreground
            font.weight: Font.DemiBold
            wrapMode: Text.WordWrap
            Layout.fillWidth: true
        }
        Label {
            textFormat: Text.PlainText
            visible: !card.isDeletion && card.modelData.restored && card.modelData.changes.length === 0
            text: qsTr("Shown again, with the content it had when it was deleted.")
            font.pixelSize: TextScale.small
            opacity: 0.7
            wrapMode: Text.WordWrap
            Layout.fillWidth: true
        }
        Repeater {
            model: card.isDeletion ? [] : card.modelData.changes
            delegate: ColumnLayout {
                id: change
                required property var modelData
                spacing: 2
                Layout.fillWidth: true
                // A short value or a list: "Title: A -> B", "Tags: added hr".
                Label {
                    textFormat: Text.PlainText
                    visible: !change.modelData.isText
                    text: change.modelData.summary
                    wrapMode: Text.WordWrap
                    Layout.fillWidth: true
                    Accessible.name: text
                }
                Label {
                    textFormat: Text.PlainText
                    visible: change.modelData.isText
                    text: change.modelData.label
                    font.pixelSize: TextScale.small
                    font.weight: Font.DemiBold
                }
                // Long text word by word: added words underlined in green, removed ones struck
                // through in red, each its own plain Text.
                Flow {
                    visible: change.modelData.isText
                    spacing: 4
                    Layout.fillWidth: true
                    Accessible.name: change.modelData.summary
                    Repeater {
                        model: change.modelData.isText ? change.modelData.words : []
                        delegate: Text {
                            required property var modelData
                            textFormat: Text.PlainText
                            text: modelData.text
                            // A line break fills a row of its own: 1 px tall, since a Flow
                            // skips items of no height, and the next word then stayed on the line.
                            width: modelData.kind === "break" ? parent.width : implicitWidth
                            height: modelData.kind === "break" ? 1 : implicitHeight
                            color: modelData.kind === "added" ? Material.color(Material.Green)
                                 : modelData.kind === "removed" ? Material.color(Material.Red)
                                 : Material.foreground
                            font.strikeout: modelData.kind === "removed"
                            font.underline: modelData.kind === "added"
                            font.pixelSize: TextScale.body
                        }
                    }
                }
            }
        }
        Label {
            textFormat: Text.PlainText
            visible: !card.isDeletion && card.modelData.showBody
            text: card.modelData.body || ""
            wrapMode: Text.WordWrap
            maximumLineCount: 6
            elide: Text.ElideRight
            opacity: 0.8
            Layout.fillWidth: true
        }
    }
}
