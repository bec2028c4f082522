import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material

// A timeline filter (kinds, tags). The choices come from the entries, so each one is shown as
// plain text: the stock delegate's label would render a tag like "<img src=...>" as rich text.
ComboBox {
    id: box
    flat: true
    delegate: MenuItem {
        id: choice
        required property var modelData
        required property int index
        width: ListView.view.width
        text: modelData
        highlighted: box.highlightedIndex === index
        hoverEnabled: box.hoverEnabled
        contentItem: Label {
            textFormat: Text.PlainText
            text: choice.text
            elide: Text.ElideRight
            verticalAlignment: Text.AlignVCenter
            color: box.currentIndex === choice.index ? Material.accent : Material.foreground
        }
    }
}
