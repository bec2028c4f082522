import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import PaperTrail

// One revision in an entry's history, with what changed from the one before.
Pane {
    id: card
    required property var modelData
    padding: 12
    Material.elevation: 1

    ColumnLayout {
        width: parent.width
        spacing: 4
        Label {
            textFormat: Text.PlainText
            text: card.modelData.revision === 1
                  ? qsTr("Revision 1 (original), written %1").arg(Qt.formatDateTime(card.modelData.recordedAt, "d MMM yyyy, HH:mm:ss"))
                  : qsTr("Revision %1, written %2").arg(card.modelData.revision).arg(Qt.formatDateTime(card.modelData.recordedAt, "d MMM yyyy, HH:mm:ss"))
            font.weight: Font.DemiBold
            wrapMode: Text.WordWrap
            Layout.fillWidth: true
        }
        Label {
            textFormat: Text.PlainText
            visible: card.modelData.revision > 1
            text: qsTr("Changed: %1").arg(card.modelData.changed.join(", "))
            font.pixelSize: TextScale.small
            opacity: 0.7
        }
        Label {
            textFormat: Text.PlainText
            visible: card.modelData.changed.indexOf("title") >= 0
            text: qsTr("Title was: %1").arg(card.modelData.previousTitle)
            wrapMode: Text.WordWrap
            font.strikeout: true
            opacity: 0.7
            Layout.fillWidth: true
        }
        Label {
            textFormat: Text.PlainText
            visible: card.modelData.changed.indexOf("body") >= 0
            text: card.modelData.previousBody
            wrapMode: Text.WordWrap
            font.strikeout: true
            opacity: 0.6
            maximumLineCount: 6
            elide: Text.ElideRight
            Layout.fillWidth: true
        }
        Label {
            textFormat: Text.PlainText
            text: card.modelData.body
            wrapMode: Text.WordWrap
            maximumLineCount: 6
            elide: Text.ElideRight
            Layout.fillWidth: true
        }
    }
}
