import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts

ItemDelegate {
    id: card
    required property string title
    required property string bodyPreview
    required property string kind
    required property date occurredAt
    required property bool edited
    required property int attachmentCount

    width: ListView.view ? ListView.view.width : implicitWidth
    Accessible.name: title.length > 0 ? title : bodyPreview

    contentItem: ColumnLayout {
        spacing: 4
        RowLayout {
            Layout.fillWidth: true
            Label {
                text: card.kind
                font.pixelSize: 12
                font.capitalization: Font.AllUppercase
                color: Material.accent
            }
            Label {
                text: Qt.formatTime(card.occurredAt, "HH:mm")
                font.pixelSize: 12
                opacity: 0.7
            }
            Item { Layout.fillWidth: true }
            Label {
                visible: card.attachmentCount > 0
                text: qsTr("%n attachment(s)", "", card.attachmentCount)
                font.pixelSize: 12
                opacity: 0.7
            }
            Label {
                visible: card.edited
                text: qsTr("edited")
                font.pixelSize: 12
                font.italic: true
                opacity: 0.7
            }
        }
        Label {
            text: card.title.length > 0 ? card.title : qsTr("(untitled)")
            font.pixelSize: 17
            font.weight: Font.Medium
            elide: Text.ElideRight
            Layout.fillWidth: true
        }
        Label {
            text: card.bodyPreview
            visible: text.length > 0
            maximumLineCount: 2
            elide: Text.ElideRight
            wrapMode: Text.WordWrap
            opacity: 0.8
            Layout.fillWidth: true
        }
    }
}
