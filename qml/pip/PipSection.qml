import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import PaperTrail

// One part of the PIP tab: a heading, an optional line under it, and its content.
Pane {
    id: section
    property string title
    property string subtitle
    default property alias content: body.data
    Layout.fillWidth: true
    Material.elevation: 1
    padding: 14
    Accessible.role: Accessible.Grouping
    Accessible.name: title

    ColumnLayout {
        id: body
        width: parent.width
        spacing: 8
        Label {
            textFormat: Text.PlainText
            text: section.title
            font.weight: Font.DemiBold
            font.pixelSize: TextScale.subtitle
            wrapMode: Text.WordWrap
            Layout.fillWidth: true
        }
        Label {
            textFormat: Text.PlainText
            visible: text.length > 0
            text: section.subtitle
            opacity: 0.75
            wrapMode: Text.WordWrap
            Layout.fillWidth: true
        }
    }
}
